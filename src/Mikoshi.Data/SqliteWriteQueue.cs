using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mikoshi.Data;

/// <summary>
/// One queue of writers per SQLite database file, inside the process: a write waits its turn here, asynchronously,
/// before it opens its transaction (<c>BEGIN IMMEDIATE</c>), instead of colliding with another write on the file's lock
/// and leaving the driver to retry by sleeping (150 ms a time). Writers to different files never wait for each other;
/// on PostgreSQL there is no queue (the head row's lock orders writers of one chain, and other chains write in parallel).
/// A second process on the same file is not in this queue: it still meets the lock and waits through the busy timeout.
/// </summary>
internal static class SqliteWriteQueue
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Queues = new(StringComparer.Ordinal);

    /// <summary>The files whose turn the current flow of control holds, so a write inside a write does not wait for itself.</summary>
    private static readonly AsyncLocal<string?> Holding = new();

    /// <summary>Waits for this write's turn on <paramref name="db"/>'s file; dispose the answer to pass the turn on. Null on PostgreSQL.</summary>
    public static async ValueTask<Turn?> EnterAsync(MikoshiDb db, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            return null;
        }

        var file = FileOf(db.Database.GetConnectionString() ?? string.Empty);
        if (Holding.Value == file)
        {
            return null;
        }

        var queue = Queues.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
        await queue.WaitAsync(cancellationToken);
        return new Turn(queue, file);
    }

    /// <summary>The file a connection string names, as one key however it is spelled; an in-memory database by its whole string.</summary>
    private static string FileOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            ? connectionString
            : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>A write's turn on one file.</summary>
    internal sealed class Turn(SemaphoreSlim queue, string file) : IDisposable
    {
        private int released;

        /// <summary>
        /// Marks the caller's flow as holding the file's turn. Called by the writer itself, not inside an async method of
        /// this class: an async method's changes to an <see cref="AsyncLocal{T}"/> do not reach its caller.
        /// </summary>
        public void Hold() => Holding.Value = file;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                queue.Release();
            }
        }
    }
}
