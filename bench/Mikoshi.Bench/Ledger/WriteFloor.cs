using System.Data.Common;
using Mikoshi.Bench.Membership;
using Mikoshi.Data;

namespace Mikoshi.Bench.Ledger;

/// <summary>One kind of write: its rows written raw (the floor) and through the app, each also over the same repetition's raw one-row commit.</summary>
public sealed record FloorFigure(string Kind, int Rows, int Tables, Samples FloorPerSecond, Samples AppPerSecond, Samples FloorRatio, Samples AppRatio, Samples AppOverFloor);

public sealed record FloorResult(string Store, string Settings, int Repetitions, double SecondsPerRepetition, Samples RawPerSecond, IReadOnlyList<FloorFigure> Figures);

/// <summary>
/// The floor under a write (issue #18: deposits, mints and transfers ÷ a raw one-row commit): the rows a deposit, a mint
/// and a transfer store — the same tables, indexes, foreign keys and row sizes — written by raw ADO.NET on one open
/// connection, prepared, one transaction per write, and nothing else: no read, no rule, no hash. Whatever a write does,
/// it stores at least these rows, so the floor's rate over the raw one-row commit's bounds the ratio any implementation
/// of the write can reach on this schema and store; the app's rate over the floor's says how much of that it reaches.
/// </summary>
/// <remarks>
/// The rows are copies of the rows real writes stored (through the app's own loops, in communities of their own that
/// nothing writes to afterwards): inserts under new keys, updates of the same rows to the values they hold. Everything
/// left out makes the floor cheaper than the write, never dearer — the reads (the head, the key, the roles, the balances),
/// the rules, PostgreSQL's owner index on a transfer (an update to the value it holds may be HOT) — so the bound errs on
/// the write's side. On SQLite the writes run one prepared statement after another inside <c>BEGIN IMMEDIATE</c> …
/// <c>COMMIT</c>, foreign keys on as the app has them; on PostgreSQL as one batch, <c>BEGIN</c> and <c>COMMIT</c> in it:
/// one round trip.
/// </remarks>
public static class WriteFloor
{
    /// <summary>The writes whose floor is measured.</summary>
    public static readonly string[] Kinds = ["deposit", "mint", "transfer"];

    /// <summary>How many slices each side's time in a repetition is cut into.</summary>
    private const int Slices = 6;

    /// <summary>Copies' integer keys start this far above the templates', a block of this many per write.</summary>
    private const long Above = 1_000_000_000, Block = 1_000;

