using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Mikoshi.Data;

/// <summary>
/// Statements run as one, in order (<see cref="JournalPost"/>'s writes): on PostgreSQL as one command, one round trip;
/// on SQLite each as a command of its own, carrying only its own parameters. Microsoft.Data.Sqlite looks every
/// parameter of a command up, by name, in every statement of it: a group's writes — ten statements, some three hundred
/// parameters — spent more in those look-ups than SQLite spent running them (docs/writes.md section 5b).
/// </summary>
internal sealed class StatementBatch(DbConnection connection, DbTransaction? transaction, bool together)
{
    private readonly List<Statement> statements = [];

    /// <summary>Starts the next statement: what <see cref="Append(string)"/> and <see cref="Parameter"/> write goes into it.</summary>
    public StatementBatch Next()
    {
        if (together && statements.Count > 0)
        {
            statements[^1].Sql.Append('\n');
            return this;
        }

        statements.Add(new Statement(new StringBuilder(), new SqlParameters()));
        return this;
    }

    public StatementBatch Append(string sql)
    {
        statements[^1].Sql.Append(sql);
        return this;
    }

    public StatementBatch Append(char sql)
    {
        statements[^1].Sql.Append(sql);
        return this;
    }

    public StatementBatch AppendJoin(string separator, IEnumerable<string> parts)
    {
        statements[^1].Sql.AppendJoin(separator, parts);
        return this;
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> into <paramref name="table"/>, each a value per column (in the store's form): on
    /// PostgreSQL as one statement of many rows; on SQLite as one statement of one row, prepared once and run for each
    /// row (a statement of many rows is parsed and bound whole, which cost more than running one row at a time).
    /// </summary>
    public StatementBatch Insert(string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        var into = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        if (together)
        {
            Next().Append(into).AppendJoin(", ", rows.Select((row, r) => "(" + string.Join(", ", row.Select((value, c) => Parameter($"{table}_{r}_{c}", value))) + ")")).Append(';');
            return this;
        }

        Next().Append(into).Append('(').AppendJoin(", ", columns.Select((_, c) => "@" + c.ToString(CultureInfo.InvariantCulture))).Append(");");
        statements[^1] = statements[^1] with { Rows = rows };
        return this;
    }

    /// <summary>
    /// The name to write in the current statement for a parameter of <paramref name="value"/> (<see cref="SqlText.Parameter"/>).
    /// A name already given in the same command is the same parameter: give it the same value.
    /// </summary>
    public string Parameter(string name, object? value) => statements[^1].Parameters.Add(name, value);

    /// <summary>Runs the statements in order, each on a command of its text (on the SQLite writer's connection, one kept prepared: <see cref="KeptCommands"/>).</summary>
    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await using var lease = KeptCommands.Take(connection, transaction, statement.Sql.ToString());
            var command = lease.Command;
            statement.Parameters.BindTo(command);
            if (statement.Rows is null)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                continue;
            }

            // Prepared once: otherwise the provider parses the statement again for every row.
            await command.PrepareAsync(cancellationToken);
            foreach (var row in statement.Rows)
            {
                command.Parameters.Clear();
                foreach (var (c, value) in row.Index())
                {
                    SqlText.Parameter(command, c.ToString(CultureInfo.InvariantCulture), value);
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>One command's text and parameters; for an insert on SQLite, the values of each row, bound in turn to its parameters in column order.</summary>
    private sealed record Statement(StringBuilder Sql, SqlParameters Parameters, IReadOnlyList<object?[]>? Rows = null);
}
