using System.Globalization;
using Mikoshi.Domain.Payouts;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Components;

/// <summary>
/// Form conversions the revenue pages share. Every rule (what a split, an amount or a bank account may be)
/// stays with the use case; what the pages read comes from their queries in Features/Pages.
/// </summary>
public static class RevenueData
{
    /// <summary>The account types a Japanese bank account has, in the Zengin codes the API takes.</summary>
    public static IReadOnlyList<int> AccountTypes { get; } = [1, 2, 4, 9];

    /// <summary>A date typed in an &lt;input type="date"&gt;, or null.</summary>
    public static DateOnly? Day(string? typed) =>
        DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An amount with its asset, in major units: "1,500 JPY".</summary>
    public static string Money(AmountView amount) => Amounts.Display(amount.Asset, amount.Amount);

    public static bool IsZero(AmountView amount) => amount.Amount == "0";

    /// <summary>The field a bank-account error is about, so the form can mark it.</summary>
    public static string? FieldOf(string? code) => code switch
    {
        PayoutErrors.Codes.InvalidBankCode => "BankCode",
        PayoutErrors.Codes.InvalidBranchCode => "BranchCode",
        PayoutErrors.Codes.InvalidAccountType => "AccountType",
        PayoutErrors.Codes.InvalidAccountNumber => "AccountNumber",
        PayoutErrors.Codes.InvalidSenderCode => "SenderCode",
        _ => null,
    };
}
