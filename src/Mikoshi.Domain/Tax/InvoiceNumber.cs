namespace Mikoshi.Domain.Tax;

/// <summary>
/// A qualified-invoice issuer registration number (適格請求書発行事業者登録番号): <c>T</c> and 13 digits. For a
/// company the digits are its 法人番号; for an individual a number the tax office assigns under the same rule. The
/// first digit is a check digit over the other twelve (法人番号の指定等に関する省令 第 2 条): counting the twelve
/// from the right, odd positions weigh 1 and even positions 2; the check digit is 9 minus the weighted sum mod 9.
/// </summary>
public readonly record struct InvoiceNumber
{
    /// <summary>The characters of a number: <c>T</c> and 13 digits.</summary>
    public const int Length = 14;

    private InvoiceNumber(string text) => Text = text;

    /// <summary>The number as written: <c>T</c> and 13 digits.</summary>
    public string Text { get; }

    /// <summary>Reads <c>T</c> + 13 ASCII digits whose check digit is right; anything else is <c>invalid_invoice_number</c>.</summary>
    public static Result<InvoiceNumber> Of(string? text)
    {
        if (text is null || text.Length != Length || text[0] != 'T' || !text.AsSpan(1).ToArray().All(char.IsAsciiDigit))
        {
            return TaxErrors.InvalidInvoiceNumber;
        }

        return CheckDigit(text.AsSpan(2)) == text[1] - '0'
            ? new InvoiceNumber(text)
            : TaxErrors.InvalidInvoiceNumber;
    }

    /// <summary>The check digit of a 12-digit base number (1–9).</summary>
    public static int CheckDigit(ReadOnlySpan<char> twelve)
    {
        if (twelve.Length != 12)
        {
            throw new InvariantViolatedException("A base number has 12 digits.");
        }

        var sum = 0;
        for (var n = 1; n <= 12; n++)
        {
            sum += (twelve[12 - n] - '0') * (n % 2 == 0 ? 2 : 1);
        }

        return 9 - (sum % 9);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
