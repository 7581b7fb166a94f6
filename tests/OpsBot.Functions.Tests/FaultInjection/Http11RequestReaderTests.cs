using System.Text;

namespace OpsBot.Functions.Tests.FaultInjection;

public sealed class Http11RequestReaderTests
{
    [Fact]
    public async Task Reads_a_chunked_body_then_the_next_request_on_the_same_connection()
    {
        var wire = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nX-Amz-Target: AWSEvents.PutEvents\r\n\r\n"
            + "5\r\nhello\r\n6; ext=1\r\n world\r\n0\r\n\r\n"
            + "GET /?Action=DescribeVpcs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        var reader = new Http11RequestReader(new MemoryStream(Encoding.Latin1.GetBytes(wire)));

        var first = await reader.ReadAsync(CancellationToken.None);
        var second = await reader.ReadAsync(CancellationToken.None);
        var end = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(("PutEvents", "hello world"), (first!.Operation, Encoding.UTF8.GetString(first.Body)));
        Assert.Equal(("DescribeVpcs", true), (second!.Operation, second.ClosesConnection));
        Assert.Null(end);
    }

    [Fact]
    public async Task Reads_a_content_length_body_exactly()
    {
        var wire = "POST / HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 27\r\n\r\nAction=CreateTopic&Name=abcGET";
        var reader = new Http11RequestReader(new MemoryStream(Encoding.Latin1.GetBytes(wire)));

        var request = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(("CreateTopic", "Action=CreateTopic&Name=abc"), (request!.Operation, Encoding.UTF8.GetString(request.Body)));
    }

    [Fact]
    public async Task Refuses_bytes_that_are_not_an_http_request()
    {
        var reader = new Http11RequestReader(new MemoryStream("\u0016\u0003\u0001 hello\r\n\r\n"u8.ToArray()));

        await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadAsync(CancellationToken.None));
    }
}
