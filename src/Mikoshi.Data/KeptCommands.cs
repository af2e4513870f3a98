using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Mikoshi.Data;

/// <summary>
/// Commands kept prepared on a SQLite connection that stays open: the file's writer's (<see cref="SqliteGroupCommit"/>)
/// and the read lanes' (<see cref="SqliteReadLanes"/>). Microsoft.Data.Sqlite prepares a statement once per command
/// object, and a pooled connection's close finalizes them all; a statement kept here runs again without being parsed
/// and planned again. Before the writer kept its connection, every write took a pooled one anew and prepared each of its
/// statements, a quarter of a deposit's CPU (docs/benchmarks.md section 32). Keyed by the command's text: a text written
/// from the same shape of write is the same statement.
/// </summary>
/// <remarks>
/// Each such connection is used by one flow at a time (the writer holding the file's turn, a lane's one request), so
/// its commands are never run by two at once; a command is taken out while leased all the same, and a second lease of
/// the same text gets a command of its own.
/// </remarks>
internal sealed class KeptCommands : IDisposable
{
    /// <summary>How many commands one connection keeps at most; a group of many writers writes texts of many shapes.</summary>
    public const int Capacity = 256;

    private static readonly ConditionalWeakTable<DbConnection, KeptCommands> Kept = [];

    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);
    private readonly DbConnection connection;

    private KeptCommands(DbConnection connection) => this.connection = connection;

    /// <summary>Keeps commands on <paramref name="connection"/> from now until <see cref="Dispose"/>.</summary>
    public static KeptCommands Keep(SqliteConnection connection)
    {
        var kept = new KeptCommands(connection);
        Kept.AddOrUpdate(connection, kept);
        return kept;
    }

    /// <summary>
    /// A command of <paramref name="sql"/> on <paramref name="connection"/> in <paramref name="transaction"/>, with no
    /// parameters: one kept prepared if the connection keeps commands, else a new one, disposed with the lease.
    /// </summary>
    public static Lease Take(DbConnection connection, DbTransaction? transaction, string sql)
    {
        if (Kept.TryGetValue(connection, out var kept) && kept.commands.Remove(sql, out var command))
        {
            command.Parameters.Clear();
            command.Transaction = transaction;
            return new Lease(command, kept);
        }

        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return new Lease(command, kept);
    }

    public void Dispose()
    {
        Kept.Remove(connection);
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
    }

    /// <summary>Puts <paramref name="command"/> back to be run again, unless one of its text is kept already or there is no room.</summary>
    private bool GiveBack(DbCommand command)
    {
        if (!Kept.TryGetValue(connection, out var current) || current != this || commands.Count >= Capacity)
        {
            return false;
        }

        return commands.TryAdd(command.CommandText, command);
    }

    /// <summary>A command to run now; given back to its connection's kept commands, or disposed, when the lease ends.</summary>
    public readonly struct Lease : IAsyncDisposable
    {
        private readonly KeptCommands? keptBy;

        internal Lease(DbCommand command, KeptCommands? keptBy)
        {
            Command = command;
            this.keptBy = keptBy;
        }

        public DbCommand Command { get; }

        public async ValueTask DisposeAsync()
        {
            if (keptBy is null || !keptBy.GiveBack(Command))
            {
                await Command.DisposeAsync();
            }
        }
    }
}
