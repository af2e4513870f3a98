using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;

namespace Mikoshi.Bench.Ledger;

/// <summary>What one store measured; <see cref="Report"/> turns it into the published tables.</summary>
public sealed record StoreResult(
    string Store,
    string Settings,
    int Repetitions,
    double SecondsPerRepetition,
    Samples MikoshiCommitsPerSecond,
    Samples RawCommitsPerSecond,
    Samples CommitRatio,
    long MikoshiCommits,
    long RawCommits,
    int Clients,
    Samples ManyCommitsPerSecond,
    Samples ManyRatio,
    long ManyCommits,
    int VerifyEntries,
    long VerifyAuditLinks,
    long VerifyRowsRead,
    double FillSeconds,
    Samples VerifyEntriesPerSecond,
    Samples RawReadEntriesPerSecond,
    Samples VerifyRatio);

/// <summary>
/// Ledger throughput on one store, timed with a Stopwatch in this process: deposits committed per
/// second through Writer.PostAsync, by one client and by <see cref="Clients"/> at once (group commit), against
/// one-row raw transactions by one client, and
/// Verifier.VerifyAsync against a plain read of the same rows. The two sides of each ratio run
/// alternately, repetition by repetition, so that noise from the shared machine falls on both.
/// </summary>
public static class LedgerRun
{
    private const int FillBatch = 500;

