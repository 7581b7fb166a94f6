using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Slack.Client;

/// <summary>Sends OpsBot's messages to Slack. Every method throws <see cref="SlackApiException"/> when Slack refuses.</summary>
public interface ISlackClient
{
    /// <summary>Posts <paramref name="message"/> to <paramref name="channel"/>, as a reply in the thread of <paramref name="threadTs"/> when given.</summary>
    Task<SlackPostedMessage> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken);

    /// <summary>Replaces the message <paramref name="ts"/> in <paramref name="channel"/> with <paramref name="message"/>.</summary>
    Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken);

    /// <summary>Answers an interaction through its <c>response_url</c> (valid 30 minutes, up to 5 times).</summary>
    Task RespondAsync(Uri responseUrl, SlackMessage message, SlackResponseMode mode, CancellationToken cancellationToken);

    /// <summary>Posts <paramref name="message"/> through the configured incoming webhook.</summary>
    Task PostWebhookAsync(SlackMessage message, CancellationToken cancellationToken);

    /// <summary>Opens the modal <paramref name="viewJson"/> (a Block Kit <c>view</c> object) for the click of <paramref name="triggerId"/> (<c>views.open</c>, valid 3 seconds after the click).</summary>
    Task OpenViewAsync(string triggerId, string viewJson, CancellationToken cancellationToken);

    /// <summary>The user ids of Slack user group <paramref name="userGroupId"/> (<c>usergroups.users.list</c>, scope <c>usergroups:read</c>).</summary>
    Task<IReadOnlyList<string>> UserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken);
}
