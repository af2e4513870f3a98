using System.Text;
using System.Text.Json;
using Mikoshi.Bench.Ledger;
using Mikoshi.Bench.Load;
using Mikoshi.Bench.Membership;
using Mikoshi.Bench.Scale;
using Mikoshi.Bench.Verify;

namespace Mikoshi.Bench;

/// <summary>
/// Issue #18's targets, each read from this run's results and said met or not: its Done-when asks for every target in
/// one run, so the run itself says whether they held. A part the run did not include shows as "not run".
/// </summary>
public static class TargetSections
{
    private static readonly string[] Stores = ["sqlite", "postgres"];

    public static void Write(StringBuilder text, string results)
    {
        var rows = Stores.SelectMany(store => Rows(results, store)).ToList();
        var met = rows.Count(r => r.Met == true);
        var measured = rows.Count(r => r.Met is not null);
        var outOfReach = rows.Count(r => r.Met == false && r.Floor is { } floor && floor < r.Least);
        text.AppendLine("## Issue #18's targets in this run")
            .AppendLine()
            .AppendLine(Fmt.Invariant($"Each figure below is this run's, from the section named beside it; the median where a part repeats. **{met} of {measured} measured targets met.**"))
            .AppendLine(Fmt.Invariant($"For the writes, **the rows alone** is the same ratio for the write's rows written raw with nothing else (section 6b): no implementation of the write on this schema can reach more. **{outOfReach} of the {measured - met} not met are out of reach** in this run by that bound (its median below the target)."))
            .AppendLine()
            .AppendLine("| store | figure | this run | target | met? | the rows alone (6b) | from |")
            .AppendLine("|---|---|---:|---|---|---:|---|");
        foreach (var row in rows)
        {
            var verdict = row.Met switch
            {
                true => "**yes**",
                false when row.Floor is { } floor && floor < row.Least => "no: out of reach",
                false => "no",
                null => "not run",
            };
            text.AppendLine(Fmt.Invariant($"| {row.Store} | {row.Figure} | {row.Value} | {row.Target} | {verdict} | {(row.Floor is { } bound ? Fmt.Num(bound, 3) : "")} | {row.Section} |"));
        }

        text.AppendLine();
    }

    /// <summary>One target: <c>Least</c> is the target where it is a least ratio; <c>Floor</c>, for a write, the ratio its rows alone reach, written raw (section 6b).</summary>
    private sealed record Row(string Store, string Figure, string Value, string Target, bool? Met, string Section, double? Least = null, double? Floor = null);

    private static IEnumerable<Row> Rows(string results, string store)
    {
        var name = store == "postgres" ? "PostgreSQL" : "SQLite";
        var ledger = Read<StoreResult>(results, store);
        var load = Read<LoadResult>(results, "load-" + store);
        var membership = Read<MembershipResult>(results, "membership-" + store);
        var verify = Read<VerifyResult>(results, "verify-" + store);
        var scale = Read<ScaleResult>(results, "scale-" + store);
        var floor = Read<FloorResult>(results, "floor-" + store);
        double? Floor(string kind) => floor?.Figures.FirstOrDefault(f => f.Kind == kind)?.FloorRatio.Median;
        var clients = load is null ? "" : Fmt.Invariant($", {load.Concurrency} clients");

        foreach (var (figure, scenario, target) in new[]
        {
            ("community page ÷ bare, signed in", "community page", 0.5),
            ("community page ÷ bare, a visitor", "community page, visitor", 0.5),
            ("ledger page ÷ bare, signed in", "ledger", 0.3),
            ("ledger page ÷ bare, a visitor", "ledger, visitor", 0.3),
        })
        {
            var found = load?.Figures.FirstOrDefault(f => f.Name == scenario);
            yield return AtLeast(name, figure + clients, found?.Ratio, target, "7");
        }

        var oneClient = store == "postgres" ? 0.3 : 0.5;
        yield return AtLeast(name, "deposits ÷ raw one-row commit, 1 client", ledger?.CommitRatio.Median, oneClient, "2") with { Floor = Floor("deposit") };

        yield return AtLeast(name, ledger is null ? "deposits ÷ raw one-row commit, many clients" : Fmt.Invariant($"deposits ÷ raw one-row commit, {ledger.Clients} clients (group commit)"),
            ledger?.ManyRatio.Median, 1.0, "2");

        var deposit = load?.Figures.FirstOrDefault(f => f.Name == "deposit");
        yield return new Row(name, "deposit p99 over HTTP" + clients,
            deposit is null ? "—" : Fmt.Invariant($"{deposit.P99Ms:F1} ms"), "≤ 50 ms", deposit is null ? null : deposit.P99Ms <= 50, "7");

        yield return AtLeast(name, "mint ÷ raw", membership?.MintRatio.Median, 0.3, "4") with { Floor = Floor("mint") };
        yield return AtLeast(name, "transfer ÷ raw", membership?.TransferRatio.Median, 0.3, "4") with { Floor = Floor("transfer") };

        var largest = verify?.Sizes.MaxBy(s => s.Entries);
        yield return AtLeast(name, largest is null ? "verify ÷ raw read" : Fmt.Invariant($"verify ÷ raw read, {largest.Entries:N0} entries"), largest?.Ratio.Median, 0.8, "3");
        yield return new Row(name,
            largest is null ? "incremental verify of new entries" : Fmt.Invariant($"incremental verify of {largest.NewEntries:N0} new entries on {largest.Entries:N0}"),
            largest is null ? "—" : Fmt.Invariant($"{largest.IncrementalSeconds.Median * 1000:F0} ms"), "≤ 1 s (at 10^6 entries)",
            largest is null ? null : largest.IncrementalSeconds.Median <= 1.0, "3");

        // The requests: the price chart answers up to 500 trades, and the demo has 25, so it is not one of them.
        var requests = scale?.Figures.Where(f => f.Name != "price chart").ToList();
        var worst = requests?.MaxBy(f => f.Ratio);
        yield return new Row(name,
            scale is null ? "each request, large community ÷ demo's size" : Fmt.Invariant($"each request at {scale.Large.Entries:N0} entries / {scale.Large.Members:N0} members ÷ demo's size (the worst of {requests!.Count}; the price chart is not one)"),
            worst is null ? "—" : Fmt.Invariant($"{worst.Ratio:F2} ({worst.Name})"), "≤ 1.2", worst is null ? null : worst.Ratio <= 1.2, "7b");
    }

    private static Row AtLeast(string store, string figure, double? value, double target, string section) =>
        new(store, figure, value is { } v ? Shown(v, target) : "—", Fmt.Invariant($"≥ {target:0.0#}"), value is { } x ? x >= target : null, section, target);

    /// <summary>Three decimals, or four where three would round a miss up to the target itself (0.4997 is not 0.500).</summary>
    private static string Shown(double value, double target) =>
        value < target && Fmt.Num(value, 3) == Fmt.Num(target, 3) ? Fmt.Num(value, 4) : Fmt.Num(value, 3);

    private static T? Read<T>(string results, string name) where T : class
    {
        var file = Path.Combine(results, name + ".json");
        return File.Exists(file) ? JsonSerializer.Deserialize<T>(File.ReadAllText(file), LedgerRun.Json) : null;
    }
}
