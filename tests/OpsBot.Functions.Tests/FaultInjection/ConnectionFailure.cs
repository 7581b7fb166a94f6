namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>Tells a reset or closed connection (what a dropped call looks like to a client) from an error the service answered with.</summary>
internal static class ConnectionFailure
{
    public static bool IsConnectionFailure(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or IOException)
            {
                return true;
            }
        }

        return false;
    }

    public static async Task<Exception> AssertDroppedAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(call);
        Assert.True(IsConnectionFailure(error), $"expected a connection failure, got {error}");
        return error;
    }
}
