using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Mikoshi.Data;

/// <summary>
/// Open connections to one SQLite file, each keeping its statements prepared, for the few statements a server runs on
/// every request: the head versions and the security stamp (<see cref="ReadCache.HotQueryAsync"/>).
/// Microsoft.Data.Sqlite prepares a statement once per command object, and a pooled open and close still resets the
/// connection each time; together they were a third of a cached read (docs/benchmarks.md section 19).
/// A lane is one connection used by one request at a time. Outside a transaction every statement begins its own read
/// of the file, so in WAL mode it sees every commit made before it started, by this process or any other; a lane never
/// answers from an old snapshot, and holds no read open between statements (the reader is disposed before the lane
/// goes back).
/// </summary>
internal sealed class SqliteReadLanes(string connectionString) : IDisposable
{
    /// <summary>Lanes kept when idle; a burst may open more, which are closed when they come back.</summary>
    private static readonly int MaxIdle = Math.Max(2, Environment.ProcessorCount * 2);

    private readonly ConcurrentBag<Lane> idle = [];
    private volatile bool disposed;

    public async Task<T> QueryAsync<T>(string sql, Action<DbCommand> parameters, Func<DbDataReader, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!idle.TryTake(out var lane))
        {
            lane = new Lane(new SqliteConnection(connectionString));
        }

        var healthy = false;
        try
        {
            T result;
            await using (var statement = await lane.TakeAsync(sql, cancellationToken))
            {
                parameters(statement.Command);
                await using var reader = await statement.Command.ExecuteReaderAsync(cancellationToken);
                result = await read(reader);
            }

            healthy = true;
            return result;
        }
        finally
        {
            // A lane whose statement failed is closed, not reused: whatever went wrong stays with it.
            if (healthy && !disposed && idle.Count < MaxIdle)
            {
                idle.Add(lane);

                // Disposed meanwhile: the drain may have run before the lane came back, so close what is left.
                if (disposed)
                {
                    Dispose();
                }
            }
            else
            {
                lane.Dispose();
            }
        }
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var lane))
        {
            lane.Dispose();
        }
    }

    /// <summary>One connection, opened at its first statement, with its statements kept prepared (<see cref="KeptCommands"/>).</summary>
    private sealed class Lane(SqliteConnection connection) : IDisposable
    {
        private KeptCommands? kept;

        public async Task<KeptCommands.Lease> TakeAsync(string sql, CancellationToken cancellationToken)
        {
            if (kept is null)
            {
                await connection.OpenAsync(cancellationToken);
                kept = KeptCommands.Keep(connection);
            }

            return KeptCommands.Take(connection, null, sql);
        }

        public void Dispose()
        {
            kept?.Dispose();
            connection.Dispose();
        }
    }
}
