using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data.Mapping;

/// <summary>
/// SQLite keeps a GUID as its 16 bytes (a BLOB), not as the 36 characters of text EF writes by default: a quarter of
/// the key's size in every row and index, and no text to parse on each read. The bytes are in RFC 4122 order (the order
/// of the GUID's text, as PostgreSQL's uuid keeps it), so an index over ids sorts as the text did and as PostgreSQL
/// does, and <c>hex("Id")</c> in the sqlite3 shell reads as the GUID's digits. PostgreSQL keeps its own uuid.
/// </summary>
public static class BinaryIds
{
    private static readonly ConverterMappingHints Hints = new(size: 16);

    /// <summary>The 16 bytes stored for <paramref name="id"/>.</summary>
    public static byte[] Bytes(Guid id) => id.ToByteArray(bigEndian: true);

    /// <summary>The GUID whose stored bytes are <paramref name="bytes"/>.</summary>
    public static Guid Id(byte[] bytes) => new(bytes, bigEndian: true);

    /// <summary>Every GUID column of the model (and every GUID a hand-written statement binds or reads through EF) as bytes.</summary>
    internal static void Store(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<Guid>().HaveConversion<GuidBytes>();
        conventions.Properties<PersonId>().HaveConversion<PersonIdBytes>();
        conventions.Properties<CommunityId>().HaveConversion<CommunityIdBytes>();
        conventions.DefaultTypeMapping<Guid>().HasConversion<GuidBytes>();
    }

    private sealed class GuidBytes() : ValueConverter<Guid, byte[]>(id => Bytes(id), bytes => Id(bytes), Hints);

    private sealed class PersonIdBytes() : ValueConverter<PersonId, byte[]>(id => Bytes(id.Value), bytes => new PersonId(Id(bytes)), Hints);

    private sealed class CommunityIdBytes() : ValueConverter<CommunityId, byte[]>(id => Bytes(id.Value), bytes => new CommunityId(Id(bytes)), Hints);
}
