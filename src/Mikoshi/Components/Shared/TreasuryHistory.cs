using System.Globalization;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Features.Ledger;

namespace Mikoshi.Components.Shared;

/// <summary>One point of the treasury's balance: after journal entry <see cref="Entry"/>, at <see cref="At"/>.</summary>
public sealed record BalancePoint(long Entry, DateTimeOffset At, Int128 Units);

/// <summary>
/// The treasury's balance of one asset after each entry that moved it, oldest first, rebuilt from
/// the public journal through <see cref="ReadLedger.PageAsync"/>.
/// </summary>
public static class TreasuryHistory
{
    /// <summary>The chart reads at most this many entries; beyond it the history starts later.</summary>
    public const int MaxEntries = 5_000;

    public static async Task<IReadOnlyList<BalancePoint>> ForAsync(MikoshiDb db, CommunityId community, string asset, Int128 current)
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
        while (cursor is not null && read < MaxEntries);

        // Walk back from today's balance, so a history cut at MaxEntries still ends at the true figure.
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
}
