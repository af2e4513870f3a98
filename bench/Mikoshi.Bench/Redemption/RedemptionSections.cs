using System.Text;
using System.Text.Json;
using Mikoshi.Bench.Ledger;

namespace Mikoshi.Bench.Redemption;

/// <summary>The report's redemption section: preview and redemption with few and many tokens in circulation, and their ratio.</summary>
public static class RedemptionSections
{
    public static void Write(StringBuilder text, string results)
    {
        var stores = Read(results);
        if (stores.Count == 0)
        {
            return;
        }

        var first = stores[0];
        var few = first.Rounds[0].Few;
        var many = first.Rounds[0].Many;
        var perToken = string.Join(", ", RedemptionWorld.Holdings.Select(h => Fmt.Invariant($"{h.PerToken:N0} {h.Asset}")));
        text.AppendLine(Fmt.Invariant($"## 12. Redemption: the preview and a redemption with {few.Tokens:N0} and {many.Tokens:N0} tokens in circulation, three assets"))
            .AppendLine()
            .AppendLine(Fmt.Invariant($"Two databases per store, side by side: one community of {many.Tokens:N0} tokens, and {few.Communities} communities of {few.Tokens:N0} tokens (one per redemption, so every redemption finds exactly {few.Tokens:N0} tokens in circulation). ")
                + "Each token has its own holder. The tokens, their first lineage step, their base-pool (JPY) units row, the holders' checkpoints, the JPY pool and the supply counter are loaded in bulk in the format the EF model writes "
                + "(binary `COPY` on PostgreSQL; prepared inserts in one transaction with `synchronous=OFF` on the loading connection only, on SQLite), as if every token had been minted at ¥10,000 while the treasury held only yen; "
                + Fmt.Invariant($"then the treasury receives, through the real `Writer`, per token in circulation: {perToken} (minor units), so the yen raise the JPY pool's value and ETH and USDC open pools issued per token (no per-token row). ")
                + Fmt.Invariant($"Redemption rate {RedemptionWorld.RateBps / 100}%, so the curve r + (1 − r)/s depends on the supply. `Verifier.VerifyAsync` passes on every store after loading (chains, journal, balances, supply, treasury pools against every token's units) and again after the timing. ")
                + "Before each round's timing, one redemption per world is checked by hand: every token holds the same units of each pool, so with s tokens and a treasury balance B it pays ⌊B·(r·s + (1 − r))/s²⌋ of each asset (under the cap, nothing of an asset the holder paid nothing in); the holder's account holds exactly that, the treasury the rest, the token is burned, the supply one less and each pool one token's units lighter. "
                + Fmt.Invariant($"Two rounds on the same worlds: **{RedemptionRun.Standard}** (the community as founded), then **{RedemptionRun.Capped}** (every community adopts, through the `Writer`, the revenue policy that caps distributions, redemption included, at what each person paid in: the cap reads what the holder paid for their tokens)."))
            .AppendLine()
            .AppendLine("**Preview**: `RedeemToken.PreviewAsync` (as GET …/tokens/{id}/redemption: the token with its lineage, the supply, the token's units rows, the pools, each pool's treasury balance). "
                + "**Redemption**: `RedeemToken.RedeemAsync` with an `Idempotency-Key` (as POST …/tokens/{id}/redeem: one write — the lock check, the preview inside the write, one journal entry paying three assets, the holders' share settled, the units leaving each pool, the burn, the checkpoint, listings, the audit link; commit), each a different token, never repeated. "
                + "Each request in a new DI scope and `DbContext`; the community read once and handed over as the route filter would. The statements each sends were read back from EF and every `SELECT` run through `EXPLAIN`; a plan line that reads a whole table, or every row of the community through an index's first column, is listed below with the size of its table (all communities together: the 10-token database holds many). A read of the community's rows is harmless where the community has a handful (its three pools, its proposals, its holder pools, `MAX` of its journal entry numbers, which reads one index entry); it is the tokens and their rows that must never be read whole. "
                + Fmt.Invariant($"Each repetition times {first.PreviewsPerRepetition} previews then {first.RedemptionsPerRepetition} redemptions in each world, the two worlds taking turns request by request (which goes first alternates by repetition), so a slow stretch of the shared machine falls on both alike; a figure is the median of a repetition's requests, then the median (min – max) over {first.Repetitions} repetitions. ")
                + "The ratio is per repetition, many ÷ few tokens; the issue asks for at most 1.2.")
            .AppendLine()
            .AppendLine("| store | round | tokens in circulation | **preview** | **redemption** | statements (preview / redemption) | plan lines reading a whole table, or the community's rows by `CommunityId` alone (rows in the table, all communities) | load | verify |")
            .AppendLine("|---|---|---:|---:|---:|---:|---|---:|---:|");
        foreach (var store in stores)
        {
            foreach (var round in store.Rounds)
            {
                foreach (var s in new[] { round.Few, round.Many })
                {
                    text.AppendLine(Fmt.Invariant($"| {store.Store} | {round.Mode} | {s.Tokens:N0} ({s.Communities} {(s.Communities == 1 ? "community" : "communities")}) | **{s.PreviewMs.Show(2)} ms** | **{s.RedeemMs.Show(2)} ms** | {s.PreviewStatements} / {s.RedeemStatements} | {(s.Scans.Count == 0 ? "none" : string.Join("; ", s.Scans))} | {s.LoadSeconds:F1} s | {s.VerifySeconds:F1} s |"));
                }
            }
        }

        text.AppendLine()
            .AppendLine(Fmt.Invariant($"| store | round | **preview {many.Tokens:N0} ÷ {few.Tokens:N0}** (per-repetition ratio) | **redemption {many.Tokens:N0} ÷ {few.Tokens:N0}** | checked by hand ({few.Tokens:N0} / {many.Tokens:N0}) |"))
            .AppendLine("|---|---|---:|---:|---|");
        foreach (var store in stores)
        {
            foreach (var round in store.Rounds)
            {
                text.AppendLine(Fmt.Invariant($"| {store.Store} | {round.Mode} | **{round.PreviewRatio.Show(2)}** | **{round.RedeemRatio.Show(2)}** | {round.Few.Check} / {round.Many.Check} |"));
            }
        }

        text.AppendLine()
            .AppendLine(string.Join("; ", stores.Select(s => $"{s.Store}: {s.Settings}")) + ".");
        text.AppendLine()
            .AppendLine("Reproduce: `bench/run.sh redemption` (`redemption-sqlite`, `redemption-postgres`; `BENCH_REPS` (5) repetitions, `BENCH_REDEMPTION_PREVIEWS` (40) and `BENCH_REDEMPTIONS` (20) per world per repetition, `BENCH_REDEMPTION_TOKENS` (10,1000000)).")
            .AppendLine();
    }

    public static void WriteRepetitions(StringBuilder text, string results)
    {
        foreach (var store in Read(results))
        {
            foreach (var round in store.Rounds)
            {
                foreach (var s in new[] { round.Few, round.Many })
                {
                    text.AppendLine(Fmt.Invariant($"| {store.Store} | redemption preview, {round.Mode}, {s.Tokens:N0} tokens, ms | {Report.Values(s.PreviewMs, 2)} |"))
                        .AppendLine(Fmt.Invariant($"| {store.Store} | redemption, {round.Mode}, {s.Tokens:N0} tokens, ms | {Report.Values(s.RedeemMs, 2)} |"));
                }
            }
        }
    }

    private static List<RedemptionResult> Read(string results) =>
        new[] { "redemption-sqlite", "redemption-postgres" }
            .Select(name => Path.Combine(results, name + ".json"))
            .Where(File.Exists)
            .Select(file => JsonSerializer.Deserialize<RedemptionResult>(File.ReadAllText(file), LedgerRun.Json)!)
            .ToList();
}
