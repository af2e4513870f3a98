using System.Diagnostics;
using System.Text.Json;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;

namespace Mikoshi.Bench.Redemption;

/// <summary>One number of tokens in circulation in one round: its world, what loading it took, the two requests' times and what they send.</summary>
public sealed record RedemptionSize(
    int Tokens,
    int Communities,
    double LoadSeconds,
    double VerifySeconds,
    string Check,
    Samples PreviewMs,
    Samples RedeemMs,
    int PreviewStatements,
    int RedeemStatements,
    IReadOnlyList<string> Scans);

/// <summary>One kind of community (<see cref="Mode"/>): the two worlds and the ratios many ÷ few, per repetition.</summary>
public sealed record RedemptionRound(string Mode, RedemptionSize Few, RedemptionSize Many, Samples PreviewRatio, Samples RedeemRatio);

public sealed record RedemptionResult(string Store, string Settings, int Repetitions, int PreviewsPerRepetition, int RedemptionsPerRepetition, IReadOnlyList<RedemptionRound> Rounds);

/// <summary>
/// Redemption on one store with few and with many tokens in circulation (10 and 10^6), three assets in the
/// treasury: the preview (<see cref="Features.Membership.RedeemToken.PreviewAsync(Domain.Communities.Community, Domain.Membership.TokenId)"/>)
/// and the redemption (<see cref="Features.Membership.RedeemToken.RedeemAsync"/>), the two worlds taking turns
/// request by request in the same run, so the ratio many ÷ few is measured against a baseline taken beside it.
/// Two rounds on the same worlds: the default community, then every community under the LLC-DAO cap
/// (distributions capped at what each person paid in), which reads what the holder paid for their tokens.
/// </summary>
public static class RedemptionRun
{
    public const string Standard = "default";
    public const string Capped = "LLC-DAO cap";

