using OpsBot.Functions.Configuration;
using OpsBot.Lambda;
using OpsBot.Lambda.Handlers;
using OpsBot.Lambda.Runtime;

if (args is ["--policy-tests", var folder])
{
    return await PolicySuite.RunAsync(folder, Console.Out);
}

var host = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (string.IsNullOrEmpty(host))
{
    Console.Error.WriteLine("bootstrap: AWS_LAMBDA_RUNTIME_API is not set; this program is the Lambda custom runtime (or run: bootstrap --policy-tests DIR)");
    return 2;
}

using var transport = new SocketsHttpHandler();
using var runtime = new RuntimeApiClient(host, transport);
var environment = new ProcessEnvironmentVariables();
return await new LambdaBootstrap(runtime, TimeProvider.System)
    .RunAsync(() => HandlerCatalog.Create(environment.Get("_HANDLER"), environment, transport), CancellationToken.None);
