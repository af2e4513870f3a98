using System.Data.Common;

namespace Mikoshi.Data;

/// <summary>Small pieces for the hand-written statements (<see cref="JournalPost"/>, <see cref="RoleBook"/>, <see cref="ChainHeads"/>): parameters and keys as each store keeps them.</summary>
internal static class SqlText
{
    /// <summary>
    /// Adds a parameter to <paramref name="command"/> and answers the name to write in its SQL (<c>@name</c>). A null
    /// value is sent as a NULL string, so the store need not guess its type.
    /// </summary>
    public static string Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            parameter.DbType = System.Data.DbType.String;
        }

        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }

    /// <summary>A GUID as the store keeps it: PostgreSQL's uuid; SQLite's TEXT, upper case, as EF writes it.</summary>
    public static object Id(MikoshiDb db, Guid id) => db.IsPostgres ? id : id.ToString("D").ToUpperInvariant();
}
