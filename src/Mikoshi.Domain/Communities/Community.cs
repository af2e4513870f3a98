using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Domain.Communities;

/// <summary>
/// A community that runs as a DAO: a slug for its address, a name, a charter of shared values
/// (価値観) and the assets it counts money in.
/// </summary>
public sealed class Community
{
    /// <summary>Most values a charter lists.</summary>
    public const int MaxValues = 20;

    /// <summary>Longest value, in characters.</summary>
    public const int MaxValueLength = 40;

    /// <summary>Shortest slug, in characters.</summary>
    public const int MinSlugLength = 3;

    /// <summary>Longest slug (the community's address), in characters.</summary>
    public const int MaxSlugLength = 40;

    /// <summary>Longest charter text, in characters.</summary>
    public const int MaxCharterLength = 10_000;

    /// <summary>Longest name, in characters.</summary>
    public const int MaxNameLength = 100;

    private List<string> values = [];
    private List<string> assets = [];

    private Community()
    {
        Slug = string.Empty;
        Name = string.Empty;
        CharterText = string.Empty;
        BaseAsset = string.Empty;
    }

    /// <summary>The id.</summary>
    public CommunityId Id { get; private set; }

    /// <summary>The address: 3–40 lower-case letters, digits and inner hyphens.</summary>
    public string Slug { get; private set; }

    /// <summary>The name people see.</summary>
    public string Name { get; private set; }

    /// <summary>The charter's text.</summary>
    public string CharterText { get; private set; }

    /// <summary>The values the charter lists, in order.</summary>
    public IReadOnlyList<string> Values => values;

    /// <summary>The asset figures are shown in, such as JPY.</summary>
    public string BaseAsset { get; private set; }

    /// <summary>Every asset the community accepts, the base asset first.</summary>
    public IReadOnlyList<string> Assets => assets;

    /// <summary>When it was founded.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Who founded it.</summary>
    public PersonId CreatedBy { get; private set; }

    /// <summary>The primary price of the first token (see <see cref="Policy"/>).</summary>
    public Int128 MintBasePrice { get; private set; }

    /// <summary>How much each token in circulation adds to the primary price.</summary>
    public Int128 MintPriceSlope { get; private set; }

    /// <summary>At most this many tokens in circulation; null for no cap.</summary>
    public int? SupplyCap { get; private set; }

    /// <summary>The treasury's royalty on member-to-member sales, in basis points.</summary>
    public Bps RoyaltyBps { get; private set; }

    /// <summary>The redemption rate r, in basis points.</summary>
    public Bps RedemptionRateBps { get; private set; }

    /// <summary>The treasury's share of project revenue after recoupment, in basis points.</summary>
    public Bps RevenueTreasuryBps { get; private set; }

    /// <summary>The holders' share of project revenue, in basis points.</summary>
    public Bps RevenueHolderBps { get; private set; }

    /// <summary>The share a project keeps as its reserve, in basis points.</summary>
    public Bps RevenueReserveBps { get; private set; }

    /// <summary>Whether the holders' share goes to the treasury instead (a higher redemption floor).</summary>
    public bool HolderShareToTreasury { get; private set; }

    /// <summary>Japan LLC-DAO mode: holder distributions per person capped at what they paid in.</summary>
    public bool CapHolderDistributions { get; private set; }

    /// <summary>
    /// The LLC-type DAO mode (合同会社型DAO): tokens are 社員権, held and received only by persons in the member
    /// register (transfer consent, 会社法585条), and holder distributions are capped at what each paid in.
    /// </summary>
    public bool LlcDao { get; private set; }

    /// <summary>The articles provide that an heir succeeds to a member's interest (定款に相続の定めあり, 会社法608条).</summary>
    public bool ArticlesProvideInheritance { get; private set; }

    /// <summary>
    /// Turns the LLC-type DAO mode on or off and records whether the articles provide for inheritance. Turning it on
    /// turns the distribution cap on with it; while it is on the cap stays on.
    /// </summary>
    public void ChangeLlcDao(bool on, bool articlesProvideInheritance)
    {
        LlcDao = on;
        ArticlesProvideInheritance = articlesProvideInheritance;
        if (on)
        {
            CapHolderDistributions = true;
        }
    }