    public static async Task<int> RunAsync(StoreProvider provider, string location, string resultFile, int repetitions, double seconds, bool withoutRowId = false)
    {
        await using var store = BenchStore.Create(provider, location, "mikoshi_bench_floor");
        await store.MigrateAsync();
        var name = store.IsPostgres ? "PostgreSQL" : "SQLite";
        if (withoutRowId && !store.IsPostgres)
        {
            name += " (WITHOUT ROWID)";
            await WithoutRowIdAsync(store);
        }

        var settings = await store.DurabilityAsync();
        Console.WriteLine($"[{name}] {settings}");

        // The writes timed through the app, each kind in a community of its own.
        var deposits = new DepositLoop(store, await LedgerRun.FoundAsync(store, "bench-deposits"));
        var tokens = await TokenLoops.CreateAsync(store, 100, "bench-tokens");

        // The rows the floor copies: what the last of a few real writes of each kind stored.
        var depositSource = await LedgerRun.FoundAsync(store, "floor-deposits");
        var depositLoop = new DepositLoop(store, depositSource);
        var tokenSource = await TokenLoops.CreateAsync(store, 100, "floor-tokens");
        await using var connection = await store.OpenRawAsync();
        if (!store.IsPostgres)
        {
            await BenchStore.ScalarAsync(connection, "PRAGMA foreign_keys = ON");
        }

        await RepeatAsync(depositLoop.PostOneAsync, 20);
        var depositFloor = await Floor.CreateAsync(connection, store.IsPostgres, depositSource.Slug, Deposit);
        await RepeatAsync(tokenSource.MintOneAsync, 20);
        var mintFloor = await Floor.CreateAsync(connection, store.IsPostgres, tokenSource.Slug, Mint);
        await RepeatAsync(tokenSource.TransferOneAsync, 20);
        var transferFloor = await Floor.CreateAsync(connection, store.IsPostgres, tokenSource.Slug, Transfer);
        await using var raw = await RawInsertLoop.CreateAsync(store);

        var sides = new (string Name, Func<Task> Once)[]
        {
            ("raw one-row commit", raw.InsertOneAsync),
            ("deposit, floor", depositFloor.WriteOneAsync), ("deposit, app", deposits.PostOneAsync),
            ("mint, floor", mintFloor.WriteOneAsync), ("mint, app", tokens.MintOneAsync),
            ("transfer, floor", transferFloor.WriteOneAsync), ("transfer, app", tokens.TransferOneAsync),
        };
        Console.WriteLine(Fmt.Invariant($"[{name}] floor: {repetitions} repetitions of {seconds} s per side, one client"));
        await LedgerRun.WarmAsync([.. sides.Select(s => s.Once)]);
        var rates = sides.ToDictionary(s => s.Name, _ => new List<double>());
        var slice = TimeSpan.FromSeconds(seconds / Slices);
        for (var rep = 0; rep < repetitions; rep++)
        {
            // Each side runs in short slices, all sides in turn, so that every side meets the same moments of a shared
            // machine: whole repetitions of one side at a time put the raw commit and a floor seconds apart, and their
            // ratio moved by half from one repetition to the next.
            var counts = sides.ToDictionary(s => s.Name, _ => (Count: 0L, Seconds: 0.0));
            for (var round = 0; round < Slices; round++)
            {
                var start = (rep + round) % sides.Length;
                foreach (var (side, once) in sides.Skip(start).Concat(sides.Take(start)))
                {
                    var (count, rate) = await LedgerRun.RateAsync(once, slice, 1);
                    counts[side] = (counts[side].Count + count, counts[side].Seconds + (count / rate));
                }
            }

            foreach (var (side, _) in sides)
            {
                rates[side].Add(counts[side].Count / counts[side].Seconds);
            }

            Console.WriteLine(Fmt.Invariant($"  rep {rep + 1}: ") + string.Join(", ", sides.Select(s => Fmt.Invariant($"{s.Name} {rates[s.Name][rep]:F0}/s"))));
        }

        await tokens.CheckAsync();
        var rawRates = rates["raw one-row commit"];
        var floors = new[] { depositFloor, mintFloor, transferFloor };
        var result = new FloorResult(name, settings, repetitions, seconds, Samples.Of(rawRates), [.. Kinds.Select((kind, k) =>
        {
            var (floorRates, appRates) = (rates[$"{kind}, floor"], rates[$"{kind}, app"]);
            return new FloorFigure(kind, floors[k].RowCount, floors[k].TableCount,
                Samples.Of(floorRates), Samples.Of(appRates),
                Samples.Of([.. floorRates.Select((r, i) => r / rawRates[i])]),
                Samples.Of([.. appRates.Select((r, i) => r / rawRates[i])]),
                Samples.Of([.. appRates.Select((r, i) => r / floorRates[i])]));
        })]);
        await File.WriteAllTextAsync(resultFile, System.Text.Json.JsonSerializer.Serialize(result, LedgerRun.Json));
        foreach (var figure in result.Figures)
        {
            Console.WriteLine(Fmt.Invariant($"[{name}] {figure.Kind}: {figure.Rows} rows; floor ÷ raw {figure.FloorRatio.Show(3)}, app ÷ raw {figure.AppRatio.Show(3)}, app ÷ floor {figure.AppOverFloor.Show(3)}"));
        }

        return 0;
    }

