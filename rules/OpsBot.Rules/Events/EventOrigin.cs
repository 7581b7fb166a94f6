using System.Text.Json;

namespace OpsBot.Rules.Events;

/// <summary>
/// The account and region a call was made in, as the EventBridge envelope vouches for them or,
/// for a bare CloudTrail record, as the record states them; with what the two disagreed on.
/// </summary>
/// <param name="Account">A 12-digit account id.</param>
/// <param name="Region">A region name such as <c>eu-west-1</c>.</param>
/// <param name="Warnings">Disagreements between the envelope and the record, for the audit record.</param>
internal sealed record EventOrigin(string Account, string Region, IReadOnlyList<string> Warnings)
{
    private const string AnAccountId = "a 12-digit AWS account id";
    private const string ARegion = "an AWS region such as 'eu-west-1', 'us-gov-west-1' or 'cn-north-1'";

    /// <summary>
    /// The envelope's <c>account</c> and <c>region</c>, which win over the record's
    /// <c>recipientAccountId</c> and <c>awsRegion</c>: cross-account delivery sets them, and they
    /// are what EventBridge vouches for. The record's values stand in only where the envelope has
    /// none (emulators forwarding across accounts have been seen to drop them).
    /// </summary>
    /// <exception cref="MalformedEventException">A value is not an account id or region, or neither side has one.</exception>
    public static EventOrigin FromEnvelope(JsonElement envelope, JsonElement detail)
    {
        var envelopeAccount = Validated(envelope, "account", "envelope 'account'", AwsIdentifiers.IsAccountId, AnAccountId);
        var detailAccount = Validated(detail, "recipientAccountId", "detail.recipientAccountId", AwsIdentifiers.IsAccountId, AnAccountId);
        var account = envelopeAccount ?? detailAccount
            ?? throw new MalformedEventException("EventBridge event has no \"account\" (nor detail.recipientAccountId)");

        var envelopeRegion = Validated(envelope, "region", "envelope 'region'", AwsIdentifiers.IsRegion, ARegion);
        var detailRegion = Validated(detail, "awsRegion", "detail.awsRegion", AwsIdentifiers.IsRegion, ARegion);
        var region = envelopeRegion ?? detailRegion
            ?? throw new MalformedEventException("EventBridge event has no \"region\" (nor detail.awsRegion)");

        List<string> warnings = [];
        if (envelopeAccount is not null && detailAccount is not null && envelopeAccount != detailAccount)
        {
            warnings.Add($"envelope 'account' is '{envelopeAccount}' but detail.recipientAccountId is '{detailAccount}'; " +
                         "the envelope's account, the one EventBridge vouches for, is used");
        }

        if (envelopeRegion is not null && detailRegion is not null && envelopeRegion != detailRegion)
        {
            warnings.Add($"envelope 'region' is '{envelopeRegion}' but detail.awsRegion is '{detailRegion}'; " +
                         "the envelope's region, the one EventBridge vouches for, is used");
        }

        return new EventOrigin(account, region, warnings);
    }

    /// <summary>A bare CloudTrail record's <c>recipientAccountId</c> and <c>awsRegion</c>, both required.</summary>
    /// <exception cref="MalformedEventException">One is missing, or is not an account id or region.</exception>
    public static EventOrigin FromRecord(JsonElement record) => new(
        Validated(record, "recipientAccountId", "CloudTrail record 'recipientAccountId'", AwsIdentifiers.IsAccountId, AnAccountId)
            ?? throw new MalformedEventException("CloudTrail record has no \"recipientAccountId\""),
        Validated(record, "awsRegion", "CloudTrail record 'awsRegion'", AwsIdentifiers.IsRegion, ARegion)
            ?? throw new MalformedEventException("CloudTrail record has no \"awsRegion\""),
        []);

    /// <summary>The value of <paramref name="property"/>, or null when it is absent or JSON null.</summary>
    private static string? Validated(JsonElement parent, string property, string where, Func<string, bool> isValid, string expected)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Object => throw new MalformedEventException($"{where} is an object; expected {expected}"),
            JsonValueKind.Array => throw new MalformedEventException($"{where} is an array; expected {expected}"),
            _ => throw new MalformedEventException($"{where} is {value.GetRawText()}; expected {expected}"),
        };
        return isValid(text) ? text : throw new MalformedEventException($"{where} is {EchoedValue.Quote(text)}; expected {expected}");
    }
}
