using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;

namespace Mikoshi.Features.Ledger;

/// <summary>
/// How a person appears on a community's public pages (issue 15, finding 4). Members of the community (a token
/// holder, treasurer or admin) see everyone by id and display name; so does everyone else for a person who chose
/// to be shown (<see cref="MikoshiUser.ShownInPublic"/>). Anyone else appears to outsiders under a pseudonym
/// (<see cref="Pseudonyms"/>): their postings still add up, the totals and the hash chain are the same, but no
/// one outside can tell whose they are, nor tie a wallet address to a person.
/// </summary>
public sealed class PublicNames(Pseudonyms pseudonyms)
{
    /// <summary>Whether <paramref name="roles"/> make the reader an insider of the community.</summary>
    public static bool IsInsider(IReadOnlySet<Role> roles) => roles.Any(r => r != Role.Visitor);

    /// <summary>The journal page as the reader may see it: postings of hidden people under their pseudonym.</summary>
    public async Task<LedgerPage> LedgerAsync(MikoshiDb db, CommunityId community, bool insider, LedgerPage page)
    {
        var people = page.Items.SelectMany(e => e.Postings.Select(p => PersonOf(p.Account)).Append(ActorOf(e.Actor)))
            .OfType<Guid>().ToHashSet();
        var shown = await ShownAsync(db, people, insider);
        return page with
        {
            Items = page.Items.Select(e => e with
            {
                Actor = ActorOf(e.Actor) is { } actor ? Name(community, actor, shown, id => id.ToString()) : e.Actor,
                Postings = e.Postings.Select(p => PersonOf(p.Account) is { } person
                    ? shown.TryGetValue(person, out var name)
                        ? p with { Name = name }
                        : p with { Account = $"person:{pseudonyms.Of(community, person)}" }
                    : p).ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// How each of these ids appears to the reader: a person shown by name keeps their id, anyone else becomes their
    /// pseudonym; an id that is not a person's stays as it is.
    /// </summary>
    public async Task<Func<string, string>> IdsAsync(MikoshiDb db, CommunityId community, bool insider, IEnumerable<string> ids)
    {
        var people = ids.Select(id => Guid.TryParse(id, out var guid) ? guid : (Guid?)null).OfType<Guid>().ToHashSet();
        var shown = await ShownAsync(db, people, insider);
        return id => Guid.TryParse(id, out var guid) ? Name(community, guid, shown, _ => id) : id;
    }

    private string Name(CommunityId community, Guid person, Dictionary<Guid, string> shown, Func<Guid, string> asItIs) =>
        shown.ContainsKey(person) ? asItIs(person) : pseudonyms.Of(community, person);

    /// <summary>The display names of those the reader may see by name: all of them for an insider.</summary>
    private static async Task<Dictionary<Guid, string>> ShownAsync(MikoshiDb db, HashSet<Guid> people, bool insider) =>
        people.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => people.Contains(u.Id) && (insider || u.ShownInPublic))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName);

    private static Guid? PersonOf(string account) =>
        AccountId.Parse(account) is { IsSuccess: true, Value: { Kind: AccountKind.Person, Key: { } key } } && Guid.TryParseExact(key, "N", out var person)
            ? person
            : null;

    private static Guid? ActorOf(string actor) => Guid.TryParse(actor, out var person) ? person : null;
}
