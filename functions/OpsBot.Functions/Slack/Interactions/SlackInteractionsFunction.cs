using System.Text;
using System.Text.Json;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Holds;
using OpsBot.Functions.Slack.Client;
using OpsBot.Functions.Slack.Connection;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Slack.Signing;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Slack.Interactions;

/// <summary>
/// The SlackInteractions Lambda behind an HTTP API (payload format 2.0): verifies Slack's signature,
/// reads the button click, lets <see cref="ApprovalWorkflow"/> authorize and act, updates the clicked
/// message (<c>chat.update</c>, or <c>response_url</c> with <c>replace_original</c> in webhook-only set-ups),
/// tells a refused clicker why (ephemeral <c>response_url</c> answer), and audits every request
/// whose signature verified, accepted, refused or rejected. A request refused before its signature
/// verified costs no table write: it is counted by <paramref name="rejected"/> (a metric and a sampled
/// log line), so a flood of forged requests cannot fill the state table.
/// </summary>
/// <remarks>
/// <para>
/// Answering within Slack's 3 seconds: the work is done synchronously, inside the request, and the
/// HTTP 200 is returned when it is finished. A Lambda cannot answer and keep working in one invocation,
/// and the work is short: one conditional DynamoDB write, an (cached) AssumeRole, two or three EC2
/// calls and one <c>chat.update</c>, typically well under a second on a warm function. Doing it inline
/// keeps the click's outcome and its audit record in one place, with no second hop that could lose it.
/// The time taken is measured on every request and written into the interaction audit record
/// (<see cref="InteractionAuditRecord.ElapsedMilliseconds"/>); an answer slower than <see cref="AckBudget"/>
/// is also recorded as an error, so slow starts show up in the audit trail. Slack retries an
/// unanswered request (<c>X-Slack-Retry-Num</c>); the conditional status write makes a retry harmless
/// (it is refused as already handled), so a slow first answer never acts twice.
/// </para>
/// <para>
/// Status codes: 200 for every genuine click (refusals included: the clicker is told in Slack), 401
/// for a signature that does not verify or was already seen (a replay, see <see cref="SignatureReplayCache"/>), 400 for a malformed request, 405 for a method other than POST,
/// 503 when Slack is not configured, 500 when the state table fails.
/// </para>
/// </remarks>
/// <param name="workspace">OpsBot's Slack app.</param>
/// <param name="workflow">Settles the clicks.</param>
/// <param name="state">The state table (interaction audit records).</param>
/// <param name="clock">The clock.</param>
/// <param name="rejected">Where refusals of unverified requests are counted; null for the function log.</param>
/// <param name="holds">Undo and Exempt through their modals; null to undo on the click (no reason, no suppression).</param>
/// <param name="observer">Where each click's structured log line goes; null for none.</param>
/// <param name="replays">Refuses a verified request whose signature was already seen (a replay); null to accept replays.</param>
public sealed class SlackInteractionsFunction(SlackWorkspace workspace, ApprovalWorkflow workflow, IStateStore state, TimeProvider clock, RejectedRequestSignal? rejected = null, HoldInteractions? holds = null, Observability.OutcomeObserver? observer = null, SignatureReplayCache? replays = null)
{
    /// <summary>Where refusals of unverified requests are counted.</summary>
    public RejectedRequestSignal RejectedRequests { get; } = rejected ?? new RejectedRequestSignal(Console.Out, clock);

    /// <summary>The time OpsBot allows itself to answer; Slack gives up at 3 seconds.</summary>
    public static readonly TimeSpan AckBudget = TimeSpan.FromMilliseconds(2500);

