using System.Globalization;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Tests.Policies;

/// <summary><c>PolicyFunctions.NotExpired</c>: an <c>opsbot:exempt-until</c> date holds through its day (UTC), then lapses.</summary>
public sealed class ExemptionDateTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(-1, false)]
    [InlineData(-400, false)]
    public void A_date_holds_through_its_day_and_lapses_after(int daysFromToday, bool expected) =>
        Assert.Equal(expected, PolicyFunctions.NotExpired(DateTime.UtcNow.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("")]
    [InlineData("31/12/2099")]
    [InlineData("2099-12-31T00:00:00Z")]
    [InlineData("someday")]
    public void A_date_not_written_yyyy_mm_dd_exempts_nothing(string date) =>
        Assert.False(PolicyFunctions.NotExpired(date));
}