    /// <summary>How many callers deposit at once in the group-commit figure (issue #18: "16 clients (group commit)").</summary>
    public const int Clients = 16;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(StoreProvider provider, string location, string resultFile, int repetitions, double seconds, int entries)
    {
        var name = provider == StoreProvider.Postgres ? "PostgreSQL" : "SQLite";
        var duration = TimeSpan.FromSeconds(seconds);

        Console.WriteLine($"[{name}] commit rate: {repetitions} × {seconds} s each side");
        await using var commitStore = BenchStore.Create(provider, location, "mikoshi_bench_commit");
        await commitStore.MigrateAsync();
        var settings = await commitStore.DurabilityAsync();
        var deposits = new DepositLoop(commitStore, await FoundAsync(commitStore, "bench-commit"));
        await using var raw = await RawInsertLoop.CreateAsync(commitStore);
        await WarmAsync(deposits.PostOneAsync, raw.InsertOneAsync);
        await RateAsync(deposits.PostOneAsync, Warmup, Clients);

        var mikoshiRates = new List<double>();
        var rawRates = new List<double>();
        var ratios = new List<double>();
        var manyRates = new List<double>();
        var manyRatios = new List<double>();
        long mikoshiCommits = 0, rawCommits = 0, manyCommits = 0;
        for (var rep = 0; rep < repetitions; rep++)
        {
            // Alternate which side goes first, so a slow stretch of the machine is not always on one side.
            (long Count, double Rate) mikoshi, plain;
            if (rep % 2 == 0)
            {
                mikoshi = await RateAsync(deposits.PostOneAsync, duration);
                plain = await RateAsync(raw.InsertOneAsync, duration);
            }
            else
            {
                plain = await RateAsync(raw.InsertOneAsync, duration);
                mikoshi = await RateAsync(deposits.PostOneAsync, duration);
            }

            // The many clients' rate is divided by the raw rate of the same repetition, measured just before.
            var many = await RateAsync(deposits.PostOneAsync, duration, Clients);
            mikoshiRates.Add(mikoshi.Rate);
            rawRates.Add(plain.Rate);
            ratios.Add(mikoshi.Rate / plain.Rate);
            manyRates.Add(many.Rate);
            manyRatios.Add(many.Rate / plain.Rate);
            mikoshiCommits += mikoshi.Count;
            rawCommits += plain.Count;
            manyCommits += many.Count;
            Console.WriteLine(Fmt.Invariant($"  rep {rep + 1}: Mikoshi {mikoshi.Rate:F0} tx/s, raw {plain.Rate:F0} tx/s, ratio {mikoshi.Rate / plain.Rate:F4}; {Clients} clients {many.Rate:F0} tx/s, ratio {many.Rate / plain.Rate:F4}"));
        }

        Console.WriteLine($"[{name}] verify: filling {entries} journal entries");
        await using var verifyStore = BenchStore.Create(provider, location, "mikoshi_bench_verify");
        await verifyStore.MigrateAsync();
        var fill = Stopwatch.StartNew();
        await FillAsync(verifyStore, await FoundAsync(verifyStore, "bench-verify"), entries);
        fill.Stop();

        var verifyRates = new List<double>();
        var readRates = new List<double>();
        var verifyRatios = new List<double>();
        long links = 0, rowsRead = 0;
        await VerifyOnceAsync(verifyStore, entries);
        await ReadAllAsync(verifyStore);
        for (var rep = 0; rep < repetitions; rep++)
        {
            (double Seconds, long Links) verified;
            (double Seconds, long Rows) read;
            if (rep % 2 == 0)
            {
                verified = await VerifyOnceAsync(verifyStore, entries);
                read = await ReadAllAsync(verifyStore);
            }
            else
            {
                read = await ReadAllAsync(verifyStore);
                verified = await VerifyOnceAsync(verifyStore, entries);
            }

            links = verified.Links;
            rowsRead = read.Rows;
            verifyRates.Add(entries / verified.Seconds);
            readRates.Add(entries / read.Seconds);
            verifyRatios.Add(read.Seconds / verified.Seconds);
            Console.WriteLine(Fmt.Invariant($"  rep {rep + 1}: verify {verified.Seconds * 1000:F0} ms, raw read {read.Seconds * 1000:F0} ms"));
        }

        var result = new StoreResult(name, settings, repetitions, seconds,
            Samples.Of(mikoshiRates), Samples.Of(rawRates), Samples.Of(ratios), mikoshiCommits, rawCommits,
            Clients, Samples.Of(manyRates), Samples.Of(manyRatios), manyCommits,
            entries, links, rowsRead, fill.Elapsed.TotalSeconds,
            Samples.Of(verifyRates), Samples.Of(readRates), Samples.Of(verifyRatios));
        await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result, Json));
        Console.WriteLine(Fmt.Invariant($"[{name}] Mikoshi {result.MikoshiCommitsPerSecond.Median:F0} tx/s ÷ raw {result.RawCommitsPerSecond.Median:F0} tx/s = {result.CommitRatio.Median:F4}; verify {result.VerifyEntriesPerSecond.Median:F0} entries/s ÷ raw read {result.RawReadEntriesPerSecond.Median:F0} = {result.VerifyRatio.Median:F3}"));
        return 0;
    }

    /// <summary>How long every side runs, in turn and unmeasured, before the first repetition.</summary>
    public static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs each side once in turn until <see cref="Warmup"/> has passed. A fixed 100 writes had left the first
    /// repetition of every run at about 40 % of the rest (round 13: 125 deposits/s against 300, the JIT still tiering
    /// up); after 5 s it was at about 75 % (251 against 332 and 355), so the median of three or more is the steady rate.
    /// </summary>
    internal static async Task WarmAsync(params Func<Task>[] sides)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Warmup)
        {
            foreach (var once in sides)
            {
                await once();
            }
        }
    }

    /// <summary>As the one-caller rate, with <paramref name="clients"/> callers at once, each starting its next write when its last is answered.</summary>
    internal static async Task<(long Count, double Rate)> RateAsync(Func<Task> once, TimeSpan duration, int clients)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await once();
                Interlocked.Increment(ref count);
            }
        })));
        return (count, count / clock.Elapsed.TotalSeconds);
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

    /// <summary>Founds a community through the Writer, as CreateCommunity does (the founder its admin), so its audit chain starts.</summary>
    internal static async Task<FoundedCommunity> FoundAsync(BenchStore store, string slug)
    {
        var founder = new PersonId(Guid.NewGuid());
        var community = Community.Found(slug, "Benchmark " + slug, "Measured, not lived in.", ["honesty"], "JPY", null, founder, TimeProvider.System.GetUtcNow()).Value;
        var written = await store.InScopeAsync(db => new Writer(db, TimeProvider.System).RunAsync(community.Id.Value, founder.ToString(), null, async write =>
        {
            db.Communities.Add(community);
            db.CommunityRoles.Add(new CommunityRoleRow { CommunityId = community.Id, PersonId = founder, Role = Role.Admin });
            await write.AuditAsync("community.founded", new { id = community.Id.ToString(), slug, founder = founder.ToString() });
            return Result<string>.Ok(slug);
        }));
        if (!written.IsSuccess)
        {
            throw new InvalidOperationException($"Could not found {slug}: {written.Error.Code}");
        }

        return new FoundedCommunity(community.Id.Value, slug, founder.ToString());
    }

    /// <summary>
    /// Fills a community's journal through the real Writer, many entries per transaction so that
    /// filling takes seconds: deposits to the treasury and to ten people, and every fifth entry a
    /// one-yen transfer from the treasury, so that the verifier has several balances to re-derive.
    /// </summary>
    internal static async Task FillAsync(BenchStore store, FoundedCommunity community, int entries)
    {
        var people = Enumerable.Range(0, 10).Select(_ => AccountId.ForPerson(Guid.NewGuid())).ToArray();
        for (var start = 0; start < entries; start += FillBatch)
        {
            var end = Math.Min(entries, start + FillBatch);
            var written = await store.InScopeAsync(db => new Writer(db, TimeProvider.System).RunAsync(community.Id, community.Treasurer, null, async write =>
            {
                for (var n = start; n < end; n++)
                {
                    var person = people[n % people.Length];
                    var entry = n % 5 == 4
                        ? JournalEntry.Move("transfer", "bench transfer", AccountId.Treasury, person, Money.Of(Asset.Jpy, 1)).Value
                        : JournalEntry.Move("deposit", "bench deposit", AccountId.External, n % 2 == 0 ? AccountId.Treasury : person, Money.Of(Asset.Jpy, 1000 + (n % 9000))).Value;
                    var posted = await write.PostAsync(entry, Fmt.Invariant($"bank-{n}"));
                    if (!posted.IsSuccess)
                    {
                        return posted.Error;
                    }
                }

                return Result<int>.Ok(end - start);
            }));
            if (!written.IsSuccess)
            {
                throw new InvalidOperationException($"Filling failed: {written.Error}");
            }
        }
    }

    private static async Task<(double Seconds, long Links)> VerifyOnceAsync(BenchStore store, int entries)
    {
        var clock = Stopwatch.StartNew();
        var report = await store.InScopeAsync(db => new Verifier(db).VerifyAsync());
        clock.Stop();
        if (!report.IsClean || report.JournalEntries != entries)
        {
            throw new InvalidOperationException($"The verifier saw {report.JournalEntries} entries and {report.Findings.Count} findings; expected {entries} and none.");
        }

        return (clock.Elapsed.TotalSeconds, report.AuditLinks);
    }

    /// <summary>The baseline for verify: every row the verifier reads, read in key order through ADO.NET, every column fetched.</summary>
    internal static async Task<(double Seconds, long Rows)> ReadAllAsync(BenchStore store)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await store.OpenRawAsync();
        long rows = 0;
        foreach (var sql in new[]
        {
            "SELECT * FROM audit_log ORDER BY 1, 2",
            "SELECT * FROM journal_entries ORDER BY 1, 2",
            "SELECT * FROM postings ORDER BY 1, 2, 3",
            "SELECT * FROM balances",
        })
        {
            rows += await ReadRowsAsync(connection, sql);
        }

        clock.Stop();
        return (clock.Elapsed.TotalSeconds, rows);
    }

    private static async Task<long> ReadRowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        long rows = 0;
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }
}

