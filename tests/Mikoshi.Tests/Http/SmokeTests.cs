using System.Net;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

public sealed class SmokeTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Deposit_IsOnThePublicLedger(string provider)
    {
        await using var app = TestApp.Create(provider);
        var founder = await app.SignUpAsync();
        var slug = await founder.FoundCommunityAsync();
        await founder.DepositAsync(slug, "1500");

        var ledger = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/ledger")).JsonAsync();

        var entry = Assert.Single(ledger.GetProperty("items").EnumerateArray());
        Assert.Equal("1500", entry.GetProperty("postings")[1].GetProperty("amount").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health")).StatusCode);
    }
}
