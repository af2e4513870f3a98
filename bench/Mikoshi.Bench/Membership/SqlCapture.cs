using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mikoshi.Bench.Membership;

/// <summary>
/// Remembers the text and parameters of the last query EF sends while <see cref="On"/> is set, so the
/// baselines can run exactly the SQL a handler runs and the report can show its plan.
/// </summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    public bool On { get; set; }

    public string? Text { get; private set; }

    public IReadOnlyList<(string Name, object? Value)> Parameters { get; private set; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (On)
        {
            Text = command.CommandText;
            Parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
