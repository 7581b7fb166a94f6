using OpsBot.Functions.Slack.Client;
using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Slack.Threading;

/// <summary>
/// Posts an alert (or approval request) to a channel, threading it under an earlier alert for the
/// same account, resource and policy when the tracker says so.
/// </summary>
public sealed class SlackAlertPoster(ISlackClient client, ISlackThreadTracker threads)
{
    /// <summary>
    /// Posts <paramref name="message"/> about <paramref name="facts"/> to <paramref name="channel"/>;
    /// returns where it landed (with <see cref="SlackPostedMessage.Ts"/> the message's own ts, which
    /// <c>chat.update</c> needs later).
    /// </summary>
    /// <exception cref="SlackApiException">Slack refused the message.</exception>
    public async Task<SlackPostedMessage> PostAsync(string channel, SlackAlertFacts facts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var key = new SlackThreadKey(facts.Account, facts.ResourceId, facts.PolicyId);
        var thread = await threads.FindAsync(key, channel, cancellationToken).ConfigureAwait(false);
        var posted = await client.PostMessageAsync(channel, message, thread?.ThreadTs, cancellationToken).ConfigureAwait(false);
        await threads.RecordAsync(key, channel, thread?.ThreadTs ?? posted.Ts, cancellationToken).ConfigureAwait(false);
        return posted;
    }
}
