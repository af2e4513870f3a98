using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Domain.Tests.Membership;

/// <summary>Token and project numbers: 1 or more, checked once where a number comes in, with the codes callers know.</summary>
public class NumberTypesTests
{
    [Fact]
    public void TokenId_IsOneOrMore_ElseTokenNotFound()
    {
        Gen.Long.Sample(value =>
        {
            var id = TokenId.Of(value);
            Assert.Equal(value >= 1, id.IsSuccess);
            Assert.Equal(value >= 1 ? null : MembershipErrors.Codes.TokenNotFound, id.Error?.Code);
            Assert.Equal(value >= 1 ? value : 0, id.IsSuccess ? id.Value.Value : 0);
        }, iter: 1000);
    }

    [Fact]
    public void ProjectNumber_IsOneOrMore_ElseProjectNotFound()
    {
        Gen.Long.Sample(value =>
        {
            var number = ProjectNumber.Of(value);
            Assert.Equal(value >= 1, number.IsSuccess);
            Assert.Equal(value >= 1 ? null : ProjectErrors.Codes.ProjectNotFound, number.Error?.Code);
        }, iter: 1000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void StoredNumbers_BelowOne_AreABug(long value)
    {
        Assert.Throws<InvariantViolatedException>(() => TokenId.Stored(value));
        Assert.Throws<InvariantViolatedException>(() => ProjectNumber.Stored(value));
    }

    [Fact]
    public void TokenIds_AreEqualByNumber_AndWriteAsDigits()
    {
        Assert.Equal(TokenId.Of(42).Value, TokenId.Stored(42));
        Assert.NotEqual(TokenId.Of(42).Value, TokenId.Stored(43));
        Assert.Equal("42", TokenId.Stored(42).ToString());
        Assert.Equal("7", ProjectNumber.Stored(7).ToString());
    }
}
