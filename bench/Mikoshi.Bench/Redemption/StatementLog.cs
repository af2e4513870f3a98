using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mikoshi.Bench.Redemption;

/// <summary>Every command EF sends while <see cref="On"/> is set: its text and parameters, to count and to EXPLAIN.</summary>
public sealed class StatementLog : DbCommandInterceptor
{
    private readonly List<(string Text, IReadOnlyList<(string Name, object? Value)> Parameters, bool Reads)> sent = [];

    public bool On { get; set; }

    public IReadOnlyList<(string Text, IReadOnlyList<(string Name, object? Value)> Parameters, bool Reads)> Sent => sent;

    public void Clear() => sent.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command, reads: true);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command, reads: false);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command, reads: true);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Note(DbCommand command, bool reads)
    {
        if (On)
        {
            sent.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList(), reads));
        }
    }
}
