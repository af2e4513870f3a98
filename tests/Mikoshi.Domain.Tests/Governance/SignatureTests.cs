using System.Globalization;
using System.Numerics;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Domain.Tests.Governance;

public class SignatureTests
{
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static readonly Gen<CustodialKey> Keys = Gen.Byte.Array[32]
        .Select(secret => CustodialKey.FromSecret(secret))
        .Where(result => result.IsSuccess)
        .Select(result => result.Value);

    private static readonly Gen<byte[]> Digests = Gen.Byte.Array[32];

    [Fact]
    public void Recover_OfASignature_IsTheSignersAddress()
    {
        Gen.Select(Keys, Digests).Sample((key, digest) =>
        {
            var signature = key.Sign(digest);
            Assert.Equal(key.Address, Signatures.Recover(digest, signature).Value);
        }, iter: 200);
    }

    [Fact]
    public void Sign_WritesLowS_V27Or28_AndIsDeterministic()
    {
        Gen.Select(Keys, Digests).Sample((key, digest) =>
        {
            var signature = key.Sign(digest);
            Assert.Matches("^0x[0-9a-f]{130}$", signature);
            var bytes = Convert.FromHexString(signature[2..]);
            Assert.True(Unsigned(bytes[32..64]) <= N / 2);
            Assert.Contains(bytes[64], new byte[] { 27, 28 });
            Assert.Equal(signature, key.Sign(digest));
        }, iter: 100);
    }

    [Fact]
    public void Recover_WithATamperedDigest_IsAnotherAddressOrFails()
    {
        Gen.Select(Keys, Digests, Gen.Int[0, 255]).Sample((key, digest, bit) =>
        {
            var signature = key.Sign(digest);
            var tampered = (byte[])digest.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            var recovered = Signatures.Recover(tampered, signature);
            Assert.True(!recovered.IsSuccess || recovered.Value != key.Address);
        }, iter: 200);
    }

    [Fact]
    public void Recover_WithATamperedSignature_IsAnotherAddressOrFails()
    {
        Gen.Select(Keys, Digests, Gen.Int[0, (65 * 8) - 1]).Sample((key, digest, bit) =>
        {
            var bytes = Convert.FromHexString(key.Sign(digest)[2..]);
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            var recovered = Signatures.Recover(digest, Convert.ToHexString(bytes));
            Assert.True(!recovered.IsSuccess || recovered.Value != key.Address);
            if (!recovered.IsSuccess)
            {
                Assert.Equal("invalid_signature", recovered.Error.Code);
            }
        }, iter: 300);
    }

    [Fact]
    public void Recover_OfTheHighSTwin_IsRefused()
    {
        // (r, n − s) with the other parity verifies just as well; EIP-2 refuses it so votes cannot be re-encoded.
        Gen.Select(Keys, Digests).Sample((key, digest) =>
        {
            var bytes = Convert.FromHexString(key.Sign(digest)[2..]);
            var twin = N - Unsigned(bytes[32..64]);
            Big32(twin).CopyTo(bytes, 32);
            bytes[64] = (byte)(bytes[64] == 27 ? 28 : 27);
            var recovered = Signatures.Recover(digest, Convert.ToHexString(bytes));
            Assert.Equal("invalid_signature", recovered.Error?.Code);
        }, iter: 50);
    }

    [Fact]
    public void Recover_AcceptsV0And1_UpperCaseHex_AndNoPrefix()
    {
        var key = CustodialKey.FromSecret(Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")).Value;
        var digest = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var signature = key.Sign(digest);
        var v = Convert.ToByte(signature[^2..], 16);
        var zeroOne = signature[..^2] + ((byte)(v - 27)).ToString("x2", CultureInfo.InvariantCulture);

        Assert.Equal(key.Address, Signatures.Recover(digest, zeroOne).Value);
        Assert.Equal(key.Address, Signatures.Recover(digest, signature[2..]).Value);
        Assert.Equal(key.Address, Signatures.Recover(digest, "0x" + signature[2..].ToUpperInvariant()).Value);
    }

    /// <summary>EIP-2098: r ‖ (v − 27)·2^255 + s is the same signature in 64 bytes, for either recovery bit.</summary>
    [Fact]
    public void Recover_OfACompactSignature_RecoversTheSameSigner()
    {
        Gen.Select(Keys, Digests).Sample((key, digest) =>
        {
            var bytes = Convert.FromHexString(key.Sign(digest)[2..]);
            var compact = bytes[..64];
            compact[32] |= (byte)((bytes[64] - 27) << 7);
            Assert.Equal(key.Address, Signatures.Recover(digest, "0x" + Convert.ToHexStringLower(compact)).Value);
        }, iter: 40);
    }

    public static TheoryData<string> Malformed()
    {
        var r = "11".PadLeft(64, '1');
        var s = "22".PadLeft(64, '2');
        var n = N.ToString("x64", CultureInfo.InvariantCulture)[^64..];
        var nMinus1 = (N - 1).ToString("x64", CultureInfo.InvariantCulture)[^64..];
        var zero = new string('0', 64);
        return new TheoryData<string>
        {
            string.Empty,
            "0x",
            // 64 bytes is a compact signature (EIP-2098): with s's low bits all set, s is above n/2.
            "0x" + r + new string('f', 64),
            "0x" + r + s[..^2],
            "0x" + r + s + "1b00",
            "0x" + r + s + "1",
            "0x" + r + s + "zz",
            "0x" + r + s + "1d",
            "0x" + r + s + "02",
            "0x" + r + s + "ff",
            "0x" + zero + s + "1b",
            "0x" + r + zero + "1b",
            "0x" + n + s + "1b",
            "0x" + r + n + "1b",
            "0x" + r + nMinus1 + "1b",
            "0x " + r + s + "1b"[..1],
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Recover_OfMalformedSignatures_FailsInvalidSignature(string signature)
    {
        var recovered = Signatures.Recover(new byte[32], signature);
        Assert.Equal("invalid_signature", recovered.Error?.Code);
    }

    [Fact]
    public void Recover_OfNull_FailsInvalidSignature()
    {
        Assert.Equal("invalid_signature", Signatures.Recover(new byte[32], null).Error?.Code);
    }

    [Fact]
    public void Recover_WithADigestOfTheWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => Signatures.Recover(new byte[31], "0x" + new string('1', 130)));
    }

    private static BigInteger Unsigned(byte[] bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    private static byte[] Big32(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - bytes.Length], .. bytes];
    }
}
