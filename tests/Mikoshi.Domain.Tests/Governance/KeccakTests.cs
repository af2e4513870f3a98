using System.Text;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Domain.Tests.Governance;

public class KeccakTests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    // The selector of ERC-20 transfer(address,uint256) is the first four bytes: a9059cbb.
    [InlineData("transfer(address,uint256)", "a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b")]
    public void Hash256_OfKnownInputs_IsEthereumsKeccak(string input, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(Keccak.Hash256(Encoding.ASCII.GetBytes(input))));
    }

    [Fact]
    public void Hash256_IsNotSha3_256()
    {
        // SHA3-256("") is a7ffc6f8…: the same permutation with FIPS 202's 0x06 padding.
        Assert.NotEqual("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Convert.ToHexStringLower(Keccak.Hash256([])));
    }
}
