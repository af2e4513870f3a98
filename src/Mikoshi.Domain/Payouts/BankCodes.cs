namespace Mikoshi.Domain.Payouts;

/// <summary>A bank's code in the Zengin system (金融機関コード): exactly 4 ASCII digits, such as <c>0005</c>.</summary>
public readonly record struct BankCode
{
    /// <summary>The digits of a bank code.</summary>
    public const int Length = 4;

    private BankCode(string digits) => Digits = digits;

    /// <summary>The 4 digits.</summary>
    public string Digits { get; }

    /// <summary>Makes a bank code from exactly 4 ASCII digits; otherwise <c>invalid_bank_code</c>.</summary>
    public static Result<BankCode> Of(string? digits) =>
        ZenginDigits.Are(digits, Length)
            ? new BankCode(digits!)
            : PayoutErrors.InvalidBankCode;

    /// <inheritdoc />
    public override string ToString() => Digits;
}

/// <summary>A branch's code within its bank (支店コード): exactly 3 ASCII digits, such as <c>001</c>.</summary>
public readonly record struct BranchCode
{
    /// <summary>The digits of a branch code.</summary>
    public const int Length = 3;

    private BranchCode(string digits) => Digits = digits;

    /// <summary>The 3 digits.</summary>
    public string Digits { get; }

    /// <summary>Makes a branch code from exactly 3 ASCII digits; otherwise <c>invalid_branch_code</c>.</summary>
    public static Result<BranchCode> Of(string? digits) =>
        ZenginDigits.Are(digits, Length)
            ? new BranchCode(digits!)
            : PayoutErrors.InvalidBranchCode;

    /// <inheritdoc />
    public override string ToString() => Digits;
}

/// <summary>
/// The kind of deposit account (預金種目), written as one digit: 1 普通 (ordinary), 2 当座
/// (checking), 4 貯蓄 (savings) or 9 その他 (other).
/// </summary>
public readonly record struct AccountType
{
    private AccountType(int code) => Code = code;

    /// <summary>The digit the file holds: 1, 2, 4 or 9.</summary>
    public int Code { get; }

    /// <summary>普通預金: an ordinary account, what almost every person has.</summary>
    public static AccountType Ordinary { get; } = new(1);

    /// <summary>当座預金: a checking account.</summary>
    public static AccountType Checking { get; } = new(2);

    /// <summary>貯蓄預金: a savings account. Payees only: a sender pays from 1, 2 or 9.</summary>
    public static AccountType Savings { get; } = new(4);

    /// <summary>その他: any other kind of account.</summary>
    public static AccountType Other { get; } = new(9);

    /// <summary>An account type by its digit (1, 2, 4 or 9); otherwise <c>invalid_account_type</c>.</summary>
    public static Result<AccountType> Of(int code) => code switch
    {
        1 => Ordinary,
        2 => Checking,
        4 => Savings,
        9 => Other,
        _ => PayoutErrors.InvalidAccountType,
    };

    /// <inheritdoc />
    public override string ToString() => Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// An account number (口座番号): 7 digits. Shorter numbers, as some banks print them, are
/// zero-filled on the left (<c>12345</c> is <c>0012345</c>), which is how the file writes them.
/// </summary>
public readonly record struct AccountNumber
{
    /// <summary>The most digits an account number has (at least one).</summary>
    public const int MaxLength = 7;

    private AccountNumber(string digits) => Digits = digits;

    /// <summary>The 7 digits, zero-filled on the left.</summary>
    public string Digits { get; }

    /// <summary>Makes an account number from 1 to 7 ASCII digits; otherwise <c>invalid_account_number</c>.</summary>
    public static Result<AccountNumber> Of(string? digits) =>
        digits is { Length: >= 1 and <= MaxLength } && ZenginDigits.Are(digits, digits.Length)
            ? new AccountNumber(digits.PadLeft(7, '0'))
            : PayoutErrors.InvalidAccountNumber;

    /// <inheritdoc />
    public override string ToString() => Digits;
}

/// <summary>Digit checks shared by the Zengin codes.</summary>
internal static class ZenginDigits
{
    /// <summary>True when <paramref name="text"/> is exactly <paramref name="length"/> ASCII digits.</summary>
    public static bool Are(string? text, int length)
    {
        if (text is null || text.Length != length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
