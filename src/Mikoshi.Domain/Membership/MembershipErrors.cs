namespace Mikoshi.Domain.Membership;

/// <summary>
/// The errors of membership tokens, the market, redemption and succession: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class MembershipErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>already_confirmed</c></summary>
        public const string AlreadyConfirmed = "already_confirmed";

        /// <summary><c>holder_active</c></summary>
        public const string HolderActive = "holder_active";

        /// <summary><c>invalid_guardian</c></summary>
        public const string InvalidGuardian = "invalid_guardian";

        /// <summary><c>invalid_parameter</c></summary>
        public const string InvalidParameter = "invalid_parameter";

        /// <summary><c>invalid_period</c></summary>
        public const string InvalidPeriod = "invalid_period";

        /// <summary><c>invalid_spender</c></summary>
        public const string InvalidSpender = "invalid_spender";

        /// <summary><c>invalid_successor</c></summary>
        public const string InvalidSuccessor = "invalid_successor";

        /// <summary><c>invalid_threshold</c></summary>
        public const string InvalidThreshold = "invalid_threshold";

        /// <summary><c>listing_closed</c></summary>
        public const string ListingClosed = "listing_closed";

        /// <summary><c>listing_not_found</c></summary>
        public const string ListingNotFound = "listing_not_found";

        /// <summary><c>listing_stale</c></summary>
        public const string ListingStale = "listing_stale";

        /// <summary><c>llc_chain_mode</c></summary>
        public const string LlcChainMode = "llc_chain_mode";

        /// <summary><c>llc_mode_off</c></summary>
        public const string LlcModeOff = "llc_mode_off";

        /// <summary><c>llc_not_executive</c></summary>
        public const string LlcNotExecutive = "llc_not_executive";

        /// <summary><c>no_succession_plan</c></summary>
        public const string NoSuccessionPlan = "no_succession_plan";

        /// <summary><c>not_a_guardian</c></summary>
        public const string NotAGuardian = "not_a_guardian";

        /// <summary><c>not_confirmed</c></summary>
        public const string NotConfirmed = "not_confirmed";

        /// <summary><c>not_token_owner</c></summary>
        public const string NotTokenOwner = "not_token_owner";

        /// <summary><c>nothing_to_inherit</c></summary>
        public const string NothingToInherit = "nothing_to_inherit";

        /// <summary><c>own_listing</c></summary>
        public const string OwnListing = "own_listing";

        /// <summary><c>price_below_value</c></summary>
        public const string PriceBelowValue = "price_below_value";

        /// <summary><c>price_moved</c></summary>
        public const string PriceMoved = "price_moved";

        /// <summary><c>redemption_changed</c></summary>
        public const string RedemptionChanged = "redemption_changed";

        /// <summary><c>redemption_disabled</c></summary>
        public const string RedemptionDisabled = "redemption_disabled";

        /// <summary><c>redemption_pending</c></summary>
        public const string RedemptionPending = "redemption_pending";

        /// <summary><c>same_owner</c></summary>
        public const string SameOwner = "same_owner";

        /// <summary><c>supply_cap_reached</c></summary>
        public const string SupplyCapReached = "supply_cap_reached";

        /// <summary><c>token_burned</c></summary>
        public const string TokenBurned = "token_burned";

        /// <summary><c>token_not_found</c></summary>
        public const string TokenNotFound = "token_not_found";

        /// <summary><c>veto_window_open</c></summary>
        public const string VetoWindowOpen = "veto_window_open";
    }

    /// <summary>You have already confirmed.</summary>
    public static Error AlreadyConfirmed { get; } = new(Codes.AlreadyConfirmed, ErrorKind.Invalid);

    /// <summary>The holder has been active recently; guardians cannot confirm yet.</summary>
    public static Error HolderActive { get; } = new(Codes.HolderActive, ErrorKind.Invalid);

    /// <summary>Name up to {0} different guardians other than yourself.</summary>
    public static Error InvalidGuardian { get; } = new(Codes.InvalidGuardian, ErrorKind.Invalid, SuccessionPlan.MaxNamed);

    /// <summary>Check the parameters: prices 0 or more, a cap of 1 or more (or empty), royalty 0–50%, redemption rate 0–100%, at most two decimals.</summary>
    public static Error InvalidParameter { get; } = new(Codes.InvalidParameter, ErrorKind.Invalid);

    /// <summary>The inactivity period is 30 to 36,500 days and the veto window 1 to 365 days.</summary>
    public static Error InvalidPeriod { get; } = new(Codes.InvalidPeriod, ErrorKind.Invalid);

    /// <summary>You can already move your own token.</summary>
    public static Error InvalidSpender { get; } = new(Codes.InvalidSpender, ErrorKind.Invalid);

    /// <summary>Name 1 to {0} different successors other than yourself; each share is 1 to 1,000,000.</summary>
    public static Error InvalidSuccessor { get; } = new(Codes.InvalidSuccessor, ErrorKind.Invalid, SuccessionPlan.MaxNamed);

    /// <summary>The confirmations needed are 1 to the number of guardians.</summary>
    public static Error InvalidThreshold { get; } = new(Codes.InvalidThreshold, ErrorKind.Invalid);

    /// <summary>That listing is closed: sold or withdrawn.</summary>
    public static Error ListingClosed { get; } = new(Codes.ListingClosed, ErrorKind.Invalid);

    /// <summary>That listing does not exist.</summary>
    public static Error ListingNotFound { get; } = new(Codes.ListingNotFound, ErrorKind.NotFound);

    /// <summary>The token changed hands after it was listed, so this listing no longer stands.</summary>
    public static Error ListingStale { get; } = new(Codes.ListingStale, ErrorKind.Invalid);

    /// <summary>Chain mode and the LLC-type DAO mode cannot be on together: on chain, holders could transfer tokens without the executive members' consent.</summary>
    public static Error LlcChainMode { get; } = new(Codes.LlcChainMode, ErrorKind.Conflict);

    /// <summary>This community does not run as an LLC-type DAO.</summary>
    public static Error LlcModeOff { get; } = new(Codes.LlcModeOff, ErrorKind.Conflict);

    /// <summary>Only an executive member (業務執行社員) may approve members.</summary>
    public static Error LlcNotExecutive { get; } = new(Codes.LlcNotExecutive, ErrorKind.Forbidden);

    /// <summary>That holder has not named successors.</summary>
    public static Error NoSuccessionPlan { get; } = new(Codes.NoSuccessionPlan, ErrorKind.NotFound);

    /// <summary>Only a guardian or successor the holder named can do that.</summary>
    public static Error NotAGuardian { get; } = new(Codes.NotAGuardian, ErrorKind.Invalid);

    /// <summary>Not enough guardians have confirmed yet.</summary>
    public static Error NotConfirmed { get; } = new(Codes.NotConfirmed, ErrorKind.Invalid);

    /// <summary>Only the token's holder can do that.</summary>
    public static Error NotTokenOwner { get; } = new(Codes.NotTokenOwner, ErrorKind.Invalid);

    /// <summary>The holder holds no membership here: there is nothing to inherit.</summary>
    public static Error NothingToInherit { get; } = new(Codes.NothingToInherit, ErrorKind.Invalid);

    /// <summary>You cannot buy your own listing.</summary>
    public static Error OwnListing { get; } = new(Codes.OwnListing, ErrorKind.Invalid);

    /// <summary>A token now holds {0} of the treasury, so a new one costs {1}, above your limit of {2} (a new token never costs less than a token holds). Nothing was charged.</summary>
    public static Error PriceBelowValue(object floor, object price, object limit) => new(Codes.PriceBelowValue, ErrorKind.Invalid, floor, price, limit);

    /// <summary>The price is now {0}, above your limit of {1}: it rose since the page was shown. Nothing was charged.</summary>
    public static Error PriceMoved(object price, object limit) => new(Codes.PriceMoved, ErrorKind.Invalid, price, limit);

    /// <summary>The treasury changed since you looked. Nothing was redeemed; check the new amounts.</summary>
    public static Error RedemptionChanged { get; } = new(Codes.RedemptionChanged, ErrorKind.Conflict);

    /// <summary>This community has turned redemption off.</summary>
    public static Error RedemptionDisabled { get; } = new(Codes.RedemptionDisabled, ErrorKind.Invalid);

    /// <summary>This token is already being redeemed: it is paid when its burn is mined on chain.</summary>
    public static Error RedemptionPending { get; } = new(Codes.RedemptionPending, ErrorKind.Conflict);

    /// <summary>The token already belongs to that person.</summary>
    public static Error SameOwner { get; } = new(Codes.SameOwner, ErrorKind.Invalid);

    /// <summary>Every membership is in circulation. Buy one from a member in the market instead.</summary>
    public static Error SupplyCapReached { get; } = new(Codes.SupplyCapReached, ErrorKind.Invalid);

    /// <summary>That token was redeemed and no longer exists.</summary>
    public static Error TokenBurned { get; } = new(Codes.TokenBurned, ErrorKind.Invalid);

    /// <summary>There is no such membership token.</summary>
    public static Error TokenNotFound { get; } = new(Codes.TokenNotFound, ErrorKind.NotFound);

    /// <summary>The holder can still veto; wait until the veto window has passed.</summary>
    public static Error VetoWindowOpen { get; } = new(Codes.VetoWindowOpen, ErrorKind.Invalid);

    /// <summary>A statement period starts on or before the day it ends; give dates as shown.</summary>
    public static Error InvalidStatementPeriod { get; } = Error.Case(Codes.InvalidPeriod, "statement", ErrorKind.Invalid);
}
