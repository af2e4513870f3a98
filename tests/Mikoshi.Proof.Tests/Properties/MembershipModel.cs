using System.Numerics;

namespace Mikoshi.Tests.Properties;

public enum ListingState
{
    Open,
    Cancelled,
    Sold,
    Stale,
}

public sealed class ListingModel(long number, long serial, int seller, BigInteger price)
{
    public long Number { get; } = number;

    public long Serial { get; } = serial;

    public int Seller { get; } = seller;

    public BigInteger Price { get; } = price;

    public ListingState State { get; set; } = ListingState.Open;
}

public sealed record PlanModel(IReadOnlyList<(int Person, long Share)> Successors, bool ByShares);

/// <summary>
/// The naive picture of one community that the API must agree with: plain dictionaries and lists,
/// money as <see cref="BigInteger"/>, every rule written out again here in the most obvious way
/// (never by calling the domain code under test).
/// </summary>
public sealed partial class MembershipModel(string[] personIds)
{
    public const int Whole = 10_000;

    public string[] PersonIds { get; } = personIds;

    // The policy a new community starts with: ¥10,000 fixed, no cap, 5% royalty, pro-rata redemption.
    public BigInteger BasePrice { get; set; } = 10_000;

    public BigInteger Slope { get; set; }

    public int? SupplyCap { get; set; }

    public int RoyaltyBps { get; set; } = 500;

    public int RedemptionRateBps { get; set; } = Whole;

    /// <summary>Owner by serial (1..minted); null once burned.</summary>
    public List<int?> Owners { get; } = [];

    public Dictionary<long, int> Approved { get; } = [];

    public List<ListingModel> Listings { get; } = [];

    public Dictionary<(string Account, string Asset), BigInteger> Balances { get; } = [];

    /// <summary>Every change of anyone's token count, in the order it happened.</summary>
    public List<(long AtUnixMs, int Person, int Delta)> Holdings { get; } = [];

    public Dictionary<int, PlanModel> Plans { get; } = [];

    public long Minted => Owners.Count;

    public long Supply => Owners.Count(o => o is not null);

    /// <summary>What a token would cost by the policy alone.</summary>
    public BigInteger PolicyPrice => BasePrice + (Slope * Supply);

    /// <summary>The policy's price, never below what a new token's base units are worth (rounded up).</summary>
    public BigInteger NextPrice => BigInteger.Max(PolicyPrice, MintTerms().Floor);

    // The treasury as the tokens' common property, written out token by token (Properties/PoolsModel).
    public const long UnitsPerToken = PoolsModel.UnitsPerToken;

    public PoolsModel Pools => pools ??= new PoolsModel(asset => Balance("treasury", asset), () => Enumerable.Range(1, Owners.Count).Select(s => (long)s).Where(IsLive).ToList());

    private PoolsModel? pools;

    public Dictionary<(long Serial, string Asset), BigInteger> TokenUnits => Pools.TokenUnits;

    public Dictionary<string, BigInteger> PoolUnits => Pools.Units;

    public BigInteger Owned(string asset) => Pools.Owned(asset);

    public (BigInteger Units, BigInteger Floor) MintTerms() => Pools.MintTerms();

    public void MintUnits(long serial, BigInteger units) => Pools.Minted(serial, units);

    public void TreasuryReceived(string asset, BigInteger amount) => Pools.Received(asset, amount);

    /// <summary>An approved outflow, already posted: the unowned part pays first, then every unit loses value alike.</summary>
    public void TreasurySpent(string asset, BigInteger amount) => Pools.Spent(asset, amount);

    public (BigInteger Numerator, BigInteger Denominator) Value(long serial, string asset) => Pools.Value(serial, asset);

    public List<(string Asset, BigInteger Amount)> Redemption(long serial) => Pools.Redemption(serial, RedemptionRateBps);

    public void BurnUnits(long serial) => Pools.Burned(serial);

    public int? OwnerOf(long serial) => Owners[(int)serial - 1];

    public bool IsLive(long serial) => serial >= 1 && serial <= Minted && OwnerOf(serial) is not null;

    public bool IsBurned(long serial) => serial >= 1 && serial <= Minted && OwnerOf(serial) is null;

    public List<long> TokensOf(int person) =>
        Enumerable.Range(1, Owners.Count).Where(s => Owners[s - 1] == person).Select(s => (long)s).ToList();

    public bool IsMember(int person) => Owners.Contains(person);

    public static string PersonAccount(string personId) => $"person:{Guid.Parse(personId):N}";

    public string AccountOf(int person) => PersonAccount(PersonIds[person]);

    public BigInteger Balance(string account, string asset) => Balances.GetValueOrDefault((account, asset));

    /// <summary>Applies postings that must sum to zero per asset.</summary>
    public void Post(params (string Account, string Asset, BigInteger Amount)[] postings)
    {
        foreach (var group in postings.GroupBy(p => p.Asset, StringComparer.Ordinal))
        {
            if (group.Aggregate(BigInteger.Zero, (sum, p) => sum + p.Amount) != BigInteger.Zero)
            {
                throw new InvalidOperationException("The model itself posted an unbalanced entry.");
            }
        }

        foreach (var (account, asset, amount) in postings)
        {
            Balances[(account, asset)] = Balance(account, asset) + amount;
        }
    }

    public long Mint(int person, long at)
    {
        Owners.Add(person);
        Holdings.Add((at, person, +1));
        Lineage[Owners.Count] = [(at, person)];
        return Owners.Count;
    }

