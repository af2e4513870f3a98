using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Projects;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Membership;

namespace Mikoshi.Features.Pages;

/// <summary>What the proposals page offers a signed-in reader: their delegation and what the new-proposal form may name.</summary>
public sealed record ProposalFormsView(
    DelegationView Delegation,
    Dictionary<string, string> Names,
    IReadOnlyList<PersonChoice> People,
    IReadOnlyList<(ProjectNumber Number, string Title)> Projects,
    IReadOnlyList<ParameterChoice> Parameters,
    MembershipView Membership,
    Dictionary<ProposalKind, KindRules> Rules);

/// <summary>The proposals page: who is reading, the proposals listed (or why not, and the first page instead), and the forms.</summary>
public sealed record ProposalsView(Caller Caller, Result<ProposalPage> Listed, Result<ProposalPage> Shown, ProposalFormsView? Forms);

/// <summary>The proposals page's one query.</summary>
public sealed class ProposalsPage(MikoshiDb db, Callers callers, Proposals proposals)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<ProposalsView?> LoadAsync(string slug, PersonId? reader, string? cursor)
    {
        if (await callers.InAsync(slug, reader) is not { } caller)
        {
            return null;
        }

        var community = caller.RequireCommunity();
        var listed = await proposals.ListAsync(db, community, cursor, 50, reader);
        var shown = listed.IsSuccess ? listed : await proposals.ListAsync(db, community, null, 50, reader);
        if (reader is not { } person)
        {
            return new ProposalsView(caller, listed, shown, null);
        }

        var delegation = await Delegations.ViewAsync(db, community.Id, person);
        return new ProposalsView(caller, listed, shown, new ProposalFormsView(
            delegation,
            await PageReads.NamesAsync(db, [delegation.Delegate]),
            await PageReads.PeopleAsync(db, community.Id),
            await PageReads.ProjectsAsync(db, community.Id),
            await PageReads.ParametersAsync(db, community),
            await ChangeParameters.ViewAsync(db, community),
            await GovernanceRules.InForceAsync(db, community.Id)));
    }
}
