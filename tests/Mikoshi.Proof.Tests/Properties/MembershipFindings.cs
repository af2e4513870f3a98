using System.Net;
using System.Net.Http.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Properties;

/// <summary>
/// What the membership property test found, each reduced to the fewest steps that show it; kept as
/// regression tests now that src/ is fixed.
/// </summary>
public sealed class MembershipFindings
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task RetryOfRedemption_ThatBurnedTheLastToken_ReplaysTheFirstAnswer(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var member = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "10000", personId: member.Id);
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);

        // The answer is lost on the way back; the client retries with the same key, as it should.
        var first = await member.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { }, "redeem-1");
        var retry = await member.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { }, "redeem-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Redeem_WhenRedemptionIsOff_IsRefused_EvenWithAnEmptyTreasury(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var off = await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/parameters", new { mintBasePrice = "0", redemptionRateBps = 0 });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        var before = await StoreSnapshot.TakeAsync(app);

        var redeemed = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, redeemed.StatusCode);
        Assert.Equal("redemption_disabled", await redeemed.ProblemCodeAsync());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }
}
