using System.Net;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>
/// Founding, listing and roles. Tests that found communities of their own and assert only on them share the class's
/// app (<see cref="SharedApps"/>); the fixed slug and the listing of every community keep an app of their own.
/// </summary>
public sealed class CommunityTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Found_MakesTheFounderAdmin_AndShowsTheCharter(string provider)
    {
        var app = apps.For(provider);
        var founder = await app.SignUpAsync();
        var slug = await founder.FoundCommunityAsync();

        var community = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}")).JsonAsync();
        var me = await (await founder.Client.GetAsync("/api/v1/me")).JsonAsync();

        Assert.Equal("みんなの神輿", community.GetProperty("name").GetString());
        Assert.Equal(["joy", "craft", "honesty"], community.GetProperty("charter").GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["JPY", "ETH"], community.GetProperty("assets").EnumerateArray().Select(v => v.GetString()));
        var mine = Assert.Single(me.GetProperty("communities").EnumerateArray());
        Assert.Equal(slug, mine.GetProperty("slug").GetString());
        Assert.Equal("admin", Assert.Single(mine.GetProperty("roles").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("A", "invalid_slug")]
    [InlineData("-bad-", "invalid_slug")]
    [InlineData("has space", "invalid_slug")]
    [InlineData("ok-slug", "invalid_name", "")]
    [InlineData("ok-slug", "unknown_asset", "Salon", "DOGE")]
    public async Task Found_WithBadInput_IsRefusedAndWritesNothing(string slug, string code, string name = "Salon", string asset = "JPY")
    {
        var app = apps.For("sqlite");
        var founder = await app.SignUpAsync();
        var before = await StoreSnapshot.TakeAsync(app);

        var response = await founder.Client.PostJsonAsync("/api/v1/communities", new { slug, name, baseAsset = asset, values = new[] { "joy" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(code, await response.ProblemCodeAsync());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Found_ATakenSlug_IsAConflict(string provider)
    {
        await using var app = TestApp.Create(provider);
        var first = await app.SignUpAsync();
        var second = await app.SignUpAsync();
        await first.FoundCommunityAsync("same-slug");

        var response = await second.Client.PostJsonAsync("/api/v1/communities", new { slug = "same-slug", name = "Other" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("slug_taken", await response.ProblemCodeAsync());
    }

    [Fact]
    public async Task List_PagesBySlug()
    {
        await using var app = TestApp.Create("sqlite");
        var founder = await app.SignUpAsync();
        foreach (var slug in new[] { "ccc", "aaa", "bbb" })
        {
            await founder.FoundCommunityAsync(slug);
        }

        var client = app.CreateClient();
        var first = await (await client.GetAsync("/api/v1/communities?limit=2")).JsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await client.GetAsync($"/api/v1/communities?limit=2&cursor={Uri.EscapeDataString(cursor!)}")).JsonAsync();

        Assert.Equal(["aaa", "bbb"], first.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        Assert.Equal(["ccc"], second.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task SetRoles_MakesATreasurer_AndTheLastAdminCannotStepDown()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var treasurer = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();

        var before = await treasurer.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", new { asset = "JPY", amount = "1", reference = "r" });
        var granted = await admin.Client.PutAsync($"/api/v1/communities/{slug}/roles/{treasurer.Id}",
            System.Net.Http.Json.JsonContent.Create(new { roles = new[] { "treasurer" } }));
        await treasurer.DepositAsync(slug, "1");
        var stepDown = await admin.Client.PutAsync($"/api/v1/communities/{slug}/roles/{admin.Id}",
            System.Net.Http.Json.JsonContent.Create(new { roles = Array.Empty<string>() }));

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal("last_admin", await stepDown.ProblemCodeAsync());
    }
}
