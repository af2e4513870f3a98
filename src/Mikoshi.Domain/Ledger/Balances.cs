namespace Mikoshi.Domain.Ledger;

/// <summary>
/// Applies journal entries to balances and refuses any entry that would take an account other than
/// the outside world below zero. The store keeps balances as a cache of this fold over the journal.
/// </summary>
public static class Balances
{
    /// <summary>
    /// The balances after <paramref name="entry"/>, given the current balance of each account it
    /// touches (missing means zero); or <c>insufficient_funds</c> naming the first account short.
    /// </summary>
    public static Result<IReadOnlyList<(AccountId Account, Money Balance)>> Apply(
        JournalEntry entry,
        Func<AccountId, Asset, Int128> current)
    {
        var next = new List<(AccountId, Money)>(entry.Postings.Count);
        foreach (var posting in entry.Postings)
        {
            var before = current(posting.Account, posting.Amount.Asset);
            var after = checked(before + posting.Amount.Units);
            if (after < Int128.Zero && !posting.Account.MayGoNegative)
            {
                var needed = Money.Of(posting.Amount.Asset, -posting.Amount.Units);
                var held = Money.Of(posting.Amount.Asset, before);
                return LedgerErrors.InsufficientFunds(posting.Account, held, needed);
            }

            next.Add((posting.Account, Money.Of(posting.Amount.Asset, after)));
        }

        return next;
    }
}
