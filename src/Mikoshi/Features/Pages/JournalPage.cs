using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Projects;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Ledger;

namespace Mikoshi.Features.Pages;

/// <summary>
/// The public journal page: the community, whether the reader is an insider (members see names; everyone else sees
/// people who did not choose to be shown under a pseudonym), the projects' titles, and a page of entries.
/// </summary>
public sealed record JournalView(CommunityView Community, bool Insider, Dictionary<ProjectNumber, string> ProjectTitles, Result<LedgerPage> Entries);

/// <summary>The ledger page's one query (named for the journal, as <see cref="LedgerPage"/> is the API's page of entries).</summary>
public sealed class JournalPage(MikoshiDb db, Callers callers, PublicNames names)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<JournalView?> LoadAsync(string slug, PersonId? reader, string? cursor, int pageSize)
    {
        if (await callers.InAsync(slug, reader) is not { } caller || await GetCommunity.FindAsync(db, slug) is not { } community)
        {
            return null;
        }

        var id = caller.RequireCommunity().Id;
        var titles = await db.Projects.AsNoTracking().Where(p => p.CommunityId == id).ToDictionaryAsync(p => p.Number, p => p.Title);
        var result = await ReadLedger.PageAsync(db, id, cursor, pageSize);
        var entries = result.IsSuccess ? Result<LedgerPage>.Ok(await names.LedgerAsync(db, id, caller.IsInsider, result.Value)) : result;
        return new JournalView(community, caller.IsInsider, titles, entries);
    }
}
