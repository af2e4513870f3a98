using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mikoshi.Data.Mapping;

/// <summary>
/// A SHA-256 (or HMAC-SHA256) that the code carries as lower-case hex is stored as its bytes (BLOB on SQLite, bytea on
/// PostgreSQL): half the size in the audit log, and nothing to decode from text. Only lower-case hex of whole bytes is
/// stored, as <c>Convert.ToHexStringLower</c> writes it, so every value reads back exactly as it was written; anything
/// else is refused before it reaches the store.
/// </summary>
public static class HashColumn
{
    private static readonly ValueConverter<string, byte[]> Converter = new(hex => Bytes(hex), bytes => Hex(bytes));

    /// <summary>Stores this hex column as bytes.</summary>
    public static PropertyBuilder<string> IsHash(this PropertyBuilder<string> hash) => hash.HasConversion(Converter);

    /// <summary>The bytes stored for <paramref name="hex"/>.</summary>
    public static byte[] Bytes(string hex) =>
        // FromHexString refuses odd lengths and non-hex characters; upper-case digits are all that is left that would
        // not read back as written.
        hex.AsSpan().IndexOfAnyInRange('A', 'F') < 0
            ? Convert.FromHexString(hex)
            : throw new ArgumentException("A hash is stored only as lower-case hex.", nameof(hex));

    /// <summary>The hex the code carries for stored <paramref name="bytes"/>.</summary>
    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>The hash in column <paramref name="ordinal"/> of a hand-written statement, as the code carries it.</summary>
    public static string Read(DbDataReader reader, int ordinal) => Hex(reader.GetFieldValue<byte[]>(ordinal));
}
