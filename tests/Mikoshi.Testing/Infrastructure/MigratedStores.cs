using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mikoshi.Data;
using Npgsql;

namespace Mikoshi.Tests.Infrastructure;

/// <summary>
/// Every test app starts from a copy of a store migrated once per run — a copied SQLite file, or a PostgreSQL
/// database created from a migrated template — instead of running every migration again for each of the
/// hundreds of apps a run builds. The app's own start-up still asks whether a migration is pending, so a copy
/// that fell behind the code would be migrated, not used stale.
/// </summary>
internal static class MigratedStores
{
    private static readonly Lazy<Task<string>> SqliteTemplate = new(() => Task.Run(MigrateSqliteAsync));
    private static readonly Lazy<Task<string>> PostgresTemplate = new(() => Task.Run(MigratePostgresAsync));

    /// <summary>A new SQLite file holding the whole schema and no data.</summary>
    public static string NewSqliteFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mikoshi-test-{Guid.NewGuid():N}.db");
        File.Copy(SqliteTemplate.Value.GetAwaiter().GetResult(), file);
        return file;
    }

    /// <summary>A new PostgreSQL database on the run's server holding the whole schema and no data.</summary>
    public static string NewPostgresDatabase()
    {
        var template = PostgresTemplate.Value.GetAwaiter().GetResult();
        var name = $"t_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(PostgresServer.ConnectionString + ";Database=postgres;Pooling=false"))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", connection);
            create.ExecuteNonQuery();
        }

        return $"{PostgresServer.ConnectionString};Database={name}";
    }

    private static async Task<string> MigrateSqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mikoshi-template-{Environment.ProcessId}.db");
        File.Delete(file);
        await MigrateAsync(new StoreOptions(StoreProvider.Sqlite, $"Data Source={file};Pooling=False"));

        // Everything into the main file, so a copy of that one file is the whole store.
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    }

    private static async Task<string> MigratePostgresAsync()
    {
        var name = $"template_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(PostgresServer.ConnectionString + ";Database=postgres;Pooling=false"))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        // No pooling: a template must have no open connection when a database is created from it.
        await MigrateAsync(new StoreOptions(StoreProvider.Postgres, $"{PostgresServer.ConnectionString};Database={name};Pooling=false"));
        return name;
    }

    private static async Task MigrateAsync(StoreOptions store)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddMikoshiStore();
        services.RemoveAll<StoreOptions>();
        services.AddSingleton(store);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MikoshiDb>().MigrateAsync();
    }
}
