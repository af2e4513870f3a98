using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Notifications;

namespace Mikoshi.Features.Governance;

/// <summary>
/// Who hears that a vote holds their tokens, and that it no longer does. <see cref="TokenLocks"/> holds a token when its
/// holder at the snapshot voted for, or did not vote and their delegate at the snapshot did: so a delegate's vote for
/// locks (and the settlement or cancellation unlocks) the tokens of every delegator who did not vote themselves, and
/// those delegators are told, like the voter.
/// </summary>
public static class GovernanceEvents
{
    /// <summary>
    /// Announces <c>token.locked</c> for a vote for by <paramref name="voter"/>: to the voter, and to those who delegated to
    /// them at the snapshot, hold a token, and have not voted themselves (their own vote overrides the delegate's).
    /// </summary>
    public static async Task AnnounceLockedAsync(WriteScope write, Proposal row, PersonId voter)
    {
        var latest = await LatestAsync(write.Db, row);
        var delegators = (await DelegatorsAsync(write.Db, row)).Where(d => d.Value == voter && !latest.ContainsKey(d.Key.Value)).Select(d => d.Key).ToList();
        var holding = await HoldersAsync(write.Db, row.CommunityId, delegators);
        write.AnnounceTo(EventCatalogue.TokenLocked, new { proposal = row.Number, title = row.Title }, [voter, .. holding]);
    }

    /// <summary>
    /// Announces <c>token.unlocked</c> when the proposal is settled or cancelled: to everyone whose power was counted for
    /// it — voters whose last vote was for, and the delegators who did not vote and whose delegate's last vote was for.
    /// </summary>
    public static async Task AnnounceUnlockedAsync(WriteScope write, Proposal row)
    {
        var latest = await LatestAsync(write.Db, row);
        var voters = latest.Where(v => v.Value.Choice == VoteChoices.For).Select(v => new PersonId(v.Key)).ToList();
        var delegators = (await DelegatorsAsync(write.Db, row))
            .Where(d => !latest.ContainsKey(d.Key.Value) && latest.TryGetValue(d.Value.Value, out var cast) && cast.Choice == VoteChoices.For)
            .Select(d => d.Key).ToList();
        var holding = await HoldersAsync(write.Db, row.CommunityId, delegators);
        write.AnnounceTo(EventCatalogue.TokenUnlocked, new { proposal = row.Number, title = row.Title }, [.. voters, .. holding]);
    }

    private static async Task<Dictionary<Guid, VoteRow>> LatestAsync(MikoshiDb db, Proposal row) =>
        Snapshot.Latest(await db.Votes.AsNoTracking().Where(v => v.CommunityId == row.CommunityId && v.ProposalNumber == row.Number).ToListAsync());

    /// <summary>Delegator → delegate, as in force at the proposal's snapshot (the newest delegation of each delegator).</summary>
    private static async Task<Dictionary<PersonId, PersonId>> DelegatorsAsync(MikoshiDb db, Proposal row)
    {
        var at = row.OpensAtUnixMs;
        var rows = await db.Delegations.AsNoTracking()
            .Where(d => d.CommunityId == row.CommunityId && d.FromUnixMs <= at && (d.UntilUnixMs == null || d.UntilUnixMs > at))
            .ToListAsync();
        return rows.GroupBy(d => d.DelegatorId).Select(g => g.MaxBy(d => d.Number)!)
            .Where(d => d.DelegateId != d.DelegatorId)
            .ToDictionary(d => d.DelegatorId, d => d.DelegateId);
    }

    /// <summary>Those of <paramref name="people"/> who hold a token of the community (no token, nothing to lock).</summary>
    private static async Task<List<PersonId>> HoldersAsync(MikoshiDb db, CommunityId community, List<PersonId> people)
    {
        if (people.Count == 0)
        {
            return [];
        }

        return await db.Tokens.AsNoTracking()
            .Where(t => t.CommunityId == community && t.OwnerId != null && t.BurnedAtUnixMs == null && people.Contains(t.OwnerId!.Value))
            .Select(t => t.OwnerId!.Value).Distinct().ToListAsync();
    }
}
