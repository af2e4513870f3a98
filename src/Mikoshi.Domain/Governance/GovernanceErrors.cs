namespace Mikoshi.Domain.Governance;

/// <summary>
/// The errors of proposals, votes and governance parameters: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class GovernanceErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>already_settled</c></summary>
        public const string AlreadySettled = "already_settled";

        /// <summary><c>choice_not_on_ballot</c></summary>
        public const string ChoiceNotOnBallot = "choice_not_on_ballot";

        /// <summary><c>delegation_loop</c></summary>
        public const string DelegationLoop = "delegation_loop";

        /// <summary><c>envelope_address_mismatch</c></summary>
        public const string EnvelopeAddressMismatch = "envelope_address_mismatch";

        /// <summary><c>invalid_address</c></summary>
        public const string InvalidAddress = "invalid_address";

        /// <summary><c>invalid_custodial_key</c></summary>
        public const string InvalidCustodialKey = "invalid_custodial_key";

        /// <summary><c>invalid_hours</c></summary>
        public const string InvalidHours = "invalid_hours";

        /// <summary><c>invalid_nonce</c></summary>
        public const string InvalidNonce = "invalid_nonce";

        /// <summary><c>invalid_proposal</c></summary>
        public const string InvalidProposal = "invalid_proposal";

        /// <summary><c>invalid_reason</c></summary>
        public const string InvalidReason = "invalid_reason";

        /// <summary><c>invalid_signature</c></summary>
        public const string InvalidSignature = "invalid_signature";

        /// <summary><c>invalid_typed_data</c></summary>
        public const string InvalidTypedData = "invalid_typed_data";

        /// <summary><c>no_voting_power</c></summary>
        public const string NoVotingPower = "no_voting_power";

        /// <summary><c>not_proposer</c></summary>
        public const string NotProposer = "not_proposer";

        /// <summary><c>outside_voting_window</c></summary>
        public const string OutsideVotingWindow = "outside_voting_window";

        /// <summary><c>parameter_out_of_range</c></summary>
        public const string ParameterOutOfRange = "parameter_out_of_range";

        /// <summary><c>proposal_mismatch</c></summary>
        public const string ProposalMismatch = "proposal_mismatch";

        /// <summary><c>proposal_not_cancellable</c></summary>
        public const string ProposalNotCancellable = "proposal_not_cancellable";

        /// <summary><c>proposal_not_found</c></summary>
        public const string ProposalNotFound = "proposal_not_found";

        /// <summary><c>token_locked_by_vote</c></summary>
        public const string TokenLockedByVote = "token_locked_by_vote";

        /// <summary><c>typed_data_mismatch</c></summary>
        public const string TypedDataMismatch = "typed_data_mismatch";

        /// <summary><c>unknown_parameter</c></summary>
        public const string UnknownParameter = "unknown_parameter";

        /// <summary><c>vote_replayed</c></summary>
        public const string VoteReplayed = "vote_replayed";

        /// <summary><c>wrong_chain_id</c></summary>
        public const string WrongChainId = "wrong_chain_id";

        /// <summary><c>wrong_vote_domain</c></summary>
        public const string WrongVoteDomain = "wrong_vote_domain";
    }

    /// <summary>Another executor settled this proposal first.</summary>
    public static Error AlreadySettled { get; } = new(Codes.AlreadySettled, ErrorKind.Conflict);

    /// <summary>Choose for, against or abstain.</summary>
    public static Error ChoiceNotOnBallot { get; } = new(Codes.ChoiceNotOnBallot, ErrorKind.Invalid);

    /// <summary>That delegation would come back to you: choose someone whose delegation does not lead to you.</summary>
    public static Error DelegationLoop { get; } = new(Codes.DelegationLoop, ErrorKind.Invalid);

    /// <summary>The wallet address sent with the vote is not the vote's voter.</summary>
    public static Error EnvelopeAddressMismatch { get; } = new(Codes.EnvelopeAddressMismatch, ErrorKind.Invalid);

    /// <summary>That is not an Ethereum address (0x and 40 hexadecimal digits, with a correct checksum if mixed-case).</summary>
    public static Error InvalidAddress { get; } = new(Codes.InvalidAddress, ErrorKind.Invalid);

    /// <summary>Your custodial key could not be used. Please contact the community's admin.</summary>
    public static Error InvalidCustodialKey { get; } = new(Codes.InvalidCustodialKey, ErrorKind.Invalid);

    /// <summary>Write the hours as a whole number, such as 24.</summary>
    public static Error InvalidHours { get; } = new(Codes.InvalidHours, ErrorKind.Invalid);

    /// <summary>A vote's nonce is a whole number greater than any you used on this proposal.</summary>
    public static Error InvalidNonce { get; } = new(Codes.InvalidNonce, ErrorKind.Invalid);

    /// <summary>A proposal needs a kind, a title of 1 to {0} characters, a body of at most {1}, and a voting window of one minute to 365 days that opens now or later (grace at most 365 days).</summary>
    public static Error InvalidProposal { get; } = new(Codes.InvalidProposal, ErrorKind.Invalid, ProposalLifecycle.MaxTitleLength, ProposalLifecycle.MaxBodyLength);

    /// <summary>A reason is at most {0} characters, without control characters.</summary>
    public static Error InvalidReason(int maxReasonLength) => new(Codes.InvalidReason, ErrorKind.Invalid, maxReasonLength);

    /// <summary>The signature is not a valid 65-byte signature.</summary>
    public static Error InvalidSignature { get; } = new(Codes.InvalidSignature, ErrorKind.Malformed);

    /// <summary>The signed vote document is malformed: numbers must be whole numbers and texts must be strings.</summary>
    public static Error InvalidTypedData { get; } = new(Codes.InvalidTypedData, ErrorKind.Invalid);

    /// <summary>You held no voting power when this proposal opened, of your own or delegated, so you cannot vote on it.</summary>
    public static Error NoVotingPower { get; } = new(Codes.NoVotingPower, ErrorKind.Forbidden);

    /// <summary>Only the proposer may cancel a proposal.</summary>
    public static Error NotProposer { get; } = new(Codes.NotProposer, ErrorKind.Forbidden);

    /// <summary>Voting is not open on this proposal: it has not opened yet, it has closed, or it was cancelled.</summary>
    public static Error OutsideVotingWindow { get; } = new(Codes.OutsideVotingWindow, ErrorKind.Conflict);

    /// <summary>That value is outside what this parameter allows (a rate above 100%, revenue shares adding up to more than the whole, a threshold a minority could pass, a period too short or too long…): choose a value in its range.</summary>
    public static Error ParameterOutOfRange { get; } = new(Codes.ParameterOutOfRange, ErrorKind.Invalid);

    /// <summary>This vote was signed for another proposal.</summary>
    public static Error ProposalMismatch { get; } = new(Codes.ProposalMismatch, ErrorKind.Invalid);

    /// <summary>This proposal can no longer be cancelled: a proposer may cancel only until it is queued.</summary>
    public static Error ProposalNotCancellable { get; } = new(Codes.ProposalNotCancellable, ErrorKind.Conflict);

    /// <summary>There is no such proposal.</summary>
    public static Error ProposalNotFound { get; } = new(Codes.ProposalNotFound, ErrorKind.NotFound);

    /// <summary>This token backed a "for" vote on proposal {0}, which is not processed yet. It stays where it is — no gift, sale, listing, redemption or hand-over — until that proposal is executed, defeated or cancelled.</summary>
    public static Error TokenLockedByVote(long proposal) => new(Codes.TokenLockedByVote, ErrorKind.Conflict, proposal);

    /// <summary>The wallet signed a vote document other than the one Mikoshi publishes: ask for the typed data again and sign that.</summary>
    public static Error TypedDataMismatch { get; } = new(Codes.TypedDataMismatch, ErrorKind.Invalid);

    /// <summary>That is not a parameter a proposal can change: choose one from the list.</summary>
    public static Error UnknownParameter { get; } = new(Codes.UnknownParameter, ErrorKind.Invalid);

    /// <summary>This vote was already sent, or a newer one was: reload the page and vote again.</summary>
    public static Error VoteReplayed { get; } = new(Codes.VoteReplayed, ErrorKind.Conflict);

    /// <summary>The wallet signed this vote for another network: switch the wallet to this community's chain and sign again.</summary>
    public static Error WrongChainId { get; } = new(Codes.WrongChainId, ErrorKind.Invalid);

    /// <summary>This vote was signed for another community or vote format: ask for the typed data again and sign that.</summary>
    public static Error WrongVoteDomain { get; } = new(Codes.WrongVoteDomain, ErrorKind.Invalid);

    /// <summary>A recoupment rate is a percent from 0 to 100, with at most two decimals.</summary>
    public static Error RecoupRateOutOfRange { get; } = Error.Case(Codes.ParameterOutOfRange, "recoup_rate", ErrorKind.Invalid);
}