    /// <summary>A gift, sale or hand-over: the holders' share the token accrued goes to the owner until now (a living giver keeps it).</summary>
    public void Move(long serial, int to, long at, ListingState closeAs = ListingState.Stale)
    {
        var from = OwnerOf(serial) ?? throw new InvalidOperationException($"The model moved burned token {serial}.");
        SettleHolderShare(serial, from);
        Owners[(int)serial - 1] = to;
        Approved.Remove(serial);
        Holdings.Add((at, from, -1));
        Holdings.Add((at, to, +1));
        Lineage[serial].Add((at, to));
        Close(serial, closeAs);
    }

    /// <summary>A redemption: the owner is paid the holders' share the token accrued; its fraction below a unit goes back to the pool.</summary>
    public void Burn(long serial, long at)
    {
        var from = OwnerOf(serial) ?? throw new InvalidOperationException($"The model burned token {serial} twice.");
        SettleHolderShare(serial, from);
        foreach (var asset in HolderCarry.Keys.ToList())
        {
            HolderCarry[asset] += Accrued.GetValueOrDefault((serial, asset));
            Accrued.Remove((serial, asset));
        }

        Owners[(int)serial - 1] = null;
        Approved.Remove(serial);
        Holdings.Add((at, from, -1));
        Lineage[serial].Add((at, null));
        Close(serial, ListingState.Stale);
    }

    // The holders' share of revenue, token by token (the product keeps one accumulator per asset and a mark per
    // token instead): each distribution is spread over the tokens in circulation in units of 2^-128, the division
    // remainder carried into the next; a token is paid its whole units when it moves or burns and keeps its fraction.
    public const string HolderPool = "holder-pool";

    public static readonly BigInteger Scale = BigInteger.One << 128;

    /// <summary>What each token accrued and was not yet paid, in units of 2^-128.</summary>
    public Dictionary<(long Serial, string Asset), BigInteger> Accrued { get; } = [];

    /// <summary>Per asset that was ever distributed: what the last distribution could not divide, plus burned tokens' fractions.</summary>
    public Dictionary<string, BigInteger> HolderCarry { get; } = new(StringComparer.Ordinal);

    public void DistributeHolderShare(string asset, BigInteger units)
    {
        var live = Enumerable.Range(1, (int)Minted).Select(s => (long)s).Where(IsLive).ToList();
        var scaled = (units * Scale) + HolderCarry.GetValueOrDefault(asset);
        var each = BigInteger.DivRem(scaled, live.Count, out var carry);
        HolderCarry[asset] = carry;
        foreach (var serial in live)
        {
            Accrued[(serial, asset)] = Accrued.GetValueOrDefault((serial, asset)) + each;
        }
    }

    private void SettleHolderShare(long serial, int payee)
    {
        foreach (var asset in HolderCarry.Keys.Order(StringComparer.Ordinal))
        {
            var owed = Accrued.GetValueOrDefault((serial, asset)) / Scale;
            if (owed > 0)
            {
                Post((HolderPool, asset, -owed), (AccountOf(payee), asset, owed));
                Accrued[(serial, asset)] -= owed * Scale;
            }
        }
    }

    /// <summary>Who held each token from when: (instant, owner), an owner of null once burned.</summary>
    public Dictionary<long, List<(long AtUnixMs, int? Owner)>> Lineage { get; } = [];

    /// <summary>Who held the token at an instant, changes at that instant included.</summary>
    public int? OwnerAt(long serial, long atUnixMs) =>
        Lineage.TryGetValue(serial, out var steps) ? steps.LastOrDefault(s => s.AtUnixMs <= atUnixMs).Owner : null;

    public void Close(long serial, ListingState state)
    {
        foreach (var listing in Listings.Where(l => l.Serial == serial && l.State == ListingState.Open))
        {
            listing.State = state;
        }
    }

    /// <summary>How many tokens a person held at an instant, changes at that instant included: a replay of the history.</summary>
    public long HeldAt(int person, long atUnixMs) =>
        Holdings.Where(h => h.Person == person && h.AtUnixMs <= atUnixMs).Sum(h => (long)h.Delta);

    /// <summary>
    /// Largest remainder: everyone gets the floor of their exact share, then the units left over go
    /// one each to the largest remainders, the earlier one first on a tie.
    /// </summary>
    public static BigInteger[] LargestRemainder(BigInteger total, IReadOnlyList<long> weights)
    {
        var sum = weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
        var parts = weights.Select(w => total * w / sum).ToArray();
        var remainders = weights.Select(w => total * w % sum).ToArray();
        var leftover = total - parts.Aggregate(BigInteger.Zero, (s, p) => s + p);
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToList();
        for (var k = 0; k < (int)leftover; k++)
        {
            parts[order[k]] += 1;
        }

        return parts;
    }

    /// <summary>The treasury's royalty and the seller's proceeds of a sale.</summary>
    public (BigInteger Royalty, BigInteger Seller) SplitSale(BigInteger price)
    {
        var parts = LargestRemainder(price, [RoyaltyBps, Whole - RoyaltyBps]);
        return (parts[0], parts[1]);
    }

    /// <summary>Who receives each of the holder's tokens (ascending serial) under their plan.</summary>
    public List<(long Serial, int To)> Distribute(int holder)
    {
        var plan = Plans[holder];
        var tokens = TokensOf(holder);
        if (!plan.ByShares)
        {
            return tokens.Select(t => (t, plan.Successors[0].Person)).ToList();
        }

        var counts = LargestRemainder(tokens.Count, plan.Successors.Select(s => s.Share).ToList());
        var result = new List<(long, int)>();
        var next = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            for (var k = 0; k < (int)counts[i]; k++)
            {
                result.Add((tokens[next++], plan.Successors[i].Person));
            }
        }

        return result;
    }

    public string Name(int? person) => person is { } p ? $"p{p}" : "nobody";
}
