using Mikoshi.Domain.Governance;

namespace Mikoshi.Domain.Tests.Governance;

public class CustodialKeyTests
{
    [Fact]
    public void Generate_GivesDistinctKeys_ThatRoundTripThroughTheirSecret()
    {
        var first = CustodialKey.Generate();
        var second = CustodialKey.Generate();
        Assert.NotEqual(first.Address, second.Address);

        var restored = CustodialKey.FromSecret(first.Secret()).Value;
        Assert.Equal(first.Address, restored.Address);
        var digest = new byte[32];
        Assert.Equal(first.Sign(digest), restored.Sign(digest));
    }

    [Fact]
    public void Secret_IsACopy()
    {
        var key = CustodialKey.Generate();
        var secret = key.Secret();
        secret[0] ^= 0xff;
        Assert.NotEqual(secret, key.Secret());
    }

    [Theory]
    [InlineData("")]
    [InlineData("01")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    // The group order n, and n + 1: not below n.
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142")]
    [InlineData("000000000000000000000000000000000000000000000000000000000000000001")]
    public void FromSecret_OutsideOneToNMinusOne_FailsInvalidCustodialKey(string secretHex)
    {
        Assert.Equal("invalid_custodial_key", CustodialKey.FromSecret(Convert.FromHexString(secretHex)).Error?.Code);
    }

    [Fact]
    public void FromSecret_NMinusOne_IsTheLargestValidKey()
    {
        Assert.True(CustodialKey.FromSecret(Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140")).IsSuccess);
    }

    [Fact]
    public void Sign_WithADigestOfTheWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => CustodialKey.Generate().Sign(new byte[33]));
    }
}
