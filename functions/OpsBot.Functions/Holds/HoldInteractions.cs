using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Client;
using OpsBot.Functions.Slack.Connection;
using OpsBot.Functions.Slack.Interactions;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Holds;

/// <summary>
/// The Slack side of Undo and Exempt: a click that would be refused (no record, nothing left to undo,
/// the undo window over, a clicker not allowed, the author of the change) is refused at once, with no
/// modal; any other opens the modal (<c>views.open</c> with the click's <c>trigger_id</c>); the submitted
/// modal checks again and runs the undo (<see cref="ApprovalWorkflow.UndoAsync"/>) or records the
/// exemption (<see cref="ExemptionWorkflow"/>). Nothing is changed by the click itself.
/// </summary>
/// <param name="policies">The policies as loaded now.</param>
/// <param name="approvals">Runs the undo.</param>
/// <param name="exemptions">Records exemptions.</param>
public sealed class HoldInteractions(PolicySet policies, ApprovalWorkflow approvals, ExemptionWorkflow exemptions)
{
    /// <summary>Refuses an Undo or Exempt <paramref name="click"/> that may not go ahead, or opens its modal.</summary>
    /// <exception cref="Exception">A state-table failure; no modal was opened.</exception>
    public async Task<ClickOutcome> OpenAsync(SlackConnection connection, SlackClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(click);
        var verb = click.Kind == ClickKind.Undo ? "Undo" : "Exempt";

        // A click that would be refused on submit is refused now: no dialog to fill in for nothing.
        var refused = click.Kind == ClickKind.Undo
            ? await approvals.RefuseUndoAsync(click.Target, click.UserId, cancellationToken)
            : await exemptions.RefuseAsync(click.Target, click.UserId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (string.IsNullOrEmpty(click.TriggerId))
        {
            return ClickOutcome.Refused($"{verb} click without a trigger_id: no modal can be opened", $"{verb} asks for a reason in a dialog, and this click carried no trigger; press the button again.");
        }

        if (!connection.Secrets.CanUseWebApi)
        {
            return ClickOutcome.Refused($"{verb} needs the Slack Web API (views.open) and no bot token is configured", $"{verb} needs OpsBot's bot token to open its dialog; ask an administrator.");
        }

        // Exempt's refusal above covers a policy no longer loaded.
        var policy = policies.Find(click.Target.PolicyId);
        var view = click.Kind == ClickKind.Undo
            ? HoldModals.Undo(click.Target, click.Message, policy?.Remediation.SuppressFor ?? TimeSpan.FromHours(24))
            : HoldModals.Exempt(click.Target, click.Message, policy!);
        try
        {
            await connection.Client.OpenViewAsync(click.TriggerId, view, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            return new ClickOutcome(InteractionResult.Failed, $"{verb} modal not opened: {ex.Message}", null, $"OpsBot could not open the {verb} dialog ({SlackMarkdown.Escape(ex.ErrorCode)}); press the button again.");
        }

        return new ClickOutcome(InteractionResult.ModalOpened, $"{verb} modal opened for {click.UserId}; nothing is changed until it is submitted");
    }

    /// <summary>Settles a submitted modal.</summary>
    /// <exception cref="Exception">A state-table failure; nothing was settled.</exception>
    public Task<ClickOutcome> SubmitAsync(ModalSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return submission.Kind == ClickKind.Undo
            ? approvals.UndoAsync(submission.Target, submission.UserId, submission.Reason, cancellationToken)
            : exemptions.ExemptAsync(submission.Target, submission.UserId, submission.Duration ?? "", submission.Reason, cancellationToken);
    }
}
