using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OpsBot.Functions.Slack.Signing;

/// <summary>
/// Refuses a Slack request whose signature was already seen: a captured request sent again within the
/// time its timestamp stays acceptable verifies, so verifying alone cannot tell it from the original.
/// </summary>
/// <remarks>
/// Item: <c>pk = REPLAY#&lt;SHA-256 of the signature, hex&gt;</c>, <c>sk = SIGNATURE</c>, written by a
/// conditional put, so of two requests with one signature (even at once, on two functions) exactly one
/// passes. <c>expiresAt</c> (the table's TTL) is <see cref="Window"/> after it was seen, and never before
/// the signature's timestamp goes stale (<see cref="SlackSignatureVerifier.MaxClockSkew"/> after it): a
/// timestamp up to 5 minutes ahead would otherwise outlive its entry. TTL deletes lazily, so the
/// condition also treats an entry past its <c>expiresAt</c> as gone. Only the hash is stored; it is
/// written only for requests whose signature verified, so forged requests still cost no table write.
/// </remarks>
/// <param name="dynamoDb">The DynamoDB client.</param>
/// <param name="tableName">The state table.</param>
/// <param name="clock">The clock.</param>
public sealed class SignatureReplayCache(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider clock)
{
    /// <summary>How long a seen signature is remembered, at least.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>True the first time <paramref name="signature"/> is seen within the window; false for a replay.</summary>
    /// <param name="signature">The verified <c>X-Slack-Signature</c> header.</param>
    /// <param name="timestamp">The verified <c>X-Slack-Request-Timestamp</c> header (epoch seconds).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<bool> TryFirstSeenAsync(string signature, string timestamp, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(signature);
        var now = clock.GetUtcNow();
        var expires = now + Window;
        if (long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            var stale = DateTimeOffset.FromUnixTimeSeconds(seconds) + SlackSignatureVerifier.MaxClockSkew;
            expires = stale > expires ? stale : expires;
        }

        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["pk"] = new AttributeValue("REPLAY#" + Hash(signature)),
                    ["sk"] = new AttributeValue("SIGNATURE"),
                    ["expiresAt"] = Epoch(expires),
                },
                ConditionExpression = "attribute_not_exists(pk) OR expiresAt < :now",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":now"] = Epoch(now) },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static string Hash(string signature) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signature)));

    private static AttributeValue Epoch(DateTimeOffset time) => new() { N = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
}
