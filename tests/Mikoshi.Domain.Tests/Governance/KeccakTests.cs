using System.Text;
using Mikoshi.Domain.Governance;
using Nethereum.Util;

namespace Mikoshi.Domain.Tests.Governance;

public class KeccakTests
{
    // Keccak-256 of bytes 0, 1, …, 199 by BouncyCastle's KeccakDigest.
    private const string Keccak200 = "bfb0aa97863e797943cf7c33bb7e880bb4543f3d2703c0923c6901c2af57b890";

    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    // The ERC-20 transfer selector is the first four bytes: a9059cbb.
    [InlineData("transfer(address,uint256)", "a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b")]
    public void Hash256_OfKnownInputs_IsEthereumsKeccak(string input, string expected)
    {
        Assert.Equal(expected, Hex(Keccak.Hash256(Encoding.ASCII.GetBytes(input))));
    }

    [Fact]
    public void Hash256_Of200Bytes_CrossesTheRateIntoASecondBlock()
    {
        // Bytes 0, 1, …, 199: one full 136-byte block and 64 more. The digest is BouncyCastle's KeccakDigest's.
        var input = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        Assert.Equal(Keccak200, Hex(Keccak.Hash256(input)));
    }

    [Fact]
    public void Hash256_IsNotSha3_256()
    {
        // SHA3-256("") is a7ffc6f8…: the same permutation with FIPS 202's 0x06 padding.
        Assert.NotEqual("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Hex(Keccak.Hash256([])));
    }

    [Theory]
    [InlineData(135)]
    [InlineData(136)]
    [InlineData(137)]
    [InlineData(271)]
    [InlineData(272)]
    [InlineData(273)]
    public void Hash256_AtBlockBoundaries_MatchesBouncyCastle(int length)
    {
        var input = Enumerable.Range(0, length).Select(i => unchecked((byte)(i * 7))).ToArray();
        Assert.Equal(Hex(Sha3Keccack.Current.CalculateHash(input)), Hex(Keccak.Hash256(input)));
    }

    [Fact]
    public void Hash256_OfAnyInput_MatchesBouncyCastle()
    {
        Gen.Byte.Array[0, 700].Sample(input =>
            Assert.Equal(Hex(Sha3Keccack.Current.CalculateHash(input)), Hex(Keccak.Hash256(input))), iter: 500);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
