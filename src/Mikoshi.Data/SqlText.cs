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

    /// <summary>A GUID as the store keeps it: PostgreSQL's uuid; SQLite's 16 bytes (<see cref="Mapping.BinaryIds"/>).</summary>
    public static object Id(MikoshiDb db, Guid id) => db.IsPostgres ? id : Mapping.BinaryIds.Bytes(id);

    /// <summary>The GUID in column <paramref name="ordinal"/>, read as the store keeps it (<see cref="Id"/>).</summary>
    public static Guid ReadId(MikoshiDb db, DbDataReader reader, int ordinal) =>
        db.IsPostgres ? reader.GetGuid(ordinal) : Mapping.BinaryIds.Id(reader.GetFieldValue<byte[]>(ordinal));
}

/// <summary>
/// The parameters of a statement being written, bound to its command once its text is whole — the command may be one
/// kept prepared under that text (<see cref="KeptCommands"/>). A name given twice is the same parameter: give it the
/// same value.
/// </summary>
internal sealed class SqlParameters
{
    private readonly List<(string Name, object? Value)> values = [];
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    /// <summary>Adds a parameter of <paramref name="value"/> unless <paramref name="name"/> is given already; answers the name to write in the SQL (<c>@name</c>).</summary>
    public string Add(string name, object? value)
    {
        if (names.Add(name))
        {
            values.Add((name, value));
        }

        return "@" + name;
    }

    /// <summary>Adds each parameter to <paramref name="command"/>, as <see cref="SqlText.Parameter"/> does.</summary>
    public void BindTo(DbCommand command)
    {
        foreach (var (name, value) in values)
        {
            SqlText.Parameter(command, name, value);
        }
    }
}