    /// <summary>Tokens in circulation (minted and not burned), kept as a count so that reading it is O(1).</summary>
    public long Supply { get; private set; }

    /// <summary>Longest time zone id (IANA, such as Asia/Tokyo), in characters.</summary>
    public const int MaxTimeZoneLength = 64;

    /// <summary>
    /// The IANA time zone its pages show times in, for readers who chose none of their own; null means Asia/Tokyo.
    /// Which ids exist is the system's zone data, checked where the request comes in.
    /// </summary>
    public string? TimeZone { get; private set; }

    /// <summary>Shows the community's times in <paramref name="zoneId"/> from now on (null: Asia/Tokyo).</summary>
    public void ShowTimesIn(string? zoneId) =>
        TimeZone = zoneId is null or { Length: > 0 and <= MaxTimeZoneLength }
            ? zoneId
            : throw new InvariantViolatedException($"A time zone id has 1 to {MaxTimeZoneLength} characters.");

    /// <summary>Counts a token minted.</summary>
    public void CountMint() => Supply = checked(Supply + 1);

    /// <summary>Counts a token burned.</summary>
    public void CountBurn() => Supply = Supply > 0 ? Supply - 1 : throw new InvariantViolatedException("No token is left to burn.");

    /// <summary>The last instant any token changed hands, was minted or burned (Unix ms; 0 before the first).</summary>
    public long HoldingsChangedAtUnixMs { get; private set; }

    /// <summary>Notes that holdings changed at <paramref name="atUnixMs"/>.</summary>
    public void HoldingsChanged(long atUnixMs) => HoldingsChangedAtUnixMs = Math.Max(HoldingsChangedAtUnixMs, atUnixMs);

    /// <summary>The revenue policy these parameters make.</summary>
    public RevenuePolicy Revenue =>
        RevenuePolicy.Of(RevenueTreasuryBps, RevenueHolderBps, RevenueReserveBps, HolderShareToTreasury, CapHolderDistributions).Value;

    /// <summary>Adopts a new revenue policy; revenue already recorded keeps the split it had.</summary>
    public Result<Community> ChangeRevenuePolicy(RevenuePolicy policy)
    {
        if (LlcDao && !policy.CapAtPaidIn)
        {
            return CommunityErrors.LlcCapRequired;
        }

        RevenueTreasuryBps = policy.TreasuryBps;
        RevenueHolderBps = policy.HolderBps;
        RevenueReserveBps = policy.ReserveBps;
        HolderShareToTreasury = policy.HolderShareToTreasury;
        CapHolderDistributions = policy.CapAtPaidIn;
        return this;
    }

    /// <summary>The membership policy these parameters make.</summary>
    public MembershipPolicy Policy =>
        MembershipPolicy.Of(MintBasePrice, MintPriceSlope, SupplyCap, RoyaltyBps, RedemptionRateBps).Value;

    /// <summary>The base asset as an <see cref="Asset"/>.</summary>
    public Asset Base => Asset.FromKnownCode(BaseAsset).Value;

    /// <summary>Adopts new membership parameters (by an admin now; by a passed proposal once governance exists).</summary>
    public void ChangePolicy(MembershipPolicy policy)
    {
        MintBasePrice = policy.BasePrice;
        MintPriceSlope = policy.Slope;
        SupplyCap = policy.SupplyCap;
        RoyaltyBps = policy.RoyaltyBps;
        RedemptionRateBps = policy.RedemptionRateBps;
    }

