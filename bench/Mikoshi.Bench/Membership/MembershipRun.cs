using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;
using Mikoshi.Data.Mapping;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.People;
using Npgsql;
using NpgsqlTypes;

namespace Mikoshi.Bench.Membership;

/// <summary>What one store measured for membership; <see cref="Report"/> prints it.</summary>
public sealed record MembershipResult(
    string Store,
    string Settings,
    int Repetitions,
    double SecondsPerRepetition,
    int Members,
    Samples MintsPerSecond,
    Samples TransfersPerSecond,
    Samples RawPerSecond,
    Samples MintRatio,
    Samples TransferRatio,
    long MintsTimed,
    long TransfersTimed,
    long RawTimed,
    int LookupPeople,
    int LookupTokens,
    int LookupTransfers,
    long CheckpointRows,
    double LoadSeconds,
    long StoredBytes,
    string HeldAtSql,
    string IndexedPlan,
    string ScanSql,
    string ScanPlan,
    string ScanHow,
    int Verified,
    int LookupsPerRepetition,
    int ScansPerRepetition,
    Samples HeldAtNs,
    Samples RawIndexedNs,
    Samples ScanNs,
    Samples SpeedupOverScan);

/// <summary>
/// Membership on one store. First, mints and transfers committed per second through the real
/// handlers against the colleague's raw one-row transaction, the three alternating. Then
/// <see cref="Profiles.HeldAtAsync"/> over a checkpoint table loaded in bulk from a synthetic
/// history, against the same SQL forced to read the whole table.
/// </summary>
public static class MembershipRun
{
    public static async Task<int> RunAsync(StoreProvider provider, string location, string resultFile, int repetitions, double seconds,
        int members, int people, int tokens, int transfers, int lookups, int scans)
    {
        var name = provider == StoreProvider.Postgres ? "PostgreSQL" : "SQLite";
        var duration = TimeSpan.FromSeconds(seconds);

        Console.WriteLine($"[{name}] mint and transfer rate: {repetitions} × {seconds} s for each of three sides, {members} members");
        await using var rateStore = BenchStore.Create(provider, location, "mikoshi_bench_membership");
        await rateStore.MigrateAsync();
        var settings = await rateStore.DurabilityAsync();
        var loops = await TokenLoops.CreateAsync(rateStore, members);
        await using var raw = await RawInsertLoop.CreateAsync(rateStore);
        await LedgerRun.WarmAsync(loops.MintOneAsync, loops.TransferOneAsync, raw.InsertOneAsync);

        var sides = new (string Name, Func<Task> Once)[] { ("mint", loops.MintOneAsync), ("transfer", loops.TransferOneAsync), ("raw", raw.InsertOneAsync) };
        var rates = sides.ToDictionary(s => s.Name, _ => new List<double>());
        var counts = sides.ToDictionary(s => s.Name, _ => 0L);
        for (var rep = 0; rep < repetitions; rep++)
        {
            // Rotate the order, so that a slow stretch of the shared machine does not always fall on one side.
            for (var k = 0; k < sides.Length; k++)
            {
                var side = sides[(rep + k) % sides.Length];
                var (count, rate) = await RateAsync(side.Once, duration);
                rates[side.Name].Add(rate);
                counts[side.Name] += count;
            }

            Console.WriteLine(Fmt.Invariant($"  rep {rep + 1}: mint {rates["mint"][^1]:F0}/s, transfer {rates["transfer"][^1]:F0}/s, raw {rates["raw"][^1]:F0} tx/s"));
        }

        await loops.CheckAsync();
        Console.WriteLine(Fmt.Invariant($"  checked: {loops.Mints:N0} tokens minted and {loops.Transfers:N0} transfers; owners and every member's latest checkpoint agree with the store"));

        var lookup = await LookupAsync(provider, location, name, repetitions, people, tokens, transfers, lookups, scans);
        var result = new MembershipResult(name, settings, repetitions, seconds, members,
            Samples.Of(rates["mint"]), Samples.Of(rates["transfer"]), Samples.Of(rates["raw"]),
            Samples.Of(rates["mint"].Zip(rates["raw"], (m, r) => m / r).ToList()),
            Samples.Of(rates["transfer"].Zip(rates["raw"], (t, r) => t / r).ToList()),
            counts["mint"], counts["transfer"], counts["raw"],
            people, tokens, transfers, lookup.Rows, lookup.LoadSeconds, lookup.Bytes,
            lookup.HeldAtSql, lookup.IndexedPlan, lookup.ScanSql, lookup.ScanPlan, lookup.ScanHow,
            lookup.Verified, lookups, scans, Samples.Of(lookup.HeldAt), Samples.Of(lookup.Raw), Samples.Of(lookup.Scan),
            Samples.Of(lookup.Scan.Zip(lookup.HeldAt, (s, h) => s / h).ToList()));
        await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result, LedgerRun.Json));
        Console.WriteLine(Fmt.Invariant($"[{name}] mint {result.MintsPerSecond.Median:F0}/s ({result.MintRatio.Median:F3} of raw), transfer {result.TransfersPerSecond.Median:F0}/s ({result.TransferRatio.Median:F3}); HeldAtAsync {result.HeldAtNs.Median / 1000:F0} µs, {result.SpeedupOverScan.Median:N0}× faster than the full scan"));
        return 0;
    }

    private static async Task<(long Count, double Rate)> RateAsync(Func<Task> once, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < duration)
        {
            await once();
            count++;
        }

        return (count, count / clock.Elapsed.TotalSeconds);
    }

    private sealed record Lookup(long Rows, double LoadSeconds, long Bytes, string HeldAtSql, string IndexedPlan, string ScanSql, string ScanPlan, string ScanHow,
        int Verified, List<double> HeldAt, List<double> Raw, List<double> Scan);

    private static async Task<Lookup> LookupAsync(StoreProvider provider, string location, string name, int repetitions, int people, int tokens, int transfers, int lookups, int scans)
    {
        Console.WriteLine(Fmt.Invariant($"[{name}] holdings lookup: {tokens:N0} mints and {transfers:N0} transfers among {people:N0} people, loaded in bulk"));
        var capture = new SqlCapture();
        await using var store = BenchStore.Create(provider, location, "mikoshi_bench_holdings", capture);
        await store.MigrateAsync();
        var log = HoldingsLog.Generate(people, tokens, transfers, HoldingsRun.Seed);
        var community = CommunityId.New();
        var clock = Stopwatch.StartNew();
        var rows = await LoadAsync(store, community, log);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        long bytes;
        await using (var connection = await store.OpenRawAsync())
        {
            if (store.IsPostgres)
            {
                // Autovacuum would do this soon after a load this size; do it now rather than time its arrival.
                await BenchStore.ScalarAsync(connection, "ANALYZE holdings_checkpoints");
                bytes = long.Parse(await BenchStore.ScalarAsync(connection, "SELECT pg_total_relation_size('holdings_checkpoints')"), System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                bytes = new FileInfo(new SqliteConnectionStringBuilder(store.Options.ConnectionString).DataSource).Length;
            }
        }

        Console.WriteLine(Fmt.Invariant($"  {rows:N0} checkpoint rows in {loadSeconds:F1} s ({bytes / 1048576.0:F0} MiB)"));

        var queries = log.Queries(Math.Max(lookups, repetitions * scans), HoldingsRun.Seed + 2);
        var truth = log.Sweep(queries);
        Task<long> HeldAtAsync(int q) => store.InScopeAsync(db => Profiles.HeldAtAsync(db, community, log.People[queries[q].Person], DateTimeOffset.FromUnixTimeMilliseconds(queries[q].AtUnixMs)));

        // The SQL HeldAtAsync sends, read back from EF; the baselines run the very same text.
        capture.On = true;
        await HeldAtAsync(0);
        capture.On = false;
        var sql = capture.Text ?? throw new InvalidOperationException("HeldAtAsync sent no query.");
        var roles = capture.Parameters.Select(p => Role(p.Value, community, log.People[queries[0].Person], queries[0].AtUnixMs)).ToArray();
        string scanSql, scanHow;
        await using var indexed = await store.OpenRawAsync();
        await using var scanning = await store.OpenRawAsync();
        if (store.IsPostgres)
        {
            scanSql = sql;
            scanHow = "the same SQL on a connection with `enable_indexscan`, `enable_indexonlyscan` and `enable_bitmapscan` off, so the planner reads the table";
            await BenchStore.ScalarAsync(scanning, "SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = off; SELECT 1");
        }
        else
        {
            var from = new Regex("FROM \"holdings_checkpoints\" AS \"(\\w+)\"");
            scanSql = from.IsMatch(sql) ? from.Replace(sql, "$0 NOT INDEXED", 1) : throw new InvalidOperationException("Unexpected SQL from HeldAtAsync:\n" + sql);
            scanHow = "the same SQL with `NOT INDEXED` after the table, so SQLite reads the whole table";
        }

        var indexedCommand = await PrepareAsync(indexed, sql, capture.Parameters, store.IsPostgres);
        var scanCommand = await PrepareAsync(scanning, scanSql, capture.Parameters, store.IsPostgres);
        var indexedPlan = await PlanAsync(indexed, sql, capture.Parameters, roles, store.IsPostgres, community, log, queries[0]);
        var scanPlan = await PlanAsync(scanning, scanSql, capture.Parameters, roles, store.IsPostgres, community, log, queries[0]);
        Console.WriteLine($"  HeldAtAsync SQL: {sql.ReplaceLineEndings(" ")}\n  plan: {indexedPlan}\n  baseline plan: {scanPlan}");

        async Task<long> RunAsync(DbCommand command, int q)
        {
            Bind(command, roles, community, log.People[queries[q].Person], queries[q].AtUnixMs, store.IsPostgres);
            var value = await command.ExecuteScalarAsync();
            return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        // Correctness first: every lookup that will be timed, by all three, against one sweep of the log.
        for (var q = 0; q < lookups; q++)
        {
            var viaEf = await HeldAtAsync(q);
            var viaRaw = await RunAsync(indexedCommand, q);
            if (viaEf != truth[q] || viaRaw != truth[q])
            {
                throw new InvalidOperationException(Fmt.Invariant($"Lookup {q}: HeldAtAsync {viaEf}, raw {viaRaw}, the log {truth[q]}."));
            }
        }

        for (var q = 0; q < repetitions * scans; q++)
        {
            var viaScan = await RunAsync(scanCommand, q);
            if (viaScan != truth[q])
            {
                throw new InvalidOperationException(Fmt.Invariant($"Lookup {q}: full scan {viaScan}, the log {truth[q]}."));
            }
        }

        var verified = Math.Max(lookups, repetitions * scans);
        Console.WriteLine(Fmt.Invariant($"  checked: {lookups:N0} lookups by HeldAtAsync and by the raw indexed query, {repetitions * scans:N0} by the full scan: all agree with the log"));

        var heldAt = new List<double>();
        var rawTimes = new List<double>();
        var scanTimes = new List<double>();
        for (var rep = 0; rep < repetitions; rep++)
        {
            var sides = new (List<double> Times, Func<Task<double>> Measure)[]
            {
                (heldAt, () => TimeEachAsync(0, lookups, HeldAtAsync)),
                (rawTimes, () => TimeEachAsync(0, lookups, q => RunAsync(indexedCommand, q))),
                (scanTimes, () => TimeEachAsync(rep * scans, scans, q => RunAsync(scanCommand, q))),
            };
            for (var k = 0; k < sides.Length; k++)
            {
                var side = sides[(rep + k) % sides.Length];
                side.Times.Add(await side.Measure());
            }

            Console.WriteLine(Fmt.Invariant($"  rep {rep + 1}: HeldAtAsync {heldAt[^1] / 1000:F0} µs, raw indexed {rawTimes[^1] / 1000:F0} µs, full scan {scanTimes[^1] / 1e6:F1} ms"));
        }

        return new Lookup(rows, loadSeconds, bytes, sql, indexedPlan, scanSql, scanPlan, scanHow, verified, heldAt, rawTimes, scanTimes);
    }

    /// <summary>Mean nanoseconds per lookup over queries first … first + count − 1.</summary>
    private static async Task<double> TimeEachAsync(int first, int count, Func<int, Task<long>> lookup)
    {
        var clock = Stopwatch.StartNew();
        for (var q = first; q < first + count; q++)
        {
            await lookup(q);
        }

        return clock.Elapsed.TotalNanoseconds / count;
    }

    /// <summary>Each person's checkpoints, in key order, in one transaction: prepared INSERTs on SQLite, binary COPY on PostgreSQL.</summary>
    private static async Task<long> LoadAsync(BenchStore store, CommunityId community, HoldingsLog log)
    {
        await using var connection = await store.OpenRawAsync();
        long rows = 0;
        if (connection is NpgsqlConnection pg)
        {
            await using var copy = await pg.BeginBinaryImportAsync("COPY holdings_checkpoints (\"CommunityId\", \"PersonId\", \"Sequence\", \"AtUnixMs\", \"Count\") FROM STDIN (FORMAT BINARY)");
            foreach (var (person, sequence, at, count) in log.CheckpointRows())
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(community.Value, NpgsqlDbType.Uuid);
                await copy.WriteAsync(log.People[person].Value, NpgsqlDbType.Uuid);
                await copy.WriteAsync(sequence, NpgsqlDbType.Bigint);
                await copy.WriteAsync(at, NpgsqlDbType.Bigint);
                await copy.WriteAsync(count, NpgsqlDbType.Bigint);
                rows++;
            }

            await copy.CompleteAsync();
            return rows;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO holdings_checkpoints (\"CommunityId\", \"PersonId\", \"Sequence\", \"AtUnixMs\", \"Count\") VALUES ($c, $p, $s, $a, $n)";
        foreach (var parameter in new[] { "$c", "$p", "$s", "$a", "$n" })
        {
            var p = insert.CreateParameter();
            p.ParameterName = parameter;
            insert.Parameters.Add(p);
        }

        await insert.PrepareAsync();
        insert.Parameters[0].Value = SqliteGuid(community.Value);
        foreach (var (person, sequence, at, count) in log.CheckpointRows())
        {
            insert.Parameters[1].Value = SqliteGuid(log.People[person].Value);
            insert.Parameters[2].Value = sequence;
            insert.Parameters[3].Value = at;
            insert.Parameters[4].Value = count;
            await insert.ExecuteNonQueryAsync();
            rows++;
        }

        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>How Mikoshi's SQLite store keeps a Guid: its 16 bytes (<see cref="BinaryIds"/>).</summary>
    internal static byte[] SqliteGuid(Guid value) => BinaryIds.Bytes(value);

    private enum ParameterRole
    {
        Community,
        Person,
        Instant,
    }

    /// <summary>Which of the query's inputs a captured parameter carries, told apart by the value it had.</summary>
    private static ParameterRole Role(object? value, CommunityId community, PersonId person, long at) => value switch
    {
        Guid g when g == community.Value => ParameterRole.Community,
        Guid g when g == person.Value => ParameterRole.Person,
        byte[] b when b.Length == 16 && BinaryIds.Id(b) == community.Value => ParameterRole.Community,
        byte[] b when b.Length == 16 && BinaryIds.Id(b) == person.Value => ParameterRole.Person,
        long l when l == at => ParameterRole.Instant,
        _ => throw new InvalidOperationException($"HeldAtAsync sent a parameter this benchmark does not know: {value}"),
    };

    private static async Task<DbCommand> PrepareAsync(DbConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters, bool postgres)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = postgres || value is not Guid g ? value : SqliteGuid(g);
            command.Parameters.Add(parameter);
        }

        await command.PrepareAsync();
        return command;
    }

    private static void Bind(DbCommand command, ParameterRole[] roles, CommunityId community, PersonId person, long at, bool postgres)
    {
        for (var i = 0; i < roles.Length; i++)
        {
            command.Parameters[i].Value = roles[i] switch
            {
                ParameterRole.Community => postgres ? community.Value : SqliteGuid(community.Value),
                ParameterRole.Person => postgres ? person.Value : SqliteGuid(person.Value),
                _ => at,
            };
        }
    }

    private static async Task<string> PlanAsync(DbConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters, ParameterRole[] roles,
        bool postgres, CommunityId community, HoldingsLog log, (int Person, long AtUnixMs) query)
    {
        await using var explain = await PrepareAsync(connection, (postgres ? "EXPLAIN (COSTS OFF) " : "EXPLAIN QUERY PLAN ") + sql, parameters, postgres);
        Bind(explain, roles, community, log.People[query.Person], query.AtUnixMs, postgres);
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add((postgres ? reader.GetString(0) : reader.GetString(3)).Trim());
        }

        return string.Join("; ", lines);
    }
}
