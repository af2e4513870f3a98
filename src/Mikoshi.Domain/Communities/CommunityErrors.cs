namespace Mikoshi.Domain.Communities;

/// <summary>
/// The errors of communities, their roles and the LLC mode: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class CommunityErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>community_not_found</c></summary>
        public const string CommunityNotFound = "community_not_found";

        /// <summary><c>invalid_charter</c></summary>
        public const string InvalidCharter = "invalid_charter";

        /// <summary><c>invalid_llc_role</c></summary>
        public const string InvalidLlcRole = "invalid_llc_role";

        /// <summary><c>invalid_name</c></summary>
        public const string InvalidName = "invalid_name";

        /// <summary><c>invalid_role</c></summary>
        public const string InvalidRole = "invalid_role";

        /// <summary><c>invalid_slug</c></summary>
        public const string InvalidSlug = "invalid_slug";

        /// <summary><c>last_admin</c></summary>
        public const string LastAdmin = "last_admin";

        /// <summary><c>llc_cap_required</c></summary>
        public const string LlcCapRequired = "llc_cap_required";

        /// <summary><c>llc_gain_over_cap</c></summary>
        public const string LlcGainOverCap = "llc_gain_over_cap";

        /// <summary><c>llc_member_not_approved</c></summary>
        public const string LlcMemberNotApproved = "llc_member_not_approved";

        /// <summary><c>llc_purchase_not_approved</c></summary>
        public const string LlcPurchaseNotApproved = "llc_purchase_not_approved";

        /// <summary><c>llc_succession_not_in_articles</c></summary>
        public const string LlcSuccessionNotInArticles = "llc_succession_not_in_articles";

        /// <summary><c>llc_successor_not_approved</c></summary>
        public const string LlcSuccessorNotApproved = "llc_successor_not_approved";

        /// <summary><c>llc_transfer_not_approved</c></summary>
        public const string LlcTransferNotApproved = "llc_transfer_not_approved";

        /// <summary><c>slug_taken</c></summary>
        public const string SlugTaken = "slug_taken";
    }

    /// <summary>There is no such community.</summary>
    public static Error CommunityNotFound { get; } = new(Codes.CommunityNotFound, ErrorKind.NotFound);

    /// <summary>The charter text is at most {0} characters, and lists up to {1} different values of 1 to {2} characters each.</summary>
    public static Error InvalidCharter { get; } = new(Codes.InvalidCharter, ErrorKind.Invalid, Community.MaxCharterLength, Community.MaxValues, Community.MaxValueLength);

    /// <summary>A member is an executive member (業務執行社員) or a non-executive member (非業務執行社員).</summary>
    public static Error InvalidLlcRole { get; } = new(Codes.InvalidLlcRole, ErrorKind.Invalid);

    /// <summary>The name must be 1 to {0} characters.</summary>
    public static Error InvalidName { get; } = new(Codes.InvalidName, ErrorKind.Invalid, Community.MaxNameLength);

    /// <summary>'{0}' is not a role an admin grants; grant 'treasurer' or 'admin'.</summary>
    public static Error InvalidRole(string role) => new(Codes.InvalidRole, ErrorKind.Invalid, role);

    /// <summary>The address must be {0} to {1} lower-case letters, digits and hyphens, not starting or ending with a hyphen.</summary>
    public static Error InvalidSlug { get; } = new(Codes.InvalidSlug, ErrorKind.Invalid, Community.MinSlugLength, Community.MaxSlugLength);

    /// <summary>A community always keeps at least one admin.</summary>
    public static Error LastAdmin { get; } = new(Codes.LastAdmin, ErrorKind.Invalid);

    /// <summary>In the LLC-type DAO mode distributions stay capped at what each member paid in; turn the mode off first.</summary>
    public static Error LlcCapRequired { get; } = new(Codes.LlcCapRequired, ErrorKind.Conflict);

    /// <summary>In an LLC-type DAO no member receives more than they paid in; this sale would pay the seller more than that. Lower the price.</summary>
    public static Error LlcGainOverCap { get; } = new(Codes.LlcGainOverCap, ErrorKind.Conflict);

    /// <summary>This community is an LLC-type DAO: ask an executive member to approve you into the member register before you join.</summary>
    public static Error LlcMemberNotApproved { get; } = new(Codes.LlcMemberNotApproved, ErrorKind.Forbidden);

    /// <summary>This community is an LLC-type DAO: only a person the executive members approved may buy a membership token (Companies Act art. 585).</summary>
    public static Error LlcPurchaseNotApproved { get; } = new(Codes.LlcPurchaseNotApproved, ErrorKind.Forbidden);

    /// <summary>The articles of this LLC-type DAO do not provide that an heir succeeds to a member's interest (Companies Act art. 608), so tokens cannot pass by succession.</summary>
    public static Error LlcSuccessionNotInArticles { get; } = new(Codes.LlcSuccessionNotInArticles, ErrorKind.Conflict);

    /// <summary>A successor must be approved into the member register by the executive members before tokens pass to them.</summary>
    public static Error LlcSuccessorNotApproved { get; } = new(Codes.LlcSuccessorNotApproved, ErrorKind.Forbidden);

    /// <summary>This community is an LLC-type DAO: a membership token may only go to a person the executive members approved (transfer consent, Companies Act art. 585).</summary>
    public static Error LlcTransferNotApproved { get; } = new(Codes.LlcTransferNotApproved, ErrorKind.Forbidden);

    /// <summary>That address is already taken. Try another.</summary>
    public static Error SlugTaken { get; } = new(Codes.SlugTaken, ErrorKind.Conflict);
}
