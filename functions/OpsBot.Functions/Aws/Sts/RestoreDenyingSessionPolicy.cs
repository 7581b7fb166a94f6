using System.Text;
using System.Text.Json;
using OpsBot.Functions.Aws.Ec2;
using OpsBot.Functions.Resources;

namespace OpsBot.Functions.Aws.Sts;

/// <summary>
/// The session policy the event handler's and the sweeper's member sessions are assumed with: the
/// role's permissions, less every restore action a resource type declares (see
/// <see cref="RestorePermission"/>). A session's permissions are the intersection of the role's and
/// the session policy's, so whatever the role grants, these sessions can close but not re-open; only
/// the Slack interactions function (approve, undo) assumes the role without it.
/// </summary>
public static class RestoreDenyingSessionPolicy
{
    /// <summary>STS's limit on an inline session policy, in characters.</summary>
    public const int MaxLength = 2048;

    /// <summary>Every restore action of every shipped resource adapter.</summary>
    public static IReadOnlyList<RestorePermission> ShippedRestores { get; } =
        [.. ResourceAdapters.Default.All.SelectMany(a => a.RestorePermissions)];

    /// <summary>The policy for <see cref="ShippedRestores"/>.</summary>
    public static string Shipped { get; } = For(ShippedRestores);

    /// <summary>
    /// The policy document denying <paramref name="restores"/>: one statement allowing everything the
    /// role allows, one denying the actions the fix never uses, and one per restore condition.
    /// Restores no condition can tell from the fix are left out (their reason is published with them).
    /// </summary>
    /// <exception cref="InvalidOperationException">The document would exceed STS's 2048 characters.</exception>
    public static string For(IEnumerable<RestorePermission> restores)
    {
        ArgumentNullException.ThrowIfNull(restores);
        var deniable = restores.Where(r => r.IsDeniable).ToList();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Version", "2012-10-17");
            writer.WriteStartArray("Statement");
            writer.WriteStartObject();
            writer.WriteString("Effect", "Allow");
            writer.WriteString("Action", "*");
            writer.WriteString("Resource", "*");
            writer.WriteEndObject();
            WriteDeny(writer, deniable.Where(r => r.Condition is null).Select(r => r.Action), null);
            foreach (var group in deniable.Where(r => r.Condition is not null).GroupBy(r => ConditionKey(r.Condition!), StringComparer.Ordinal))
            {
                WriteDeny(writer, group.Select(r => r.Action), group.First().Condition);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var policy = Encoding.UTF8.GetString(buffer.ToArray());
        return policy.Length <= MaxLength
            ? policy
            : throw new InvalidOperationException($"the restore-denying session policy is {policy.Length} characters, over STS's {MaxLength}: merge conditions or use a managed policy ARN");
    }

    private static void WriteDeny(Utf8JsonWriter writer, IEnumerable<string> actions, RestoreCondition? condition)
    {
        var distinct = actions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("Effect", "Deny");
        writer.WriteStartArray("Action");
        distinct.ForEach(writer.WriteStringValue);
        writer.WriteEndArray();
        writer.WriteString("Resource", "*");
        if (condition is not null)
        {
            writer.WriteStartObject("Condition");
            writer.WriteStartObject(condition.Operator);
            writer.WriteStartArray(condition.Key);
            foreach (var value in condition.Values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static string ConditionKey(RestoreCondition condition) => condition.Operator + "|" + condition.Key + "|" + string.Join(",", condition.Values);
}
