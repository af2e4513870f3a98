using System.Buffers.Binary;
using System.Numerics;

namespace Mikoshi.Domain.Governance;

/// <summary>
/// Keccak-256 as Ethereum uses it: the Keccak submission's padding (a 0x01 byte, then 0x80 at the end of
/// the block), not the 0x06 of the later FIPS 202 SHA3-256, which gives different digests for the same input.
/// Rate 136 bytes, capacity 512 bits, 32-byte output.
/// </summary>
public static class Keccak
{
    /// <summary>The number of bytes absorbed per permutation (1600 − 2 × 256 bits).</summary>
    private const int Rate = 136;

    private const int RateLanes = Rate / 8;

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808aUL, 0x8000000080008000UL,
        0x000000000000808bUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008aUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000aUL,
        0x000000008000808bUL, 0x800000000000008bUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800aUL, 0x800000008000000aUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    // The ρ and π steps together: walking the lanes in π's order, each takes the previous lane rotated
    // by the next offset of ρ.
    private static readonly int[] RhoOffsets = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];

    private static readonly int[] PiLanes = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    /// <summary>The 32-byte Keccak-256 digest of <paramref name="data"/>.</summary>
    /// <param name="data">Any bytes, empty included.</param>
    public static byte[] Hash256(ReadOnlySpan<byte> data)
    {
        var digest = new byte[32];
        Hash256(data, digest);
        return digest;
    }

    /// <summary>Writes the Keccak-256 digest of <paramref name="data"/> into the first 32 bytes of <paramref name="digest"/>.</summary>
    internal static void Hash256(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        if (digest.Length < 32)
        {
            throw new ArgumentException("A Keccak-256 digest needs 32 bytes.", nameof(digest));
        }

        Span<ulong> state = stackalloc ulong[25];
        state.Clear();

        while (data.Length >= Rate)
        {
            Absorb(state, data[..Rate]);
            Permute(state);
            data = data[Rate..];
        }

        // The last, partial block (possibly empty) with Keccak's multi-rate padding: 0x01 … 0x80.
        Span<byte> last = stackalloc byte[Rate];
        last.Clear();
        data.CopyTo(last);
        last[data.Length] ^= 0x01;
        last[Rate - 1] ^= 0x80;
        Absorb(state, last);
        Permute(state);

        for (var lane = 0; lane < 4; lane++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(digest.Slice(lane * 8, 8), state[lane]);
        }
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var lane = 0; lane < RateLanes; lane++)
        {
            state[lane] ^= BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(lane * 8, 8));
        }
    }

    /// <summary>Keccak-f[1600]: 24 rounds of θ, ρ, π, χ and ι over 5 × 5 lanes, lane (x, y) at index x + 5y.</summary>
    private static void Permute(Span<ulong> a)
    {
        Span<ulong> c = stackalloc ulong[5];
        for (var round = 0; round < 24; round++)
        {
            // θ: each lane takes the parity of two neighbouring columns.
            for (var x = 0; x < 5; x++)
            {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }

            for (var x = 0; x < 5; x++)
            {
                var d = c[(x + 4) % 5] ^ BitOperations.RotateLeft(c[(x + 1) % 5], 1);
                for (var y = 0; y < 25; y += 5)
                {
                    a[y + x] ^= d;
                }
            }

            // ρ and π.
            var carried = a[1];
            for (var i = 0; i < 24; i++)
            {
                var lane = PiLanes[i];
                var next = a[lane];
                a[lane] = BitOperations.RotateLeft(carried, RhoOffsets[i]);
                carried = next;
            }

            // χ: the only non-linear step, row by row.
            for (var y = 0; y < 25; y += 5)
            {
                for (var x = 0; x < 5; x++)
                {
                    c[x] = a[y + x];
                }

                for (var x = 0; x < 5; x++)
                {
                    a[y + x] = c[x] ^ (~c[(x + 1) % 5] & c[(x + 2) % 5]);
                }
            }

            // ι.
            a[0] ^= RoundConstants[round];
        }
    }
}
