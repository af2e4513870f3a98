using System.Buffers;

namespace Mikoshi.Domain.Governance;

/// <summary>
/// An Ethereum account address: the last 20 bytes of the Keccak-256 of a secp256k1 public key.
/// Two addresses are equal when their bytes are, whatever case they were written in; <see cref="ToString"/>
/// writes the EIP-55 checksummed form (<c>0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed</c>).
/// <c>default</c> is the zero address.
/// </summary>
public readonly record struct EthAddress
{
    /// <summary>The number of bytes in an address.</summary>
    public const int Length = 20;

    /// <summary>The characters of an address as text: <c>0x</c> and 40 hex digits.</summary>
    public const int TextLength = 2 + (2 * Length);

    private static readonly byte[] Zero = new byte[Length];

    private readonly byte[]? bytes;

    private EthAddress(byte[] bytes) => this.bytes = bytes;

    /// <summary>The 20 bytes of the address.</summary>
    public ReadOnlySpan<byte> Bytes => bytes ?? Zero;

    /// <summary>A copy of the 20 bytes of the address.</summary>
    public byte[] ToBytes() => Bytes.ToArray();

    /// <summary>
    /// Reads <c>0x</c> followed by 40 hexadecimal digits. Digits all lower case or all upper case are taken
    /// as they are; mixed case is an EIP-55 checksum and must match it exactly, so a mistyped address is
    /// refused rather than sent somewhere else. Fails with <c>invalid_address</c>.
    /// </summary>
    /// <param name="text">The address as written.</param>
    public static Result<EthAddress> Parse(string? text)
    {
        if (text is null || text.Length != 2 + (2 * Length) || !text.StartsWith("0x", StringComparison.Ordinal))
        {
            return Invalid("An address is 0x followed by 40 hexadecimal digits.");
        }

        var digits = text.AsSpan(2);
        var parsed = new byte[Length];
        if (Convert.FromHexString(digits, parsed, out _, out var written) != OperationStatus.Done || written != Length)
        {
            return Invalid("An address is 0x followed by 40 hexadecimal digits.");
        }

        var address = new EthAddress(parsed);
        var hasLower = digits.ContainsAnyInRange('a', 'f');
        var hasUpper = digits.ContainsAnyInRange('A', 'F');
        if (hasLower && hasUpper && !digits.SequenceEqual(address.ToString().AsSpan(2)))
        {
            return Invalid("The address's mixed case does not match its EIP-55 checksum: it was probably mistyped.");
        }

        return address;

        static Error Invalid(string detail) => GovernanceErrors.InvalidAddress;
    }

    /// <summary>The address of an uncompressed secp256k1 public key: 64 bytes X‖Y, or 65 bytes starting with 0x04.</summary>
    /// <param name="uncompressed">The public key. The point is not checked to be on the curve; it is only hashed.</param>
    /// <exception cref="ArgumentException">The key is not 64 bytes, or not 65 bytes starting with 0x04.</exception>
    public static EthAddress FromPublicKey(ReadOnlySpan<byte> uncompressed)
    {
        var xy = uncompressed.Length switch
        {
            64 => uncompressed,
            65 when uncompressed[0] == 0x04 => uncompressed[1..],
            _ => throw new ArgumentException("An uncompressed public key is 64 bytes X‖Y, or 65 bytes starting with 0x04.", nameof(uncompressed)),
        };

        Span<byte> hash = stackalloc byte[32];
        Keccak.Hash256(xy, hash);
        return new EthAddress(hash[(32 - Length)..].ToArray());
    }

    /// <summary>An address from its 20 bytes.</summary>
    internal static EthAddress FromBytes(ReadOnlySpan<byte> twenty) =>
        twenty.Length == Length ? new EthAddress(twenty.ToArray()) : throw new ArgumentException("An address is 20 bytes.", nameof(twenty));

    /// <summary>True when both addresses have the same bytes.</summary>
    public bool Equals(EthAddress other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>The EIP-55 checksummed form: <c>0x</c>, then 40 hex digits whose letters are upper case where the
    /// matching nibble of the Keccak-256 of the lower-case digits is 8 or more.</summary>
    public override string ToString()
    {
        var lower = Convert.ToHexStringLower(Bytes);
        Span<byte> ascii = stackalloc byte[2 * Length];
        for (var i = 0; i < ascii.Length; i++)
        {
            ascii[i] = (byte)lower[i];
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak.Hash256(ascii, hash);
        return string.Create(2 + (2 * Length), (lower, hash.ToArray()), static (chars, state) =>
        {
            var (digits, nibbles) = state;
            chars[0] = '0';
            chars[1] = 'x';
            for (var i = 0; i < digits.Length; i++)
            {
                var nibble = i % 2 == 0 ? nibbles[i / 2] >> 4 : nibbles[i / 2] & 0x0f;
                chars[i + 2] = nibble >= 8 ? char.ToUpperInvariant(digits[i]) : digits[i];
            }
        });
    }
}