public sealed record FoundedCommunity(Guid Id, string Slug, string Treasurer);

/// <summary>
/// One deposit per transaction, the way POST …/deposits records it: a new scope and context, an
/// Idempotency-Key with the request's canonical form, the founder (an admin) as the caller, Writer.PostAsync.
/// </summary>
public sealed class DepositLoop(BenchStore store, FoundedCommunity community)
{
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private long posted;
    private Caller? treasurer;

    public async Task PostOneAsync()
    {
        // The caller as the access filter hands it to the endpoint: the community read once, the roles the door saw.
        treasurer ??= await store.InScopeAsync(async db => new Caller(
            new PersonId(Guid.Parse(community.Treasurer)),
            await db.Communities.AsNoTracking().SingleAsync(c => c.Id == new CommunityId(community.Id)),
            new HashSet<Role> { Role.Visitor, Role.Admin }));
        var n = Interlocked.Increment(ref posted);
        var amount = 1000 + (n % 9000);
        var reference = Fmt.Invariant($"bank-{n}");
        var entry = JournalEntry.Move("deposit", "bench deposit", AccountId.External, AccountId.Treasury, Money.Of(Asset.Jpy, amount)).Value;
        var request = Fmt.Invariant($"POST /api/v1/communities/{community.Slug}/deposits\n{{\"asset\":\"JPY\",\"amount\":\"{amount}\",\"reference\":\"{reference}\",\"memo\":\"bench deposit\",\"personId\":null}}");
        var key = new IdempotencyKey(Fmt.Invariant($"{run}-{n}"), request);
        var written = await store.InScopeAsync(db => new Writer(db, TimeProvider.System).PostAsync(treasurer, Access.Treasurer, key, entry, reference,
            number => new { entry = number, account = "treasury", reference }));
        if (!written.IsSuccess || written.Value.Replayed)
        {
            throw new InvalidOperationException($"Deposit {n} was not committed: {written.Error?.Code ?? "replayed"}");
        }
    }
}

/// <summary>The raw store's own rate: BEGIN; INSERT one row; COMMIT, on one open connection, prepared.</summary>
public sealed class RawInsertLoop : IAsyncDisposable
{
    private readonly DbConnection connection;
    private readonly DbCommand insert;
    private long inserted;

    private RawInsertLoop(DbConnection connection, DbCommand insert)
    {
        this.connection = connection;
        this.insert = insert;
    }

    public static async Task<RawInsertLoop> CreateAsync(BenchStore store)
    {
        var connection = await store.OpenRawAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = store.IsPostgres
                ? "CREATE TABLE bench_raw (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at_unix_ms bigint NOT NULL, payload text NOT NULL)"
                : "CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, at_unix_ms INTEGER NOT NULL, payload TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO bench_raw (at_unix_ms, payload) VALUES (@at, @payload)";
        foreach (var name in new[] { "at", "payload" })
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = name == "at" ? 0L : string.Empty;
            insert.Parameters.Add(parameter);
        }

        await insert.PrepareAsync();
        return new RawInsertLoop(connection, insert);
    }

    public async Task InsertOneAsync()
    {
        var n = ++inserted;
        await using var transaction = await connection.BeginTransactionAsync();
        insert.Transaction = transaction;
        insert.Parameters[0].Value = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        insert.Parameters[1].Value = Fmt.Invariant($"deposit bank-{n} of {1000 + (n % 9000)} JPY to treasury");
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await insert.DisposeAsync();
        await connection.DisposeAsync();
    }
}
