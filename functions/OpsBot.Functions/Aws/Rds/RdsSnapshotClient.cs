using System.Xml;
using System.Xml.Linq;
using OpsBot.Functions.Aws.Http;

namespace OpsBot.Functions.Aws.Rds;

/// <summary>
/// The few RDS operations the snapshot adapters need, over the RDS Query API (version 2014-10-31,
/// form-encoded POST, XML response) through a <see cref="SignedServiceClient"/>, which signs, retries on
/// throttling, 5xx and timeouts, and raises <see cref="AwsCallException"/> for refusals:
/// <c>Describe{DB,DBCluster}Snapshots</c> (for tags), <c>Describe…SnapshotAttributes</c> and
/// <c>Modify…SnapshotAttribute</c> on the <c>restore</c> attribute.
/// </summary>
/// <param name="rds">RDS in the member account and region; the caller owns it.</param>
public sealed class RdsSnapshotClient(SignedServiceClient rds)
{
    /// <summary>The API version every request names.</summary>
    public const string ApiVersion = "2014-10-31";

    /// <summary>The attribute that lists who may copy or restore a manual snapshot.</summary>
    public const string RestoreAttribute = "restore";

    /// <summary>The snapshot with its restore values and tags, or null when RDS knows no such snapshot.</summary>
    /// <exception cref="AwsCallException">RDS refused a call, or it still failed after its retries.</exception>
    public async Task<RdsSnapshotState?> ReadAsync(RdsSnapshotKind kind, string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        XDocument attributes;
        XDocument described;
        try
        {
            attributes = await CallAsync(kind.DescribeAttributes, [new(kind.Identifier, identifier)], cancellationToken);
            described = await CallAsync(kind.Describe, [new(kind.Identifier, identifier)], cancellationToken);
        }
        catch (AwsCallException ex) when (kind.NotFoundCodes.Contains(ex.ErrorCode, StringComparer.Ordinal))
        {
            return null;
        }

        var restore = attributes.Descendants().Where(e => e.Name.LocalName == kind.AttributeElement)
            .Where(a => Child(a, "AttributeName")?.Value == RestoreAttribute)
            .SelectMany(a => Child(a, "AttributeValues")?.Elements() ?? [])
            .Select(v => v.Value)
            .ToList();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in described.Descendants().Where(e => e.Name.LocalName == "TagList").Take(1).SelectMany(l => l.Elements()))
        {
            if (Child(tag, "Key")?.Value is { } key)
            {
                tags[key] = Child(tag, "Value")?.Value ?? "";
            }
        }

        return new RdsSnapshotState(identifier, restore, tags);
    }

    /// <summary>Adds <paramref name="add"/> to and removes <paramref name="remove"/> from the snapshot's <c>restore</c> attribute.</summary>
    /// <exception cref="AwsCallException">RDS refused the call, or it still failed after its retries.</exception>
    public async Task ModifyRestoreAsync(RdsSnapshotKind kind, string identifier, IReadOnlyList<string> add, IReadOnlyList<string> remove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(remove);
        if (add.Count == 0 && remove.Count == 0)
        {
            return;
        }

        List<KeyValuePair<string, string>> form = [new(kind.Identifier, identifier), new("AttributeName", RestoreAttribute)];
        form.AddRange(add.Select((value, i) => new KeyValuePair<string, string>($"ValuesToAdd.AttributeValue.{i + 1}", value)));
        form.AddRange(remove.Select((value, i) => new KeyValuePair<string, string>($"ValuesToRemove.AttributeValue.{i + 1}", value)));
        await CallAsync(kind.ModifyAttribute, form, cancellationToken);
    }

    private async Task<XDocument> CallAsync(string action, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        parameters.Insert(0, new("Version", ApiVersion));
        var response = await rds.PostQueryAsync(action, parameters, cancellationToken);
        try
        {
            return XDocument.Parse(response.Body);
        }
        catch (XmlException ex)
        {
            throw new AwsCallException("rds", action, response.Status, "", $"the response is not XML: {ex.Message}", ex);
        }
    }

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
}
