using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mikoshi.Data;

/// <summary>Which database holds a Mikoshi instance.</summary>
public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the store is and how to open it.</summary>
/// <param name="Provider">SQLite (embedded, the default) or PostgreSQL.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
public sealed record StoreOptions(StoreProvider Provider, string ConnectionString)
{
    /// <summary>The embedded default: a SQLite file under ./data.</summary>
    public static StoreOptions DefaultSqlite(string directory = "data") =>
        new(StoreProvider.Sqlite, $"Data Source={Path.Combine(directory, "mikoshi.db")}");

    /// <summary>
    /// Reads a store from the words people use: <c>sqlite</c> or <c>postgres</c>, and a connection
    /// string; a bare <c>Host=…</c> string implies PostgreSQL.
    /// </summary>
    public static StoreOptions From(string? provider, string? connectionString)
    {
        var isPostgres = string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, "postgresql", StringComparison.OrdinalIgnoreCase)
            || (provider is null && connectionString is not null && connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase));
        if (isPostgres)
        {
            return new StoreOptions(StoreProvider.Postgres, connectionString ?? "Host=127.0.0.1;Username=postgres;Database=mikoshi");
        }

        return connectionString is null ? DefaultSqlite() : new StoreOptions(StoreProvider.Sqlite, connectionString);
    }
}

public static class StoreRegistration
{
    /// <summary>
    /// Registers the store as <see cref="MikoshiDb"/>. Which provider is read when a context is
    /// made, from the <see cref="StoreOptions"/> singleton (by default from configuration keys
    /// <c>Mikoshi:Provider</c> and <c>Mikoshi:Db</c>), so a host or a test can replace it.
    /// </summary>
    public static IServiceCollection AddMikoshiStore(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
            return StoreOptions.From(configuration["Mikoshi:Provider"], configuration["Mikoshi:Db"]);
        });
        services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        // Pooled: the options are built once, not per request, and a request borrows a context already made (a
        // request's first statement cost more in making its context than in the statement; docs/benchmarks.md
        // section 16). A context goes back reset; the one thing a use case changes on it, the SQLite group's shared
        // connection, is handed back in SqliteGroupCommit's finally.
        // EF warns that a migration which rebuilds tables "cannot be executed in a transaction" and would need reverting by
        // hand if stopped: BinaryIds and BinaryHashes are written to be run again whole instead (docs/decisions.md, round
        // 17), so the warning, printed on every new store, is only logged for debugging.
        services.AddDbContextPool<SqliteMikoshiDb>((sp, o) => o.UseSqlite(sp.GetRequiredService<StoreOptions>().ConnectionString)
            .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, Microsoft.Extensions.Logging.LogLevel.Debug))));
        // On PostgreSQL the head versions and stamps a server knows come from the store's notifications (docs/caches.md);
        // its own saves that change a person tell the feed themselves (StampWatch).
        services.AddSingleton<HeadVersionFeed>();
        services.AddSingleton<StampWatch>();
        services.AddDbContextPool<PostgresMikoshiDb>((sp, o) => o.UseNpgsql(Pooled(sp.GetRequiredService<StoreOptions>().ConnectionString))
            .AddInterceptors(sp.GetRequiredService<StampWatch>()));
        services.AddScoped<MikoshiDb>(sp => sp.GetRequiredService<StoreOptions>().Provider == StoreProvider.Postgres
            ? sp.GetRequiredService<PostgresMikoshiDb>()
            : sp.GetRequiredService<SqliteMikoshiDb>());
        return services;
    }

    /// <summary>Statements PostgreSQL prepares per connection when the operator's connection string does not say.</summary>
    public const int AutoPrepareStatements = 64;

    /// <summary>
    /// The app's PostgreSQL connection string: the operator's, with two settings of Npgsql's added where it does not name
    /// them itself (its own value wins, <c>0</c> or <c>false</c> included).
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=64</c>: a statement run five times on a connection is prepared there, so PostgreSQL parses
    /// and plans it once, not per request. Every request's head-version read and every write's statements repeat; reads
    /// answered from the cache went up about a third (docs/benchmarks.md section 19).</item>
    /// <item><c>No Reset On Close=true</c>: a connection handed back to the pool is not reset. The reset is seven statements
    /// (<c>RESET ALL</c>, <c>UNLISTEN *</c>, advisory locks, temporary tables…) that the server runs before the next use's
    /// first statement, about 0.09 ms each time, on every request and every write. The app leaves no session state on
    /// these connections: no <c>SET</c> outside a transaction, no <c>LISTEN</c> (the head-version listener has a pool of
    /// its own), no advisory locks, no temporary tables (docs/decisions.md, round 22).</item>
    /// </list>
    /// </summary>
    public static string Pooled(string connectionString)
    {
        var said = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var pooled = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!said.ContainsKey("Max Auto Prepare") && !said.ContainsKey("MaxAutoPrepare"))
        {
            pooled.MaxAutoPrepare = AutoPrepareStatements;
        }

        if (!said.ContainsKey("No Reset On Close") && !said.ContainsKey("NoResetOnClose"))
        {
            pooled.NoResetOnClose = true;
        }

        return pooled.ConnectionString;
    }

    /// <summary>Brings the schema up to date (both providers keep their own migrations).</summary>
    public static async Task MigrateAsync(this MikoshiDb db, CancellationToken cancellationToken = default)
    {
        if (!db.IsPostgres)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
        }

        // Migrate also diffs the model against the snapshot each time, seconds of CPU for a one-shot CLI verb:
        // ask first whether anything is pending, which only reads the history table.
        // (A database not yet created is asked about quietly, without an error logged for the missing database.)
        if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken)
            && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (!db.IsPostgres)
        {
            // WAL lets readers run beside the single writer; it is a property of the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}

/// <summary>Lets `dotnet ef` build the SQLite model with Identity's schema version 3.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteMikoshiDb>
{
    public SqliteMikoshiDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMikoshiDb>()
            .UseSqlite("Data Source=design.db")
            .UseApplicationServiceProvider(DesignServices.Provider)
            .Options);
}

/// <summary>Lets `dotnet ef` build the PostgreSQL model with Identity's schema version 3.</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresMikoshiDb>
{
    public PostgresMikoshiDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMikoshiDb>()
            .UseNpgsql("Host=127.0.0.1;Username=postgres;Database=design")
            .UseApplicationServiceProvider(DesignServices.Provider)
            .Options);
}

internal static class DesignServices
{
    public static IServiceProvider Provider { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();
}
