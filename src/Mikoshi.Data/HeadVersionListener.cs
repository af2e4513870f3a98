using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mikoshi.Data;

/// <summary>
/// Keeps the <see cref="HeadVersionFeed"/> live on PostgreSQL: one connection of its own, outside the pool, that
/// <c>LISTEN</c>s on <see cref="HeadVersionFeed.Channel"/> and hands every notification to the feed. The trigger that
/// sends them (<see cref="HeadNotifications"/>) must be there, or the feed is never made live. A lost connection
/// makes the feed forget what it knew at once; the listener connects again after a pause, and the feed is live again
/// only once the new <c>LISTEN</c> has taken effect. Npgsql's keepalive finds a connection that died silently.
/// On SQLite, or with <c>Mikoshi:ReadCache:Versions</c> set to <c>read</c>, it does nothing and the feed is never live.
/// </summary>
public sealed class HeadVersionListener(StoreOptions store, HeadVersionFeed feed, IConfiguration configuration, ILogger<HeadVersionListener> log) : BackgroundService
{
    /// <summary>The connection's <c>application_name</c>, to find it in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "mikoshi-head-versions";

    /// <summary>How long a silently dead connection can go unnoticed, at most about twice this, in seconds.</summary>
    public const int KeepAliveSeconds = 2;

    /// <summary>Whether the store's notifications keep the versions (the default on PostgreSQL), or every request reads them.</summary>
    public static bool Listens(StoreOptions store, IConfiguration configuration) =>
        store.Provider == StoreProvider.Postgres
        && !string.Equals(configuration["Mikoshi:ReadCache:Versions"], "read", StringComparison.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Listens(store, configuration))
        {
            return;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(store.ConnectionString)
        {
            Pooling = false,
            KeepAlive = KeepAliveSeconds,
            ApplicationName = ApplicationName,
        }.ConnectionString;
        var pause = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                if (!await HasTriggerAsync(connection, stoppingToken))
                {
                    log.LogWarning("The store lacks the triggers {Triggers} (migrated before they existed?); every request reads its head versions and stamps from the store.", string.Join(", ", HeadNotifications.Triggers));
                    return;
                }

                connection.Notification += (_, e) => feed.Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {HeadVersionFeed.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                feed.Listening();
                pause = TimeSpan.FromMilliseconds(100);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong, the server goes on: without the feed, each request reads its versions itself.
                feed.Lost();
                log.LogWarning(exception, "Lost the head-version notifications; reading head versions from the store until they are back.");
                await Task.Delay(pause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
            finally
            {
                feed.Lost();
            }
        }
    }

    private static async Task<bool> HasTriggerAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT count(DISTINCT tgname) FROM pg_trigger WHERE tgname = ANY(@names)", connection);
        command.Parameters.AddWithValue("names", HeadNotifications.Triggers);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == HeadNotifications.Triggers.Length;
    }
}