    /// <summary>Handles one HTTP API request.</summary>
    public async Task<HttpApiResponse> HandleAsync(HttpApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = clock.GetTimestamp();
        var method = request.RequestContext?.Http?.Method;
        if (method is not null && !string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return Unverified(405, "MethodNotAllowed", $"method {Shorten(method)} is not allowed (Slack posts)");
        }

        byte[] body;
        try
        {
            body = request.IsBase64Encoded ? Convert.FromBase64String(request.Body ?? "") : Encoding.UTF8.GetBytes(request.Body ?? "");
        }
        catch (FormatException)
        {
            return Unverified(400, "MalformedBody", "the body is marked base64 but is not");
        }

        SlackConnection connection;
        try
        {
            connection = await workspace.ConnectAsync(cancellationToken);
        }
        catch (InvalidSettingException ex)
        {
            return Unverified(503, "NotConfigured", $"Slack is not configured: {ex.Message}");
        }

        if (connection.Secrets.SigningSecret is not { } secret)
        {
            return Unverified(503, "NotConfigured", $"no signing secret is configured ({Secrets.SlackEnvironment.SigningSecret}); interactions are off");
        }

        var check = new SlackSignatureVerifier(secret, clock).Verify(Header(request, SlackSignatureVerifier.TimestampHeader), Header(request, SlackSignatureVerifier.SignatureHeader), body);
        if (!check.IsValid)
        {
            return Unverified(401, check.Rejection.ToString(), $"signature rejected ({check.Rejection}): {check.Detail}");
        }

        try
        {
            if (replays is not null && !await replays.TryFirstSeenAsync(Header(request, SlackSignatureVerifier.SignatureHeader)!, Header(request, SlackSignatureVerifier.TimestampHeader)!, cancellationToken))
            {
                return Unverified(401, "Replayed", $"signature already seen within {SignatureReplayCache.Window.TotalMinutes:0} minutes: a replayed request");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The state table is down, not the request forged: not counted as a rejection; Slack shows the click failed.
            return Answer(500, $"not handled: the replay cache could not be written ({ex.GetType().Name})");
        }

        var text = Encoding.UTF8.GetString(body);
        if (holds is not null && IsSubmission(text))
        {
            return await SubmitAsync(connection, text, started, cancellationToken);
        }

        SlackClick click;
        try
        {
            click = SlackClickReader.Read(text);
        }
        catch (MalformedInteractionException ex)
        {
            return await RejectAsync(400, $"malformed interaction: {ex.Message}", started, cancellationToken);
        }

        ClickOutcome outcome;
        try
        {
            outcome = holds is not null && click.Kind is ClickKind.Undo or ClickKind.Exempt
                ? await holds.OpenAsync(connection, click, cancellationToken)
                : await workflow.HandleAsync(click.Kind, click.Target, click.UserId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await AuditAsync(click, new ClickOutcome(InteractionResult.Failed, $"not settled: {ex.Message}"), [], started, CancellationToken.None);
            await TryNoticeAsync(connection, click, "OpsBot could not handle this click; nothing was settled. Try again in a minute.", [], CancellationToken.None);
            return HttpApiResponse.Text(500, "not handled");
        }

        var errors = new List<string>();
        if (outcome.Update is { } update)
        {
            await UpdateMessageAsync(connection, click, SlackMessages.ResultUpdate(update), errors, cancellationToken);
        }

        if (outcome.Notice is { } notice)
        {
            await TryNoticeAsync(connection, click, notice, errors, cancellationToken);
        }

        await AuditAsync(click, outcome, errors, started, cancellationToken);
        return HttpApiResponse.Text(200, "");
    }

    /// <summary>Handles the raw invocation JSON (payload format 2.0) and returns the response JSON: the Lambda entry.</summary>
    public async Task<string> HandleJsonAsync(string invocation, CancellationToken cancellationToken)
    {
        HttpApiRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(invocation, HttpApiJsonContext.Default.HttpApiRequest);
        }
        catch (JsonException ex)
        {
            var refused = Unverified(400, "MalformedInvocation", $"the invocation is not an HTTP API request: {ex.Message}");
            return JsonSerializer.Serialize(refused, HttpApiJsonContext.Default.HttpApiResponse);
        }

        var response = request is null
            ? Unverified(400, "MalformedInvocation", "the invocation is null, not an HTTP API request")
            : await HandleAsync(request, cancellationToken);
        return JsonSerializer.Serialize(response, HttpApiJsonContext.Default.HttpApiResponse);
    }

    // A submitted Undo or Exempt modal: a refusal is shown in the modal (response_action errors), a
    // settlement closes it and updates the alert; either way the submission is audited.
    private async Task<HttpApiResponse> SubmitAsync(SlackConnection connection, string text, long started, CancellationToken cancellationToken)
    {
        ModalSubmission submission;
        try
        {
            submission = ModalSubmissionReader.Read(SlackClickReader.Payload(text));
        }
        catch (MalformedInteractionException ex)
        {
            return await RejectAsync(400, $"malformed modal submission: {ex.Message}", started, cancellationToken);
        }

        var click = new SlackClick(submission.Kind, submission.CallbackId, submission.Target, submission.UserId, null, submission.Message);
        ClickOutcome outcome;
        try
        {
            outcome = await holds!.SubmitAsync(submission, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await AuditAsync(click, new ClickOutcome(InteractionResult.Failed, $"not settled: {ex.Message}"), [], started, CancellationToken.None);
            return HttpApiResponse.Text(500, "not handled");
        }

        var errors = new List<string>();
        if (outcome.Update is { } update)
        {
            await UpdateMessageAsync(connection, click, SlackMessages.ResultUpdate(update), errors, cancellationToken);
        }

        await AuditAsync(click, outcome, errors, started, cancellationToken);
        return outcome.Result is InteractionResult.Refused or InteractionResult.Failed && outcome.Notice is { } notice
            ? HoldModalAnswer.Errors(HoldModals.ReasonBlock, notice)
            : HttpApiResponse.Text(200, "");
    }

    private static bool IsSubmission(string text)
    {
        try
        {
            return ModalSubmissionReader.IsSubmission(SlackClickReader.Payload(text));
        }
        catch (MalformedInteractionException)
        {
            return false;
        }
    }

    private async Task UpdateMessageAsync(SlackConnection connection, SlackClick click, SlackMessage message, List<string> errors, CancellationToken cancellationToken)
    {
        try
        {
            if (connection.Secrets.CanUseWebApi && click.Message is { } location)
            {
                await connection.Client.UpdateMessageAsync(location.Channel, location.Ts, message, cancellationToken);
            }
            else if (click.ResponseUrl is { } url)
            {
                await connection.Client.RespondAsync(url, message, SlackResponseMode.ReplaceOriginal, cancellationToken);
            }
            else
            {
                errors.Add("message not updated: the click carried neither channel and ts nor response_url");
            }
        }
        catch (SlackApiException ex)
        {
            errors.Add($"message not updated: {ex.Message}");
        }
    }

    private static async Task TryNoticeAsync(SlackConnection connection, SlackClick click, string notice, List<string> errors, CancellationToken cancellationToken)
    {
        if (click.ResponseUrl is not { } url)
        {
            return;
        }

        try
        {
            await connection.Client.RespondAsync(url, SlackMessages.Notice(notice), SlackResponseMode.Ephemeral, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            errors.Add($"notice to the clicker not sent: {ex.Message}");
        }
    }

    private Task AuditAsync(SlackClick click, ClickOutcome outcome, List<string> errors, long started, CancellationToken cancellationToken)
    {
        var elapsed = clock.GetElapsedTime(started);
        if (elapsed > AckBudget)
        {
            errors.Add($"answered Slack after {elapsed.TotalMilliseconds:0} ms (budget {AckBudget.TotalMilliseconds:0} ms, Slack's limit 3000 ms)");
        }

        var interaction = new InteractionAuditRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            RecordedAt = clock.GetUtcNow(),
            UserId = click.UserId,
            ActionId = click.ActionId,
            EventId = click.Target.EventId,
            PolicyId = click.Target.PolicyId,
            ResourceId = click.Target.ResourceId,
            Result = outcome.Result,
            Reason = outcome.Reason,
            ElapsedMilliseconds = (long)elapsed.TotalMilliseconds,
            Errors = errors,
        };
        observer?.Clicked(interaction);
        return state.WriteInteractionAsync(interaction, cancellationToken);
    }

    // A signed request that still cannot be handled: from Slack, so worth an audit record.
    private async Task<HttpApiResponse> RejectAsync(int status, string reason, long started, CancellationToken cancellationToken)
    {
        await state.WriteInteractionAsync(new InteractionAuditRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            RecordedAt = clock.GetUtcNow(),
            Result = InteractionResult.Rejected,
            Reason = reason,
            ElapsedMilliseconds = (long)clock.GetElapsedTime(started).TotalMilliseconds,
        }, cancellationToken);
        return Answer(status, reason);
    }

    // Anyone on the internet can send these: counted and sampled, never written to the table.
    private HttpApiResponse Unverified(int status, string rejection, string reason)
    {
        RejectedRequests.Rejected(rejection, reason);
        return Answer(status, reason);
    }

    private static HttpApiResponse Answer(int status, string reason) =>
        HttpApiResponse.Text(status, status switch
        {
            401 => "invalid signature",
            405 => "method not allowed",
            503 => "interactions are not configured",
            _ => reason,
        });

    private static string? Header(HttpApiRequest request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Shorten(string text) => text.Length <= 16 ? text : text[..16] + "…";
}
