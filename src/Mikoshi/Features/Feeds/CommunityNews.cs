using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Components;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Features.Feeds;

/// <summary>One piece of public community news.</summary>
public sealed record NewsItem(string Id, DateTimeOffset At, string Title, string Summary, string Url);

/// <summary>
/// An Atom 1.0 feed (RFC 4287) of a community's public news, read from the rows that already say it: proposals
/// opened and decided, works released, revenue recorded. Nothing is stored for it; the newest entries come first.
/// </summary>
public sealed class CommunityNews(MikoshiDb db, TimeProvider clock)
{
    /// <summary>The most entries of each kind a feed carries.</summary>
    public const int MaxEntriesPerKind = 50;

    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public async Task<IReadOnlyList<NewsItem>> ItemsAsync(Community community, string origin)
    {
        var id = community.Id;
        var page = $"{origin}/c/{community.Slug}";
        var items = new List<NewsItem>();
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.CommunityId == id).OrderByDescending(p => p.Number).Take(MaxEntriesPerKind).ToListAsync();
        foreach (var p in proposals)
        {
            var url = $"{page}/proposals/{p.Number}";
            items.Add(new NewsItem($"{url}#opened", At(p.CreatedAtUnixMs), $"Proposal #{p.Number} opened: {p.Title}",
                $"A {p.Kind} proposal; voting from {At(p.OpensAtUnixMs):u} until {At(p.ClosesAtUnixMs):u}.", url));
            if (p.SettledAtUnixMs is { } settled && p.Outcome is { } decided)
            {
                var outcome = Governance.Proposals.OutcomeName(decided);
                items.Add(new NewsItem($"{url}#decided", At(settled), $"Proposal #{p.Number} {outcome}: {p.Title}", $"The proposal was decided: {outcome}.", url));
            }
        }

        var works = await db.Works.AsNoTracking().Where(w => w.CommunityId == id).OrderByDescending(w => w.ReleasedAtUnixMs).Take(MaxEntriesPerKind).ToListAsync();
        foreach (var w in works)
        {
            var url = $"{page}/projects/{w.ProjectNumber}";
            items.Add(new NewsItem($"{url}#work-{w.Number}", At(w.ReleasedAtUnixMs), $"Work released: {w.Title}", $"Released by project #{w.ProjectNumber}: {w.Url}", url));
        }

        var revenue = await db.Revenue.AsNoTracking().Where(r => r.CommunityId == id).OrderByDescending(r => r.Number).Take(MaxEntriesPerKind).ToListAsync();
        foreach (var r in revenue)
        {
            var url = $"{page}/projects/{r.ProjectNumber}";
            // As every page shows money (¥12,345, 0.0123 ETH), never "12,345 JPY".
            var amount = Amounts.Display(r.Asset, r.Amount.ToString(CultureInfo.InvariantCulture));
            items.Add(new NewsItem($"{url}#revenue-{r.Number}", At(r.RecordedAtUnixMs), $"Revenue recorded: {amount}", $"Project #{r.ProjectNumber} earned {amount} ({r.Source}).", url));
        }

        return items.OrderByDescending(i => i.At).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The feed as Atom 1.0 XML, written with System.Xml.</summary>
    public async Task<string> AtomAsync(Community community, string origin)
    {
        var items = await ItemsAsync(community, origin);
        var self = $"{origin}/api/v1/communities/{community.Slug}/news.atom";
        var updated = items.Count > 0 ? items[0].At : clock.GetUtcNow();
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, self);
            xml.WriteElementString("title", AtomNamespace, $"{community.Name} — Mikoshi");
            xml.WriteElementString("updated", AtomNamespace, Stamp(updated));
            Link(xml, "self", self, "application/atom+xml");
            Link(xml, "alternate", $"{origin}/c/{community.Slug}", "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, community.Name);
            xml.WriteEndElement();
            foreach (var item in items)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, item.Id);
                xml.WriteElementString("title", AtomNamespace, item.Title);
                xml.WriteElementString("updated", AtomNamespace, Stamp(item.At));
                Link(xml, "alternate", item.Url, "text/html");
                xml.WriteElementString("summary", AtomNamespace, item.Summary);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // StringBuilder is UTF-16; the declaration must name what is sent.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static DateTimeOffset At(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/communities/{slug}/news.atom", async (CommunityNews news, HttpContext http) =>
                Results.Text(await news.AtomAsync(http.Caller().RequireCommunity(), SameOriginWrites.OwnOrigin(http)), "application/atom+xml; charset=utf-8"))
            .Allow(Access.Anyone)
            .WithSummary("An Atom 1.0 feed of the community's public news: proposals opened and decided, works released, revenue recorded.");
}
