using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Membership;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

public sealed class MembershipTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Mint_List_Buy_Redeem_Rejoin_MovesEveryYenAndKeepsTheHistory(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync(displayName: "Aki");
        var ben = await app.SignUpAsync(displayName: "Ben");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "50000", personId: aki.Id);
        await admin.DepositAsync(slug, "50000", personId: ben.Id);

        var minted = await (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { maxPrice = "10000" })).JsonAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));
        var listing = await (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/listings", new { price = "20001" })).JsonAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));
        var sale = await (await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/listings/{listing.GetProperty("id").GetInt64()}/buy", new { })).JsonAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));
        var preview = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/tokens/1/redemption")).JsonAsync();
        var redeemed = await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { });
        app.Clock.Advance(TimeSpan.FromDays(1));
        var rejoined = await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { });

        Assert.Equal(1, minted.GetProperty("token").GetInt64());
        Assert.Equal("10000", minted.GetProperty("price").GetProperty("amount").GetString());
        // 5% of 20,001 is 1,000.05: largest remainder gives the treasury 1,000 and the seller 19,001.
        Assert.Equal("1000", sale.GetProperty("royalty").GetProperty("amount").GetString());
        Assert.Equal("19001", sale.GetProperty("sellerReceives").GetProperty("amount").GetString());
        // The only token redeems the whole treasury: 10,000 minted + 1,000 royalty.
        Assert.Equal("11000", preview.GetProperty("reclaim")[0].GetProperty("amount").GetString());
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, rejoined.StatusCode);

        var balances = await BalancesAsync(admin, slug);
        Assert.Equal("59001", balances[$"person:{aki.Id}"]);   // 50,000 − 10,000 + 19,001
        Assert.Equal("30999", balances[$"person:{ben.Id}"]);   // 50,000 − 20,001 + 11,000 − 10,000
        Assert.Equal("10000", balances["treasury"]);           // the rejoining mint

        var token = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/tokens/1")).JsonAsync();
        Assert.True(token.GetProperty("burned").GetBoolean());
        Assert.Equal(["minted", "sold", "redeemed"], token.GetProperty("lineage").EnumerateArray().Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal("Aki", token.GetProperty("lineage")[1].GetProperty("fromName").GetString());
        Assert.Equal("Ben", token.GetProperty("lineage")[1].GetProperty("toName").GetString());

        var page = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/{ben.Id}")).JsonAsync();
        var periods = page.GetProperty("membershipPeriods").EnumerateArray().ToList();
        Assert.Equal(2, periods.Count);
        Assert.NotEqual(JsonValueKind.Null, periods[0].GetProperty("until").ValueKind);
        Assert.Equal(JsonValueKind.Null, periods[1].GetProperty("until").ValueKind);
        Assert.Contains("member", page.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Fact]
    public async Task LinearCurve_RaisesThePriceWithSupply_AndTheCapStopsMinting()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "100000", personId: admin.Id);
        var set = await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/parameters",
            new { mintBasePrice = "1000", mintPriceSlope = "250", supplyCap = 3 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var prices = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var minted = await (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).JsonAsync();
            prices.Add(minted.GetProperty("price").GetProperty("amount").GetString());
        }

        var capped = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { });
        Assert.Equal(["1000", "1250", "1500"], prices);
        Assert.Equal("supply_cap_reached", await capped.ProblemCodeAsync());
        var membership = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/membership")).JsonAsync();
        Assert.Equal(3, membership.GetProperty("supply").GetInt64());
        Assert.Equal("1750", membership.GetProperty("nextPrice").GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Redeem_AtAHalfRate_PaysTheCurveShareOfEveryAsset()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "40000", personId: admin.Id);
        await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/parameters", new { mintBasePrice = "10000", redemptionRateBps = 5000 });
        for (var i = 0; i < 4; i++)
        {
            await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { });
        }

        await admin.DepositAsync(slug, "1000000000000000001", "ETH");
        var preview = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/tokens/2/redemption")).JsonAsync();

        // base = free × 1/4; reclaim = base × (0.5 + 0.5 × 1/4) = free × 5/32, rounded down.
        var reclaim = preview.GetProperty("reclaim").EnumerateArray().ToDictionary(a => a.GetProperty("asset").GetString()!, a => a.GetProperty("amount").GetString());
        Assert.Equal("156250000000000000", reclaim["ETH"]);
        Assert.Equal("6250", reclaim["JPY"]);
    }

    [Fact]
    public async Task Redemption_TurnedOff_IsRefused()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "10000", personId: admin.Id);
        await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { });
        await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/parameters", new { redemptionRateBps = 0 });

        var redeem = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { });

        Assert.Equal("redemption_disabled", await redeem.ProblemCodeAsync());
    }

    [Theory]
    [InlineData("buy_own")]
    [InlineData("buy_without_funds")]
    [InlineData("stale_listing")]
    [InlineData("redeem_others")]
    [InlineData("transfer_burned")]
    [InlineData("list_others")]
    [InlineData("bad_parameter")]
    [InlineData("mint_without_funds")]
    [InlineData("price_moved")]
    public async Task BadMembershipMoves_AreRefusedWithACode_AndChangeNothing(string move)
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync();
        var ben = await app.SignUpAsync();
        var cho = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "30000", personId: aki.Id);
        await admin.DepositAsync(slug, "15000", personId: ben.Id);
        await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { });
        await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { });
        var listed = await (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/listings", new { price = "50000" })).JsonAsync();
        var listing = listed.GetProperty("id").GetInt64();
        if (move == "stale_listing")
        {
            await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/transfer", new { to = cho.Id });
        }

        if (move == "transfer_burned")
        {
            await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/2/redeem", new { });
        }

        var before = await StoreSnapshot.TakeAsync(app);
        var (response, code) = move switch
        {
            "buy_own" => (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/listings/{listing}/buy", new { }), "own_listing"),
            "buy_without_funds" => (await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/listings/{listing}/buy", new { }), "insufficient_funds"),
            "stale_listing" => (await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/listings/{listing}/buy", new { }), "listing_stale"),
            "redeem_others" => (await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { }), "not_token_owner"),
            "transfer_burned" => (await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/2/transfer", new { to = aki.Id }), "token_burned"),
            "list_others" => (await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/listings", new { price = "1" }), "not_token_owner"),
            "bad_parameter" => (await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/parameters", new { royaltyBps = 9000 }), "invalid_parameter"),
            "mint_without_funds" => (await cho.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { }), "insufficient_funds"),
            _ => (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { maxPrice = "9999" }), "price_moved"),
        };

        Assert.Equal(code, await response.ProblemCodeAsync());
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Fact]
    public async Task Holdings_AtAPastInstant_CountOnlyWhatWasHeldThen()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "30000", personId: admin.Id);
        var t0 = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { });
        await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { });
        var t1 = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/transfer", new { to = aki.Id });
        var t2 = app.Clock.GetUtcNow();

        async Task<long> HeldAsync(Person who, DateTimeOffset at) =>
            (await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/{who.Id}/holdings?at={Uri.EscapeDataString(at.ToString("O"))}")).JsonAsync())
            .GetProperty("tokens").GetInt64();

        Assert.Equal(0, await HeldAsync(admin, t0));
        Assert.Equal(2, await HeldAsync(admin, t1));
        Assert.Equal(1, await HeldAsync(admin, t2));
        Assert.Equal(0, await HeldAsync(aki, t1));
        Assert.Equal(1, await HeldAsync(aki, t2));
    }

    [Fact]
    public async Task Approved_PersonMayMoveTheToken_OnceOnly()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync();
        var ben = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "10000", personId: aki.Id);
        await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { });

        var before = await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/transfer", new { to = ben.Id });
        await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/approve", new { spender = ben.Id });
        var moved = await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/transfer", new { to = admin.Id });
        var again = await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/transfer", new { to = ben.Id });

        Assert.Equal("not_token_owner", await before.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("not_token_owner", await again.ProblemCodeAsync());
    }

    [Fact]
    public async Task Profile_AndDirectory_FilterBySkillValueAndText()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync(displayName: "Aki");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "10000", personId: aki.Id);
        await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { });
        var profile = await aki.Client.PutAsJsonAsync("/api/v1/me/profile", new
        {
            displayName = "秋 Aki",
            bio = "映像を作っています",
            skills = new[] { "映像編集", "Illustration", "映像編集" },
            loves = new[] { "祭り" },
            values = new[] { "joy" },
        });
        var bad = await aki.Client.PutAsJsonAsync("/api/v1/me/profile", new { skills = new[] { new string('x', 41) } });

        async Task<int> CountAsync(string query) =>
            (await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/members?{query}")).JsonAsync()).GetProperty("items").GetArrayLength();

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(["映像編集", "Illustration"], (await profile.JsonAsync()).GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("invalid_profile", await bad.ProblemCodeAsync());
        Assert.Equal(1, await CountAsync("skill=" + Uri.EscapeDataString("映像編集")));
        Assert.Equal(1, await CountAsync("skill=illustration&value=joy"));
        Assert.Equal(0, await CountAsync("value=craft"));
        Assert.Equal(1, await CountAsync("q=" + Uri.EscapeDataString("祭")));
        Assert.Equal(0, await CountAsync("q=nobody"));
    }

    /// <summary>
    /// A member let in by a door (a page open in a tab, a slow command line) whose last token is sold before the write
    /// runs: the use case reads the roles again under the writer's lock, so the plan of a holder who holds nothing any
    /// more is refused and nothing is written.
    /// </summary>
    [Fact]
    public async Task SuccessionPlan_ByAMemberWhoseLastTokenWasSoldAfterTheDoorLetThemIn_IsRefusedUnderTheLock()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync();
        var ben = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "10000", personId: aki.Id);
        await admin.DepositAsync(slug, "30000", personId: ben.Id);
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var admitted = await services.GetRequiredService<Callers>().InAsync(slug, new PersonId(Guid.Parse(aki.Id)));
        Assert.True(admitted!.Is(Role.Member));

        var listing = await (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/listings", new { price = "20000" })).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/listings/{listing.GetProperty("id").GetInt64()}/buy", new { })).StatusCode);
        var links = await AuditLinksAsync(services, admitted);
        var planned = await services.GetRequiredService<Succession>()
            .SetPlanAsync(admitted, new SuccessionRequest([new SuccessorRequest(admin.Id, 1)], false, [], 0, null, null));

        Assert.False(planned.IsSuccess);
        Assert.Equal(CommonErrors.Codes.Forbidden, planned.Error.Code);
        Assert.Equal(links, await AuditLinksAsync(services, admitted));
        var plan = await admin.Client.GetAsync($"/api/v1/communities/{slug}/people/{aki.Id}/succession");
        Assert.Equal("no_succession_plan", await plan.ProblemCodeAsync());
    }

    /// <summary>An admin demoted after the door let them in cannot reprice membership: refused under the lock, nothing written.</summary>
    [Fact]
    public async Task Parameters_ByAnAdminDemotedAfterTheDoorLetThemIn_AreRefusedUnderTheLock()
    {
        var app = apps.For("sqlite");
        var founder = await app.SignUpAsync();
        var other = await app.SignUpAsync();
        var slug = await founder.FoundCommunityAsync();
        var roles = $"/api/v1/communities/{slug}/roles/{other.Id}";
        Assert.Equal(HttpStatusCode.OK, (await founder.Client.PutAsync(roles, JsonContent.Create(new { roles = new[] { "admin" } }))).StatusCode);
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var admitted = await services.GetRequiredService<Callers>().InAsync(slug, new PersonId(Guid.Parse(other.Id)));
        Assert.True(admitted!.Is(Role.Admin));

        Assert.Equal(HttpStatusCode.OK, (await founder.Client.PutAsync(roles, JsonContent.Create(new { roles = Array.Empty<string>() }))).StatusCode);
        var links = await AuditLinksAsync(services, admitted);
        var changed = await services.GetRequiredService<ChangeParameters>()
            .HandleAsync(admitted, new ParametersRequest("1", null, null, null, null));

        Assert.False(changed.IsSuccess);
        Assert.Equal(CommonErrors.Codes.Forbidden, changed.Error.Code);
        Assert.Equal(links, await AuditLinksAsync(services, admitted));
        var membership = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/membership")).JsonAsync();
        Assert.NotEqual("1", membership.GetProperty("mintBasePrice").GetProperty("amount").GetString());
    }

    private static Task<int> AuditLinksAsync(IServiceProvider services, Caller caller)
    {
        var chain = caller.RequireCommunity().Id.Value;
        return services.GetRequiredService<MikoshiDb>().AuditLog.AsNoTracking().CountAsync(a => a.Chain == chain);
    }

    internal static async Task<Dictionary<string, string?>> BalancesAsync(Person treasurer, string slug, string asset = "JPY")
    {
        var all = await (await treasurer.Client.GetAsync($"/api/v1/communities/{slug}/accounts")).JsonAsync();
        return all.GetProperty("items").EnumerateArray().Where(b => b.GetProperty("asset").GetString() == asset)
            .ToDictionary(b => b.GetProperty("account").GetString()!, b => b.GetProperty("amount").GetString());
    }
}
