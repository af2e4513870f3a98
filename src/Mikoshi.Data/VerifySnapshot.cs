using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mikoshi.Data;

/// <summary>
/// Several read-only connections that all see the store as of one instant, so that readers walking the
/// audit log, the journal and the balances side by side (and on both cores) compare one state, even while the
/// server keeps writing. PostgreSQL: one REPEATABLE READ transaction exports its snapshot and every other
/// connection imports it. SQLite (WAL): the write lock is held for the moment it takes each connection to open
/// its read transaction, so no commit falls between them; writers wait that long, never for the whole verify.
/// </summary>
internal sealed class VerifySnapshot : IAsyncDisposable
{
    private readonly List<DbConnection> connections;

    private VerifySnapshot(bool isPostgres, List<DbConnection> connections)
    {
        IsPostgres = isPostgres;
        this.connections = connections;
    }

    public bool IsPostgres { get; }

    public IReadOnlyList<DbConnection> Connections => connections;

    public static async Task<VerifySnapshot> OpenAsync(bool isPostgres, string connectionString, int count, CancellationToken cancellationToken)
    {
        var opened = new List<DbConnection>(count);
        try
        {
            if (isPostgres)
            {
                var leader = await OpenOneAsync(new NpgsqlConnection(connectionString), opened, cancellationToken);
                await ExecuteAsync(leader, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", cancellationToken);
                var snapshot = (string)(await ScalarAsync(leader, "SELECT pg_export_snapshot()", cancellationToken))!;
                for (var i = 1; i < count; i++)
                {
                    var connection = await OpenOneAsync(new NpgsqlConnection(connectionString), opened, cancellationToken);
                    await ExecuteAsync(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", cancellationToken);
                    await ExecuteAsync(connection, $"SET TRANSACTION SNAPSHOT '{snapshot}'", cancellationToken);
                }
            }
            else
            {
                await using var gate = new SqliteConnection(connectionString);
                await gate.OpenAsync(cancellationToken);
                await ExecuteAsync(gate, "BEGIN IMMEDIATE", cancellationToken);
                try
                {
                    for (var i = 0; i < count; i++)
                    {
                        var connection = await OpenOneAsync(new SqliteConnection(connectionString), opened, cancellationToken);
                        await ExecuteAsync(connection, "BEGIN", cancellationToken);

                        // A deferred transaction takes its read snapshot at its first read.
                        await ScalarAsync(connection, "SELECT count(*) FROM (SELECT 1 FROM audit_log LIMIT 1)", cancellationToken);
                    }
                }
                finally
                {
                    await ExecuteAsync(gate, "ROLLBACK", CancellationToken.None);
                }
            }

            return new VerifySnapshot(isPostgres, opened);
        }
        catch
        {
            foreach (var connection in opened)
            {
                await connection.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            try
            {
                await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            }
            catch (DbException)
            {
                // Closing ends the transaction anyway.
            }

            await connection.DisposeAsync();
        }
    }

    private static async Task<DbConnection> OpenOneAsync(DbConnection connection, List<DbConnection> opened, CancellationToken cancellationToken)
    {
        opened.Add(connection);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