    /// <summary>Founds a community, checking every field.</summary>
    public static Result<Community> Found(
        string? slug,
        string? name,
        string? charterText,
        IReadOnlyList<string>? values,
        string? baseAsset,
        IReadOnlyList<string>? otherAssets,
        PersonId founder,
        DateTimeOffset at)
    {
        if (slug is null || slug.Length is < MinSlugLength or > MaxSlugLength || !slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            || slug.StartsWith('-') || slug.EndsWith('-'))
        {
            return CommunityErrors.InvalidSlug;
        }

        var checkedName = BoundedText.Line(name, MaxNameLength, CommunityErrors.InvalidName);
        if (!checkedName.IsSuccess)
        {
            return checkedName.Error;
        }

        name = checkedName.Value.Value;

        var charter = CheckCharter(charterText, values);
        if (!charter.IsSuccess)
        {
            return charter.Error;
        }

        (charterText, var cleanValues) = charter.Value;

        var asset = Asset.FromKnownCode(baseAsset ?? Asset.Jpy.Code);
        if (!asset.IsSuccess)
        {
            return asset.Error;
        }

        var accepted = new List<string> { asset.Value.Code };
        foreach (var other in otherAssets ?? [])
        {
            var known = Asset.FromKnownCode(other);
            if (!known.IsSuccess)
            {
                return known.Error;
            }

            if (!accepted.Contains(known.Value.Code))
            {
                accepted.Add(known.Value.Code);
            }
        }

        var community = new Community
        {
            Id = CommunityId.New(),
            Slug = slug,
            Name = name,
            CharterText = charterText,
            values = cleanValues,
            BaseAsset = asset.Value.Code,
            assets = accepted,
            CreatedAt = at,
            CreatedBy = founder,
        };
        community.ChangePolicy(MembershipPolicy.Of(DefaultPrice(asset.Value), 0, null, DefaultRoyalty, Bps.Whole).Value);
        _ = community.ChangeRevenuePolicy(RevenuePolicy.Default);
        return community;
    }

    // A starting royalty on member-to-member sales: 5%.
    private static readonly Bps DefaultRoyalty = Bps.Stored(500);

    // A starting price people recognise: ¥10,000, $100, 0.01 ETH. Admins change it.
    private static Int128 DefaultPrice(Asset asset) => asset.Code switch
    {
        "JPY" => 10_000,
        "ETH" => 10_000_000_000_000_000,
        "USDC" => 100_000_000,
        _ => 10_000,
    };

    /// <summary>
    /// A charter's text (trimmed, at most <see cref="MaxCharterLength"/> characters) and its values (up to
    /// <see cref="MaxValues"/> distinct, each 1 to <see cref="MaxValueLength"/> characters once trimmed).
    /// Fails with <c>invalid_charter</c>.
    /// </summary>
    public static Result<(string Text, List<string> Values)> CheckCharter(string? text, IReadOnlyList<string>? values)
    {
        var charter = BoundedText.OptionalBlock(text, MaxCharterLength, CommunityErrors.InvalidCharter);
        if (!charter.IsSuccess)
        {
            return charter.Error;
        }

        var cleanValues = new List<string>();
        foreach (var value in values ?? [])
        {
            var line = BoundedText.Line(value, MaxValueLength, CommunityErrors.InvalidCharter);
            if (!line.IsSuccess)
            {
                return line.Error;
            }

            cleanValues.Add(line.Value.Value);
        }

        if (cleanValues.Count > MaxValues || cleanValues.Distinct(StringComparer.Ordinal).Count() != cleanValues.Count)
        {
            return CommunityErrors.InvalidCharter;
        }

        return (charter.Value.Value, cleanValues);
    }

    /// <summary>Amends the charter (by a passed charter proposal), checking it as <see cref="CheckCharter"/> does.</summary>
    public Result<Community> AmendCharter(string? text, IReadOnlyList<string>? newValues)
    {
        var charter = CheckCharter(text, newValues);
        if (!charter.IsSuccess)
        {
            return charter.Error;
        }

        (CharterText, values) = charter.Value;
        return this;
    }

    /// <summary>The asset named <paramref name="code"/> if this community accepts it.</summary>
    public Result<Asset> Accepts(string? code)
    {
        if (code is null || !assets.Contains(code))
        {
            return MoneyErrors.UnknownAsset;
        }

        return Asset.FromKnownCode(code);
    }
}
