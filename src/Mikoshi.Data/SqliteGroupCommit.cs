using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mikoshi.Data;

/// <summary>
/// Group commit for SQLite, one per database file inside the process (issue #18 part 2). Writes take turns, as before;
/// but a write that finds others waiting behind it does not commit: it leaves its work inside the open transaction
/// and passes the turn on, and the write that finds no one waiting commits the whole group — one transaction, one
/// <c>COMMIT</c>, one fsync. Each write runs in its own savepoint, so a write that fails is rolled back alone and its
/// partners commit; its idempotency row is inside that savepoint too. No write answers before the group's commit has
/// returned: a crash before it loses the whole group, and no caller was told success.
/// </summary>
/// <remarks>
/// Each write still runs in its caller's own flow, on its caller's own <see cref="MikoshiDb"/>: for its turn the context
/// is pointed at the group's connection and transaction, and afterwards back at its own connection string. A second
/// process on the same file is not in the group: it meets the file's lock and waits through the busy timeout.
/// <para>
/// The groups of a file share one connection, kept open while writes keep coming and closed once the file has had no
/// write for <see cref="IdleClose"/> (or by <see cref="CloseConnections"/>): its statements stay prepared between writes
/// (<see cref="KeptCommands"/>), where a connection taken from the pool for each group prepared every one again.
/// </para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One per database file for the process's lifetime, like the file's connection pool.")]
public sealed class SqliteGroupCommit
{
    /// <summary>How many writes one commit may carry at most, so a steady stream cannot hold one transaction open forever.</summary>
    public const int MaxGroup = 64;

    /// <summary>How long the writer's connection stays open after the file's last write.</summary>
    public static readonly TimeSpan IdleClose = TimeSpan.FromSeconds(2);

    private static readonly ConcurrentDictionary<string, SqliteGroupCommit> Files = new(StringComparer.Ordinal);

    /// <summary>The file whose turn the current flow of control holds, so a write inside a write does not wait for itself.</summary>
    private static readonly AsyncLocal<string?> Holding = new();

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly string file;
    private readonly string connectionString;
    private int waiting;
    private int holdFor;

    /// <summary>The connection the groups write on, while kept open; touched only by the write holding the turn.</summary>
    private Writing? writing;

    /// <summary>Closes <see cref="writing"/> once the file has been idle long enough; armed when a group commits.</summary>
    private readonly Timer idle;

    /// <summary>The group being filled; touched only by the write holding the turn.</summary>
    private Group? open;

    private SqliteGroupCommit(string file, string connectionString)
    {
        this.file = file;
        this.connectionString = connectionString;

        // Made without the execution context of the request that happened to make it: the timer lives as long as the
        // process, and would keep that context (its async-locals, its logging scopes) alive with it.
        using (ExecutionContext.SuppressFlow())
        {
            idle = new Timer(_ => CloseIfIdle());
        }
    }

    /// <summary>The group commit of <paramref name="db"/>'s file; null on PostgreSQL, and for a write inside a write.</summary>
    internal static SqliteGroupCommit? For(MikoshiDb db)
    {
        if (db.IsPostgres)
        {
            return null;
        }

        var connectionString = db.Database.GetConnectionString() ?? string.Empty;
        var file = FileOf(connectionString);
        return Holding.Value == file ? null : Files.GetOrAdd(file, f => new SqliteGroupCommit(f, connectionString));
    }

