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
