using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Mikoshi.Data;

/// <summary>
/// The key that signs verify checkpoints: HMAC-SHA256 under a subkey of the key-encryption key, which lives outside
/// the database (see docs/security.md). Whoever holds only the database cannot make or alter a checkpoint that
/// this key accepts; the server and the operator's CLI, which hold the key, both sign and check.
/// </summary>
/// <param name="key">A 256-bit key for this purpose alone.</param>
/// <param name="id">The public name of the key it was derived from, stored with each checkpoint.</param>
public sealed class CheckpointKey(byte[] key, string id)
{
    /// <summary>The purpose string the subkey is derived under.</summary>
    public const string Purpose = "Mikoshi.Verify.Checkpoint.v1";

    public string Id => id;

    internal string Sign(VerifyCheckpointRow row) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Message(row)));

    /// <summary>Whether the row carries this key's signature over exactly its fields.</summary>
    internal bool Accepts(VerifyCheckpointRow row)
    {
        Span<byte> claimed = stackalloc byte[32];
        if (row.Signature.Length != 64 || Convert.FromHexString(row.Signature, claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(claimed, HMACSHA256.HashData(key, Message(row)));
    }

    /// <summary>Every field in a fixed layout: texts length-prefixed, numbers as 8 bytes, so no two rows sign alike.</summary>
    private static byte[] Message(VerifyCheckpointRow row)
    {
        using var buffer = new MemoryStream();
        Text(buffer, Purpose);
        Span<byte> number = stackalloc byte[16];
        row.Chain.TryWriteBytes(number);
        buffer.Write(number);
        foreach (var value in new[] { row.AuditSequence, row.EntryNumber, row.BalanceCount, row.AtUnixMs })
        {
            BinaryPrimitives.WriteInt64BigEndian(number, value);
            buffer.Write(number[..8]);
        }

        Text(buffer, row.AuditHash);
        Text(buffer, row.BalancesHash);
        Text(buffer, row.KeyId);
        return buffer.ToArray();
    }

    private static void Text(MemoryStream buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}

/// <summary>
/// A digest of a community's balances that are not zero, in ordinal order of account then asset: what a
/// checkpoint keeps instead of the balances themselves, so that it stays one row however many accounts there are.
/// </summary>
internal static class BalancesDigest
{
    public static string Of(List<(string Account, string Asset, Int128 Units)> balances)
    {
        balances.Sort(static (a, b) =>
        {
            var byAccount = string.CompareOrdinal(a.Account, b.Account);
            return byAccount != 0 ? byAccount : string.CompareOrdinal(a.Asset, b.Asset);
        });
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> line = stackalloc byte[512];
        foreach (var (account, asset, units) in balances)
        {
            // One line per balance, its texts length-prefixed so that no two sets of balances read alike.
            var text = $"{account.Length}:{account}|{asset.Length}:{asset}|{units.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n";
            var length = Encoding.UTF8.GetByteCount(text);
            if (length > line.Length)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(text));
                continue;
            }

            Encoding.UTF8.GetBytes(text, line);
            hash.AppendData(line[..length]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
