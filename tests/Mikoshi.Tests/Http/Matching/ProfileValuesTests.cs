using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Matching;

/// <summary>
/// Issue #20, part 8: a person's values are chosen from the charters of their communities; a value typed that no charter
/// holds is kept as a love (好き), as is an old free value or one a charter dropped since; the directory filters by the
/// charter's values only.
/// </summary>
public sealed class ProfileValuesTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Values_AreTheCharters_FreeOnesBecomeLoves_OnWriteAndOnRead(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync(displayName: "Aki");
        var slug = await admin.FoundCommunityAsync();
        var c = $"/api/v1/communities/{slug}";

        // Before joining no charter is hers: both values are kept, as loves.
        var outsider = await (await aki.Client.PutAsJsonAsync("/api/v1/me/profile", new { values = new[] { "joy", "平和" } })).JsonAsync();
        Assert.Empty(outsider.GetProperty("values").EnumerateArray());
        Assert.Equal(["joy", "平和"], Strings(outsider.GetProperty("loves")));

        await admin.DepositAsync(slug, "50000", personId: aki.Id);
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"{c}/tokens", new { })).StatusCode);
        var saved = await aki.Client.PutAsJsonAsync("/api/v1/me/profile", new { loves = new[] { "祭り" }, values = new[] { "Joy", "kindness", "craft" } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var profile = await saved.JsonAsync();
        Assert.Equal(["joy", "craft"], Strings(profile.GetProperty("values")));
        Assert.Equal(["祭り", "kindness"], Strings(profile.GetProperty("loves")));

        async Task<int> CountAsync(string value) =>
            (await (await app.CreateClient().GetAsync($"{c}/members?value={Uri.EscapeDataString(value)}")).JsonAsync()).GetProperty("items").GetArrayLength();
        Assert.Equal(1, await CountAsync("joy"));
        Assert.Equal(0, await CountAsync("kindness"));

        // A profile written before values were limited (or a value the charter dropped since) reads its free value as a love.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var user = await db.Users.SingleAsync(u => u.Email == aki.Email);
            user.Values = ["honesty", "自由"];
            await db.SaveChangesAsync();
        }

        var page = (await (await app.CreateClient().GetAsync($"{c}/people/{aki.Id}")).JsonAsync()).GetProperty("profile");
        Assert.Equal(["honesty"], Strings(page.GetProperty("values")));
        Assert.Contains("自由", Strings(page.GetProperty("loves")));
        var listed = (await (await app.CreateClient().GetAsync($"{c}/members")).JsonAsync()).GetProperty("items").EnumerateArray().Single(m => m.GetProperty("personId").GetString() == aki.Id);
        Assert.Equal(["honesty"], Strings(listed.GetProperty("values")));
        Assert.Equal(0, await CountAsync("自由"));

        // Moving values into loves may not carry the loves past their limit: refused, and nothing changes.
        var before = await StoreSnapshot.TakeAsync(app);
        var full = await aki.Client.PutAsJsonAsync("/api/v1/me/profile", new { loves = Enumerable.Range(0, 30).Select(i => $"好き{i}").ToArray(), values = new[] { "kindness" } });
        Assert.Equal("invalid_profile", await full.ProblemCodeAsync());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
