using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Governance;

/// <summary>
/// The grace guard, on tokens: a token whose power was counted in a "for" vote — its holder at the proposal's
/// snapshot voted for, or did not vote and their delegate at the snapshot did — may not change hands, be listed
/// or be redeemed until that proposal is executed, defeated or cancelled. It is the token that is locked, not
/// the person: giving it to a second account first changes nothing.
/// </summary>
public static class TokenLocks
{
    /// <summary>The first unprocessed proposal that holds <paramref name="token"/>, or null.</summary>
    public static async Task<long?> HeldByAsync(MikoshiDb db, Domain.Membership.Token token, DateTimeOffset now)
    {
        // Read whole before the loop's own statements: one connection runs one command at a time.
        var open = await OpenProposals.For(db)(db, token.CommunityId).ToListAsync();
        foreach (var proposal in open)
        {
            if (await OwnerAtAsync(db, token, proposal.OpensAtUnixMs) is not { } holder || !await CountedForAsync(db, proposal, holder))
            {
                continue;
            }

            if (await Proposals.StateAsync(db, proposal, now) is ProposalState.Active or ProposalState.Grace or ProposalState.Queued)
            {
                return proposal.Number;
            }
        }

        return null;
    }

    // Compiled once: every move of a token reads them (KeyedRows says why).
    private static readonly CompiledQuery<Func<MikoshiDb, CommunityId, IAsyncEnumerable<Proposal>>> OpenProposals =
        new(() => EF.CompileAsyncQuery<MikoshiDb, CommunityId, Proposal>((db, community) => db.Proposals.AsNoTracking()
            .Where(p => p.CommunityId == community && p.Outcome == null && p.CancelledAtUnixMs == null).OrderBy(p => p.Number)));

    /// <summary>
    /// A token the caller may move: it exists, and no pending proposal holds it.
    /// </summary>
    public static async Task<Result<Domain.Membership.Token>> FindMovableAsync(WriteScope write, CommunityId community, TokenId serial)
    {
        var token = await TokenBook.FindAsync(write.Db, community, serial);
        if (!token.IsSuccess)
        {
            return token;
        }

        var unlocked = await CheckAsync(write.Db, token.Value, write.At);
        return unlocked.IsSuccess ? token : unlocked.Error;
    }

    /// <summary><see cref="HeldByAsync"/> as a refusal: <c>token_locked_by_vote</c>, naming the proposal.</summary>
    public static async Task<Result<bool>> CheckAsync(MikoshiDb db, Domain.Membership.Token token, DateTimeOffset now) =>
        await HeldByAsync(db, token, now) is { } proposal
            ? GovernanceErrors.TokenLockedByVote(proposal)
            : true;

    /// <summary>
    /// Who held the token at <paramref name="atUnixMs"/> by its stored lineage (the last step at or before it): read
    /// from the store, since a token loaded for a move carries only its last step.
    /// </summary>
    private static async Task<PersonId?> OwnerAtAsync(MikoshiDb db, Domain.Membership.Token token, long atUnixMs) =>
        await db.Lineage.AsNoTracking()
            .Where(step => step.CommunityId == token.CommunityId && step.Serial == token.Serial && step.AtUnixMs <= atUnixMs)
            .OrderByDescending(step => step.Step).Select(step => step.ToId).FirstOrDefaultAsync();

    private static async Task<bool> CountedForAsync(MikoshiDb db, Proposal proposal, PersonId holder)
    {
        var votes = await db.Votes.AsNoTracking()
            .Where(v => v.CommunityId == proposal.CommunityId && v.ProposalNumber == proposal.Number)
            .ToListAsync();
        var latest = Snapshot.Latest(votes);
        if (latest.TryGetValue(holder.Value, out var own))
        {
            return own.Choice == VoteChoices.For;
        }

        var at = proposal.OpensAtUnixMs;
        var delegation = await db.Delegations.AsNoTracking()
            .Where(d => d.CommunityId == proposal.CommunityId && d.DelegatorId == holder && d.FromUnixMs <= at && (d.UntilUnixMs == null || d.UntilUnixMs > at))
            .OrderByDescending(d => d.Number).FirstOrDefaultAsync();
        return delegation is not null && delegation.DelegateId != holder
            && latest.TryGetValue(delegation.DelegateId.Value, out var cast) && cast.Choice == VoteChoices.For;
    }
}
