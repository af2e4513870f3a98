using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mikoshi.Data;

namespace Mikoshi.Bench.Load;

/// <summary>Mikoshi as it serves (Kestrel on a loopback port, logging off) on a new, migrated store of either provider.</summary>
public static class ServedApp
{
    /// <summary>
    /// Starts the app on a fresh store named <paramref name="name"/>: a SQLite file in the directory <paramref name="location"/>,
    /// or a database dropped and created again on the PostgreSQL server whose connection string is <paramref name="location"/>.
    /// <paramref name="settings"/> are more command-line settings (<c>--Key=value</c>).
    /// </summary>
    public static async Task<WebApplication> StartAsync(StoreProvider provider, string location, string name, params string[] settings)
    {
        string db;
        if (provider == StoreProvider.Postgres)
        {
            db = $"{location};Database={name}";
            await using var admin = new Npgsql.NpgsqlConnection($"{location};Database=postgres;Pooling=false");
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {name}", admin);
            await create.ExecuteNonQueryAsync();
            create.CommandText = $"CREATE DATABASE {name}";
            await create.ExecuteNonQueryAsync();
        }
        else
        {
            var file = Path.Combine(location, name + ".db");
            foreach (var stale in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(stale);
            }

            db = $"Data Source={file}";
        }

        var app = MikoshiApp.Build(
            [$"--Mikoshi:Provider={(provider == StoreProvider.Postgres ? "postgres" : "sqlite")}", $"--Mikoshi:Db={db}", "--urls=http://127.0.0.1:0", .. settings],
            builder => builder.Logging.ClearProviders());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MikoshiDb>().MigrateAsync();
        }

        await app.StartAsync();
        return app;
    }

    /// <summary>The address a started app listens on.</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
