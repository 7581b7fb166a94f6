using OpsBot.Lambda.Handlers;

namespace OpsBot.Lambda.Runtime;

/// <summary>
/// The custom runtime loop (as in aws-lambda-dotnet's LambdaBootstrap): next invocation -> handler ->
/// response or error, for ever. An exception in a handler becomes that invocation's error and the
/// loop goes on; a handler that cannot be built is reported as an init error.
/// </summary>
public sealed class LambdaBootstrap(RuntimeApiClient runtime, TimeProvider clock)
{
    /// <summary>Time kept back before the deadline so the error can still be posted when a handler overruns.</summary>
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>Environment variable carrying the current invocation's X-Ray trace header.</summary>
    public const string TraceVariable = "_X_AMZN_TRACE_ID";

    /// <summary>Builds the handler with <paramref name="init"/>, then serves invocations until cancelled (or <paramref name="maxInvocations"/> are served).</summary>
    /// <returns>0 after serving; 1 when initialisation failed (reported to the Runtime API).</returns>
    public async Task<int> RunAsync(Func<IInvocationHandler> init, CancellationToken cancellationToken, int maxInvocations = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(init);
        IInvocationHandler handler;
        try
        {
            handler = init();
        }
        catch (Exception ex)
        {
            await runtime.ReportInitErrorAsync(RuntimeError.From(ex), cancellationToken);
            return 1;
        }

        for (var served = 0; served < maxInvocations && !cancellationToken.IsCancellationRequested; served++)
        {
            var invocation = await runtime.NextAsync(cancellationToken);
            await InvokeAsync(handler, invocation, cancellationToken);
        }

        return 0;
    }

    private async Task InvokeAsync(IInvocationHandler handler, Invocation invocation, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable(TraceVariable, invocation.TraceId);
        var remaining = invocation.Deadline - clock.GetUtcNow() - DeadlineMargin;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (remaining < TimeSpan.FromDays(1))
        {
            deadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        }

        string response;
        try
        {
            response = await handler.HandleAsync(invocation.Body, invocation.Deadline, deadline.Token);
        }
        catch (Exception ex)
        {
            var error = ex is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? new RuntimeError($"the invocation ran out of time (deadline {invocation.Deadline:O})", "DeadlineExceeded", [])
                : RuntimeError.From(ex);
            await runtime.ReportInvocationErrorAsync(invocation.RequestId, error, cancellationToken);
            return;
        }

        await runtime.RespondAsync(invocation.RequestId, response, cancellationToken);
    }
}
