using System.Globalization;
using System.Numerics;

namespace Mikoshi.Tests.Properties;

/// <summary>An exact fraction, always reduced, with a positive denominator: the reference's own arithmetic.</summary>
public readonly record struct Fraction : IComparable<Fraction>
{
    private Fraction(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Fraction Zero { get; } = new(BigInteger.Zero, BigInteger.One);

    public static Fraction Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A fraction over zero.");
        }

        if (denominator.Sign < 0)
        {
            (numerator, denominator) = (-numerator, -denominator);
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return gcd.IsOne || gcd.IsZero ? new(numerator, denominator) : new(numerator / gcd, denominator / gcd);
    }

    public static Fraction Whole(BigInteger units) => new(units, BigInteger.One);

    public static Fraction operator +(Fraction a, Fraction b) =>
        Of((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        Of((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public int CompareTo(Fraction other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public override string ToString() => Denominator.IsOne
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator} (≈{(double)Numerator / (double)Denominator:0.###})");
}

/// <summary>A party of a split version as the model wrote it: a weight, or a fixed share in basis points.</summary>
public sealed record PartyModel(int Person, long Weight, int FixedBps);

/// <summary>One version of the project's split: who, who accepted, and when it came into force (if it did).</summary>
public sealed class AgreementModel(int version, IReadOnlyList<PartyModel> parties)
{
    public int Version { get; } = version;

    public IReadOnlyList<PartyModel> Parties { get; } = parties;

    public HashSet<int> Accepted { get; } = [];

    public string State { get; set; } = "proposed";

    public long? InForceAt { get; set; }

    public IEnumerable<int> Pending => Parties.Select(p => p.Person).Where(p => !Accepted.Contains(p));
}

/// <summary>Where every unit of one revenue event goes, as the model computes it.</summary>
public sealed record WaterfallModel(BigInteger Recouped, BigInteger Treasury, BigInteger Holders, BigInteger Reserve, IReadOnlyList<(int Person, BigInteger Units)> Contributors);

/// <summary>A revenue event the API accepted, with what the model expected of it.</summary>
public sealed record RevenueRecordModel(long Number, string Asset, BigInteger Amount, int AgreementVersion, long HolderSupply, WaterfallModel Parts);

/// <summary>Something in the history that matters to who is owed the holders' share.</summary>
public abstract record HolderEvent
{
    /// <summary>A revenue event put <paramref name="Units"/> into the holder pool, over the tokens then in circulation.</summary>
    public sealed record Distributed(string Asset, BigInteger Units) : HolderEvent;

    public sealed record Minted(long Serial, int To) : HolderEvent;

    /// <summary>A gift or a sale settles to the giver; an inheritance to the heir.</summary>
    public sealed record Moved(long Serial, int To, bool Inherited) : HolderEvent;

    public sealed record Burned(long Serial) : HolderEvent;

    /// <summary>A claim settles every token the person holds.</summary>
    public sealed record Claimed(int Person) : HolderEvent;
}

/// <summary>
/// What the exact history says one person is owed of the holders' share in one asset, and how far the
/// O(1) accumulator may honestly differ from it: less than one unit per token that reached them (a
/// token's fraction below one unit travels with it), plus at most their part of the fractions that
/// burned tokens gave back to the pool.
/// </summary>
public sealed record Entitlement(Fraction Exact, int Acquired, Fraction Returned);

/// <summary>
/// The naive picture of one community's project money that the API must agree with: plain lists and
/// dictionaries, money as <see cref="BigInteger"/>, and every rule (the waterfall, largest remainder, the
/// split, the cap, who is owed the holders' share) written out again here in the most obvious way,
/// never by calling the domain code under test. The holders' share is recomputed from the full history
/// every time it is asked for.
/// </summary>
public sealed class RevenueModel(string[] personIds)
{
    public const int Whole = 10_000;
    public const string External = "external";
    public const string Treasury = "treasury";
    public const string Pool = "holder-pool";
    public const string Escrow = "escrow:payouts";
    public const string Yen = "JPY";
    public const string Ether = "ETH";
    public static readonly string[] Assets = [Yen, Ether];

    public string[] PersonIds { get; } = personIds;

    public int People => PersonIds.Length;

    public string Project { get; set; } = "project:1";

    public Dictionary<(string Account, string Asset), BigInteger> Balances { get; } = [];

    /// <summary>Owner by serial (1..minted); null once burned.</summary>
    public List<int?> Owners { get; } = [];

    public List<(int By, BigInteger Price)> Mints { get; } = [];

    // The policy a new community starts with: ¥10,000 per token, 5% royalty, pro-rata redemption;
    // 20% of revenue to the treasury, 10% to holders, no reserve.
    public BigInteger MintPrice { get; } = 10_000;

    public int RoyaltyBps { get; } = 500;

    public int RedemptionRateBps { get; } = Whole;

    public int TreasuryBps { get; set; } = 2_000;

    public int HolderBps { get; set; } = 1_000;

    public int ReserveBps { get; set; }

    public bool HolderShareToTreasury { get; set; }

    public bool CapAtPaidIn { get; set; }

    public Dictionary<string, (BigInteger Outstanding, int RateBps)> Funding { get; } = [];

    public List<AgreementModel> Agreements { get; } = [];

    public List<HolderEvent> History { get; } = [];

    /// <summary>What the accumulator settled to each person (before any cap): observed, then bounded by <see cref="Entitle"/>.</summary>
    public Dictionary<(int Person, string Asset), BigInteger> Settled { get; } = [];

    /// <summary>What the LLC-DAO cap has counted as paid to each person.</summary>
    public Dictionary<(int Person, string Asset), BigInteger> CapReceived { get; } = [];

    public List<RevenueRecordModel> Revenue { get; } = [];

    public long Listings { get; set; }

    public long Minted => Owners.Count;

    public long Supply => Owners.Count(o => o is not null);

    public List<long> Live => Enumerable.Range(1, Owners.Count).Where(s => Owners[s - 1] is not null).Select(s => (long)s).ToList();

    public int? OwnerOf(long serial) => Owners[(int)serial - 1];

    public List<long> TokensOf(int person) => Live.Where(s => OwnerOf(s) == person).ToList();

    public bool IsMember(int person) => Owners.Contains(person);

    public string AccountOf(int person) => $"person:{Guid.Parse(PersonIds[person]):N}";

    public BigInteger Balance(string account, string asset) => Balances.GetValueOrDefault((account, asset));

    /// <summary>The treasury's pools; every shared movement of the treasury reaches them through <see cref="Post"/>.</summary>
    public PoolsModel Pools => pools ??= new PoolsModel(asset => Balance(Treasury, asset), () => Live);

    private PoolsModel? pools;

    /// <summary>The last instant any token was minted, moved or burned: revenue may not be dated before it.</summary>
    public long HoldingsChangedAt { get; private set; }

    /// <summary>Posts a movement that is one token's own (a mint's price, a redemption's payment): the pools are the caller's to move.</summary>
    public void PostForOneToken(params (string Account, string Asset, BigInteger Amount)[] postings) => Apply(postings);

    /// <summary>Posts a movement; what it brings to or takes from the treasury is every token's alike.</summary>
    public void Post(params (string Account, string Asset, BigInteger Amount)[] postings)
    {
        Apply(postings);
        foreach (var (account, asset, amount) in postings.Where(p => p.Account == Treasury && !p.Amount.IsZero))
        {
            if (amount > 0)
            {
                Pools.Received(asset, amount);
            }
            else
            {
                Pools.Spent(asset, -amount);
            }
        }
    }

    private void Apply((string Account, string Asset, BigInteger Amount)[] postings)
    {
        foreach (var asset in postings.GroupBy(p => p.Asset, StringComparer.Ordinal))
        {
            if (!asset.Aggregate(BigInteger.Zero, (sum, p) => sum + p.Amount).IsZero)
            {
                throw new InvalidOperationException("The model itself posted an unbalanced entry.");
            }
        }

        foreach (var (account, asset, amount) in postings)
        {
            Balances[(account, asset)] = Balance(account, asset) + amount;
        }
    }

    /// <summary>The next token's price: the policy's, never below what its base units are worth.</summary>
    public BigInteger NextPrice => BigInteger.Max(MintPrice, Pools.MintTerms().Floor);

    public long Mint(int person, BigInteger price, long at)
    {
        var units = Pools.MintTerms().Units;
        Owners.Add(person);
        Mints.Add((person, price));
        Pools.Minted(Owners.Count, units);
        History.Add(new HolderEvent.Minted(Owners.Count, person));
        HoldingsChangedAt = Math.Max(HoldingsChangedAt, at);
        return Owners.Count;
    }

    public void Move(long serial, int to, bool inherited, long at)
    {
        Owners[(int)serial - 1] = to;
        History.Add(new HolderEvent.Moved(serial, to, inherited));
        HoldingsChangedAt = Math.Max(HoldingsChangedAt, at);
    }

    public void Burn(long serial, long at)
    {
        Pools.Burned(serial);
        Owners[(int)serial - 1] = null;
        History.Add(new HolderEvent.Burned(serial));
        HoldingsChangedAt = Math.Max(HoldingsChangedAt, at);
    }

    /// <summary>What a person paid in to mint tokens (出資額): only ever in the base asset.</summary>
    public BigInteger PaidIn(int person, string asset) =>
        asset == Yen ? Mints.Where(m => m.By == person).Aggregate(BigInteger.Zero, (sum, m) => sum + m.Price) : BigInteger.Zero;

    /// <summary>Under the cap, how much more of the holders' share may still reach the person: the room left below what they paid in.</summary>
    public BigInteger CapRoom(int person, string asset) =>
        BigInteger.Max(BigInteger.Zero, PaidIn(person, asset) - CapReceived.GetValueOrDefault((person, asset)));

    /// <summary>
    /// Largest remainder: each part is the floor of its exact share; the units left over go one each to
    /// the largest remainders, the earlier part first on a tie.
    /// </summary>
    public static BigInteger[] LargestRemainder(BigInteger total, IReadOnlyList<BigInteger> weights)
    {
        var sum = weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
        var parts = weights.Select(w => total * w / sum).ToArray();
        var remainders = weights.Select(w => total * w % sum).ToArray();
        var left = total - parts.Aggregate(BigInteger.Zero, (s, p) => s + p);
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToList();
        for (var k = 0; k < (int)left; k++)
        {
            parts[order[k]] += 1;
        }

        return parts;
    }

    /// <summary>The contributors' part by a version: fixed shares first (the rest of the whole as a last part), then the rest by weight.</summary>
    public static List<(int Person, BigInteger Units)> Split(AgreementModel agreement, BigInteger amount)
    {
        var parts = agreement.Parties.ToDictionary(p => p.Person, _ => BigInteger.Zero);
        var rest = amount;
        var fixedParties = agreement.Parties.Where(p => p.FixedBps > 0).ToList();
        if (fixedParties.Count > 0)
        {
            var fixedTotal = fixedParties.Sum(p => p.FixedBps);
            var shares = LargestRemainder(amount, [.. fixedParties.Select(p => (BigInteger)p.FixedBps), Whole - fixedTotal]);
            for (var i = 0; i < fixedParties.Count; i++)
            {
                parts[fixedParties[i].Person] = shares[i];
            }

            rest = shares[^1];
        }

        var weighted = agreement.Parties.Where(p => p.FixedBps == 0).ToList();
        if (rest > 0)
        {
            var shares = LargestRemainder(rest, weighted.Select(p => (BigInteger)p.Weight).ToList());
            for (var i = 0; i < weighted.Count; i++)
            {
                parts[weighted[i].Person] = shares[i];
            }
        }

        return agreement.Parties.Select(p => (p.Person, parts[p.Person])).ToList();
    }

    /// <summary>The waterfall: recoupment, then the policy's shares by largest remainder, then the split.</summary>
    public WaterfallModel Waterfall(string asset, BigInteger amount, AgreementModel agreement)
    {
        var (outstanding, rate) = Funding.GetValueOrDefault(asset);
        var recouped = BigInteger.Min(outstanding, amount * rate / Whole);
        var rest = amount - recouped;
        var shares = LargestRemainder(rest, [TreasuryBps, HolderBps, ReserveBps, Whole - TreasuryBps - HolderBps - ReserveBps]);
        var (treasury, holders) = (shares[0], shares[1]);
        if (Supply == 0 || HolderShareToTreasury)
        {
            (treasury, holders) = (treasury + holders, BigInteger.Zero);
        }

        return new WaterfallModel(recouped, treasury, holders, shares[2], Split(agreement, shares[3]));
    }

    /// <summary>The version in force at an instant: the last one to come into force at or before it.</summary>
    public AgreementModel? AgreementAt(long atUnixMs) =>
        Agreements.Where(a => a.InForceAt is { } at && at <= atUnixMs).OrderBy(a => a.InForceAt).ThenBy(a => a.Version).LastOrDefault();

    /// <summary>Whether the API must take a proposed split, written from the rules in words.</summary>
    public static bool IsValidSplit(IReadOnlyList<PartyModel> parties)
    {
        var fixedTotal = parties.Sum(p => p.FixedBps);
        return parties.Count > 0
            && parties.All(p => p.Weight >= 0 && p.FixedBps is >= 0 and <= Whole && !(p.Weight > 0 && p.FixedBps > 0))
            && fixedTotal <= Whole
            && (fixedTotal == Whole || parties.Any(p => p.FixedBps == 0 && p.Weight > 0));
    }

    public void ComeIntoForce(AgreementModel agreement, long atUnixMs)
    {
        foreach (var earlier in Agreements.Where(a => a != agreement && (a.State == "in-force" || (a.State == "proposed" && a.Version < agreement.Version))))
        {
            earlier.State = "superseded";
        }

        agreement.State = "in-force";
        agreement.InForceAt = atUnixMs;
    }

    /// <summary>
    /// Replays the whole history for one asset: every distribution is shared exactly (as a fraction)
    /// among the tokens in circulation at that moment; what a token accrued since it was last settled
    /// belongs to its owner when it moves, burns or its owner claims, and to the heir when inherited;
    /// what it accrued and nobody settled yet belongs to its owner now.
    /// </summary>
    public (Entitlement[] People, int ReturnedSinceLastDistribution) Entitle(string asset)
    {
        var owners = new List<int?>();
        var pending = new List<Fraction>();
        var exact = Enumerable.Repeat(Fraction.Zero, People).ToArray();
        var returned = Enumerable.Repeat(Fraction.Zero, People).ToArray();
        var acquired = new int[People];
        var poolExists = false;
        var burnsSince = 0;

        void Settle(int token, int payee)
        {
            exact[payee] += pending[token];
            pending[token] = Fraction.Zero;
        }

        foreach (var happened in History)
        {
            switch (happened)
            {
                case HolderEvent.Minted m:
                    owners.Add(m.To);
                    pending.Add(Fraction.Zero);
                    acquired[m.To]++;
                    break;
                case HolderEvent.Distributed d when d.Asset == asset:
                    var live = Enumerable.Range(0, owners.Count).Where(t => owners[t] is not null).ToList();
                    var share = Fraction.Of(d.Units, live.Count);
                    foreach (var t in live)
                    {
                        pending[t] += share;
                    }

                    for (var p = 0; p < People; p++)
                    {
                        returned[p] += Fraction.Of(burnsSince * live.Count(t => owners[t] == p), live.Count);
                    }

                    poolExists = true;
                    burnsSince = 0;
                    break;
                case HolderEvent.Moved mv:
                    var token = (int)mv.Serial - 1;
                    Settle(token, mv.Inherited ? mv.To : owners[token]!.Value);
                    owners[token] = mv.To;
                    acquired[mv.To]++;
                    break;
                case HolderEvent.Burned b:
                    Settle((int)b.Serial - 1, owners[(int)b.Serial - 1]!.Value);
                    owners[(int)b.Serial - 1] = null;
                    burnsSince += poolExists ? 1 : 0;
                    break;
                case HolderEvent.Claimed c:
                    foreach (var t in Enumerable.Range(0, owners.Count).Where(t => owners[t] == c.Person))
                    {
                        Settle(t, c.Person);
                    }

                    break;
            }
        }

        for (var t = 0; t < owners.Count; t++)
        {
            if (owners[t] is { } owner)
            {
                Settle(t, owner);
            }
        }

        return (Enumerable.Range(0, People).Select(p => new Entitlement(exact[p], acquired[p], returned[p])).ToArray(), burnsSince);
    }

    public static string Name(int? person) => person is { } p ? $"p{p}" : "nobody";
}
