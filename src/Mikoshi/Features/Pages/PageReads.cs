using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Payouts;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Ledger;

namespace Mikoshi.Features.Pages;

/// <summary>A person to pick in a form: their id (sent) and display name (shown).</summary>
public sealed record PersonChoice(string Id, string Name);

/// <summary>A sale in the market's recent history.</summary>
public sealed record RecentSale(TokenId Token, string? Seller, string? SellerName, string? Buyer, string? BuyerName, Int128 Price, DateTimeOffset At);

/// <summary>The holders' share a token move settled: paid to <see cref="To"/>, and (LLC-DAO cap) kept by the treasury.</summary>
public sealed record SettledView(string To, IReadOnlyList<AmountView> Paid, IReadOnlyList<AmountView>? ToTreasury)
{
    /// <summary>The amounts paid that are more than zero.</summary>
    public IReadOnlyList<AmountView> PaidAny => Paid.Where(a => a.Amount != "0").ToList();

    public IReadOnlyList<AmountView> KeptAny => (ToTreasury ?? []).Where(a => a.Amount != "0").ToList();

    public bool IsEmpty => PaidAny.Count == 0 && KeptAny.Count == 0;

    /// <summary>The share a move answered with, as the pages show it; null when it settled none.</summary>
    public static SettledView? Of(SettledShare? share) => share is null ? null : new(share.To, share.Paid, share.ToTreasury);
}

/// <summary>A community where a person may have something to claim: a role, a token, a team or an account there.</summary>
public sealed record EarningCommunity(string Slug, string Name);

/// <summary>A parameter a proposal may change, with its value now (as the API writes it).</summary>
public sealed record ParameterChoice(string Name, string Value);

/// <summary>An invitation waiting for the signed-in person's answer, with where it leads.</summary>
public sealed record OpenInvitation(long Id, string Slug, string CommunityName, ProjectNumber Project, string ProjectTitle, string Role, string AskedByName);

/// <summary>One point of the treasury's balance: after journal entry <see cref="Entry"/>, at <see cref="At"/>.</summary>
public sealed record BalancePoint(long Entry, DateTimeOffset At, Int128 Units);

/// <summary>
/// Reads several page queries share and no use case offers (they lived in the UI as MembershipData, RevenueData,
/// GovernanceData, ProjectData and TreasuryHistory). Only the page queries of this folder call them: a page never
/// holds the store.
/// </summary>
public static class PageReads
{
    /// <summary>A string property of a proposal's payload, or null.</summary>
    public static string? PayloadText(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;

    public static Task<Community?> CommunityAsync(MikoshiDb db, string slug) =>
        db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);

    /// <summary>People a form may name: members, role holders and past holders of the community, by name.</summary>
    public static async Task<IReadOnlyList<PersonChoice>> PeopleAsync(MikoshiDb db, CommunityId community)
    {
        var holders = await db.Lineage.AsNoTracking().Where(l => l.CommunityId == community && l.ToId != null)
            .Select(l => l.ToId!.Value).Distinct().ToListAsync();
        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.CommunityId == community)
            .Select(r => r.PersonId).Distinct().ToListAsync();
        var ids = holders.Concat(roles).Select(p => p.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync();
        return users.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ThenBy(u => u.Id)
            .Select(u => new PersonChoice(new PersonId(u.Id).ToString(), u.DisplayName)).ToList();
    }

    /// <summary>A person's account balance in one asset, in minor units.</summary>
    public static async Task<Int128> BalanceAsync(MikoshiDb db, CommunityId community, PersonId person, string asset)
    {
        var account = AccountId.ForPerson(person.Value).ToString();
        var row = await db.Balances.AsNoTracking().FirstOrDefaultAsync(b => b.CommunityId == community && b.Account == account && b.Asset == asset);
        return row?.Units ?? Int128.Zero;
    }

    /// <summary>The newest sales, newest first.</summary>
    public static async Task<IReadOnlyList<RecentSale>> RecentSalesAsync(MikoshiDb db, CommunityId community, int count)
    {
        var sales = await db.Lineage.AsNoTracking().Where(l => l.CommunityId == community && l.Kind == LineageKind.Sold)
            .OrderByDescending(l => l.AtUnixMs).ThenByDescending(l => l.Serial).Take(count).ToListAsync();
        var names = await PeopleBook.NamesAsync(db, sales.SelectMany(s => new[] { s.FromId, s.ToId }));
        string? Name(PersonId? id) => id is { } p && names.TryGetValue(p, out var n) ? n : null;
        return sales.Select(s => new RecentSale(s.Serial, s.FromId?.ToString(), Name(s.FromId), s.ToId?.ToString(), Name(s.ToId),
            s.Price ?? Int128.Zero, DateTimeOffset.FromUnixTimeMilliseconds(s.AtUnixMs))).ToList();
    }

