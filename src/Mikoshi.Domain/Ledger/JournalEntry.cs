
namespace Mikoshi.Domain.Ledger;

/// <summary>One leg of a journal entry: an account gains (positive) or gives (negative) an amount.</summary>
/// <param name="Account">The account.</param>
/// <param name="Amount">Signed amount; never zero.</param>
public sealed record Posting(AccountId Account, Money Amount);

/// <summary>
/// One movement of money: postings that sum to zero in every asset, so money is only ever moved,
/// never made or destroyed. Once written it is never changed; a mistake is undone by another entry.
/// </summary>
public sealed record JournalEntry
{
    private JournalEntry(string kind, string memo, IReadOnlyList<Posting> postings)
    {
        Kind = kind;
        Memo = memo;
        Postings = postings;
    }

    /// <summary>The longest memo kept.</summary>
    public const int MaxMemoLength = 500;

    /// <summary>The longest reference (a bank transfer's id, a receipt number) an entry carries.</summary>
    public const int MaxReferenceLength = 200;

    /// <summary>What kind of movement this is: <c>deposit</c>, <c>transfer</c>, <c>revenue</c>…</summary>
    public string Kind { get; }

    /// <summary>A note for people: a bank reference, what was bought.</summary>
    public string Memo { get; }

    /// <summary>The legs, in the order given.</summary>
    public IReadOnlyList<Posting> Postings { get; }

    /// <summary>An entry of the legs that move something: zero legs (a zero royalty, say) are left out, then <see cref="Create"/> checks the rest.</summary>
    public static Result<JournalEntry> CreateWithoutZeroLegs(string kind, string memo, params Posting[] postings) =>
        Create(kind, memo, postings.Where(p => !p.Amount.IsZero).ToList());

    /// <summary>
    /// Makes an entry, checking that there are postings, none is zero, no account appears twice
    /// for one asset, and every asset sums to zero.
    /// </summary>
    public static Result<JournalEntry> Create(string kind, string? memo, IReadOnlyList<Posting> postings)
    {
        memo ??= string.Empty;
        if (memo.Length > MaxMemoLength)
        {
            return LedgerErrors.InvalidMemo(MaxMemoLength);
        }

        if (postings.Count < 2)
        {
            return LedgerErrors.UnbalancedEntry;
        }

        foreach (var posting in postings)
        {
            if (posting.Amount.IsZero)
            {
                return LedgerErrors.UnbalancedEntry;
            }
        }

        return (postings.Count <= FewLegs ? BalancedPairwise(postings) : Balanced(postings))
            ? new JournalEntry(kind, memo, postings)
            : LedgerErrors.UnbalancedEntry;
    }

    /// <summary>Up to this many legs an entry is checked pair by pair, which allocates nothing; beyond it, with sets.</summary>
    private const int FewLegs = 16;

    /// <summary>No account twice for one asset, and every asset sums to zero: each leg against the legs before it.</summary>
    private static bool BalancedPairwise(IReadOnlyList<Posting> postings)
    {
        for (var i = 0; i < postings.Count; i++)
        {
            var (account, asset) = (postings[i].Account, postings[i].Amount.Asset);
            var firstOfAsset = true;
            for (var j = 0; j < i; j++)
            {
                if (postings[j].Amount.Asset == asset)
                {
                    firstOfAsset = false;
                    if (postings[j].Account == account)
                    {
                        return false;
                    }
                }
            }

            if (firstOfAsset)
            {
                var sum = Int128.Zero;
                for (var j = i; j < postings.Count; j++)
                {
                    sum = postings[j].Amount.Asset == asset ? checked(sum + postings[j].Amount.Units) : sum;
                }

                if (sum != Int128.Zero)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The same rule as <see cref="BalancedPairwise"/>, for many legs.</summary>
    private static bool Balanced(IReadOnlyList<Posting> postings)
    {
        var seen = new HashSet<(AccountId, Asset)>();
        var sums = new Dictionary<Asset, Int128>();
        foreach (var posting in postings)
        {
            if (!seen.Add((posting.Account, posting.Amount.Asset)))
            {
                return false;
            }

            sums[posting.Amount.Asset] = checked(sums.GetValueOrDefault(posting.Amount.Asset) + posting.Amount.Units);
        }

        return sums.Values.All(sum => sum == Int128.Zero);
    }

    /// <summary>Money moving from one account to another.</summary>
    public static Result<JournalEntry> Move(string kind, string? memo, AccountId from, AccountId to, Money amount)
    {
        if (amount.Units <= Int128.Zero)
        {
            return MoneyErrors.InvalidAmount;
        }

        return from == to
            ? LedgerErrors.SameAccount
            : Create(kind, memo, [new Posting(from, -amount), new Posting(to, amount)]);
    }
}
