namespace Mikoshi.Domain.Payouts;

/// <summary>
/// A reference number the sender keeps with a transfer (顧客コード): 0 to 9,999,999,999, written as
/// 10 zero-filled digits. <see cref="None"/> (zero, also the default) when there is nothing to keep.
/// </summary>
public readonly record struct CustomerCode
{
    /// <summary>The largest code: ten nines.</summary>
    public const long MaxValue = 9_999_999_999;

    private CustomerCode(long value) => Value = value;

    /// <summary>The number.</summary>
    public long Value { get; }

    /// <summary>No reference: written as ten zeros.</summary>
    public static CustomerCode None { get; }

    /// <summary>Makes a code from 0 to 9,999,999,999; otherwise <c>invalid_customer_code</c>.</summary>
    public static Result<CustomerCode> Of(long value) =>
        value is >= 0 and <= MaxValue
            ? new CustomerCode(value)
            : PayoutErrors.InvalidCustomerCode;

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One transfer of yen to a payee's account: a data record of a 総合振込 file. Names are held
/// already converted to Zengin half-width characters and known to fit; the amount is known to fit
/// the record's ten digits. The record is always sent as 電信 (telegraphic, 振込指定区分 7), with
/// 新規コード 0, and without EDI text.
/// </summary>
public sealed record ZenginTransfer
{
    /// <summary>The width of the payee's name field (受取人名), in bytes.</summary>
    public const int PayeeNameWidth = 30;

    /// <summary>The most one record can carry: ¥9,999,999,999, the ten digits of 振込金額.</summary>
    public const long MaxYen = 9_999_999_999;

    private ZenginTransfer(
        BankCode bank,
        string bankName,
        BranchCode branch,
        string branchName,
        AccountType accountType,
        AccountNumber account,
        string payeeName,
        long yen,
        CustomerCode reference1,
        CustomerCode reference2)
    {
        Bank = bank;
        BankName = bankName;
        Branch = branch;
        BranchName = branchName;
        AccountType = accountType;
        Account = account;
        PayeeName = payeeName;
        Yen = yen;
        Reference1 = reference1;
        Reference2 = reference2;
    }

    /// <summary>The payee's bank (被仕向銀行).</summary>
    public BankCode Bank { get; }

    /// <summary>The payee's bank name in Zengin half-width characters, at most 15.</summary>
    public string BankName { get; }

    /// <summary>The payee's branch (被仕向支店).</summary>
    public BranchCode Branch { get; }

    /// <summary>The payee's branch name in Zengin half-width characters, at most 15.</summary>
    public string BranchName { get; }

    /// <summary>The kind of the payee's account.</summary>
    public AccountType AccountType { get; }

    /// <summary>The payee's account.</summary>
    public AccountNumber Account { get; }

    /// <summary>The account holder's name in Zengin half-width characters, at most 30.</summary>
    public string PayeeName { get; }

    /// <summary>The amount in yen: 1 to <see cref="MaxYen"/>.</summary>
    public long Yen { get; }

    /// <summary>The amount as money.</summary>
    public Money Amount => Money.Of(Asset.Jpy, Yen);

    /// <summary>The sender's first reference (顧客コード1).</summary>
    public CustomerCode Reference1 { get; }

    /// <summary>The sender's second reference (顧客コード2).</summary>
    public CustomerCode Reference2 { get; }

    /// <summary>
    /// Makes a transfer of <paramref name="amount"/>, which must be yen (<c>unknown_asset</c>
    /// otherwise) from ¥1 to ¥9,999,999,999 (<c>transfer_amount_out_of_range</c>). Names are
    /// converted with <see cref="BankKana"/> and must fit their fields (<c>invalid_bank_name</c>,
    /// <c>bank_name_too_long</c>).
    /// </summary>
    public static Result<ZenginTransfer> Of(
        BankCode bank,
        string? bankName,
        BranchCode branch,
        string? branchName,
        AccountType accountType,
        AccountNumber account,
        string? payeeName,
        Money amount,
        CustomerCode reference1 = default,
        CustomerCode reference2 = default)
    {
        ZenginValues.RequireMade(bank.Digits is not null, nameof(bank));
        ZenginValues.RequireMade(branch.Digits is not null, nameof(branch));
        ZenginValues.RequireMade(account.Digits is not null, nameof(account));
        ZenginValues.RequireMade(accountType.Code != 0, nameof(accountType));

        if (amount.Asset != Asset.Jpy)
        {
            return MoneyErrors.UnknownAsset;
        }

        if (amount.Units < 1 || amount.Units > MaxYen)
        {
            return PayoutErrors.TransferAmountOutOfRange;
        }

        var convertedPayee = BankKana.Convert(payeeName, PayeeNameWidth, BankField.PayeeName);
        if (!convertedPayee.IsSuccess)
        {
            return convertedPayee.Error;
        }

        var convertedBank = BankKana.Convert(bankName, ZenginHeader.BankNameWidth, BankField.PayeeBankName);
        if (!convertedBank.IsSuccess)
        {
            return convertedBank.Error;
        }

        var convertedBranch = BankKana.Convert(branchName, ZenginHeader.BranchNameWidth, BankField.PayeeBranchName);
        if (!convertedBranch.IsSuccess)
        {
            return convertedBranch.Error;
        }

        return new ZenginTransfer(
            bank,
            convertedBank.Value,
            branch,
            convertedBranch.Value,
            accountType,
            account,
            convertedPayee.Value,
            (long)amount.Units,
            reference1,
            reference2);
    }
}
