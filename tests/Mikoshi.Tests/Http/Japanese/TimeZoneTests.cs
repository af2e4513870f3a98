using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Japanese;

/// <summary>
/// Issue #20, part 2: pages show times in the reader's zone with its name: Asia/Tokyo (JST) unless the community chose
/// another, and a person's own zone over the community's; an unknown zone and a non-admin are refused and change nothing.
/// </summary>
public sealed class TimeZoneTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Pages_ShowJstByDefault_TheCommunitysZone_AndAPersonsOwnOverIt(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "150000");
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var ledger = $"/c/{slug}/ledger";
        Assert.Contains(" JST</time>", await anonymous.GetStringAsync(ledger), StringComparison.Ordinal);

        // Refused: a zone no one has heard of, and a member who is not an admin. Neither changes what pages show.
        var unknown = await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/time-zone", new { timeZone = "Mars/Olympus_Mons" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal("unknown_time_zone", await unknown.ProblemCodeAsync());
        var notAdmin = await aki.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/time-zone", new { timeZone = "America/New_York" });
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Contains(" JST</time>", await anonymous.GetStringAsync(ledger), StringComparison.Ordinal);

        var set = await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/time-zone", new { timeZone = "America/New_York" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var page = await anonymous.GetStringAsync(ledger);
        Assert.Contains(" UTC-05:00</time>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" JST</time>", page, StringComparison.Ordinal);

        // Aki reads in Tokyo wherever the community is.
        var mine = await aki.Client.PutAsJsonAsync("/api/v1/me/time-zone", new { timeZone = "Asia/Tokyo" });
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var badMine = await aki.Client.PutAsJsonAsync("/api/v1/me/time-zone", new { timeZone = "../../etc/passwd" });
        Assert.Equal("unknown_time_zone", await badMine.ProblemCodeAsync());
        using var akiBrowser = await WebLayer.CookieSessions.SignedInAsync(app, aki.Email);
        Assert.Contains(" JST</time>", await akiBrowser.GetStringAsync(ledger), StringComparison.Ordinal);
        Assert.Contains(" UTC-05:00</time>", await anonymous.GetStringAsync(ledger), StringComparison.Ordinal);
    }
}