    /// <summary>Names of the given people, by the id the API writes.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(MikoshiDb db, IEnumerable<string?> ids)
    {
        var people = ids.Select(i => Guid.TryParse(i, out var g) ? new PersonId(g) : (PersonId?)null);
        var names = await PeopleBook.NamesAsync(db, people);
        return names.ToDictionary(n => n.Key.ToString(), n => n.Value);
    }

    /// <summary>
    /// What <paramref name="person"/>'s own write with the form key <paramref name="key"/> settled, read back from its
    /// stored answer: the page it redirects to shows the outcome without carrying amounts in the address.
    /// </summary>
    public static async Task<SettledView?> ReceiptAsync(MikoshiDb db, PersonId person, string? key)
    {
        if (key is not { Length: > 0 and <= 64 } k || !k.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return (await StoredAnswers.OfAsync<MoveAnswer>(db, person.ToString(), $"ui-{k}"))?.Settled;
    }

    /// <summary>Communities where the person holds a role or a token, is on a project team, or has an account.</summary>
    public static async Task<IReadOnlyList<EarningCommunity>> EarningCommunitiesAsync(MikoshiDb db, PersonId person)
    {
        var account = AccountId.ForPerson(person.Value).ToString();
        var ids = new HashSet<CommunityId>();
        ids.UnionWith(await db.CommunityRoles.AsNoTracking().Where(r => r.PersonId == person).Select(r => r.CommunityId).Distinct().ToListAsync());
        ids.UnionWith(await db.Tokens.AsNoTracking().Where(t => t.OwnerId == person).Select(t => t.CommunityId).Distinct().ToListAsync());
        ids.UnionWith(await db.TeamMembers.AsNoTracking().Where(m => m.PersonId == person).Select(m => m.CommunityId).Distinct().ToListAsync());
        ids.UnionWith(await db.Balances.AsNoTracking().Where(b => b.Account == account).Select(b => b.CommunityId).Distinct().ToListAsync());
        var list = ids.ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => list.Contains(c.Id)).Select(c => new { c.Slug, c.Name }).ToListAsync();
        return communities.OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Slug, StringComparer.Ordinal)
            .Select(c => new EarningCommunity(c.Slug, c.Name)).ToList();
    }

    /// <summary>Pending claims waiting for a batch, per asset: how many people and how much.</summary>
    public static async Task<IReadOnlyList<(string Asset, int People, Int128 Units)>> PendingClaimsAsync(MikoshiDb db, CommunityId community)
    {
        var claims = await db.Claims.AsNoTracking().Where(c => c.CommunityId == community && c.State == ClaimState.Pending)
            .Select(c => new { c.Asset, c.PersonId, c.Amount }).ToListAsync();
        return claims.GroupBy(c => c.Asset).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(c => c.PersonId).Distinct().Count(), g.Aggregate(Int128.Zero, (sum, c) => sum + c.Amount)))
            .ToList();
    }

    /// <summary>The serials a person holds now, lowest first.</summary>
    public static async Task<IReadOnlyList<TokenId>> TokensOfAsync(MikoshiDb db, CommunityId community, PersonId person) =>
        await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community && t.OwnerId == person)
            .OrderBy(t => t.Serial).Select(t => t.Serial).ToListAsync();

    public static async Task<IReadOnlyList<(ProjectNumber Number, string Title)>> ProjectsAsync(MikoshiDb db, CommunityId community) =>
        (await db.Projects.AsNoTracking().Where(p => p.CommunityId == community).OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.Title }).ToListAsync()).Select(p => (p.Number, p.Title)).ToList();

    /// <summary>Every parameter a proposal may change (<see cref="GovernanceRules.ParameterNames"/>) with its value now.</summary>
    public static async Task<IReadOnlyList<ParameterChoice>> ParametersAsync(MikoshiDb db, Community community)
    {
        var rules = await GovernanceRules.InForceAsync(db, community.Id);
        string Now(string name)
        {
            switch (name)
            {
                case "mintBasePrice": return community.MintBasePrice.ToString(CultureInfo.InvariantCulture);
                case "mintPriceSlope": return community.MintPriceSlope.ToString(CultureInfo.InvariantCulture);
                case "supplyCap": return (community.SupplyCap ?? 0).ToString(CultureInfo.InvariantCulture);
                case "royaltyBps": return community.RoyaltyBps.Value.ToString(CultureInfo.InvariantCulture);
                case "redemptionRateBps": return community.RedemptionRateBps.Value.ToString(CultureInfo.InvariantCulture);
                case "treasuryBps": return community.RevenueTreasuryBps.Value.ToString(CultureInfo.InvariantCulture);
                case "holderBps": return community.RevenueHolderBps.Value.ToString(CultureInfo.InvariantCulture);
                case "reserveBps": return community.RevenueReserveBps.Value.ToString(CultureInfo.InvariantCulture);
                case "holderShareToTreasury": return community.HolderShareToTreasury ? "true" : "false";
                case "capAtPaidIn": return community.CapHolderDistributions ? "true" : "false";
            }

            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var kind = rules[GovernanceRules.Kind(name[..dot]).Value];
            var value = name[(dot + 1)..] switch
            {
                "quorumBps" => kind.QuorumBps.Value,
                "thresholdBps" => kind.ThresholdBps.Value,
                "votingPeriodHours" => kind.VotingPeriodHours,
                _ => kind.GracePeriodHours,
            };
            return value.ToString(CultureInfo.InvariantCulture);
        }

        return GovernanceRules.ParameterNames.Select(n => new ParameterChoice(n, Now(n))).ToList();
    }

    /// <summary>Invitations addressed to the person that are still waiting, in every community, oldest first.</summary>
    public static async Task<IReadOnlyList<OpenInvitation>> InvitationsForAsync(MikoshiDb db, PersonId person, CommunityId? only = null)
    {
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.PersonId == person && i.Kind == Domain.Projects.InvitationKind.Invitation && i.State == Domain.Projects.InvitationState.Pending && (only == null || i.CommunityId == only))
            .OrderBy(i => i.CreatedAtUnixMs).ThenBy(i => i.Number).ToListAsync();
        if (open.Count == 0)
        {
            return [];
        }

        var communityIds = open.Select(i => i.CommunityId).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var projectNumbers = open.Select(i => i.ProjectNumber).Distinct().ToList();
        var projects = (await db.Projects.AsNoTracking()
                .Where(p => communityIds.Contains(p.CommunityId) && projectNumbers.Contains(p.Number)).ToListAsync())
            .ToDictionary(p => (p.CommunityId, p.Number), p => p.Title);
        var names = await PeopleBook.NamesAsync(db, open.Select(i => i.AskedById));
        return open.Where(i => communities.ContainsKey(i.CommunityId))
            .Select(i => new OpenInvitation(i.Number, communities[i.CommunityId].Slug, communities[i.CommunityId].Name, i.ProjectNumber,
                projects.GetValueOrDefault((i.CommunityId, i.ProjectNumber), string.Empty), i.Role, names.GetValueOrDefault(i.AskedById, string.Empty)))
            .ToList();
    }

    /// <summary>The treasury chart reads at most this many entries; beyond it the history starts later.</summary>
    public const int MaxHistoryEntries = 5_000;

    /// <summary>
    /// The treasury's balance of one asset after each entry that moved it, oldest first, rebuilt from
    /// the public journal through <see cref="ReadLedger.PageAsync"/>.
    /// </summary>
    public static async Task<IReadOnlyList<BalancePoint>> TreasuryHistoryAsync(MikoshiDb db, CommunityId community, string asset, Int128 current)
    {
        var treasury = AccountId.Treasury.ToString();
        var moves = new List<(long Entry, DateTimeOffset At, Int128 Change)>();
        string? cursor = null;
        var read = 0;
        do
        {
            var page = await ReadLedger.PageAsync(db, community, cursor, Api.Paging.MaxLimit);
            if (!page.IsSuccess)
            {
                break;
            }

            foreach (var entry in page.Value.Items)
            {
                var change = entry.Postings.Where(p => p.Account == treasury && p.Asset == asset)
                    .Aggregate(Int128.Zero, (sum, p) => sum + Int128.Parse(p.Amount, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                if (change != Int128.Zero)
                {
                    moves.Add((entry.Entry, entry.At, change));
                }
            }

            read += page.Value.Items.Count;
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null && read < MaxHistoryEntries);

        // Walk back from today's balance, so a history cut at MaxHistoryEntries still ends at the true figure.
        var points = new List<BalancePoint>(moves.Count);
        var balance = current;
        foreach (var move in moves)
        {
            points.Add(new BalancePoint(move.Entry, move.At, balance));
            balance -= move.Change;
        }

        points.Reverse();
        return points;
    }

    private sealed record MoveAnswer(SettledView? Settled);
}
