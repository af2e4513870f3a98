namespace Mikoshi.Domain.Payouts;

/// <summary>
/// The sender's code (振込依頼人コード) the paying bank gives a customer for bulk transfers:
/// exactly 10 ASCII digits.
/// </summary>
public readonly record struct SenderCode
{
    /// <summary>The digits of a sender code (委託者コード).</summary>
    public const int Length = 10;

    private SenderCode(string digits) => Digits = digits;

    /// <summary>The 10 digits.</summary>
    public string Digits { get; }

    /// <summary>Makes a sender code from exactly 10 ASCII digits; otherwise <c>invalid_sender_code</c>.</summary>
    public static Result<SenderCode> Of(string? digits) =>
        ZenginDigits.Are(digits, Length)
            ? new SenderCode(digits!)
            : PayoutErrors.InvalidSenderCode;

    /// <inheritdoc />
    public override string ToString() => Digits;
}

/// <summary>
/// The day the bank is to make the transfers (振込指定日). The file holds only month and day
/// (<c>MMDD</c>); the bank takes the year to be the coming one, so any date is accepted here and
/// whether it is a banking day is the bank's to judge.
/// </summary>
public readonly record struct TransferDate
{
    private TransferDate(DateOnly date) => Date = date;

    /// <summary>The full date.</summary>
    public DateOnly Date { get; }

    /// <summary>The date as the file writes it: month and day, four digits (<c>0425</c>).</summary>
    public string MonthDay => Date.ToString("MMdd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The transfer date <paramref name="date"/>.</summary>
    public static TransferDate On(DateOnly date) => new(date);

    /// <inheritdoc />
    public override string ToString() => MonthDay;
}

/// <summary>
/// The header record of a 総合振込 file: who sends the money, from which account, and on which
/// day. Names are held already converted to Zengin half-width characters and known to fit.
/// </summary>
public sealed record ZenginHeader
{
    /// <summary>The width of the sender's name field (振込依頼人名), in bytes.</summary>
    public const int SenderNameWidth = 40;

    /// <summary>The width of a bank name field (銀行名), in bytes.</summary>
    public const int BankNameWidth = 15;

    /// <summary>The width of a branch name field (支店名), in bytes.</summary>
    public const int BranchNameWidth = 15;

    private ZenginHeader(
        SenderCode sender,
        string senderName,
        TransferDate date,
        BankCode bank,
        string bankName,
        BranchCode branch,
        string branchName,
        AccountType accountType,
        AccountNumber account)
    {
        Sender = sender;
        SenderName = senderName;
        Date = date;
        Bank = bank;
        BankName = bankName;
        Branch = branch;
        BranchName = branchName;
        AccountType = accountType;
        Account = account;
    }

    /// <summary>The sender's code from the paying bank.</summary>
    public SenderCode Sender { get; }

    /// <summary>The sender's name in Zengin half-width characters, at most 40.</summary>
    public string SenderName { get; }

    /// <summary>The day the transfers are to be made.</summary>
    public TransferDate Date { get; }

    /// <summary>The paying bank (仕向銀行).</summary>
    public BankCode Bank { get; }

    /// <summary>The paying bank's name in Zengin half-width characters, at most 15.</summary>
    public string BankName { get; }

    /// <summary>The paying branch (仕向支店).</summary>
    public BranchCode Branch { get; }

    /// <summary>The paying branch's name in Zengin half-width characters, at most 15.</summary>
    public string BranchName { get; }

    /// <summary>The kind of the account the money leaves: ordinary, checking or other.</summary>
    public AccountType AccountType { get; }

    /// <summary>The account the money leaves.</summary>
    public AccountNumber Account { get; }

    /// <summary>
    /// Makes a header. Names are converted with <see cref="BankKana"/> and must fit their fields
    /// (<c>invalid_bank_name</c>, <c>bank_name_too_long</c>); the paying account cannot be a
    /// savings account (<c>invalid_account_type</c>), since the layout allows only 1, 2 and 9 there.
    /// </summary>
    public static Result<ZenginHeader> Of(
        SenderCode sender,
        string? senderName,
        TransferDate date,
        BankCode bank,
        string? bankName,
        BranchCode branch,
        string? branchName,
        AccountType accountType,
        AccountNumber account)
    {
        ZenginValues.RequireMade(sender.Digits is not null, nameof(sender));
        ZenginValues.RequireMade(bank.Digits is not null, nameof(bank));
        ZenginValues.RequireMade(branch.Digits is not null, nameof(branch));
        ZenginValues.RequireMade(account.Digits is not null, nameof(account));
        ZenginValues.RequireMade(accountType.Code != 0, nameof(accountType));
        ZenginValues.RequireMade(date != default, nameof(date));

        if (accountType == AccountType.Savings)
        {
            return PayoutErrors.InvalidAccountType;
        }

        var convertedSender = BankKana.Convert(senderName, SenderNameWidth, BankField.SenderName);
        if (!convertedSender.IsSuccess)
        {
            return convertedSender.Error;
        }

        var convertedBank = BankKana.Convert(bankName, BankNameWidth, BankField.PayingBankName);
        if (!convertedBank.IsSuccess)
        {
            return convertedBank.Error;
        }

        var convertedBranch = BankKana.Convert(branchName, BranchNameWidth, BankField.PayingBranchName);
        if (!convertedBranch.IsSuccess)
        {
            return convertedBranch.Error;
        }

        return new ZenginHeader(
            sender, convertedSender.Value, date, bank, convertedBank.Value, branch, convertedBranch.Value, accountType, account);
    }
}

/// <summary>Guards shared by the Zengin records.</summary>
internal static class ZenginValues
{
    /// <summary>
    /// Throws when a value object is its <c>default</c>, that is, was never made by its factory:
    /// a bug in the caller, not a caller's mistake to report.
    /// </summary>
    public static void RequireMade(bool made, string name)
    {
        if (!made)
        {
            throw new ArgumentException($"'{name}' was never made by its factory (it is the default value).", name);
        }
    }
}