    /// <summary>
    /// Test hook: the next group on the file of <paramref name="connectionString"/> stays open until
    /// <paramref name="writes"/> writes have joined it, so a test can put a failing write between two good ones without
    /// timing anything. Writes keep their own answers; the group commits once the last of them is in.
    /// </summary>
    public static void HoldNextGroupFor(string connectionString, int writes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(writes, MaxGroup);
        var file = FileOf(connectionString);
        Volatile.Write(ref Files.GetOrAdd(file, f => new SqliteGroupCommit(f, connectionString)).holdFor, writes);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on <paramref name="db"/> as one member of a group: in a savepoint of the group's
    /// transaction, kept if <paramref name="keep"/> says its outcome is to be kept, rolled back alone if not or if it
    /// throws. Answers once the group has committed; a write rolled back answers with its own outcome even if the
    /// group's commit failed.
    /// </summary>
    internal async Task<T> RunAsync<T>(MikoshiDb db, Func<Task<T>> write, Func<T, bool> keep)
    {
        // The wait is not cancellable: a writer that counted itself in and then left would leave a group open for nobody.
        Interlocked.Increment(ref waiting);
        await turn.WaitAsync();
        Interlocked.Decrement(ref waiting);
        Holding.Value = file;

        Group group;
        try
        {
            writing ??= await Writing.OpenAsync(connectionString);
            group = open ??= await Group.BeginAsync(writing, Interlocked.Exchange(ref holdFor, 0));
        }
        catch
        {
            // No group began: the next write starts again from a new connection.
            Close();
            turn.Release();
            throw;
        }

        var savepoint = $"w{group.Members++}";
        var outcome = default(T);
        var kept = false;
        Exception? thrown = null;
        var ownConnection = db.Database.GetConnectionString();
        try
        {
            db.Database.SetDbConnection(group.Connection, contextOwnsConnection: false);
            await db.Database.UseTransactionAsync(group.Transaction);
            await group.ExecuteAsync($"SAVEPOINT {savepoint}");
            try
            {
                outcome = await write();
                kept = keep(outcome);
            }
            catch (Exception exception)
            {
                thrown = exception;
            }

            await group.ExecuteAsync(kept
                ? $"RELEASE {savepoint}"
                : $"ROLLBACK TO {savepoint}; RELEASE {savepoint}");
        }
        catch (Exception exception)
        {
            // The savepoint itself could not be taken or ended: the transaction is in no state to commit anyone.
            group.Broken ??= exception;
            thrown ??= exception;
            kept = false;
        }
        finally
        {
            await db.Database.UseTransactionAsync(null);
            db.Database.SetDbConnection(null, contextOwnsConnection: true);
            db.Database.SetConnectionString(ownConnection);
        }

        if (group.Broken is null && group.Members < Math.Max(group.HoldFor, 1))
        {
            turn.Release();
        }
        else if (group.Broken is null && group.Members < MaxGroup && Volatile.Read(ref waiting) > 0)
        {
            // Someone is behind: let them join this transaction instead of paying for a commit each.
            turn.Release();
        }
        else
        {
            open = null;
            if (!await group.FinishAsync())
            {
                // A connection whose commit failed is in no state to be trusted with the next group.
                Close();
            }

            idle.Change(IdleClose, Timeout.InfiniteTimeSpan);
            turn.Release();
        }

        try
        {
            await group.Committed;
        }
        catch when (!kept)
        {
            // This write had failed on its own already; its own failure is its answer.
        }

        if (thrown is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(thrown);
        }

        return outcome!;
    }

    /// <summary>
    /// Closes every SQLite connection this process keeps idle: the provider's pool
    /// (<see cref="SqliteConnection.ClearAllPools"/>), then every file's writer connection, waiting for a write in progress
    /// to end (a later write opens one again). Call it before a database file is copied, replaced or deleted: an open
    /// connection holds the file and its write-ahead log open, and the last one to close folds the log into the file.
    /// </summary>
    public static void CloseConnections()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Files.Values)
        {
            // A group still open between its writers is theirs to commit; wait until it has.
            while (true)
            {
                file.turn.Wait();
                try
                {
                    if (file.open is null)
                    {
                        file.Close();
                        break;
                    }
                }
                finally
                {
                    file.turn.Release();
                }

                Thread.Yield();
            }
        }
    }

    /// <summary>The idle timer's work: closes the connection unless a write holds the turn (its group re-arms the timer).</summary>
    private void CloseIfIdle()
    {
        if (!turn.Wait(0))
        {
            return;
        }

        try
        {
            if (open is null)
            {
                Close();
            }
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Closes the kept connection if there is one; only with the turn held and no group open.</summary>
    private void Close()
    {
        writing?.Dispose();
        writing = null;
    }

    /// <summary>The file a connection string names, as one key however it is spelled; an in-memory database by its whole string.</summary>
    private static string FileOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            ? connectionString
            : Path.GetFullPath(builder.DataSource);
    }

    /// <summary>The connection a file's groups write on, opened once, and the commands kept prepared on it.</summary>
    private sealed class Writing : IDisposable
    {
        private readonly KeptCommands kept;

        private Writing(SqliteConnection connection)
        {
            Connection = connection;
            kept = KeptCommands.Keep(connection);
        }

        public SqliteConnection Connection { get; }

        public static async Task<Writing> OpenAsync(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                await connection.OpenAsync();

                // Every commit synced to disk (in WAL mode, the log at each commit): a write told "committed" survives a
                // power cut. Set here, not left to the build's default, because this is the connection that commits.
                await using (var synchronous = connection.CreateCommand())
                {
                    synchronous.CommandText = "PRAGMA synchronous=FULL;";
                    await synchronous.ExecuteNonQueryAsync();
                }

                return new Writing(connection);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public void Dispose()
        {
            kept.Dispose();
            Connection.Dispose();
        }
    }

    /// <summary>One transaction shared by the writes of a group, and the promise of its commit.</summary>
    private sealed class Group
    {
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Group(SqliteConnection connection, DbTransaction transaction, int holdFor)
        {
            Connection = connection;
            Transaction = transaction;
            HoldFor = holdFor;
        }

        public SqliteConnection Connection { get; }

        public DbTransaction Transaction { get; }

        /// <summary>The test hook's count: the group stays open until this many writes have joined (0: no hold).</summary>
        public int HoldFor { get; }

        public int Members { get; set; }

        /// <summary>Why the group can no longer commit, if it cannot.</summary>
        public Exception? Broken { get; set; }

        public Task Committed => done.Task;

        /// <summary>Begins the group's transaction on the file's writer connection (<c>BEGIN IMMEDIATE</c>: it takes the file's write lock now).</summary>
        public static async Task<Group> BeginAsync(Writing writing, int holdFor) =>
            new(writing.Connection, await writing.Connection.BeginTransactionAsync(), holdFor);

        public async Task ExecuteAsync(string sql)
        {
            await using var lease = KeptCommands.Take(Connection, Transaction, sql);
            await lease.Command.ExecuteNonQueryAsync();
        }

        /// <summary>Commits the group (or rolls it back if it broke) and tells every member how it ended; false if it did not commit.</summary>
        public async Task<bool> FinishAsync()
        {
            try
            {
                if (Broken is not null)
                {
                    throw Broken;
                }

                await Transaction.CommitAsync();
                done.SetResult();
                return true;
            }
            catch (Exception exception)
            {
                done.SetException(exception);
                return false;
            }
            finally
            {
                await Transaction.DisposeAsync();
            }
        }
    }
}
