using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Membership;

namespace Mikoshi.Features.Pages;

/// <summary>
/// A proposal's page: the proposal, the names it needs, what a fund or parameter proposal is about, and — during grace,
/// for a holder who did not vote for it — the tokens they may leave with and what the first would pay.
/// </summary>
public sealed record ProposalDetailView(
    ProposalView Proposal, Dictionary<string, string> Names, string? FundProject, string? ParameterNow, IReadOnlyList<TokenId> ExitTokens, RedemptionView? ExitPreview);

/// <summary>The proposal detail page's one query, and the custodial vote with the store it needs.</summary>
public sealed class ProposalDetailPage(MikoshiDb db, Proposals proposals, Voting voting, Callers callers)
{
    public Task<Community?> CommunityAsync(string slug) => PageReads.CommunityAsync(db, slug);

    /// <summary>The page, or null when there is no such proposal.</summary>
    public async Task<ProposalDetailView?> LoadAsync(Community community, long number, PersonId? reader)
    {
        var read = await proposals.ReadAsync(db, community, number, reader);
        if (!read.IsSuccess)
        {
            return null;
        }

        var view = read.Value;
        var names = await PageReads.NamesAsync(db, [view.You?.DelegatedTo]);
        string? fundProject = null;
        if (view.Kind == "fund" && long.TryParse(PageReads.PayloadText(view.Payload, "projectId"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var project))
        {
            fundProject = (await PageReads.ProjectsAsync(db, community.Id)).FirstOrDefault(p => p.Number.Value == project).Title;
        }

        var parameterNow = view.Kind == "parameter" && PageReads.PayloadText(view.Payload, "name") is { } parameter
            ? (await PageReads.ParametersAsync(db, community)).FirstOrDefault(p => p.Name == parameter)?.Value
            : null;

        // During grace, anyone who holds a token and did not vote for the proposal may leave first.
        IReadOnlyList<TokenId> exitTokens = [];
        RedemptionView? exitPreview = null;
        if (reader is { } person && view.State == "grace" && view.You?.Choice != VoteChoices.For)
        {
            exitTokens = await PageReads.TokensOfAsync(db, community.Id, person);
            if (exitTokens.Count > 0)
            {
                var preview = await RedeemToken.PreviewAsync(db, community, exitTokens[0]);
                exitPreview = preview.IsSuccess ? preview.Value : null;
            }
        }

        return new ProposalDetailView(view, names, fundProject, parameterNow, exitTokens, exitPreview);
    }

    /// <summary>The reader as the page's writes pass them to the use cases (which check their roles again under the lock).</summary>
    public Task<Caller> CallerAsync(Community community, PersonId? reader) => callers.InAsync(community, reader);

    public Task<Result<Committed<VoteView>>> CastCustodialAsync(Caller voter, long proposal, CustodialVoteRequest request) =>
        voting.CastCustodialAsync(voter, proposal, request, db);
}
