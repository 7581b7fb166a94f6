using System.Globalization;
using System.Text.Json.Nodes;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Holds;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Holds;

/// <summary>
/// Forged and malformed modal submissions on moto: an unsigned one costs no table write; a signed one
/// that is not an OpsBot modal, names no target, lacks a reason or asks for a duration the modal did not
/// offer is refused with what is wrong, writes only its interaction audit record, and changes nothing.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MalformedSubmissionTests(MotoServer moto)
{
    private const string AdminPortsPolicy = "ec2-sg-admin-ports-public";
    private static readonly Lazy<PolicySet> Shipped = new(() => PolicySet.Load(RepositoryPaths.Policies));

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "callback", "opsbot_other_modal", "callback_id 'opsbot_other_modal' is not an OpsBot modal" },
        { "metadata", "not json", "private_metadata is not OpsBot's JSON" },
        { "target", """{"target":"evt-only"}""", "private_metadata names no target" },
        { "reason", "", "the submission has no reason" },
        { "user", "", "the submission has no user.id" },
        { "duration", "", "the exemption has no duration" },
    };

    [Fact]
    public async Task A_submission_with_a_bad_signature_is_refused_without_a_table_write()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        var before = await world.TableItemCountAsync();
        var body = "payload=" + Uri.EscapeDataString(Submission(HoldModals.UndoCallback, Metadata(eventId, groupId), "U0SECOPS", "forged").ToJsonString());
        var timestamp = world.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var status = await world.SendAsync(body, timestamp, "v0=" + new string('0', 64));

        Assert.Equal(401, status);
        Assert.Equal(before, await world.TableItemCountAsync());
        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_submission_is_refused_saying_what_is_wrong_and_writes_only_its_audit_record(string part, string value, string message)
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        var callback = part switch { "callback" => value, "duration" => HoldModals.ExemptCallback, _ => HoldModals.UndoCallback };
        var metadata = part is "metadata" or "target" ? value : Metadata(eventId, groupId);
        var payload = Submission(callback, metadata, part == "user" ? null : "U0SECOPS", part == "reason" ? null : "a reason");
        var before = await world.TableItemCountAsync();

        var (status, body) = await world.SubmitViewAsync(payload);

        Assert.Equal(400, status);
        Assert.Contains(message, body, StringComparison.Ordinal);
        Assert.Equal(before + 2, await world.TableItemCountAsync()); // its audit record and its signature's replay-cache entry
        var rejected = Assert.Single(await world.Runtime.StateStore.ReadUnattributedInteractionsAsync(DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime), CancellationToken.None), i => i.Reason.Contains(message, StringComparison.Ordinal));
        Assert.Equal(InteractionResult.Rejected, rejected.Result);
        Assert.Empty(await world.Runtime.Holds.ReadAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, CancellationToken.None));
        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
    }

    [Fact]
    public async Task An_exemption_longer_than_the_modal_offered_is_refused_and_nothing_is_recorded_but_the_refusal()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        var before = await world.TableItemCountAsync();

        var (status, body) = await world.SubmitViewAsync(Submission(HoldModals.ExemptCallback, Metadata(eventId, groupId), SlackApprovalWorld.UndoUser, "forever please", "365d"));

        Assert.Equal(200, status);
        Assert.Contains("lasts at most 30 days", body, StringComparison.Ordinal);
        Assert.Equal(before + 2, await world.TableItemCountAsync()); // its audit record and its signature's replay-cache entry
        Assert.Empty(await world.Runtime.Holds.ReadAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, CancellationToken.None));
        Assert.Contains("not one of 1d, 7d, 30d", Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_naming_an_unknown_event_is_refused_and_records_no_hold()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, _, _, _) = await world.OpenSshAndProcessAsync();

        var (status, body) = await world.SubmitViewAsync(Submission(HoldModals.UndoCallback, Metadata("evt-forged", groupId), SlackApprovalWorld.UndoUser, "restore it"));

        Assert.Equal(200, status);
        Assert.Contains("OpsBot has no record of this remediation", body, StringComparison.Ordinal);
        Assert.Empty(await world.Runtime.Holds.ReadAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, CancellationToken.None));
        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
    }

    private static string Metadata(string eventId, string groupId) =>
        new JsonObject { ["target"] = new SlackActionValue(eventId, AdminPortsPolicy, groupId).ToString(), ["channel"] = SlackApprovalWorld.Channel, ["ts"] = "1700000000.000001" }.ToJsonString();

    private static JsonObject Submission(string callback, string metadata, string? user, string? reason, string? duration = null)
    {
        var values = new JsonObject();
        if (reason is not null)
        {
            values[HoldModals.ReasonBlock] = new JsonObject { [HoldModals.ReasonBlock] = new JsonObject { ["type"] = "plain_text_input", ["value"] = reason } };
        }

        if (duration is not null)
        {
            values[HoldModals.DurationBlock] = new JsonObject { [HoldModals.DurationBlock] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = duration } } };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = user is null ? null : new JsonObject { ["id"] = user },
            ["view"] = new JsonObject { ["type"] = "modal", ["callback_id"] = callback, ["private_metadata"] = metadata, ["state"] = new JsonObject { ["values"] = values } },
        };
    }
}
