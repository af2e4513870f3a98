using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Matching;
using Mikoshi.Domain.Projects;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Projects;

namespace Mikoshi.Features.Matching;

// Wire format: the project number stays a plain number.
public sealed record TimelineItem(string Kind, DateTimeOffset At, long? Project, string ProjectTitle, string Text, string? Other, string? OtherName, int Acknowledgements);

/// <summary>The newest <see cref="ContributionViews.MaxTimeline"/> moments of a person; <c>More</c> says older ones were left out.</summary>
public sealed record TimelineView(string PersonId, IReadOnlyList<TimelineItem> Items, bool More);

public sealed record CreditLine(string PersonId, string DisplayName, int Contributions, int Acknowledged);

public sealed record CreditBlockView(string Role, IReadOnlyList<CreditLine> People);

// Wire format: the project number stays a plain number.
public sealed record CreditsView(long Work, long Project, string Title, string ProjectTitle, DateTimeOffset ReleasedAt, IReadOnlyList<CreditBlockView> Blocks);

public sealed record MapNodeView(string PersonId, string DisplayName, int Projects, int Partners);

public sealed record MapEdgeView(string A, string B, int Projects);

public sealed record ContributionMapView(IReadOnlyList<MapNodeView> Nodes, IReadOnlyList<MapEdgeView> Edges, int HiddenPeople);

/// <summary>
/// Contribution made visible (貢献感): a person's timeline (joined, contributed, released, thanked), the credits
/// (エンドロール) of a released work, and the community's contribution map — who co-created with whom — as data
/// and as an SVG drawn on the server.
/// </summary>
public static class ContributionViews
{
    public const int MaxTimeline = 200;
    public const int MaxMapPeople = 60;

    public static async Task<Result<TimelineView>> TimelineAsync(MikoshiDb db, Community community, string? personId)
    {
        var person = await PeopleBook.FindAsync(db, personId);
        if (!person.IsSuccess)
        {
            return person.Error;
        }

        var who = person.Value;
        var joined = await db.TeamMembers.AsNoTracking().Where(m => m.CommunityId == community.Id && m.PersonId == who).ToListAsync();
        var projectNumbers = joined.Select(m => m.ProjectNumber).ToList();
        var contributions = await ContributionLog.ViewsAsync(db, community.Id, c => c.AuthorId == who);
        var works = await db.Works.AsNoTracking().Where(w => w.CommunityId == community.Id && projectNumbers.Contains(w.ProjectNumber)).ToListAsync();
        var thanks = await ThanksFeed.ViewsAsync(db, community.Id, t => t.ToId == who, long.MaxValue, MaxTimeline + 1);
        var titles = await db.Projects.AsNoTracking().Where(p => p.CommunityId == community.Id).ToDictionaryAsync(p => p.Number, p => p.Title);
        var items = joined.Select(m => new TimelineItem("joined", ProjectBook.Instant(m.JoinedAtUnixMs), m.ProjectNumber.Value, titles.GetValueOrDefault(m.ProjectNumber, string.Empty), m.Role, null, null, 0))
            .Concat(contributions.Select(c => new TimelineItem("contribution", c.OccurredAt, c.Project, c.ProjectTitle, c.Summary, null, null, c.AcknowledgedBy.Count)))
            .Concat(works.Select(w => new TimelineItem("work", ProjectBook.Instant(w.ReleasedAtUnixMs), w.ProjectNumber.Value, titles.GetValueOrDefault(w.ProjectNumber, string.Empty), w.Title, null, null, 0)))
            .Concat(thanks.Select(t => new TimelineItem("thanks", t.At, t.Project, t.Project is { } p ? titles.GetValueOrDefault(ProjectNumber.Stored(p), string.Empty) : string.Empty, t.Message, t.From, t.FromName, 0)))
            .OrderByDescending(i => i.At).ThenBy(i => i.Kind, StringComparer.Ordinal).Take(MaxTimeline + 1).ToList();
        return new TimelineView(who.ToString(), items.Take(MaxTimeline).ToList(), More: items.Count > MaxTimeline);
    }

    public static async Task<Result<CreditsView>> CreditsAsync(MikoshiDb db, Community community, long workNumber)
    {
        var work = await db.Works.AsNoTracking().FirstOrDefaultAsync(w => w.CommunityId == community.Id && w.Number == workNumber);
        if (work is null)
        {
            return MatchingErrors.WorkNotFound;
        }

        var project = await ProjectBook.FindAsync(db, community.Id, work.ProjectNumber);
        var team = await db.TeamMembers.AsNoTracking().Where(m => m.CommunityId == community.Id && m.ProjectNumber == work.ProjectNumber).ToListAsync();
        var contributions = await ContributionLog.ViewsAsync(db, community.Id, c => c.ProjectNumber == work.ProjectNumber);
        var names = await PeopleBook.NamesAsync(db, team.Select(m => m.PersonId));
        var credited = team.Select(m => new CreditedPerson(m.PersonId, names.GetValueOrDefault(m.PersonId, string.Empty), m.Role, m.JoinedAtUnixMs,
            contributions.Count(c => c.Author == m.PersonId.ToString()), contributions.Count(c => c.Author == m.PersonId.ToString() && c.AcknowledgedBy.Count > 0)));
        var blocks = Credits.Roll(credited, ProjectRules.Lead)
            .Select(b => new CreditBlockView(b.Role, b.People.Select(p => new CreditLine(p.Person.ToString(), p.Name, p.Contributions, p.Acknowledged)).ToList())).ToList();
        return new CreditsView(work.Number, work.ProjectNumber.Value, work.Title, project.IsSuccess ? project.Value.Title : string.Empty, ProjectBook.Instant(work.ReleasedAtUnixMs), blocks);
    }

