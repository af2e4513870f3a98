using System.Numerics;

namespace Mikoshi.Tests.Properties;

/// <summary>
/// The treasury as the tokens' common property, written out the obvious way for the model-based tests: every
/// token's units of every asset in a dictionary (the product keeps one issuance counter per pool instead), each
/// pool's units in all, and the part of the treasury no token holds. The treasury balance is the caller's; the
/// live tokens are whatever the caller says.
/// </summary>
public sealed class PoolsModel(Func<string, BigInteger> treasury, Func<IReadOnlyList<long>> live, string baseAsset = "JPY")
{
    public const long UnitsPerToken = 1_000_000_000_000;
    public const int Whole = 10_000;

    public Dictionary<(long Serial, string Asset), BigInteger> TokenUnits { get; } = [];

    public Dictionary<string, BigInteger> Units { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BigInteger> Unowned { get; } = new(StringComparer.Ordinal);

    public BigInteger Owned(string asset) => treasury(asset) - Unowned.GetValueOrDefault(asset);

    /// <summary>A new token takes the average base units (a fresh pool: UnitsPerToken); the floor is their value, rounded up.</summary>
    public (BigInteger Units, BigInteger Floor) MintTerms()
    {
        var units = Units.GetValueOrDefault(baseAsset);
        var supply = live().Count;
        if (units.IsZero || supply == 0)
        {
            return (UnitsPerToken, BigInteger.Zero);
        }

        var share = units / supply;
        var floor = BigInteger.DivRem(share * Owned(baseAsset), units, out var remainder);
        return (share, remainder.IsZero ? floor : floor + 1);
    }

    /// <summary>A token minted now (its price already in the treasury) takes <paramref name="units"/> of the base pool.</summary>
    public void Minted(long serial, BigInteger units)
    {
        TokenUnits[(serial, baseAsset)] = units;
        Units[baseAsset] = Units.GetValueOrDefault(baseAsset) + units;
    }

    /// <summary>Money came in for every token (already in the treasury): a unit's value rises; a pool no token holds is issued to every token; with no token it is nobody's.</summary>
    public void Received(string asset, BigInteger amount)
    {
        if (amount <= 0 || Units.GetValueOrDefault(asset) > 0)
        {
            return;
        }

        var tokens = live();
        if (tokens.Count == 0)
        {
            Unowned[asset] = Unowned.GetValueOrDefault(asset) + amount;
            return;
        }

        foreach (var serial in tokens)
        {
            TokenUnits[(serial, asset)] = UnitsPerToken;
        }

        Units[asset] = UnitsPerToken * tokens.Count;
    }

    /// <summary>Money went out for every token (already out of the treasury): the unowned part pays first.</summary>
    public void Spent(string asset, BigInteger amount) =>
        Unowned[asset] = Units.GetValueOrDefault(asset).IsZero ? treasury(asset) : BigInteger.Max(0, Unowned.GetValueOrDefault(asset) - amount);

    /// <summary>What a token's units of <paramref name="asset"/> are worth, exactly.</summary>
    public (BigInteger Numerator, BigInteger Denominator) Value(long serial, string asset)
    {
        var units = Units.GetValueOrDefault(asset);
        return units.IsZero ? (BigInteger.Zero, BigInteger.One) : (TokenUnits.GetValueOrDefault((serial, asset)) * Owned(asset), units);
    }

    /// <summary>What redeeming a token pays of each asset now, before any cap: its exact value × (r + (1 − r) / s), rounded down once.</summary>
    public List<(string Asset, BigInteger Amount)> Redemption(long serial, int rateBps)
    {
        var supply = (BigInteger)live().Count;
        return Units.Where(p => p.Value > 0).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key, TokenUnits.GetValueOrDefault((serial, p.Key)) * Owned(p.Key) * ((rateBps * supply) + (Whole - rateBps)) / (p.Value * Whole * supply)))
            .Where(r => r.Item2 > 0)
            .ToList();
    }

    /// <summary>The token (paid already) leaves every pool; a pool left with no units belongs to nobody.</summary>
    public void Burned(long serial)
    {
        foreach (var asset in Units.Keys.ToList())
        {
            Units[asset] -= TokenUnits.GetValueOrDefault((serial, asset));
            TokenUnits.Remove((serial, asset));
            if (Units[asset].IsZero)
            {
                Unowned[asset] = treasury(asset);
            }
        }
    }
}
