using Mikoshi.Domain.Governance;

namespace Mikoshi.Domain.Tests.Governance;

public class EthAddressTests
{
    [Theory]
    // EIP-55's own examples.
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    public void ToString_OfEip55Examples_WritesTheirChecksum(string checksummed)
    {
        Assert.Equal(checksummed, EthAddress.Parse(checksummed).Value.ToString());
    }

    [Fact]
    public void Parse_AllLowerOrAllUpper_IsAccepted_AndEqualsTheChecksummedForm()
    {
        const string checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        var lower = EthAddress.Parse(checksummed.ToLowerInvariant()).Value;
        var upper = EthAddress.Parse("0x" + checksummed[2..].ToUpperInvariant()).Value;
        var mixed = EthAddress.Parse(checksummed).Value;

        Assert.Equal(mixed, lower);
        Assert.Equal(mixed, upper);
        Assert.Equal(mixed.GetHashCode(), lower.GetHashCode());
        Assert.Equal(checksummed, lower.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00")]
    [InlineData("0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg")]
    [InlineData(" 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    // One letter's case changed: the checksum catches it.
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAEd")]
    [InlineData("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    public void Parse_Malformed_OrWithABadChecksum_FailsInvalidAddress(string? text)
    {
        var result = EthAddress.Parse(text);
        Assert.False(result.IsSuccess);
        Assert.Equal("invalid_address", result.Error.Code);
    }

    [Fact]
    public void Parse_AnyChecksummedAddressWithOneLetterFlipped_Fails()
    {
        Gen.Byte.Array[64].Sample(publicKey =>
        {
            var text = EthAddress.FromPublicKey(publicKey).ToString();
            Assert.True(EthAddress.Parse(text).IsSuccess);
            foreach (var i in Enumerable.Range(2, 40).Where(i => char.IsAsciiLetter(text[i])))
            {
                var chars = text.ToCharArray();
                chars[i] = char.IsAsciiLetterUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
                var flipped = new string(chars);

                // Flipping the only letter of one case leaves a single-case address, which carries no checksum.
                var singleCase = !flipped.Skip(2).Any(char.IsAsciiLetterLower) || !flipped.Skip(2).Any(char.IsAsciiLetterUpper);
                Assert.Equal(singleCase, EthAddress.Parse(flipped).IsSuccess);
            }
        }, iter: 200);
    }

    [Theory]
    // Secret 1: the generator point G.
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")]
    // Anvil's and Hardhat's first development account.
    [InlineData("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    // EIP-155's example key.
    [InlineData("4646464646464646464646464646464646464646464646464646464646464646", "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")]
    public void Address_OfKnownKeys_IsTheirEthereumAddress(string secretHex, string address)
    {
        var key = CustodialKey.FromSecret(Convert.FromHexString(secretHex)).Value;
        Assert.Equal(address, key.Address.ToString());
    }

    [Fact]
    public void FromPublicKey_TakesXYWithOrWithoutThe04Prefix()
    {
        var xy = Enumerable.Range(1, 64).Select(i => (byte)i).ToArray();
        Assert.Equal(EthAddress.FromPublicKey(xy), EthAddress.FromPublicKey([0x04, .. xy]));
        Assert.Throws<ArgumentException>(() => EthAddress.FromPublicKey([0x02, .. xy]));
        Assert.Throws<ArgumentException>(() => EthAddress.FromPublicKey(xy.AsSpan(1)));
    }

    [Fact]
    public void Bytes_AreTheTwentyBytesParsed_AndToBytesIsACopy()
    {
        var address = EthAddress.Parse("0xde709f2102306220921060314715629080e2fb77").Value;
        Assert.Equal(Convert.FromHexString("de709f2102306220921060314715629080e2fb77"), address.Bytes.ToArray());
        var copy = address.ToBytes();
        copy[0] = 0;
        Assert.Equal(0xde, address.Bytes[0]);
    }

    [Fact]
    public void Default_IsTheZeroAddress()
    {
        Assert.Equal("0x0000000000000000000000000000000000000000", default(EthAddress).ToString());
        Assert.Equal(EthAddress.Parse("0x0000000000000000000000000000000000000000").Value, default);
    }
}
