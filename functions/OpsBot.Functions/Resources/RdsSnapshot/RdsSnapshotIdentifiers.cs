using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Rds;
using OpsBot.Functions.Aws.Sts;

namespace OpsBot.Functions.Resources.RdsSnapshot;

/// <summary>
/// The identifiers of the account's manual snapshots of one kind, paged by <c>Marker</c>: only a
/// manual snapshot can be shared, so automated ones never violate a sharing policy.
/// </summary>
internal static class RdsSnapshotIdentifiers
{
    private const string PageSize = "100";

    public static async IAsyncEnumerable<string> ListAsync(MemberSession session, RdsSnapshotKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rds = session.Service("rds", "RDS");
        string? marker = null;
        do
        {
            List<KeyValuePair<string, string>> form = [new("Version", RdsSnapshotClient.ApiVersion), new("SnapshotType", "manual"), new("MaxRecords", PageSize)];
            if (marker is not null)
            {
                form.Add(new("Marker", marker));
            }

            var response = await rds.PostQueryAsync(kind.Describe, form, cancellationToken);
            XDocument page;
            try
            {
                page = XDocument.Parse(response.Body);
            }
            catch (XmlException ex)
            {
                throw new AwsCallException("rds", kind.Describe, response.Status, "", $"the response is not XML: {ex.Message}", ex);
            }

            foreach (var snapshot in page.Descendants().Where(e => e.Name.LocalName == kind.Stem))
            {
                if (snapshot.Elements().FirstOrDefault(e => e.Name.LocalName == kind.Identifier)?.Value is { Length: > 0 } identifier)
                {
                    yield return identifier;
                }
            }

            marker = page.Descendants().FirstOrDefault(e => e.Name.LocalName == "Marker")?.Value is { Length: > 0 } next ? next : null;
        }
        while (marker is not null);
    }
}
