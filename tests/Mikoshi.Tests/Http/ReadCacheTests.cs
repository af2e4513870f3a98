using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>
/// Reads served from the head-version cache (issue #18 part 3, docs/caches.md): each one is warmed first, then a write
/// commits, and the very next read must show it — in this app, and through a second app on the same database.
/// </summary>
public sealed class ReadCacheTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Deposit_IsOnTheCommunityPageAndTheLedger_AtTheNextRead_AndOutsidersStillSeePseudonyms(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var member = await app.SignUpAsync(displayName: "Hidden Member");
        var slug = await admin.FoundCommunityAsync();
        var outsider = app.CreateClient();
        await admin.DepositAsync(slug, "1000");
        var before = await CommunityAsync(outsider, slug);
        await LedgerAsync(outsider, slug);
        await LedgerAsync(admin.Client, slug);

        await admin.DepositAsync(slug, "2000");
        await admin.DepositAsync(slug, "3000", personId: member.Id);

        var after = await CommunityAsync(outsider, slug);
        Assert.Equal("3000", Treasury(after));
        Assert.Equal(before.GetProperty("figures").GetProperty("journalEntries").GetInt64() + 2, after.GetProperty("figures").GetProperty("journalEntries").GetInt64());
        Assert.NotEqual(before.GetProperty("figures").GetProperty("auditHead").GetProperty("sequence").GetInt64(), after.GetProperty("figures").GetProperty("auditHead").GetProperty("sequence").GetInt64());

        // The admin reads first, so an entry keyed without "insider or not" would hand the outsider the names.
        var inside = await LedgerAsync(admin.Client, slug);
        var outside = await LedgerAsync(outsider, slug);
        Assert.Equal($"person:{member.Id}", NewestPosting(inside).GetProperty("account").GetString());
        Assert.Equal("Hidden Member", NewestPosting(inside).GetProperty("name").GetString());
        Assert.Equal("3000", NewestPosting(outside).GetProperty("amount").GetString());
        Assert.StartsWith("person:member-", NewestPosting(outside).GetProperty("account").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(member.Id, outside.GetRawText(), StringComparison.Ordinal);

        // Choosing to be shown is written on the instance's chain, not the community's: the outsider's page must follow.
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsync("/api/v1/me/privacy", JsonContent.Create(new { shownInPublic = true }))).StatusCode);
        var shown = await LedgerAsync(outsider, slug);
        Assert.Equal($"person:{member.Id}", NewestPosting(shown).GetProperty("account").GetString());
        Assert.Equal("Hidden Member", NewestPosting(shown).GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Transfer_IsInTheTokenViewAndBothPeoplesMembership_AtTheNextRead(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync(displayName: "Aki");
        var ben = await app.SignUpAsync(displayName: "Ben");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "50000", personId: aki.Id);
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        Assert.Equal(aki.Id, (await TokenAsync(aki.Client, slug)).GetProperty("owner").GetString());
        Assert.Single(await MembershipAsync(aki.Client, slug, aki.Id));
        Assert.Empty(await MembershipAsync(aki.Client, slug, ben.Id));

        var moved = await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/transfer", new { to = ben.Id });

        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        var token = await TokenAsync(aki.Client, slug);
        Assert.Equal(ben.Id, token.GetProperty("owner").GetString());
        Assert.Equal("Ben", token.GetProperty("ownerName").GetString());
        Assert.Empty(await MembershipAsync(aki.Client, slug, aki.Id));
        Assert.Single(await MembershipAsync(aki.Client, slug, ben.Id));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Mint_IsOnThePriceChartAtTheNextRead_AndATokenViewCarriesOnlyItsOwnPrices(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "100000", personId: aki.Id);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        }

        var visitor = app.CreateClient();
        Assert.Equal(new long[] { 1, 2 }, Tokens(await visitor.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{slug}/price-history")));

        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);

        var chart = await visitor.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{slug}/price-history");
        Assert.Equal(new long[] { 1, 2, 3 }, Tokens(chart));
        Assert.Equal(500, chart.GetProperty("limit").GetInt32());
        Assert.All(chart.GetProperty("points").EnumerateArray(), p => Assert.Equal("minted", p.GetProperty("kind").GetString()));
        var own = (await TokenAsync(visitor, slug)).GetProperty("priceHistory");
        Assert.Equal(new long[] { 1 }, own.EnumerateArray().Select(p => p.GetProperty("token").GetInt64()));
    }

    [Fact]
    public async Task ACachedAnswer_IsWrittenAsTheSameJsonEachTime_AndChangesWithTheNextWrite()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "1000");
        var visitor = app.CreateClient();

        var first = await visitor.GetAsync($"/api/v1/communities/{slug}/ledger");
        var second = await visitor.GetAsync($"/api/v1/communities/{slug}/ledger");

        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes.Length, second.Content.Headers.ContentLength);
        await admin.DepositAsync(slug, "2000");
        Assert.Equal("2000", NewestPosting(await LedgerAsync(visitor, slug)).GetProperty("amount").GetString());
    }

    private static long[] Tokens(JsonElement chart) => chart.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("token").GetInt64()).ToArray();

    /// <summary>The attack: an admin, demoted, tries again at once, hoping the door still remembers the role it cached.</summary>
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task RevokedAdmin_CannotRideACachedRole_TheNextRequestIsRefused(string provider)
    {
        var app = apps.For(provider);
        var founder = await app.SignUpAsync();
        var mallory = await app.SignUpAsync();
        var slug = await founder.FoundCommunityAsync();
        Assert.Equal(HttpStatusCode.OK, (await SetRolesAsync(founder.Client, slug, mallory.Id, "admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mallory.Client.GetAsync($"/api/v1/communities/{slug}/books/accounts")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SetRolesAsync(founder.Client, slug, mallory.Id)).StatusCode);

        var again = await mallory.Client.GetAsync($"/api/v1/communities/{slug}/books/accounts");
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Equal("forbidden", await again.ProblemCodeAsync());
        var deposit = await mallory.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", new { asset = "JPY", amount = "1", reference = "r" });
        Assert.Equal(HttpStatusCode.Forbidden, deposit.StatusCode);
        Assert.Equal("0", Treasury(await CommunityAsync(app.CreateClient(), slug)));
    }

    /// <summary>
    /// Two servers on one database, each with its own cache (and on SQLite its own connections kept open for the head
    /// versions and the stamp): a write through one is seen by the very next read through the other, and a role revoked
    /// through one is refused by the other at once. On PostgreSQL that holds with <c>Mikoshi:ReadCache:Versions=read</c>;
    /// by default the other replica reads it once the store's notification arrives (<see cref="HeadVersionFeedTests"/>).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task TwoReplicasOnOneStore_AWriteThroughOneIsReadThroughTheOtherAtOnce(string provider)
    {
        await using var app = TestApp.Create(provider);
        app.Settings["Mikoshi:ReadCache:Versions"] = "read";
        await using var replica = app.WithWebHostBuilder(_ => { });
        var admin = await app.SignUpAsync();
        var treasurer = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var there = replica.CreateClient();
        var treasurerThere = replica.CreateClient();
        treasurerThere.DefaultRequestHeaders.Authorization = treasurer.Client.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await SetRolesAsync(admin.Client, slug, treasurer.Id, "treasurer")).StatusCode);
        Assert.Equal("0", Treasury(await CommunityAsync(there, slug)));
        Assert.Equal("0", Treasury(await CommunityAsync(app.CreateClient(), slug)));
        Assert.Equal(HttpStatusCode.OK, (await treasurerThere.GetAsync($"/api/v1/communities/{slug}/books/accounts")).StatusCode);

        await admin.DepositAsync(slug, "7000");
        Assert.Equal("7000", Treasury(await CommunityAsync(there, slug)));
        Assert.Equal("7000", NewestPosting(await LedgerAsync(there, slug)).GetProperty("amount").GetString());

        var deposited = await treasurerThere.PostJsonAsync($"/api/v1/communities/{slug}/deposits", new { asset = "JPY", amount = "500", reference = "r" });
        Assert.Equal(HttpStatusCode.Created, deposited.StatusCode);
        Assert.Equal("7500", Treasury(await CommunityAsync(app.CreateClient(), slug)));

        Assert.Equal(HttpStatusCode.OK, (await SetRolesAsync(admin.Client, slug, treasurer.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurerThere.GetAsync($"/api/v1/communities/{slug}/books/accounts")).StatusCode);
    }

    private static Task<HttpResponseMessage> SetRolesAsync(HttpClient admin, string slug, string person, params string[] roles) =>
        admin.PutAsync($"/api/v1/communities/{slug}/roles/{person}", JsonContent.Create(new { roles }));

    private static async Task<JsonElement> CommunityAsync(HttpClient client, string slug)
    {
        var response = await client.GetAsync($"/api/v1/communities/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> LedgerAsync(HttpClient client, string slug)
    {
        var response = await client.GetAsync($"/api/v1/communities/{slug}/ledger");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> TokenAsync(HttpClient client, string slug)
    {
        var response = await client.GetAsync($"/api/v1/communities/{slug}/tokens/1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<List<JsonElement>> MembershipAsync(HttpClient client, string slug, string owner)
    {
        var response = await client.GetAsync($"/api/v1/communities/{slug}/tokens?owner={owner}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).GetProperty("items").EnumerateArray().Where(t => !t.GetProperty("burned").GetBoolean())];
    }

    private static string Treasury(JsonElement community) =>
        community.GetProperty("figures").GetProperty("treasury").EnumerateArray()
            .Where(a => a.GetProperty("asset").GetString() == "JPY").Select(a => a.GetProperty("amount").GetString()!).SingleOrDefault() ?? "0";

    // The newest entry's posting to the person or the treasury (a deposit's second leg).
    private static JsonElement NewestPosting(JsonElement ledger) => ledger.GetProperty("items")[0].GetProperty("postings")[1];
}