    public static async Task<ContributionMapView> MapAsync(MikoshiDb db, CommunityId community, int maxPeople = MaxMapPeople)
    {
        var teams = await MatchingBook.TeamsAsync(db, community);
        var map = CoCreation.Map(teams.ByProject.OrderBy(t => t.Key).Select(t => (IReadOnlyCollection<PersonId>)t.Value), maxPeople);
        var names = await PeopleBook.NamesAsync(db, map.Nodes.Select(n => n.Person));
        return new ContributionMapView(
            map.Nodes.Select(n => new MapNodeView(n.Person.ToString(), names.GetValueOrDefault(n.Person, string.Empty), n.Projects, n.Partners)).ToList(),
            map.Edges.Select(e => new MapEdgeView(e.A.ToString(), e.B.ToString(), e.Projects)).ToList(),
            map.HiddenPeople);
    }

    /// <summary>
    /// The map as SVG: people on a circle, most connected first from the top, a line for each pair who co-created
    /// (thicker for more projects together), each dot as large as the person's projects. Names are escaped text.
    /// </summary>
    public static string Svg(ContributionMapView map, string title)
    {
        const double Size = 640, Center = Size / 2, Radius = 230;
        var at = new Dictionary<string, (double X, double Y)>();
        for (var i = 0; i < map.Nodes.Count; i++)
        {
            var angle = (2 * Math.PI * i / Math.Max(1, map.Nodes.Count)) - (Math.PI / 2);
            at[map.Nodes[i].PersonId] = map.Nodes.Count == 1 ? (Center, Center) : (Center + (Radius * Math.Cos(angle)), Center + (Radius * Math.Sin(angle)));
        }

        string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Size)} {N(Size)}\" role=\"img\" aria-label=\"{Escape(title)}\" font-family=\"sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title><rect width=\"{N(Size)}\" height=\"{N(Size)}\" fill=\"#fffaf3\"/>");
        svg.Append("<g stroke=\"#c0392b\" stroke-opacity=\"0.45\" stroke-linecap=\"round\">");
        foreach (var edge in map.Edges)
        {
            var (a, b) = (at[edge.A], at[edge.B]);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(a.X)}\" y1=\"{N(a.Y)}\" x2=\"{N(b.X)}\" y2=\"{N(b.Y)}\" stroke-width=\"{Math.Min(8, edge.Projects * 1.5):0.#}\"/>");
        }

        svg.Append("</g>");
        foreach (var node in map.Nodes)
        {
            var (x, y) = at[node.PersonId];
            var label = node.DisplayName.Length > 14 ? node.DisplayName[..13] + "…" : node.DisplayName;
            var anchor = x < Center - 1 ? "end" : x > Center + 1 ? "start" : "middle";
            var dx = anchor == "end" ? -12 : anchor == "start" ? 12 : 0;
            var dy = anchor == "middle" ? (y < Center ? -14 : 22) : 4;
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{Escape(node.DisplayName)}: {node.Projects} / {node.Partners}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(5 + Math.Min(10, node.Projects * 2))}\" fill=\"#d35400\" stroke=\"#fff\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + dx)}\" y=\"{N(y + dy)}\" text-anchor=\"{anchor}\" font-size=\"13\" fill=\"#333\">{Escape(label)}</text></g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? string.Empty;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/people/{personId}/timeline", async (string personId, HttpContext http, MikoshiDb db) =>
                Problems.From(await TimelineAsync(db, http.Caller().RequireCommunity(), personId)))
            .Allow(Access.Anyone)
            .WithSummary("A person's contribution timeline, newest first: teams joined (joined), contributions with their acknowledgements (contribution), works released (work), thanks received (thanks).")
            .Produces<TimelineView>();
        api.MapGet("/communities/{slug}/works/{workId:long}/credits", async (long workId, HttpContext http, MikoshiDb db) =>
                Problems.From(await CreditsAsync(db, http.Caller().RequireCommunity(), workId)))
            .Allow(Access.Anyone)
            .WithSummary("The credits (エンドロール) of a released work: its project's team by role, leads first, with their contributions.")
            .Produces<CreditsView>();
        api.MapGet("/communities/{slug}/contribution-map", async (HttpContext http, MikoshiDb db) =>
                Results.Ok(await MapAsync(db, http.Caller().RequireCommunity().Id)))
            .Allow(Access.Anyone)
            .WithSummary("Who co-created with whom: people (projects, partners) and pairs with the number of projects they shared; the most connected 60.")
            .Produces<ContributionMapView>();
        api.MapGet("/communities/{slug}/contribution-map.svg", async (HttpContext http, MikoshiDb db) =>
            {
                var community = http.Caller().RequireCommunity();
                return Results.Text(Svg(await MapAsync(db, community.Id), community.Name), "image/svg+xml; charset=utf-8");
            })
            .Allow(Access.Anyone)
            .WithSummary("The contribution map drawn as SVG.");
    }
}
