using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Ledger;

namespace Mikoshi.Features.Governance;

/// <summary>A proposal's vote export as a reader outside the community may see it (see <see cref="PublicNames"/>).</summary>
public static class PublicVotes
{
    /// <summary>
    /// A proposal's votes as the reader may see them: a hidden person's id becomes their pseudonym everywhere in
    /// the export (holders, delegations, votes), so the tally can still be recomputed; addresses and signatures stay.
    /// </summary>
    public static async Task<VoteExport> VotesAsync(this PublicNames names, MikoshiDb db, CommunityId community, bool insider, VoteExport export)
    {
        var show = await names.IdsAsync(db, community, insider, export.Holders.Select(h => h.PersonId)
            .Concat(export.Delegations.SelectMany(d => new[] { d.Delegator, d.Delegate }))
            .Concat(export.Votes.Select(v => v.PersonId))
            .Concat(export.Links.Select(l => l.PersonId)));
        return export with
        {
            Holders = export.Holders.Select(h => h with { PersonId = show(h.PersonId) }).ToList(),
            Delegations = export.Delegations.Select(d => new DelegationAtView(show(d.Delegator), show(d.Delegate))).ToList(),
            Votes = export.Votes.Select(v => v with { PersonId = show(v.PersonId) }).ToList(),
            Links = export.Links.Select(l => l with { PersonId = show(l.PersonId) }).ToList(),
        };
    }
}
