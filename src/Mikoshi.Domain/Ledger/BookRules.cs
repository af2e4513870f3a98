namespace Mikoshi.Domain.Ledger;

/// <summary>What the accounting export (仕訳帳) lets a community set.</summary>
public static class BookRules
{
    /// <summary>The longest name an account may carry in the export, in characters.</summary>
    public const int MaxAccountNameLength = 40;
}
