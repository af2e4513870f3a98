using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Membership;

namespace Mikoshi.Features.Pages;

/// <summary>The LLC-type DAO page: who is reading, and (for an insider) the member register and the people a form may name.</summary>
public sealed record LlcView(Caller Caller, List<LlcMemberView>? Members, IReadOnlyList<PersonChoice> People);

/// <summary>The LLC-type DAO page's one query.</summary>
public sealed class LlcPage(MikoshiDb db, Callers callers)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<LlcView?> LoadAsync(string slug, PersonId? reader)
    {
        if (await callers.InAsync(slug, reader) is not { } caller)
        {
            return null;
        }

        // The register is for insiders, as the API's Access.Insider: holders, treasurers and admins.
        var community = caller.RequireCommunity();
        return caller.IsInsider
            ? new LlcView(caller, await LlcDao.MembersAsync(db, community), await PageReads.PeopleAsync(db, community.Id))
            : new LlcView(caller, null, []);
    }
}
