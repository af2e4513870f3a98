using Mikoshi.Domain.Tax;

namespace Mikoshi.Domain.Tests.Tax;

public class InvoiceNumberTests
{
    // The worked example of the check-digit rule: base 123456789012 → Σ = 74, 74 mod 9 = 2, 9 − 2 = 7.
    // 4011001098993 is a published 法人番号; 2120901007402 is another rule-abiding one.
    [Theory]
    [InlineData("T7123456789012")]
    [InlineData("T4011001098993")]
    [InlineData("T2120901007402")]
    [InlineData("T9000000000000")]   // Σ = 0 → 9
    public void Valid_IsAccepted(string text) => Assert.Equal(text, InvoiceNumber.Of(text).Value.Text);

    [Theory]
    [InlineData("T1123456789012")]   // check digit should be 7
    [InlineData("T7123456789013")]   // last digit mistyped
    [InlineData("T7213456789012")]   // two digits swapped
    [InlineData("T0000000000000")]   // check digit 0 never occurs
    [InlineData("7123456789012")]    // no T
    [InlineData("t7123456789012")]   // lower-case t
    [InlineData("T712345678901")]    // 12 digits
    [InlineData("T71234567890123")]  // 14 digits
    [InlineData("T７123456789012")]   // a full-width digit
    [InlineData("T7123-456789012")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_IsRefused(string? text) => Assert.Equal("invalid_invoice_number", InvoiceNumber.Of(text).Error?.Code);

    [Fact]
    public void CheckDigit_WorkedExample() => Assert.Equal(7, InvoiceNumber.CheckDigit("123456789012"));
}
