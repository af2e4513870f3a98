using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mikoshi.Bench.Membership;
using Mikoshi.Data;

namespace Mikoshi.Bench.Ledger;

/// <summary>
/// Where one write spends its time, statement by statement (issue #18 part 2, step 1): a deposit, a mint and a transfer,
/// one client, each through the real write path with an interceptor timing every command EF sends and every commit it
/// makes. Prints, per kind of write, each distinct statement (its first words) with its count per write and its time per
/// write, and what is left of the wall time (C#, EF's own work, and on SQLite the group's commit, which EF does not see).
/// </summary>
public static class WriteProfile
{
    public static async Task<int> RunAsync(StoreProvider provider, string location, int writes, IReadOnlyCollection<string> kinds)
    {
        var timing = new StatementTiming();
        await using var store = BenchStore.Create(provider, location, "mikoshi_bench_profile", timing);
        await store.MigrateAsync();
        Console.WriteLine($"{(store.IsPostgres ? "PostgreSQL" : "SQLite")}: {await store.DurabilityAsync()}; {writes} writes of each kind, one client");
        var deposits = new DepositLoop(store, await LedgerRun.FoundAsync(store, "bench-profile"));
        var tokens = await TokenLoops.CreateAsync(store, 100);
        await LedgerRun.WarmAsync(deposits.PostOneAsync, tokens.MintOneAsync, tokens.TransferOneAsync);

        foreach (var (name, once) in new (string, Func<Task>)[] { ("deposit", deposits.PostOneAsync), ("mint", tokens.MintOneAsync), ("transfer", tokens.TransferOneAsync) }.Where(k => kinds.Contains(k.Item1)))
        {
            timing.Reset();
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < writes; i++)
            {
                await once();
            }

            wall.Stop();
            var perWrite = wall.Elapsed.TotalMilliseconds / writes;
            var statements = timing.Snapshot();
            var inSql = statements.Sum(s => s.Milliseconds) / writes;
            Console.WriteLine(Fmt.Invariant($"\n{name}: {perWrite:F2} ms per write; {statements.Sum(s => s.Count) / (double)writes:F1} statements per write taking {inSql:F2} ms; the rest {perWrite - inSql:F2} ms"));
            Console.WriteLine("| statement | per write | ms per write |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var s in statements.OrderByDescending(s => s.Milliseconds))
            {
                Console.WriteLine(Fmt.Invariant($"| `{s.Text}` | {s.Count / (double)writes:F1} | {s.Milliseconds / writes:F3} |"));
            }
        }

        await tokens.CheckAsync();
        return 0;
    }

    /// <summary>Sums the time of every command and commit by the statement's first words.</summary>
    private sealed class StatementTiming : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private readonly ConcurrentDictionary<string, (long Count, double Milliseconds)> totals = new(StringComparer.Ordinal);

        public void Reset() => totals.Clear();

        public List<(string Text, long Count, double Milliseconds)> Snapshot() =>
            totals.Select(t => (Text: t.Key, t.Value.Count, t.Value.Milliseconds)).ToList();

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Add(command.CommandText, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Add(command.CommandText, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Add(command.CommandText, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Add("COMMIT", eventData.Duration);
            return Task.CompletedTask;
        }

        public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            Add("BEGIN", eventData.Duration);
            return ValueTask.FromResult(result);
        }

        private void Add(string sql, TimeSpan duration)
        {
            var text = Shorten(sql);
            totals.AddOrUpdate(text, (1, duration.TotalMilliseconds), (_, t) => (t.Count + 1, t.Milliseconds + duration.TotalMilliseconds));
        }

        /// <summary>The statement's kind and table, enough to tell statements apart: its first line, cut at 90 characters.</summary>
        private static string Shorten(string sql)
        {
            var words = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
            var from = words.IndexOf(" FROM ", StringComparison.Ordinal);
            var head = words.StartsWith("SELECT", StringComparison.Ordinal) && from > 0 ? "SELECT … " + words[(from + 1)..] : words;
            head = head.Replace("`", "'", StringComparison.Ordinal).Replace("|", "/", StringComparison.Ordinal);
            return head.Length > 90 ? head[..90] + "…" : head;
        }
    }
}
