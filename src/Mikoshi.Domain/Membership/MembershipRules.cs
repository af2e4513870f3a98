using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mikoshi.Domain.Membership;

/// <summary>
/// A membership token's number within its community: 1, 2, 3… in minting order, never reused. In JSON (audit
/// payloads, events) it is the plain number, as it always was.
/// </summary>
[JsonConverter(typeof(TokenIdJson))]
public readonly record struct TokenId : IComparable<TokenId>
{
    private TokenId(long value) => Value = value;

    /// <summary>The serial, 1 or more.</summary>
    public long Value { get; }

    /// <summary>A token number someone gave; <c>token_not_found</c> for anything below 1, since no token has one.</summary>
    public static Result<TokenId> Of(long value) => value >= 1 ? new TokenId(value) : MembershipErrors.TokenNotFound;

    /// <summary>A number the store or the serial head gave a token (always 1 or more); below 1 is a bug.</summary>
    public static TokenId Stored(long value) =>
        value >= 1 ? new TokenId(value) : throw new InvariantViolatedException($"A stored token number ({value}) is below 1.");

    /// <summary>Earlier in minting order first.</summary>
    public static bool operator <(TokenId left, TokenId right) => left.Value < right.Value;

    /// <summary>Later in minting order.</summary>
    public static bool operator >(TokenId left, TokenId right) => left.Value > right.Value;

    /// <summary>Not later in minting order.</summary>
    public static bool operator <=(TokenId left, TokenId right) => left.Value <= right.Value;

    /// <summary>Not earlier in minting order.</summary>
    public static bool operator >=(TokenId left, TokenId right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(TokenId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The plain number in JSON; a number below 1 is not a token's.</summary>
    private sealed class TokenIdJson : JsonConverter<TokenId>
    {
        public override TokenId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Of(reader.GetInt64()) is { IsSuccess: true } id ? id.Value : throw new JsonException("A token number is 1 or more.");

        public override void Write(Utf8JsonWriter writer, TokenId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }
}

/// <summary>
/// A community's membership parameters: the primary price (fixed when the slope is zero, else a
/// linear bonding curve on supply), an optional supply cap, the royalty on member-to-member sales
/// and the redemption rate. Basis points: 10,000 = 100%.
/// </summary>
public sealed record MembershipPolicy
{
    private MembershipPolicy(Int128 basePrice, Int128 slope, int? supplyCap, Bps royaltyBps, Bps redemptionRateBps)
    {
        BasePrice = basePrice;
        Slope = slope;
        SupplyCap = supplyCap;
        RoyaltyBps = royaltyBps;
        RedemptionRateBps = redemptionRateBps;
    }

    /// <summary>Basis points in a whole.</summary>
    public const int Whole = Bps.WholeValue;

    /// <summary>The price of the first token, in minor units of the base asset.</summary>
    public Int128 BasePrice { get; }

    /// <summary>How much each token in circulation adds to the next one's price.</summary>
    public Int128 Slope { get; }

    /// <summary>At most this many tokens in circulation at once; null for no cap.</summary>
    public int? SupplyCap { get; }

    /// <summary>The treasury's cut of a member-to-member sale, in basis points (0–5,000).</summary>
    public Bps RoyaltyBps { get; }

    /// <summary>r in the redemption formula, in basis points: 10,000 is pro-rata; 0 disables redemption.</summary>
    public Bps RedemptionRateBps { get; }

    /// <summary>The highest royalty: 5,000 bps, half of a sale.</summary>
    public static Bps MaxRoyaltyBps { get; } = Bps.Stored(Whole / 2);

    /// <summary>A royalty typed as a count of basis points: 0 to <see cref="MaxRoyaltyBps"/>; <c>invalid_parameter</c> otherwise.</summary>
    public static Result<Bps> Royalty(int bps) => Bps.AtMost(bps, MaxRoyaltyBps, MembershipErrors.InvalidParameter);

    /// <summary>A redemption rate typed as a count of basis points: 0 to 10,000; <c>invalid_parameter</c> otherwise.</summary>
    public static Result<Bps> RedemptionRate(int bps) => Bps.From(bps, MembershipErrors.InvalidParameter);

    /// <summary>Makes a policy, checking each parameter's range.</summary>
    public static Result<MembershipPolicy> Of(Int128 basePrice, Int128 slope, int? supplyCap, Bps royaltyBps, Bps redemptionRateBps)
    {
        if (basePrice < Int128.Zero || basePrice > Money.MaxUnits || slope < Int128.Zero || slope > Money.MaxUnits)
        {
            return MembershipErrors.InvalidParameter;
        }

        if (supplyCap is < 1 or > 1_000_000_000)
        {
            return MembershipErrors.InvalidParameter;
        }

        if (royaltyBps > MaxRoyaltyBps)
        {
            return MembershipErrors.InvalidParameter;
        }

        return new MembershipPolicy(basePrice, slope, supplyCap, royaltyBps, redemptionRateBps);
    }

    /// <summary>The price of the next token when <paramref name="supply"/> are in circulation: base + slope × supply.</summary>
    public Int128 PriceAt(long supply) => checked(BasePrice + (Slope * supply));

    /// <summary>Whether one more token may be minted.</summary>
    public Result<bool> MayMint(long supply) =>
        SupplyCap is { } cap && supply >= cap
            ? MembershipErrors.SupplyCapReached
            : true;

    /// <summary>A sale price split into the treasury's royalty and the seller's proceeds, exactly (largest remainder).</summary>
    public (Int128 Royalty, Int128 Seller) SplitSale(Int128 price)
    {
        var parts = Allocation.Allocate(price, [RoyaltyBps.Value, RoyaltyBps.Rest.Value]).Value;
        return (parts[0], parts[1]);
    }

    /// <summary>
    /// What redeeming <paramref name="redeemed"/> of <paramref name="supply"/> tokens reclaims from
    /// <paramref name="free"/> units of one treasury asset: base × (r + (1 − r) × x / s) with
    /// base = free × x / s, rounded down (the remainder stays with those who stay).
    /// </summary>
    public Result<Int128> Reclaim(Int128 free, long redeemed, long supply)
    {
        if (RedemptionRateBps == Bps.Zero)
        {
            return MembershipErrors.RedemptionDisabled;
        }

        if (redeemed < 1 || redeemed > supply || free < Int128.Zero)
        {
            throw new InvariantViolatedException($"Cannot redeem {redeemed} of {supply} tokens.");
        }

        // free·x·(r·s + (1−r)·x) / (W·s²), with r = R / W.
        var numerator = (BigInteger)free * redeemed * (((BigInteger)RedemptionRateBps.Value * supply) + ((BigInteger)RedemptionRateBps.Rest.Value * redeemed));
        var denominator = (BigInteger)Whole * supply * supply;
        return (Int128)(numerator / denominator);
    }
}

/// <summary>What happened to a token, for its lineage ("minted by A, 2026 → inherited by B, 2051").</summary>
public enum LineageKind
{
    /// <summary>Minted at the primary price.</summary>
    Minted,

    /// <summary>Given away, or moved by its owner or an approved person.</summary>
    Gifted,

    /// <summary>Bought from a member's listing.</summary>
    Sold,

    /// <summary>Passed to a successor (相続).</summary>
    Inherited,

    /// <summary>Burned for a share of the treasury.</summary>
    Redeemed,
}
