using System.Text;
using System.Text.Json;
using Mikoshi.Bench.Ledger;

namespace Mikoshi.Bench.Revenue;

/// <summary>The report's revenue section: a revenue event at each holder count next to a push split, claims, and the Zengin file.</summary>
public static class RevenueSections
{
    public static void Write(StringBuilder text, string results)
    {
        var stores = new[] { "revenue-sqlite", "revenue-postgres" }
            .Select(name => Path.Combine(results, name + ".json"))
            .Where(File.Exists)
            .Select(file => JsonSerializer.Deserialize<RevenueResult>(File.ReadAllText(file), LedgerRun.Json)!)
            .ToList();
        if (stores.Count == 0)
        {
            return;
        }

        text.AppendLine("## 8. Revenue: one event at 10, 10^3 and 10^6 holders, against a push-style split")
            .AppendLine()
            .AppendLine(Fmt.Invariant($"Each size is its own database: one community whose holders each own one token (loaded in bulk with `COPY` / one prepared-insert transaction, with the supply counter set to match), one active project with a split in force. ")
                + Fmt.Invariant($"**Mikoshi**: `RecordRevenue.RecordAsync` of ¥{RevenueWorld.Amount:N0} (a new scope and context per event, an `Idempotency-Key`, the waterfall with the default policy — 10% to holders — one journal entry, the holder accumulator updated, the revenue row, the audit link; commit). ")
                + "**Push**, on the same database in the same run: what paying holders one by one costs — read every holder's token, split the holders' share exactly among them (`Allocation.Allocate`, largest remainder), write one credit row per holder (`COPY` on PostgreSQL, one prepared-insert transaction on SQLite). "
                + "Rows written counts every table's rows before and after one call. Times are the median of each repetition's events, then the median (min – max) over repetitions. "
                + "**Claim**: `Earnings.ClaimAsync` of one holder's yen after the events (their token's share settled, then the whole balance to the payout escrow). After the timing the store verifies clean: chains, journal, balances, the holder pool identity and the supply counter.")
            .AppendLine()
            .AppendLine("| store | holders | **Mikoshi event** | rows written per event | **push split** | rows written per push | **push ÷ Mikoshi** | claim | load time |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var store in stores)
        {
            foreach (var s in store.Sizes)
            {
                text.AppendLine(Fmt.Invariant($"| {store.Store} | {s.Holders:N0} | **{s.EventMs.Show(2)} ms** | {s.RowsPerEvent} | **{s.PushMs.Show(1)} ms** | {s.PushRowsPerEvent:N0} | **{Fmt.Num(s.PushMs.Median / s.EventMs.Median, 1)}×** | {s.ClaimMs.Show(2)} ms ({s.ClaimsTimed} claims) | {s.LoadSeconds:F1} s |"));
            }
        }

        var first = stores[0];
        var smallest = first.Sizes.MinBy(s => s.Holders)!;
        var largest = first.Sizes.MaxBy(s => s.Holders)!;
        text.AppendLine()
            .AppendLine(Fmt.Invariant($"{first.Store}: an event at {largest.Holders:N0} holders takes {Fmt.Num(largest.EventMs.Median / smallest.EventMs.Median, 2)}× the time of one at {smallest.Holders:N0} holders and writes the same {largest.RowsPerEvent} rows; the push split grows with the holders ({Fmt.Num(largest.PushMs.Median / smallest.PushMs.Median, 0)}× from {smallest.Holders:N0} to {largest.Holders:N0}). ")
                + "Reproduce: `bench/run.sh revenue` (`revenue-sqlite`, `revenue-postgres`; `BENCH_REVENUE_EVENTS` (10) events per repetition, `BENCH_REVENUE_HOLDERS` (10,1000,1000000); at 10^6 holders one push per repetition).")
            .AppendLine();
        if (stores.FirstOrDefault(s => s.Zengin is not null)?.Zengin is { } z)
        {
            text.AppendLine(Fmt.Invariant($"### A Zengin 総合振込 file of {z.Transfers:N0} transfers"))
                .AppendLine()
                .AppendLine(Fmt.Invariant($"`ZenginFile.Write` over {z.Transfers:N0} prepared transfers ({Fmt.Bytes(z.Bytes)}: header, data records, trailer, end, CR LF after each), against copying the same file's records, already made, into one buffer (the floor any writer stands on); the two outputs are compared byte for byte."))
                .AppendLine()
                .AppendLine("| | median | min – max |")
                .AppendLine("|---|---:|---:|")
                .AppendLine(Fmt.Invariant($"| `ZenginFile.Write` | {z.WriteMs.Median:F1} ms | {z.WriteMs.Min:F1} – {z.WriteMs.Max:F1} ms |"))
                .AppendLine(Fmt.Invariant($"| copy of prepared records | {z.BaselineMs.Median:F1} ms | {z.BaselineMs.Min:F1} – {z.BaselineMs.Max:F1} ms |"))
                .AppendLine(Fmt.Invariant($"| **write ÷ copy** | **{z.Ratio.Show(1)}** | |"))
                .AppendLine()
                .AppendLine("Reproduce: `bench/run.sh revenue-sqlite`.")
                .AppendLine();
        }
    }
}
