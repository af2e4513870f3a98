using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Ical.Net;
using Mikoshi.Tests.Http.Governance;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Feeds;

/// <summary>
/// Calendars and feeds (#17): a community's public iCalendar feed, a person's private one behind a revocable token,
/// and an Atom feed of community news, each read back with a real parser (Ical.Net, System.Xml.Linq).
/// </summary>
public sealed class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Calendars_PublicAndPrivate_ParseBack_AndARevokedLinkAnswers404(string provider)
    {
        await using var app = TestApp.Create(provider);
        var s = await GovernanceSetup.CreateAsync(app);

        // Cai plans a succession naming Ben as guardian; after Cai's year away Ben confirms, opening the veto window.
        Assert.Equal(HttpStatusCode.OK, (await s.Cai.Client.PutAsJsonAsync($"{s.Community}/succession",
            new { successors = new[] { new { personId = s.Dan.Id, share = 1 } }, guardians = new[] { s.Ben.Id }, threshold = 1, inactivityDays = 365, vetoDays = 30 })).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal(HttpStatusCode.OK, (await s.Ben.Client.PostJsonAsync($"{s.Community}/people/{s.Cai.Id}/succession/confirm", new { })).StatusCode);
        var vetoEnds = app.Clock.GetUtcNow().AddDays(30);
        var id = await s.OpenAsync(s.Aki, "signal");
        var closes = app.Clock.GetUtcNow().AddDays(1);

        var anonymous = app.CreateClient();
        var community = Calendar.Load(await anonymous.GetStringAsync($"{s.Community}/calendar.ics"))!;
        var deadline = Assert.Single(community.Events, e => e.Uid!.EndsWith($"-{id}-closes@mikoshi", StringComparison.Ordinal));
        Assert.Equal(closes.UtcDateTime, deadline.DtStart!.AsUtc, TimeSpan.FromSeconds(1));
        Assert.Contains(community.Events, e => e.Uid!.EndsWith($"-{id}-grace@mikoshi", StringComparison.Ordinal));
        Assert.DoesNotContain(community.Events, e => e.Uid!.StartsWith("veto-", StringComparison.Ordinal));

        var made = await s.Ben.Client.PostJsonAsync("/api/v1/me/calendar", new { });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var url = new Uri((await made.JsonAsync()).GetProperty("url").GetString()!).PathAndQuery;
        var personal = Calendar.Load(await anonymous.GetStringAsync(url))!;
        Assert.Contains(personal.Events, e => e.Uid!.EndsWith($"-{id}-closes@mikoshi", StringComparison.Ordinal));
        var veto = Assert.Single(personal.Events, e => e.Uid!.StartsWith("veto-", StringComparison.Ordinal));
        Assert.Equal(vetoEnds.UtcDateTime, veto.DtStart!.AsUtc, TimeSpan.FromSeconds(1));

        // Dan holds no token and is named by no plan as guardian: his calendar has the succession (he is its heir) but no proposal.
        var dans = await s.Dan.Client.PostJsonAsync("/api/v1/me/calendar", new { });
        var dan = Calendar.Load(await anonymous.GetStringAsync(new Uri((await dans.JsonAsync()).GetProperty("url").GetString()!).PathAndQuery))!;
        Assert.Single(dan.Events);

        Assert.Equal(HttpStatusCode.OK, (await s.Ben.Client.PostJsonAsync("/api/v1/me/calendar/revoke", new { })).StatusCode);
        var revoked = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal("calendar_not_found", await revoked.ProblemCodeAsync());
        Assert.Equal("calendar_not_found", await (await anonymous.GetAsync("/api/v1/calendars/not-a-token.ics")).ProblemCodeAsync());

        // A new link works, and the old one stays dead.
        var again = await s.Ben.Client.PostJsonAsync("/api/v1/me/calendar", new { });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri((await again.JsonAsync()).GetProperty("url").GetString()!).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task NewsFeed_IsAtom_WithProposalsOpenedAndDecided_AndWorksReleased(string provider)
    {
        await using var app = TestApp.Create(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        var id = await s.OpenAsync(s.Aki, "signal");
        await s.VoteOkAsync(s.Aki, id, "for");
        Assert.Equal(HttpStatusCode.Created, (await s.Aki.Client.PostJsonAsync($"{s.Community}/projects/{s.Project}/works",
            new { title = "祭りの絵巻 第一巻", url = "https://example.org/emaki/1" })).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await s.ExecuteAsync();

        var response = await app.CreateClient().GetAsync($"{s.Community}/news.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.NotNull(feed.Element(Atom + "id"));
        Assert.NotNull(feed.Element(Atom + "updated"));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.All(entries, e =>
        {
            Assert.NotNull(e.Element(Atom + "id"));
            Assert.NotNull(e.Element(Atom + "title"));
            Assert.True(DateTimeOffset.TryParse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        });
        var titles = entries.Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Contains(titles, t => t.StartsWith($"Proposal #{id} opened", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith($"Proposal #{id} executed", StringComparison.Ordinal));
        Assert.Contains("Work released: 祭りの絵巻 第一巻", titles);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task NewsFeed_CarriesRevenueRecorded_WithItsAmount(string provider)
    {
        await using var app = TestApp.Create(provider);
        var s = await Revenue.RevenueSetup.CreateAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await s.RecordAsync("12345")).StatusCode);

        var feed = XDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/communities/{s.Slug}/news.atom")).Root!;
        var entry = Assert.Single(feed.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value.StartsWith("Revenue recorded", StringComparison.Ordinal));
        Assert.Equal("Revenue recorded: ¥12,345", entry.Element(Atom + "title")!.Value);
        Assert.EndsWith($"/c/{s.Slug}/projects/{s.Project[(s.Project.LastIndexOf('/') + 1)..]}", entry.Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
    }
}
