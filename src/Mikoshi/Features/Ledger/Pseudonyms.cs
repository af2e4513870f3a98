using System.Security.Cryptography;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Secrets;

namespace Mikoshi.Features.Ledger;

/// <summary>
/// The name a person goes by on a community's public pages unless they chose to be shown: <c>member-</c> and
/// 12 hex digits of HMAC-SHA256(community id ‖ person id) under a subkey of the key-encryption key. Stable (the
/// same person reads the same in one community, on every replica), but without the server's key it cannot be
/// reversed by trying person ids, and the same person's names in two communities cannot be linked.
/// </summary>
public sealed class Pseudonyms(KeyEncryptionKey kek)
{
    public const string Prefix = "member-";

    private readonly byte[] key = kek.Derive("Mikoshi.PublicPages.Pseudonym.v1");

    public string Of(CommunityId community, Guid person)
    {
        Span<byte> input = stackalloc byte[32];
        community.Value.TryWriteBytes(input[..16]);
        person.TryWriteBytes(input[16..]);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, input).AsSpan(0, 6));
    }
}
