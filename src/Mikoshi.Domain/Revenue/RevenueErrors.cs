namespace Mikoshi.Domain.Revenue;

/// <summary>
/// The errors of revenue, split agreements, claims and payouts: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class RevenueErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>agreement_not_found</c></summary>
        public const string AgreementNotFound = "agreement_not_found";

        /// <summary><c>agreement_not_pending</c></summary>
        public const string AgreementNotPending = "agreement_not_pending";

        /// <summary><c>already_accepted</c></summary>
        public const string AlreadyAccepted = "already_accepted";

        /// <summary><c>bank_account_required</c></summary>
        public const string BankAccountRequired = "bank_account_required";

        /// <summary><c>batch_already_paid</c></summary>
        public const string BatchAlreadyPaid = "batch_already_paid";

        /// <summary><c>batch_not_found</c></summary>
        public const string BatchNotFound = "batch_not_found";

        /// <summary><c>invalid_occurred_at</c></summary>
        public const string InvalidOccurredAt = "invalid_occurred_at";

        /// <summary><c>invalid_recoup_rate</c></summary>
        public const string InvalidRecoupRate = "invalid_recoup_rate";

        /// <summary><c>invalid_source</c></summary>
        public const string InvalidSource = "invalid_source";

        /// <summary><c>invalid_split</c></summary>
        public const string InvalidSplit = "invalid_split";

        /// <summary><c>invalid_transfer_date</c></summary>
        public const string InvalidTransferDate = "invalid_transfer_date";

        /// <summary><c>no_pending_claims</c></summary>
        public const string NoPendingClaims = "no_pending_claims";

        /// <summary><c>no_split_agreement</c></summary>
        public const string NoSplitAgreement = "no_split_agreement";

        /// <summary><c>not_a_party</c></summary>
        public const string NotAParty = "not_a_party";

        /// <summary><c>nothing_to_claim</c></summary>
        public const string NothingToClaim = "nothing_to_claim";

        /// <summary><c>party_not_on_team</c></summary>
        public const string PartyNotOnTeam = "party_not_on_team";

        /// <summary><c>payout_sender_missing</c></summary>
        public const string PayoutSenderMissing = "payout_sender_missing";

        /// <summary><c>revenue_before_holdings_change</c></summary>
        public const string RevenueBeforeHoldingsChange = "revenue_before_holdings_change";
    }

    /// <summary>There is no such version of the split.</summary>
    public static Error AgreementNotFound { get; } = new(Codes.AgreementNotFound, ErrorKind.NotFound);

    /// <summary>This version is no longer waiting for acceptance.</summary>
    public static Error AgreementNotPending { get; } = new(Codes.AgreementNotPending, ErrorKind.Conflict);

    /// <summary>You have already accepted this version.</summary>
    public static Error AlreadyAccepted { get; } = new(Codes.AlreadyAccepted, ErrorKind.Invalid);

    /// <summary>Add the bank account yen should be paid to before claiming yen (below).</summary>
    public static Error BankAccountRequired { get; } = new(Codes.BankAccountRequired, ErrorKind.Invalid);

    /// <summary>This batch was already confirmed as paid; nothing was changed.</summary>
    public static Error BatchAlreadyPaid { get; } = new(Codes.BatchAlreadyPaid, ErrorKind.Conflict);

    /// <summary>There is no such payout batch.</summary>
    public static Error BatchNotFound { get; } = new(Codes.BatchNotFound, ErrorKind.NotFound);

    /// <summary>Revenue cannot have arrived in the future; pick today or an earlier day.</summary>
    public static Error InvalidOccurredAt { get; } = new(Codes.InvalidOccurredAt, ErrorKind.Invalid);

    /// <summary>A recoupment rate is a percent from 0 to 100, with at most two decimals.</summary>
    public static Error InvalidRecoupRate { get; } = new(Codes.InvalidRecoupRate, ErrorKind.Invalid);

    /// <summary>Say where the revenue came from in 1 to {0} characters.</summary>
    public static Error InvalidSource(int maxSourceLength) => new(Codes.InvalidSource, ErrorKind.Invalid, maxSourceLength);

    /// <summary>A split needs at least one party; weights are whole numbers of 0 or more and not all zero; a fixed share is 0.01% to 100% (1 to 10,000 bp), fixed shares together at most 100%; each person once, with a weight or a fixed share, not both.</summary>
    public static Error InvalidSplit { get; } = new(Codes.InvalidSplit, ErrorKind.Invalid);

    /// <summary>The transfer date must be today or later.</summary>
    public static Error InvalidTransferDate { get; } = new(Codes.InvalidTransferDate, ErrorKind.Invalid);

    /// <summary>No claim in this asset is waiting for a payout.</summary>
    public static Error NoPendingClaims { get; } = new(Codes.NoPendingClaims, ErrorKind.Invalid);

    /// <summary>No split agreement was in force when this revenue arrived: every party must accept a split first.</summary>
    public static Error NoSplitAgreement { get; } = new(Codes.NoSplitAgreement, ErrorKind.Invalid);

    /// <summary>Only a party named in this version can accept it.</summary>
    public static Error NotAParty { get; } = new(Codes.NotAParty, ErrorKind.Invalid);

    /// <summary>There is nothing to claim in this asset right now.</summary>
    public static Error NothingToClaim { get; } = new(Codes.NothingToClaim, ErrorKind.Invalid);

    /// <summary>Someone paid by weight must be on the project's team; give an outside party a fixed share instead.</summary>
    public static Error PartyNotOnTeam { get; } = new(Codes.PartyNotOnTeam, ErrorKind.Invalid);

    /// <summary>An admin must set the community's paying account and sender code before yen can be paid out.</summary>
    public static Error PayoutSenderMissing { get; } = new(Codes.PayoutSenderMissing, ErrorKind.Invalid);

    /// <summary>Tokens changed hands after this revenue arrived. Record it as of the last change of holdings or later, so that the holders' share goes to those who held the tokens.</summary>
    public static Error RevenueBeforeHoldingsChange { get; } = new(Codes.RevenueBeforeHoldingsChange, ErrorKind.Invalid);
}
