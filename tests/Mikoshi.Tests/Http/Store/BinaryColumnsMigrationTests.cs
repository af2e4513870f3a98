using System.Globalization;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Data.Mapping;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Store;

/// <summary>
/// The migrations that store GUIDs (SQLite's <c>BinaryIds</c>) and hashes (<c>BinaryHashes</c>, both stores) as bytes, on
/// real stores from before them. Fixtures/round16-demo.db.gz is the file <c>mikoshi demo</c> wrote at bac8577 (GUIDs as
/// upper-case text, hashes as hex; Fixtures/README.md says how it was made). Every value of every row must come through
/// (a GUID as the same GUID, a hash as the same hash), the audit chains must still verify (each link's hash covers its
/// chain's id and the hash before it), and the app must read and write the store as it does a new one.
/// </summary>
public sealed class BinaryColumnsMigrationTests : IDisposable
{
    private const string Initial = "20261206121707_Initial";
    private const string BinaryIdsMigration = "20261207104022_BinaryIds";
    private const string PostgresInitial = "20261206121717_Initial";
    private readonly string folder = Directory.CreateTempSubdirectory("mikoshi-binary-columns-").FullName;

    [Fact]
    public async Task AStoreWithTextIdsAndHashes_KeepsEveryValue_Verifies_AndServes()
    {
        var file = Fixture();
        var before = await RowsAsync(file);
        var id = await TextAsync(file, "SELECT \"Id\" FROM communities WHERE \"Slug\" = 'creators-salon'");

        await MigrateAsync(Sqlite(file), target: null);
        Assert.Equal(before, await RowsAsync(file));
        Assert.Empty(await TextInBlobColumnsAsync(file));

        await using var app = TestApp.On(new StoreOptions(StoreProvider.Sqlite, $"Data Source={file}"));
        var community = await (await app.CreateClient().GetAsync("/api/v1/communities/creators-salon")).JsonAsync();
        Assert.Equal(Guid.Parse(id), Guid.Parse(community.GetProperty("id").GetString()!));
        Assert.Equal(28, community.GetProperty("figures").GetProperty("people").GetInt32());
        Assert.Equal(317, community.GetProperty("figures").GetProperty("journalEntries").GetInt64());

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();
            Assert.True(report.IsClean, string.Join("; ", report.Findings.Select(f => $"{f.Where}: {f.What}")));
            Assert.Equal(await CountAsync(file, "SELECT count(*) FROM audit_log"), report.AuditLinks);
        }

        var ledger = await (await app.CreateClient().GetAsync("/api/v1/communities/creators-salon/ledger?limit=5")).JsonAsync();
        Assert.Equal(5, ledger.GetProperty("items").GetArrayLength());

