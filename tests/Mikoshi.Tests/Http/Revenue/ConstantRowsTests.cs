using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Mikoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mikoshi.Tests.Http.Revenue;

/// <summary>
/// The holders' share costs the same whatever the number of holders: recording a revenue event in a
/// community of 10 holders and in one of 10^6 writes the same rows, table by table, and only a few.
/// The million tokens are put in with raw SQL in one transaction (as a mint would leave them: the
/// token, its owner's holdings checkpoint, the supply counter), since minting them one by one through
/// HTTP would take hours.
/// </summary>
public sealed class ConstantRowsTests(ITestOutputHelper output)
{
    /// <summary>Most rows one revenue event may add to any table: a constant, whatever the number of holders.</summary>
    private const int FewRows = 8;

    [Fact]
    public async Task RecordingRevenue_WritesTheSameRowsPerTable_ForTenHoldersAndForAMillion()
    {
        await using var app = TestApp.Create("sqlite");
        var ten = await CommunityOfAsync(app, 10);
        var million = await CommunityOfAsync(app, 1_000_000);

        var tenRows = await RowsWrittenByRevenueAsync(app, ten, 10);
        var millionRows = await RowsWrittenByRevenueAsync(app, million, 1_000_000);

        output.WriteLine("rows written by one revenue event: " + string.Join(", ", millionRows.Select(t => $"{t.Key} +{t.Value}")));
        Assert.Equal(tenRows, millionRows);
        Assert.All(millionRows, table => Assert.InRange(table.Value, 0, FewRows));
        Assert.Equal(0, millionRows.GetValueOrDefault("tokens"));
        Assert.Equal(0, millionRows.GetValueOrDefault("token_accruals"));
    }

    /// <summary>A community with a project and a split whose <paramref name="holders"/> people hold one token each: Aki's, minted through HTTP, and the rest put in by SQL.</summary>
    private async Task<RevenueSetup> CommunityOfAsync(TestApp app, int holders)
    {
        var setup = await RevenueSetup.CreateAsync(app);
        var watch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(app.Store.ConnectionString);
        await connection.OpenAsync();

        // A throwaway file: no fsync and a big page cache for the bulk insert (this connection only).
        await using (var fast = connection.CreateCommand())
        {
            fast.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;";
            await fast.ExecuteNonQueryAsync();
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var community = (byte[])(await ScalarAsync(connection, transaction, "SELECT \"Id\" FROM communities WHERE \"Slug\" = $slug", ("$slug", setup.Slug)))!;
        var at = app.Clock.GetUtcNow().AddDays(-1).ToUnixTimeMilliseconds();

        // Serials 2..N, each with an owner of its own (a GUID's 16 bytes, as the store writes them, made from the serial).
        const string Serials = "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < $holders) ";
        const string Owner = "unhex(printf('%08X000040008000%012X', i, i))";
        await ExecuteAsync(connection, transaction,
            Serials + "INSERT INTO tokens (\"CommunityId\", \"Serial\", \"OwnerId\", \"ApprovedId\", \"MintedBy\", \"MintedAtUnixMs\", \"MintPrice\", \"BurnedAtUnixMs\") "
            + $"SELECT $community, i, {Owner}, NULL, {Owner}, $at, '10000', NULL FROM n",
            ("$holders", holders), ("$community", community), ("$at", at));
        var tokens = watch.Elapsed;
        await ExecuteAsync(connection, transaction,
            Serials + "INSERT INTO holdings_checkpoints (\"CommunityId\", \"PersonId\", \"Sequence\", \"AtUnixMs\", \"Count\") "
            + $"SELECT $community, {Owner}, 1, $at, 1 FROM n",
            ("$holders", holders), ("$community", community), ("$at", at));
        await ExecuteAsync(connection, transaction, "UPDATE communities SET \"Supply\" = $holders WHERE \"Id\" = $community", ("$holders", holders), ("$community", community));
        await transaction.CommitAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{holders:N0} holders put in by SQL in {watch.Elapsed.TotalSeconds:0.0} s (tokens {tokens.TotalSeconds:0.0} s, then checkpoints)"));

        var membership = await (await app.CreateClient().GetAsync($"{setup.Community}/membership")).JsonAsync();
        Assert.Equal(holders, membership.GetProperty("supply").GetInt64());
        return setup;
    }

    /// <summary>Records ¥1,000,000,000 of revenue and returns how many rows each table gained (tables that gained none left out).</summary>
    private static async Task<Dictionary<string, long>> RowsWrittenByRevenueAsync(TestApp app, RevenueSetup setup, int holders)
    {
        var before = await RowsAsync(app);
        var revenue = await setup.RecordOkAsync("1000000000");
        var after = await RowsAsync(app);

        // The whole holders' share (10% of it) went out over every token, Aki's included, in that one event.
        var holderShare = RevenueSetup.Parts(revenue)["holders"];
        Assert.Equal(holders, revenue.GetProperty("holderSupply").GetInt64());
        Assert.Equal(100_000_000, holderShare);
        Assert.Equal(holderShare / holders, RevenueSetup.Units((await setup.EarningsAsync(setup.Aki)).GetProperty("holderShareAccrued")));
        return after.Where(t => t.Value != before.GetValueOrDefault(t.Key)).ToDictionary(t => t.Key, t => t.Value - before.GetValueOrDefault(t.Key));
    }

    private static async Task<SortedDictionary<string, long>> RowsAsync(TestApp app)
    {
        await using var connection = new SqliteConnection(app.Store.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            rows[table] = (long)(await ScalarAsync(connection, null, $"SELECT COUNT(*) FROM \"{table}\""))!;
        }

        return rows;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
