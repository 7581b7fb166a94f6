using System.Text;
using System.Text.Json;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Functions.Resources.S3;

/// <summary>
/// The replaced state of a bucket change as JSON in the shapes the AWS CLI prints: the
/// <c>PublicAccessBlockConfiguration</c> of get-public-access-block (an empty object for none), and
/// the <c>Grants</c> of get-bucket-acl for grants removed. Written and read without reflection.
/// </summary>
internal static class BucketStateJson
{
    private const string BlockProperty = "PublicAccessBlockConfiguration";

    public static string AccessBlock(BucketFact bucket)
    {
        return Write(writer =>
        {
            if (!bucket.HasPublicAccessBlock)
            {
                return;
            }

            writer.WriteStartObject(BlockProperty);
            writer.WriteBoolean(nameof(BucketFact.BlockPublicAcls), bucket.BlockPublicAcls);
            writer.WriteBoolean(nameof(BucketFact.IgnorePublicAcls), bucket.IgnorePublicAcls);
            writer.WriteBoolean(nameof(BucketFact.BlockPublicPolicy), bucket.BlockPublicPolicy);
            writer.WriteBoolean(nameof(BucketFact.RestrictPublicBuckets), bucket.RestrictPublicBuckets);
            writer.WriteEndObject();
        });
    }

    public static string Grants(IEnumerable<GrantFact> grants)
    {
        return Write(writer =>
        {
            writer.WriteStartArray("Grants");
            foreach (var grant in grants)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("Grantee");
                writer.WriteString("Type", grant.GranteeType);
                WriteIfAny(writer, "URI", grant.Uri);
                WriteIfAny(writer, "ID", grant.Id);
                WriteIfAny(writer, "EmailAddress", grant.EmailAddress);
                writer.WriteEndObject();
                writer.WriteString("Permission", grant.Permission);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>The configuration in <paramref name="before"/>, or null when it records that the bucket had none.</summary>
    public static BucketFact? ReadAccessBlock(string before)
    {
        using var document = JsonDocument.Parse(before);
        if (!document.RootElement.TryGetProperty(BlockProperty, out var block))
        {
            return null;
        }

        return new BucketFact
        {
            Name = "",
            HasPublicAccessBlock = true,
            BlockPublicAcls = Flag(block, nameof(BucketFact.BlockPublicAcls)),
            IgnorePublicAcls = Flag(block, nameof(BucketFact.IgnorePublicAcls)),
            BlockPublicPolicy = Flag(block, nameof(BucketFact.BlockPublicPolicy)),
            RestrictPublicBuckets = Flag(block, nameof(BucketFact.RestrictPublicBuckets)),
        };
    }

    public static IReadOnlyList<GrantFact> ReadGrants(string before) =>
        BucketStateReader.Read("{\"Bucket\":\"-\"," + before.Trim()[1..])[0].Grants;

    private static bool Flag(JsonElement block, string name) => block.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static void WriteIfAny(Utf8JsonWriter writer, string name, string value)
    {
        if (value.Length > 0)
        {
            writer.WriteString(name, value);
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