        // A newcomer writes beside the old rows; the store still verifies.
        var newcomer = await app.SignUpAsync();
        var slug = await newcomer.FoundCommunityAsync();
        await newcomer.DepositAsync(slug, "1500");
        await DepositTests.AssertVerifiedAsync(app);
    }

    /// <summary>
    /// What the first of EF's three rebuild transactions leaves when the process dies after it: values already bytes in
    /// the original tables, and the rebuild's copies beside them (here one table's of each), for each migration.
    /// </summary>
    public static TheoryData<string?, string> StoppedRuns => new()
    {
        { null, """UPDATE audit_log SET "Chain" = unhex(replace("Chain", '-', '')); CREATE TABLE "ef_temp_audit_log" AS SELECT * FROM audit_log;""" },
        { BinaryIdsMigration, """UPDATE audit_log SET "Hash" = unhex("Hash"); CREATE TABLE "ef_temp_chain_heads" AS SELECT * FROM chain_heads;""" },
    };

    [Theory]
    [MemberData(nameof(StoppedRuns))]
    public async Task ARunStoppedAfterItsFirstCommit_IsRunAgainWholeAtTheNextStart(string? doneBefore, string leftBehind)
    {
        var file = Fixture();
        var before = await RowsAsync(file);
        if (doneBefore is not null)
        {
            await MigrateAsync(Sqlite(file), doneBefore);
        }

        await using (var connection = await OpenAsync(file))
        {
            await using var crashed = connection.CreateCommand();
            crashed.CommandText = "PRAGMA foreign_keys = OFF; " + leftBehind;
            await crashed.ExecuteNonQueryAsync();
        }

        await MigrateAsync(Sqlite(file), target: null);

        Assert.Equal(before, await RowsAsync(file));
        Assert.Empty(await TextInBlobColumnsAsync(file));
        Assert.Equal(0, await CountAsync(file, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'ef_temp_%'"));
    }

    [Fact]
    public async Task Down_GivesBackTheTextTheStoreHeldBefore()
    {
        var file = Fixture();
        var before = await RowsAsync(file);
        var texts = await CountAsync(file, "SELECT count(*) FROM audit_log WHERE typeof(\"Chain\") = 'text' AND typeof(\"Hash\") = 'text'");

        await MigrateAsync(Sqlite(file), target: null);
        Assert.Equal(0, await CountAsync(file, "SELECT count(*) FROM audit_log WHERE typeof(\"Chain\") = 'text' OR typeof(\"Hash\") = 'text'"));
        await MigrateAsync(Sqlite(file), Initial);

        var after = await RowsAsync(file);
        Assert.Equal(string.Join("\n", before.Except(after)), string.Join("\n", after.Except(before)));
        Assert.Equal(before, after);
        Assert.Equal(texts, await CountAsync(file, "SELECT count(*) FROM audit_log WHERE typeof(\"Chain\") = 'text' AND typeof(\"Hash\") = 'text'"));
    }

    [Fact]
    public async Task OnPostgres_HashesBecomeBytes_AndGoBackToTheSameHex()
    {
        await using var app = TestApp.Create("postgres");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var deposit = new { asset = "JPY", amount = "1500", reference = "before" };
        Assert.Equal(System.Net.HttpStatusCode.Created, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", deposit, "deposit-1")).StatusCode);
        const string Hashes = """
            SELECT string_agg(encode("PreviousHash", 'hex') || encode("Hash", 'hex'), ' ' ORDER BY "Chain", "Sequence") FROM audit_log
            UNION ALL SELECT string_agg(encode("AuditHash", 'hex'), ' ' ORDER BY "Chain") FROM chain_heads
            UNION ALL SELECT string_agg(encode("RequestHash", 'hex'), ' ' ORDER BY "Key") FROM idempotency_keys
            """;
        var hashes = await PostgresTextsAsync(app, Hashes);

        await MigrateAsync(app.Store, PostgresInitial);
        Assert.Equal(hashes, await PostgresTextsAsync(app, Hashes.Replace("encode(", "(", StringComparison.Ordinal).Replace(", 'hex')", ")", StringComparison.Ordinal)));
        await MigrateAsync(app.Store, target: null);

        Assert.Equal(hashes, await PostgresTextsAsync(app, Hashes));

        // The app's pooled connections prepared their statements against the columns as they were.
        Npgsql.NpgsqlConnection.ClearAllPools();
        var replayed = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", deposit, "deposit-1");
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        await admin.DepositAsync(slug, "2500");
        await DepositTests.AssertVerifiedAsync(app);
    }

    public void Dispose()
    {
        SqliteGroupCommit.CloseConnections();
        Directory.Delete(folder, recursive: true);
    }

    private string Fixture()
    {
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        using var zipped = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Http", "Store", "Fixtures", "round16-demo.db.gz"));
        using var gzip = new GZipStream(zipped, CompressionMode.Decompress);
        using var copy = File.Create(file);
        gzip.CopyTo(copy);
        return file;
    }

    private static StoreOptions Sqlite(string file) => new(StoreProvider.Sqlite, $"Data Source={file};Pooling=False");

    private static async Task MigrateAsync(StoreOptions store, string? target)
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddMikoshiStore();
        services.AddSingleton(store);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MikoshiDb>().GetService<IMigrator>().MigrateAsync(target);
    }

    /// <summary>
    /// Every row of every table, each as its table and its columns by name, sorted: a GUID reads the same whether the store
    /// holds its text or its 16 bytes, a hash whether it holds its hex or its bytes; every other value as it is.
    /// </summary>
    private static async Task<List<string>> RowsAsync(string file)
    {
        await using var connection = await OpenAsync(file);
        var rows = new List<string>();
        foreach (var table in await TablesAsync(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var names = Enumerable.Range(0, reader.FieldCount).OrderBy(reader.GetName, StringComparer.Ordinal).ToList();
            while (await reader.ReadAsync())
            {
                rows.Add(table + " " + string.Join(" ", names.Select(i => $"{reader.GetName(i)}={Render(reader.GetValue(i))}")));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Render(object value) => value switch
    {
        DBNull => "null",
        byte[] { Length: 16 } id => BinaryIds.Id(id).ToString("D").ToUpperInvariant(),
        byte[] bytes => HashColumn.Hex(bytes),
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        double real => real.ToString("R", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"A value of type {value.GetType().Name}."),
    };

    /// <summary>Every column declared BLOB that still holds a text value somewhere.</summary>
    private static async Task<List<string>> TextInBlobColumnsAsync(string file)
    {
        await using var connection = await OpenAsync(file);
        var found = new List<string>();
        foreach (var table in await TablesAsync(connection))
        {
            var columns = new List<string>();
            await using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE type = 'BLOB'";
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            foreach (var column in columns)
            {
                if (await CountAsync(connection, $"SELECT count(*) FROM \"{table}\" WHERE typeof(\"{column}\") = 'text'") > 0)
                {
                    found.Add($"{table}.{column}");
                }
            }
        }

        return found;
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection connection)
    {
        var tables = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<List<string>> PostgresTextsAsync(TestApp app, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.Store.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    private static async Task<string> TextAsync(string file, string sql)
    {
        await using var connection = await OpenAsync(file);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountAsync(string file, string sql)
    {
        await using var connection = await OpenAsync(file);
        return await CountAsync(connection, sql);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