    /// <summary>
    /// SQLite only, an experiment: the tables the three writes store rows in, rebuilt (empty, right after the migration)
    /// as <c>WITHOUT ROWID</c> tables, whose rows live in their primary key's tree instead of a table tree and a key
    /// index beside it. The app's writes and the floor's then both run on them.
    /// </summary>
    private static async Task WithoutRowIdAsync(BenchStore store)
    {
        await using var connection = await store.OpenRawAsync();
        await BenchStore.ScalarAsync(connection, "PRAGMA foreign_keys = OFF");
        string[] tables = ["journal_entries", "postings", "balances", "treasury_pools", "audit_log", "idempotency_keys", "chain_heads", "tokens", "token_units", "token_lineage", "holdings_checkpoints", "chain_counters"];
        foreach (var table in tables)
        {
            var create = await BenchStore.ScalarAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'");
            var indexes = new List<string>();
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = $"SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL";
                await using var reader = await read.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    indexes.Add(reader.GetString(0));
                }
            }

            await BenchStore.ScalarAsync(connection, $"DROP TABLE \"{table}\"");
            await BenchStore.ScalarAsync(connection, create + " WITHOUT ROWID");
            foreach (var index in indexes)
            {
                await BenchStore.ScalarAsync(connection, index);
            }
        }
    }

    private static async Task RepeatAsync(Func<Task> once, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await once();
        }
    }

    /// <summary>The community whose rows are copied: <c>@slug</c> names it.</summary>
    private const string Community = """(SELECT "Id" FROM "communities" WHERE "Slug" = @slug)""";

    private const string LastEntry = $"""(SELECT MAX("Number") FROM "journal_entries" WHERE "CommunityId" = {Community})""";

    private const string LastToken = $"""(SELECT MAX("Serial") FROM "tokens" WHERE "CommunityId" = {Community})""";

    /// <summary>Rows of one table: <see cref="Select"/> picks the templates; inserted with <see cref="Shifted"/> moved to new keys, or, when <see cref="Keys"/> is set, updated in place (<see cref="Set"/> by <see cref="Keys"/>).</summary>
    private sealed record Rows(string Table, string Select, string[] Shifted, string[]? Keys = null, string[]? Set = null);

    private static Rows[] Ledger(int auditLinks) =>
    [
        new("journal_entries", $"""WHERE "CommunityId" = {Community} AND "Number" = {LastEntry}""", ["Number"]),
        new("postings", $"""WHERE "CommunityId" = {Community} AND "EntryNumber" = {LastEntry}""", ["EntryNumber"]),
        new("balances", $"""WHERE "CommunityId" = {Community} AND "Account" IN (SELECT "Account" FROM "postings" WHERE "CommunityId" = {Community} AND "EntryNumber" = {LastEntry})""",
            [], ["CommunityId", "Account", "Asset"], ["Units"]),
        new("treasury_pools", $"""WHERE "CommunityId" = {Community}""", [], ["CommunityId", "Asset"], ["Units", "IssuedPerToken", "Unowned"]),
        new("audit_log", $"""WHERE "Chain" = {Community} ORDER BY "Sequence" DESC LIMIT {auditLinks}""", ["Sequence"]),
        new("idempotency_keys", """ORDER BY "AtUnixMs" DESC LIMIT 1""", ["Key"]),
        new("chain_heads", $"""WHERE "Chain" = {Community}""", [], ["Chain"], ["AuditHash", "AuditSequence", "LastEntryNumber", "People", "Version"]),
    ];

    /// <summary>What <c>Writer.PostAsync</c>'s lean write stores for a deposit.</summary>
    private static readonly Rows[] Deposit = Ledger(auditLinks: 1);

    /// <summary>What a mint stores: its payment (a ledger entry), the token, its units and first lineage step, the owner's holdings checkpoint, the supply, the serial counter.</summary>
    private static readonly Rows[] Mint =
    [
        .. Ledger(auditLinks: 2),
        new("tokens", $"""WHERE "CommunityId" = {Community} AND "Serial" = {LastToken}""", ["Serial"]),
        new("token_units", $"""WHERE "CommunityId" = {Community} AND "Serial" = {LastToken}""", ["Serial"]),
        new("token_lineage", $"""WHERE "CommunityId" = {Community} AND "Serial" = {LastToken}""", ["Serial"]),
        new("holdings_checkpoints", $"""WHERE "CommunityId" = {Community} ORDER BY "AtUnixMs" DESC, "Sequence" DESC LIMIT 1""", ["Sequence"]),
        new("communities", $"""WHERE "Id" = {Community}""", [], ["Id"], ["HoldingsChangedAtUnixMs", "Supply"]),
        new("chain_counters", $"""WHERE "Chain" = {Community} AND "Kind" = 'tokens'""", [], ["Chain", "Kind"], ["Last"]),
    ];

    /// <summary>What a transfer stores: the audit link, the lineage step, the new owner, both holdings checkpoints, the key, the holdings' time, the head.</summary>
    private static readonly Rows[] Transfer =
    [
        new("audit_log", $"""WHERE "Chain" = {Community} ORDER BY "Sequence" DESC LIMIT 1""", ["Sequence"]),
        new("token_lineage", $"""WHERE "CommunityId" = {Community} ORDER BY "AtUnixMs" DESC, "Step" DESC LIMIT 1""", ["Step"]),
        new("tokens", $"""WHERE "CommunityId" = {Community} AND "Serial" = (SELECT "Serial" FROM "token_lineage" WHERE "CommunityId" = {Community} ORDER BY "AtUnixMs" DESC, "Step" DESC LIMIT 1)""",
            [], ["CommunityId", "Serial"], ["OwnerId"]),
        new("idempotency_keys", """ORDER BY "AtUnixMs" DESC LIMIT 1""", ["Key"]),
        new("holdings_checkpoints", $"""WHERE "CommunityId" = {Community} ORDER BY "AtUnixMs" DESC, "Sequence" DESC LIMIT 2""", ["Sequence"]),
        new("communities", $"""WHERE "Id" = {Community}""", [], ["Id"], ["HoldingsChangedAtUnixMs"]),
        new("chain_heads", $"""WHERE "Chain" = {Community}""", [], ["Chain"], ["AuditHash", "AuditSequence", "People", "Version"]),
    ];

    /// <summary>One kind of write's rows, read once, written again under new keys by <see cref="WriteOneAsync"/>.</summary>
    /// <remarks>
    /// Each row is one statement: its text, the values of its parameters (for an insert, the template's columns in
    /// order), and which of them are keys to move. On SQLite each is a command prepared on the connection; on PostgreSQL
    /// each is a command of one batch between <c>BEGIN</c> and <c>COMMIT</c>.
    /// </remarks>
    private sealed class Floor
    {
        private readonly DbConnection connection;
        private readonly List<(object?[] Values, int[] Shifted)> rows;
        private readonly DbParameterCollection[] parameters;
        private readonly DbCommand[] commands;
        private readonly DbBatch? batch;
        private long written;

        private Floor(DbConnection connection, bool postgres, List<(string Sql, object?[] Values, int[] Shifted)> statements, int tables)
        {
            this.connection = connection;
            rows = [.. statements.Select(s => (s.Values, s.Shifted))];
            TableCount = tables;
            if (postgres)
            {
                batch = connection.CreateBatch();
                batch.BatchCommands.Add(Plain(batch, "BEGIN"));
                foreach (var (sql, values, _) in statements)
                {
                    var command = Plain(batch, sql);
                    Bind(command.CreateParameter, command.Parameters, values, named: false);
                    batch.BatchCommands.Add(command);
                }

                batch.BatchCommands.Add(Plain(batch, "COMMIT"));
                commands = [];
                parameters = [.. batch.BatchCommands.Skip(1).Take(statements.Count).Select(c => c.Parameters)];
            }
            else
            {
                commands = [.. statements.Select(s =>
                {
                    var command = connection.CreateCommand();
                    command.CommandText = s.Sql;
                    Bind(command.CreateParameter, command.Parameters, s.Values, named: true);
                    return command;
                })];
                parameters = [.. commands.Select(c => c.Parameters)];
            }
        }

        /// <summary>The values as parameters: named <c>p0</c>, <c>p1</c>… on SQLite, positional on PostgreSQL.</summary>
        private static void Bind(Func<DbParameter> create, DbParameterCollection into, object?[] values, bool named)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = create();
                parameter.ParameterName = named ? Fmt.Invariant($"p{i}") : string.Empty;
                parameter.Value = values[i] ?? DBNull.Value;
                into.Add(parameter);
            }
        }

        public int RowCount => rows.Count;

        public int TableCount { get; }

        public static async Task<Floor> CreateAsync(DbConnection connection, bool postgres, string slug, Rows[] rows)
        {
            var statements = new List<(string, object?[], int[])>();
            foreach (var spec in rows)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"""SELECT * FROM "{spec.Table}" {spec.Select}""";
                var parameter = select.CreateParameter();
                parameter.ParameterName = "slug";
                parameter.Value = slug;
                select.Parameters.Add(parameter);
                await using var reader = await select.ExecuteReaderAsync();
                var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
                var found = 0;
                while (await reader.ReadAsync())
                {
                    found++;
                    var values = Enumerable.Range(0, columns.Length).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray();
                    statements.Add(spec.Keys is null ? Insert(postgres, spec, columns, values) : Update(postgres, spec, columns, values));
                }

                if (found == 0)
                {
                    throw new InvalidOperationException($"No {spec.Table} row to copy for {slug}: {select.CommandText}");
                }
            }

            var floor = new Floor(connection, postgres, statements, rows.Select(r => r.Table).Distinct().Count());
            foreach (var command in floor.commands)
            {
                await command.PrepareAsync();
            }

            if (floor.batch is not null)
            {
                await floor.batch.PrepareAsync();
            }

            return floor;
        }

        private static (string, object?[], int[]) Insert(bool postgres, Rows spec, string[] columns, object?[] values)
        {
            var sql = $"""INSERT INTO "{spec.Table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => Placeholder(postgres, i)))})""";
            var shifted = spec.Shifted.Select(c => Array.IndexOf(columns, c) is >= 0 and var at ? at : throw new InvalidOperationException($"{spec.Table} has no column {c}")).ToArray();
            return (sql, values, shifted);
        }

        private static (string, object?[], int[]) Update(bool postgres, Rows spec, string[] columns, object?[] values)
        {
            var set = spec.Set!;
            var keys = spec.Keys!;
            var sql = $"""UPDATE "{spec.Table}" SET {string.Join(", ", set.Select((c, i) => $"\"{c}\" = {Placeholder(postgres, i)}"))} WHERE {string.Join(" AND ", keys.Select((c, i) => $"\"{c}\" = {Placeholder(postgres, set.Length + i)}"))}""";
            return (sql, [.. set.Concat(keys).Select(c => values[Array.IndexOf(columns, c)])], []);
        }

        private static string Placeholder(bool postgres, int index) => postgres ? Fmt.Invariant($"${index + 1}") : Fmt.Invariant($"@p{index}");

        private static DbBatchCommand Plain(DbBatch batch, string text)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = text;
            return command;
        }

        /// <summary>One write's rows in one transaction, each insert under keys no earlier copy used.</summary>
        public async Task WriteOneAsync()
        {
            var n = written++;
            for (var s = 0; s < rows.Count; s++)
            {
                var (values, shifted) = rows[s];
                foreach (var column in shifted)
                {
                    parameters[s][column].Value = values[column] switch
                    {
                        long number => number + Above + (n * Block),
                        int number => number + Above + (n * Block),
                        string text => Fmt.Invariant($"{text}~{n}"),
                        var other => throw new InvalidOperationException($"Cannot move a key of type {other?.GetType().Name}"),
                    };
                }
            }

            if (batch is not null)
            {
                await batch.ExecuteNonQueryAsync();
                return;
            }

            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var command in commands)
            {
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }
}
