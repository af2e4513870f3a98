using Mikoshi.Domain.Payouts;

namespace Mikoshi.Domain.Tests.Payouts;

public class BankCodesTests
{
    [Theory]
    [InlineData("0005")]
    [InlineData("9999")]
    [InlineData("0000")]
    public void BankCode_IsFourDigits(string digits) => Assert.Equal(digits, BankCode.Of(digits).Value.Digits);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("005")]
    [InlineData("00055")]
    [InlineData("０００５")]
    [InlineData("00a5")]
    [InlineData(" 005")]
    public void BankCode_RefusesAnythingButFourAsciiDigits(string? digits) =>
        Assert.Equal("invalid_bank_code", BankCode.Of(digits).Error?.Code);

    [Theory]
    [InlineData("001")]
    [InlineData("999")]
    public void BranchCode_IsThreeDigits(string digits) => Assert.Equal(digits, BranchCode.Of(digits).Value.Digits);

    [Theory]
    [InlineData(null)]
    [InlineData("01")]
    [InlineData("0001")]
    [InlineData("０１２")]
    [InlineData("1-2")]
    public void BranchCode_RefusesAnythingButThreeAsciiDigits(string? digits) =>
        Assert.Equal("invalid_branch_code", BranchCode.Of(digits).Error?.Code);

    [Theory]
    [InlineData("1", "0000001")]
    [InlineData("12345", "0012345")]
    [InlineData("1234567", "1234567")]
    [InlineData("0000000", "0000000")]
    public void AccountNumber_ZeroFillsShorterNumbersOnTheLeft(string digits, string expected) =>
        Assert.Equal(expected, AccountNumber.Of(digits).Value.Digits);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345678")]
    [InlineData("12-3456")]
    [InlineData("１２３")]
    [InlineData(" 123")]
    public void AccountNumber_RefusesAnythingButOneToSevenAsciiDigits(string? digits) =>
        Assert.Equal("invalid_account_number", AccountNumber.Of(digits).Error?.Code);

    [Theory]
    [InlineData("0123456789")]
    [InlineData("9999999999")]
    public void SenderCode_IsTenDigits(string digits) => Assert.Equal(digits, SenderCode.Of(digits).Value.Digits);

    [Theory]
    [InlineData(null)]
    [InlineData("123456789")]
    [InlineData("12345678901")]
    [InlineData("12345abcde")]
    public void SenderCode_RefusesAnythingButTenAsciiDigits(string? digits) =>
        Assert.Equal("invalid_sender_code", SenderCode.Of(digits).Error?.Code);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(9)]
    public void AccountType_IsOneTwoFourOrNine(int code) => Assert.Equal(code, AccountType.Of(code).Value.Code);

    [Fact]
    public void AccountType_NamesTheKindsBanksUse()
    {
        Assert.Equal(1, AccountType.Ordinary.Code);
        Assert.Equal(2, AccountType.Checking.Code);
        Assert.Equal(4, AccountType.Savings.Code);
        Assert.Equal(9, AccountType.Other.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(-1)]
    public void AccountType_RefusesOtherDigits(int code) =>
        Assert.Equal("invalid_account_type", AccountType.Of(code).Error?.Code);

    [Theory]
    [InlineData(2026, 1, 5, "0105")]
    [InlineData(2026, 4, 25, "0425")]
    [InlineData(2026, 12, 31, "1231")]
    [InlineData(2028, 2, 29, "0229")]
    public void TransferDate_IsWrittenAsMonthAndDay(int year, int month, int day, string expected) =>
        Assert.Equal(expected, TransferDate.On(new DateOnly(year, month, day)).MonthDay);

    [Theory]
    [InlineData(0L)]
    [InlineData(42L)]
    [InlineData(9_999_999_999L)]
    public void CustomerCode_IsZeroToTenNines(long value) => Assert.Equal(value, CustomerCode.Of(value).Value.Value);

    [Theory]
    [InlineData(-1L)]
    [InlineData(10_000_000_000L)]
    public void CustomerCode_RefusesWhatTenDigitsCannotHold(long value) =>
        Assert.Equal("invalid_customer_code", CustomerCode.Of(value).Error?.Code);
}
