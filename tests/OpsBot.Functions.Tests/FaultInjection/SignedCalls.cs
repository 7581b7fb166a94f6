using System.Text;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>The hand-written wire calls the tests send through the proxy: SNS over the Query API and EventBridge over JSON 1.1.</summary>
internal static class SignedCalls
{
    public static async Task<(int Status, string Body)> SnsCreateTopicAsync(ProxiedClients clients, string name)
    {
        var (client, endpoint) = clients.Signed("sns", "SNS");
        using (client)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "CreateTopic", ["Version"] = "2010-03-31", ["Name"] = name });
            using var response = await client.PostAsync(endpoint, form);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public static async Task<(int Status, string Body)> PutEventsAsync(ProxiedClients clients)
    {
        var (client, endpoint) = clients.Signed("events", "EVENTBRIDGE");
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new StringContent("""{"Entries":[{"Source":"opsbot","DetailType":"OpsBot Test","Detail":"{}"}]}""", Encoding.UTF8, "application/x-amz-json-1.1"),
            };
            request.Headers.Add("X-Amz-Target", "AWSEvents.PutEvents");
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
