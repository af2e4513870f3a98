using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Npgsql;

namespace Mikoshi.Bench.Ledger;

/// <summary>
/// One database of either provider, with the store services composed as the app composes them
/// (<see cref="StoreRegistration.AddMikoshiStore"/>, a fresh scope and context per request), and
/// plain ADO.NET connections to the same database for the baselines.
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private BenchStore(StoreOptions options, IInterceptor? interceptor)
    {
        Options = options;
        var collection = new ServiceCollection();
        collection.AddMikoshiStore();
        collection.AddSingleton(options);
        if (interceptor is not null)
        {
            // Only to read back the SQL a handler sends (see SqlCapture); it changes nothing else.
            collection.ConfigureDbContext<SqliteMikoshiDb>(o => o.AddInterceptors(interceptor));
            collection.ConfigureDbContext<PostgresMikoshiDb>(o => o.AddInterceptors(interceptor));
        }

        services = collection.BuildServiceProvider();
    }

    public StoreOptions Options { get; }

    public bool IsPostgres => Options.Provider == StoreProvider.Postgres;

    /// <summary>A SQLite file <paramref name="name"/>.db in the directory <paramref name="location"/>, or a database of that name on the PostgreSQL server whose connection string is <paramref name="location"/>.</summary>
    public static BenchStore Create(StoreProvider provider, string location, string name, IInterceptor? interceptor = null)
    {
        if (provider == StoreProvider.Sqlite)
        {
            var file = Path.Combine(location, name + ".db");
            foreach (var stale in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(stale);
            }

            return new BenchStore(new StoreOptions(provider, new SqliteConnectionStringBuilder { DataSource = file }.ToString()), interceptor);
        }

        return new BenchStore(new StoreOptions(provider, new NpgsqlConnectionStringBuilder(location) { Database = name }.ToString()), interceptor);
    }

    /// <summary>A request's worth of store: a new scope and context, as one HTTP request gets.</summary>
    public async Task<T> InScopeAsync<T>(Func<MikoshiDb, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MikoshiDb>());
    }

    public Task MigrateAsync() => InScopeAsync(async db =>
    {
        await db.MigrateAsync();
        return 0;
    });

    public async Task<DbConnection> OpenRawAsync()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(Options.ConnectionString) : new SqliteConnection(Options.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The settings that decide what a commit costs on this store.</summary>
    public async Task<string> DurabilityAsync()
    {
        await using var connection = await OpenRawAsync();
        if (IsPostgres)
        {
            var settings = new List<string>();
            foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method" })
            {
                settings.Add($"{name}={await ScalarAsync(connection, $"SHOW {name}")}");
            }

            return "PostgreSQL " + string.Join(", ", settings);
        }

        var synchronous = await ScalarAsync(connection, "PRAGMA synchronous");
        var level = synchronous switch { "0" => "OFF", "1" => "NORMAL", "2" => "FULL", "3" => "EXTRA", _ => "?" };
        return $"SQLite {await ScalarAsync(connection, "SELECT sqlite_version()")}, journal_mode={await ScalarAsync(connection, "PRAGMA journal_mode")}, synchronous={synchronous} ({level})";
    }

    public static async Task<string> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            SqliteGroupCommit.CloseConnections();
        }
    }
}