    public static async Task<int> RunAsync(StoreProvider provider, string location, string resultFile, int repetitions, int previews, int redemptions, int few, int many)
    {
        var name = provider == StoreProvider.Postgres ? "PostgreSQL" : "SQLite";
        var fewLog = new StatementLog();
        var manyLog = new StatementLog();
        await using var fewStore = BenchStore.Create(provider, location, Fmt.Invariant($"mikoshi_bench_redemption_{few}"), fewLog);
        await using var manyStore = BenchStore.Create(provider, location, Fmt.Invariant($"mikoshi_bench_redemption_{many}"), manyLog);
        await fewStore.MigrateAsync();
        await manyStore.MigrateAsync();
        var settings = await fewStore.DurabilityAsync();

        // Per round, two redemptions per world are not timed: the one checked by hand and the one whose SQL is read back.
        var rounds = new[] { Standard, Capped };
        var perRound = (repetitions * redemptions) + 2;
        var worlds = new List<(RedemptionWorld World, BenchStore Store, StatementLog Log, double Load, double Verify)>();
        foreach (var (tokens, store, log) in new[] { (few, fewStore, fewLog), (many, manyStore, manyLog) })
        {
            // Few tokens: one community per redemption, so each finds exactly that many in circulation.
            var communities = tokens < 1_000 ? rounds.Length * perRound : 1;
            Console.WriteLine(Fmt.Invariant($"[{name}] {tokens:N0} tokens × {communities} communities: loading"));
            var clock = Stopwatch.StartNew();
            var world = await RedemptionWorld.CreateAsync(store, tokens, communities);
            var load = clock.Elapsed.TotalSeconds;
            clock.Restart();
            await world.VerifyAsync();
            var verify = clock.Elapsed.TotalSeconds;
            Console.WriteLine(Fmt.Invariant($"  loaded in {load:F1} s; verify clean in {verify:F1} s"));
            worlds.Add((world, store, log, load, verify));
        }

        var results = new List<RedemptionRound>();
        foreach (var round in rounds)
        {
            if (round == Capped)
            {
                foreach (var w in worlds)
                {
                    await w.World.CapDistributionsAsync();
                }
            }

            Console.WriteLine($"[{name}] {round}");
            var checks = new List<string>();
            var statements = new List<(int Preview, int Redeem, List<string> Scans)>();
            foreach (var (world, store, log, _, _) in worlds)
            {
                checks.Add(await world.RedeemAndCheckAsync());
                Console.WriteLine($"  checked by hand: {checks[^1]}");
                for (var i = 0; i < previews; i++)
                {
                    await world.PreviewOneAsync();
                }

                statements.Add(await ReadBackAsync(world, store, log));
            }

            var previewMs = worlds.Select(_ => new List<double>()).ToList();
            var redeemMs = worlds.Select(_ => new List<double>()).ToList();
            for (var rep = 0; rep < repetitions; rep++)
            {
                // Request by request, the two worlds take turns (the first alternating by repetition), so a slow
                // stretch of the shared machine falls on both alike.
                var order = rep % 2 == 0 ? new[] { 0, 1 } : [1, 0];
                var previewTimes = await TakeTurnsAsync(order, previews, w => worlds[w].World.PreviewOneAsync());
                var redeemTimes = await TakeTurnsAsync(order, redemptions, w => worlds[w].World.RedeemOneAsync());
                for (var w = 0; w < worlds.Count; w++)
                {
                    previewMs[w].Add(Samples.Of(previewTimes[w]).Median);
                    redeemMs[w].Add(Samples.Of(redeemTimes[w]).Median);
                }

                Console.WriteLine(Fmt.Invariant($"  rep {rep + 1}: preview {previewMs[0][^1]:F2} / {previewMs[1][^1]:F2} ms, redemption {redeemMs[0][^1]:F2} / {redeemMs[1][^1]:F2} ms ({few:N0} / {many:N0} tokens)"));
            }

            var sizes = new List<RedemptionSize>();
            for (var w = 0; w < worlds.Count; w++)
            {
                var (world, _, _, load, verify) = worlds[w];
                var clock = Stopwatch.StartNew();
                await world.VerifyAsync();
                Console.WriteLine(Fmt.Invariant($"[{name}] {world.Tokens:N0} tokens: {world.Redeemed} redemptions so far; verify clean again in {clock.Elapsed.TotalSeconds:F1} s"));
                sizes.Add(new RedemptionSize(world.Tokens, world.Communities, load, verify, checks[w], Samples.Of(previewMs[w]), Samples.Of(redeemMs[w]),
                    statements[w].Preview, statements[w].Redeem, statements[w].Scans));
            }

            results.Add(new RedemptionRound(round, sizes[0], sizes[1],
                Samples.Of(previewMs[1].Zip(previewMs[0], (m, f) => m / f).ToList()),
                Samples.Of(redeemMs[1].Zip(redeemMs[0], (m, f) => m / f).ToList())));
            Console.WriteLine(Fmt.Invariant($"[{name}] {round}, {many:N0} ÷ {few:N0} tokens: preview {results[^1].PreviewRatio.Show(2)}, redemption {results[^1].RedeemRatio.Show(2)}"));
        }

        var result = new RedemptionResult(name, settings, repetitions, previews, redemptions, results);
        await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result, LedgerRun.Json));
        return 0;
    }

    /// <summary>One preview and one redemption with the SQL they send read back: how many statements, and every SELECT's plan.</summary>
    private static async Task<(int Preview, int Redeem, List<string> Scans)> ReadBackAsync(RedemptionWorld world, BenchStore store, StatementLog log)
    {
        log.Clear();
        log.On = true;
        await world.PreviewOneAsync();
        log.On = false;
        var preview = log.Sent.ToList();
        log.Clear();
        log.On = true;
        await world.RedeemOneAsync();
        log.On = false;
        var redeem = log.Sent.ToList();
        var scans = new List<string>();
        foreach (var (kind, sent) in new[] { ("preview", preview), ("redemption", redeem) })
        {
            foreach (var statement in sent.Where(s => s.Reads && s.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
            {
                var plan = await PlanAsync(store, statement.Text, statement.Parameters);
                Console.WriteLine($"  [{world.Tokens:N0}] {kind}: {statement.Text.ReplaceLineEndings(" ")}\n      plan: {plan}");
                foreach (var line in Scans(plan))
                {
                    scans.Add($"{kind}: {line.TrimStart('-', '>', ' ')}{await RowsAsync(store, line)}");
                }
            }
        }

        var distinct = scans.Distinct().ToList();
        Console.WriteLine(Fmt.Invariant($"  [{world.Tokens:N0}] statements: preview {preview.Count}, redemption {redeem.Count}; whole-table reads: {(distinct.Count == 0 ? "none" : string.Join(" | ", distinct))}"));
        return (preview.Count, redeem.Count, distinct);
    }

    /// <summary>
    /// The plan's lines that read a whole table, or every row of the community through the index's first column:
    /// PostgreSQL's <c>Seq Scan</c>; SQLite's <c>SCAN</c> of a table (not of a subquery's rows it made itself, named in
    /// a <c>CO-ROUTINE</c> or <c>MATERIALIZE</c> line) and its <c>SEARCH</c> on <c>CommunityId</c> alone.
    /// </summary>
    private static IEnumerable<string> Scans(string plan)
    {
        var lines = plan.Split("; ");
        var made = lines.Where(l => l.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || l.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
        return lines.Where(l => l.Contains("Seq Scan", StringComparison.Ordinal)
            || (l.StartsWith("SEARCH ", StringComparison.Ordinal) && l.EndsWith("(CommunityId=?)", StringComparison.Ordinal))
            || (l.StartsWith("SCAN ", StringComparison.Ordinal) && !l.StartsWith("SCAN CONSTANT ROW", StringComparison.Ordinal) && !made.Contains(l.Split(' ')[1])));
    }

    /// <summary>" (n rows)": how big the table a plan line reads is (PostgreSQL names it; SQLite names its index).</summary>
    private static async Task<string> RowsAsync(BenchStore store, string line)
    {
        await using var connection = await store.OpenRawAsync();
        var table = System.Text.RegularExpressions.Regex.Match(line, "Seq Scan on (\\w+)") is { Success: true } pg ? pg.Groups[1].Value
            : System.Text.RegularExpressions.Regex.Match(line, "USING (?:COVERING )?INDEX (\\w+)") is { Success: true } sqlite
                ? await BenchStore.ScalarAsync(connection, $"SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = '{sqlite.Groups[1].Value}'")
                : string.Empty;
        return table.Length == 0 ? string.Empty
            : Fmt.Invariant($" ({long.Parse(await BenchStore.ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\""), System.Globalization.CultureInfo.InvariantCulture):N0} rows)");
    }

    /// <summary>Each world in <paramref name="order"/> runs one request, <paramref name="count"/> times over: each world's times in ms.</summary>
    private static async Task<List<double>[]> TakeTurnsAsync<T>(int[] order, int count, Func<int, Task<T>> once)
    {
        var times = order.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < count; i++)
        {
            foreach (var w in order)
            {
                var clock = Stopwatch.StartNew();
                await once(w);
                times[w].Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static async Task<string> PlanAsync(BenchStore store, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var connection = await store.OpenRawAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = (store.IsPostgres ? "EXPLAIN (COSTS OFF) " : "EXPLAIN QUERY PLAN ") + sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = store.IsPostgres || value is not Guid g ? value ?? DBNull.Value : Membership.MembershipRun.SqliteGuid(g);
            explain.Parameters.Add(parameter);
        }

        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add((store.IsPostgres ? reader.GetString(0) : reader.GetString(3)).Trim());
        }

        return string.Join("; ", lines);
    }
}
