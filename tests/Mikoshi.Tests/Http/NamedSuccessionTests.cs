using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>Heirs and guardians learn of the plans that name them, from their own account (issue #20 part 6).</summary>
public sealed class NamedSuccessionTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task HeirAndGuardians_SeeThePlanWhatItGivesAndWhatTheyMayDo_AndNoOneElseDoes(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var holder = await app.SignUpAsync(displayName: "祖母");
        var heir = await app.SignUpAsync(displayName: "孫");
        var g1 = await app.SignUpAsync(displayName: "見守り一");
        var g2 = await app.SignUpAsync(displayName: "見守り二");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "100000", personId: holder.Id);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await holder.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await holder.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/succession", new
        {
            successors = new[] { new { personId = heir.Id, share = 1 } },
            guardians = new[] { g1.Id, g2.Id },
            threshold = 2,
            inactivityDays = 365,
            vetoDays = 30,
        })).StatusCode);

        async Task<List<JsonElement>> Named(Person who) =>
            (await (await who.Client.GetAsync("/api/v1/me/succession")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

        // The heir: whose plan, which community, both tokens and what their treasury share is worth now (as the token pages say).
        var seen = Assert.Single(await Named(heir));
        Assert.Equal(slug, seen.GetProperty("community").GetString());
        Assert.Equal(holder.Id, seen.GetProperty("holder").GetString());
        Assert.Equal("祖母", seen.GetProperty("holderName").GetString());
        Assert.True(seen.GetProperty("successor").GetBoolean());
        Assert.False(seen.GetProperty("guardian").GetBoolean());
        Assert.Equal([1L, 2L], seen.GetProperty("tokens").EnumerateArray().Select(t => t.GetInt64()));
        var worth = Int128.Zero;
        foreach (var serial in new[] { 1, 2 })
        {
            var token = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/tokens/{serial}")).JsonAsync();
            worth += token.GetProperty("value").EnumerateArray().Select(v => Int128.Parse(v.GetProperty("value").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture)).Aggregate(Int128.Zero, (a, b) => a + b);
        }

        var value = Assert.Single(seen.GetProperty("value").EnumerateArray());
        Assert.True(worth > Int128.Zero);
        Assert.Equal(worth, Int128.Parse(value.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal("holderActive", seen.GetProperty("stage").GetString());
        Assert.Equal(seen.GetProperty("holderLastActive").GetDateTimeOffset().AddDays(365), seen.GetProperty("confirmFrom").GetDateTimeOffset());
        Assert.False(seen.GetProperty("mayConfirm").GetBoolean());
        Assert.False(seen.GetProperty("mayClaim").GetBoolean());

        // A guardian is told they guard it and receive nothing; the holder and a stranger see no plan naming them.
        var guarded = Assert.Single(await Named(g1));
        Assert.True(guarded.GetProperty("guardian").GetBoolean());
        Assert.False(guarded.GetProperty("successor").GetBoolean());
        Assert.Empty(guarded.GetProperty("tokens").EnumerateArray());
        Assert.Empty(await Named(holder));
        Assert.Empty(await Named(admin));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/me/succession")).StatusCode);

        // After a year away the guardians may confirm; then the veto window; then the heir may claim.
        app.Clock.Advance(TimeSpan.FromDays(366));
        var confirming = Assert.Single(await Named(g1));
        Assert.Equal("confirming", confirming.GetProperty("stage").GetString());
        Assert.True(confirming.GetProperty("mayConfirm").GetBoolean());
        Assert.False(Assert.Single(await Named(heir)).GetProperty("mayConfirm").GetBoolean());
        var confirm = $"/api/v1/communities/{slug}/people/{holder.Id}/succession/confirm";
        Assert.Equal(HttpStatusCode.OK, (await g1.Client.PostJsonAsync(confirm, new { })).StatusCode);
        var confirmed = Assert.Single(await Named(g1));
        Assert.True(confirmed.GetProperty("confirmedByYou").GetBoolean());
        Assert.False(confirmed.GetProperty("mayConfirm").GetBoolean());
        Assert.Equal(1, confirmed.GetProperty("confirmed").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await g2.Client.PostJsonAsync(confirm, new { })).StatusCode);
        var window = Assert.Single(await Named(heir));
        Assert.Equal("vetoWindow", window.GetProperty("stage").GetString());
        Assert.Equal(app.Clock.GetUtcNow().AddDays(30).ToUnixTimeMilliseconds(), window.GetProperty("runsAfter").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.False(window.GetProperty("mayClaim").GetBoolean());

        app.Clock.Advance(TimeSpan.FromDays(31));
        var ready = Assert.Single(await Named(heir));
        Assert.Equal("ready", ready.GetProperty("stage").GetString());
        Assert.True(ready.GetProperty("mayClaim").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await heir.Client.PostJsonAsync($"/api/v1/communities/{slug}/people/{holder.Id}/succession/claim", new { })).StatusCode);
        var after = Assert.Single(await Named(heir));
        Assert.Empty(after.GetProperty("tokens").EnumerateArray());
        Assert.False(after.GetProperty("mayClaim").GetBoolean());
    }
}
