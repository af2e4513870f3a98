using System.Diagnostics;
using System.Text.Json;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Payouts;
using Mikoshi.Features.Revenue;

namespace Mikoshi.Bench.Revenue;

/// <summary>One community size: a revenue event through the real handler against a push-style split, and claims.</summary>
public sealed record RevenueSize(
    int Holders,
    double LoadSeconds,
    Samples EventMs,
    Samples PushMs,
    long RowsPerEvent,
    long PushRowsPerEvent,
    int EventsTimed,
    int PushesTimed,
    Samples ClaimMs,
    int ClaimsTimed);

public sealed record ZenginResult(int Transfers, long Bytes, Samples WriteMs, Samples BaselineMs, Samples Ratio);

public sealed record RevenueResult(string Store, string Settings, int Repetitions, IReadOnlyList<RevenueSize> Sizes, ZenginResult? Zengin);

/// <summary>
/// Revenue on one store, at 10, 10^3 and 10^6 holders: recording a revenue event through
/// <see cref="RecordRevenue.RecordAsync"/> (a fresh scope and context per event, an Idempotency-Key,
/// the waterfall, one journal entry, the holder accumulator) against a push-style split in the same
/// run on the same database (read every holder, split exactly, write one credit row per holder,
/// one transaction); then claims through <see cref="Earnings.ClaimAsync"/>; and a 10^5-transfer
/// Zengin file against copying prepared records.
/// </summary>
public static class RevenueRun
{
    public static async Task<int> RunAsync(StoreProvider provider, string location, string resultFile, int repetitions, int events, int[] sizes, bool zengin)
    {
        var name = provider == StoreProvider.Postgres ? "PostgreSQL" : "SQLite";
        var results = new List<RevenueSize>();
        string settings = string.Empty;
        foreach (var holders in sizes)
        {
            await using var store = BenchStore.Create(provider, location, Fmt.Invariant($"mikoshi_bench_revenue_{holders}"));
            await store.MigrateAsync();
            settings = await store.DurabilityAsync();
            Console.WriteLine(Fmt.Invariant($"[{name}] {holders:N0} holders: loading"));
            var clock = Stopwatch.StartNew();
            var world = await RevenueWorld.CreateAsync(store, holders);
            var load = clock.Elapsed.TotalSeconds;

            await world.RecordAsync();   // the first event creates the accumulator row: not timed
            var rowsPerEvent = await RowsWrittenAsync(store, world.RecordAsync);
            var pushRows = await RowsWrittenAsync(store, world.PushAsync);
            var eventMs = new List<double>();
            var pushMs = new List<double>();
            var pushes = holders >= 1_000_000 ? 1 : events;
            for (var rep = 0; rep < repetitions; rep++)
            {
                eventMs.Add(await MedianMsAsync(world.RecordAsync, events));
                pushMs.Add(await MedianMsAsync(world.PushAsync, pushes));
                Console.WriteLine(Fmt.Invariant($"  rep {rep + 1}: event {eventMs[^1]:F2} ms, push {pushMs[^1]:F1} ms"));
            }

            var claims = Math.Min(holders, 50);
            var claimMs = new List<double>();
            for (var i = 0; i < claims; i++)
            {
                claimMs.Add(await TimeMsAsync(() => world.ClaimAsync(i)));
            }

            await world.CheckAsync();
            results.Add(new RevenueSize(holders, load, Samples.Of(eventMs), Samples.Of(pushMs), rowsPerEvent, pushRows,
                events * repetitions, pushes * repetitions, Samples.Of(claimMs), claims));
            Console.WriteLine(Fmt.Invariant($"[{name}] {holders:N0} holders: event {results[^1].EventMs.Median:F2} ms ({rowsPerEvent} rows), push {results[^1].PushMs.Median:F1} ms ({pushRows:N0} rows), claim {results[^1].ClaimMs.Median:F2} ms; verify clean"));
        }

        var result = new RevenueResult(name, settings, repetitions, results, zengin ? ZenginRun(repetitions) : null);
        await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result, LedgerRun.Json));
        return 0;
    }

    /// <summary>Rows added across every table by one call.</summary>
    private static async Task<long> RowsWrittenAsync(BenchStore store, Func<Task> once)
    {
        var before = await RowCountAsync(store);
        await once();
        return await RowCountAsync(store) - before;
    }

    private static async Task<long> RowCountAsync(BenchStore store)
    {
        await using var connection = await store.OpenRawAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = store.IsPostgres
                ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        long rows = 0;
        foreach (var table in tables)
        {
            rows += long.Parse(await BenchStore.ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\""), System.Globalization.CultureInfo.InvariantCulture);
        }

        return rows;
    }

    private static async Task<double> MedianMsAsync(Func<Task> once, int count)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            times.Add(await TimeMsAsync(once));
        }

        return Samples.Of(times).Median;
    }

    private static async Task<double> TimeMsAsync(Func<Task> once)
    {
        var clock = Stopwatch.StartNew();
        await once();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static ZenginResult ZenginRun(int repetitions)
    {
        const int count = 100_000;
        Console.WriteLine(Fmt.Invariant($"Zengin: {count:N0} transfers"));
        var header = ZenginHeader.Of(SenderCode.Of("1234567890").Value, "ミコシ", TransferDate.On(new DateOnly(2026, 12, 25)), BankCode.Of("0005").Value, "ミツビシ",
            BranchCode.Of("123").Value, "シブヤ", AccountType.Ordinary, AccountNumber.Of("7654321").Value).Value;
        var transfers = Enumerable.Range(0, count).Select(i => ZenginTransfer.Of(BankCode.Of("0001").Value, "ミズホ", BranchCode.Of(Fmt.Invariant($"{i % 1000:D3}")).Value, "トウキョウ",
            AccountType.Ordinary, AccountNumber.Of(Fmt.Invariant($"{i % 10_000_000:D7}")).Value, "ヤマダ ハナコ", Money.Of(Asset.Jpy, 1 + (i % 9_999)), CustomerCode.Of(i).Value).Value).ToList();
        var bytes = ZenginFile.Write(header, transfers).Value;

        // The baseline: the same file's records already made, copied into one buffer — the floor any writer stands on.
        var records = Enumerable.Range(0, count + 3).Select(i => bytes.AsSpan(i * 122, 122).ToArray()).ToList();
        var write = new List<double>();
        var copy = new List<double>();
        for (var rep = 0; rep < repetitions; rep++)
        {
            var clock = Stopwatch.StartNew();
            var written = ZenginFile.Write(header, transfers).Value;
            write.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var buffer = new byte[records.Count * 122];
            for (var i = 0; i < records.Count; i++)
            {
                records[i].CopyTo(buffer, i * 122);
            }

            copy.Add(clock.Elapsed.TotalMilliseconds);
            if (!written.AsSpan().SequenceEqual(buffer))
            {
                throw new InvalidOperationException("The Zengin file changed between runs.");
            }
        }

        return new ZenginResult(count, bytes.Length, Samples.Of(write), Samples.Of(copy), Samples.Of(write.Zip(copy, (w, c) => w / c).ToList()));
    }
}
