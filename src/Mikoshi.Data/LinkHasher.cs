using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mikoshi.Data;

/// <summary>
/// Recomputes audit link hashes exactly as <see cref="Domain.Audit.AuditChain.HashOf"/> does — the same bytes
/// (chain in "N" form, sequence and instant in invariant digits, then each text field as its length in UTF-16
/// code units, a colon, its UTF-8 bytes and a bar; the previous hash as its lower-case hex) — from the link's fields as
/// the store keeps them (text as UTF-8, hashes as bytes), written into one reused buffer and hashed into a span: no
/// string, no builder, no hex string per link. One hasher per thread. Its SHA-256 is one <see cref="IncrementalHash"/>
/// reset after each link: the one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> sets up the
/// algorithm again on every call (1.03 µs against 0.86 µs for 450 bytes on this machine).
/// </summary>
public sealed class LinkHasher : IDisposable
{
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    // Chain (32) and two longs (20 each) with their bars, and per text field up to 11 digits, a colon and a bar.
    private const int FixedBytes = 32 + 1 + 20 + 1 + 20 + 1 + (4 * 13);

    private byte[] buffer = new byte[8192];

    /// <summary>
    /// Writes the SHA-256 of the link into <paramref name="hash"/> (32 bytes). <paramref name="actor"/>,
    /// <paramref name="kind"/> and <paramref name="payload"/> are UTF-8; <paramref name="previousHash"/> is the bytes
    /// of the hash before (hashed as its hex, as the chain writes it).
    /// </summary>
    public void Hash(Guid chain, long sequence, long atUnixMs, ReadOnlySpan<byte> actor, ReadOnlySpan<byte> kind, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> previousHash, Span<byte> hash)
    {
        var most = FixedBytes + actor.Length + kind.Length + payload.Length + (2 * previousHash.Length);
        if (most > buffer.Length)
        {
            buffer = new byte[Math.Max(most, buffer.Length * 2)];
        }

        var span = buffer.AsSpan();
        var at = 0;
        chain.TryFormat(span, out var written, "N");
        at += written;
        span[at++] = (byte)'|';
        sequence.TryFormat(span[at..], out written, default, CultureInfo.InvariantCulture);
        at += written;
        span[at++] = (byte)'|';
        atUnixMs.TryFormat(span[at..], out written, default, CultureInfo.InvariantCulture);
        at += written;
        span[at++] = (byte)'|';
        at = Field(span, at, actor);
        at = Field(span, at, kind);
        at = Field(span, at, payload);
        (2 * previousHash.Length).TryFormat(span[at..], out written, default, CultureInfo.InvariantCulture);
        at += written;
        span[at++] = (byte)':';
        Convert.TryToHexStringLower(previousHash, span[at..], out written);
        at += written;
        span[at++] = (byte)'|';

        sha256.AppendData(span[..at]);
        sha256.GetHashAndReset(hash);
    }

    public void Dispose() => sha256.Dispose();

    /// <summary>A text field: its length as the chain counts it (in UTF-16 code units, as the string it was), then its UTF-8 bytes.</summary>
    private static int Field(Span<byte> span, int at, ReadOnlySpan<byte> utf8)
    {
        Encoding.UTF8.GetCharCount(utf8).TryFormat(span[at..], out var written, default, CultureInfo.InvariantCulture);
        at += written;
        span[at++] = (byte)':';
        utf8.CopyTo(span[at..]);
        at += utf8.Length;
        span[at++] = (byte)'|';
        return at;
    }
}
