using OpsBot.Functions.Approvals;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Holds;

/// <summary>A submitted Undo or Exempt modal, read from a verified <c>view_submission</c> payload.</summary>
/// <param name="Kind"><see cref="ClickKind.Undo"/> or <see cref="ClickKind.Exempt"/>.</param>
/// <param name="CallbackId">The modal's <c>callback_id</c>.</param>
/// <param name="Target">What the modal is about (from <c>private_metadata</c>).</param>
/// <param name="UserId">Who submitted.</param>
/// <param name="Reason">The reason typed.</param>
/// <param name="Duration">For Exempt, the chosen duration's value (<c>7d</c>); null for Undo.</param>
/// <param name="Message">The message the button was on, or null.</param>
public sealed record ModalSubmission(ClickKind Kind, string CallbackId, SlackActionValue Target, string UserId, string Reason, string? Duration, SlackMessageLocation? Message);
