using Microsoft.AspNetCore.Identity;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A person's sign-in account; its id is the person's id.</summary>
public sealed class MikoshiUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public PersonId PersonId => new(Id);

    /// <summary>A few sentences about themselves.</summary>
    public string Bio { get; set; } = string.Empty;

    /// <summary>What they are good at (得意): community vocabulary or free tags.</summary>
    public List<string> Skills { get; set; } = [];

    /// <summary>What they love (好き).</summary>
    public List<string> Loves { get; set; } = [];

    /// <summary>Values they hold, usually chosen from charters.</summary>
    public List<string> Values { get; set; } = [];

    /// <summary>
    /// Whether public pages (ledger, votes) show this person by id and name; otherwise anonymous readers and
    /// non-members see a per-community pseudonym. Off until the person turns it on.
    /// </summary>
    public bool ShownInPublic { get; set; }

    /// <summary>The IANA time zone this person reads times in; null means their community's (else Asia/Tokyo).</summary>
    public string? TimeZone { get; set; }
}

/// <summary>A role a person holds in a community beyond visitor (member comes from holding a token).</summary>
public sealed class CommunityRoleRow
{
    public CommunityId CommunityId { get; set; }

    public PersonId PersonId { get; set; }

    public Role Role { get; set; }
}

/// <summary>A journal entry's header. Numbered 1, 2, 3… within its community.</summary>
public sealed class JournalEntryRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Memo { get; set; } = string.Empty;

    public string Reference { get; set; } = string.Empty;

    public long AtUnixMs { get; set; }

    public string Actor { get; set; } = string.Empty;

    /// <summary>The audit link that records this entry.</summary>
    public long AuditSequence { get; set; }

    public List<PostingRow> Postings { get; set; } = [];
}

/// <summary>One leg of a journal entry.</summary>
public sealed class PostingRow
{
    public CommunityId CommunityId { get; set; }

    public long EntryNumber { get; set; }

    public int Index { get; set; }

    public string Account { get; set; } = string.Empty;

    public string Asset { get; set; } = string.Empty;

    public Int128 Units { get; set; }
}

/// <summary>The cached balance of one account in one asset: a fold of the journal, updated in the same transaction.</summary>
public sealed class BalanceRow
{
    public CommunityId CommunityId { get; set; }

    public string Account { get; set; } = string.Empty;

    public string Asset { get; set; } = string.Empty;

    public Int128 Units { get; set; }
}

/// <summary>One link of an audit chain (see <see cref="Domain.Audit.AuditRecord"/>).</summary>
public sealed class AuditRow
{
    public Guid Chain { get; set; }

    public long Sequence { get; set; }

    public long AtUnixMs { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Payload { get; set; } = string.Empty;

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}

/// <summary>The first result of a write made with an idempotency key, kept to replay it (each door renders it as it did the first time).</summary>
public sealed class IdempotencyRow
{
    /// <summary>Who made the request and where: retries by another caller never collide.</summary>
    public string Scope { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 of the request body as the endpoint read it.</summary>
    public string RequestHash { get; set; } = string.Empty;

    /// <summary>The use case's result as JSON (<see cref="Writer.Json"/>), read back on a replay.</summary>
    public string ResponseJson { get; set; } = string.Empty;

    public long AtUnixMs { get; set; }
}

/// <summary>A person's token count from an instant on (see <see cref="Domain.Membership.HoldingsHistory"/>).</summary>
public sealed class CheckpointRow
{
    public CommunityId CommunityId { get; set; }

    public PersonId PersonId { get; set; }

    public long Sequence { get; set; }

    public long AtUnixMs { get; set; }

    public long Count { get; set; }
}

/// <summary>A holder's succession plan, as JSON of the domain plan's named people.</summary>
public sealed class SuccessionPlanRow
{
    public CommunityId CommunityId { get; set; }

    public PersonId HolderId { get; set; }

    public string SuccessorsJson { get; set; } = "[]";

    public bool ByShares { get; set; }

    public string GuardiansJson { get; set; } = "[]";

    public int Threshold { get; set; }

    public int InactivityDays { get; set; }

    public int VetoDays { get; set; }

    /// <summary>When the guardians' confirmations reached the threshold; null while they have not.</summary>
    public long? ThresholdReachedAtUnixMs { get; set; }
}

/// <summary>A guardian's confirmation that a holder's succession should run.</summary>
public sealed class SuccessionConfirmationRow
{
    public CommunityId CommunityId { get; set; }

    public PersonId HolderId { get; set; }

    public PersonId GuardianId { get; set; }

    public long AtUnixMs { get; set; }
}

/// <summary>A person in an LLC-type DAO's member register (社員名簿): approved by an executive member (業務執行社員).</summary>
public sealed class LlcMemberRow
{
    public CommunityId CommunityId { get; set; }

    public PersonId PersonId { get; set; }

    /// <summary><c>executive</c> (業務執行社員) or <c>non_executive</c> (非業務執行社員).</summary>
    public string Role { get; set; } = string.Empty;

    public PersonId ApprovedById { get; set; }

    public long ApprovedAtUnixMs { get; set; }
}

/// <summary>A skill in a community's shared vocabulary (得意), extended by its admins.</summary>
public sealed class SkillRow
{
    public CommunityId CommunityId { get; set; }

    public string Name { get; set; } = string.Empty;
}

/// <summary>A co-creation project, numbered within its community.</summary>
public sealed class ProjectRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    /// <summary>The skills the project is looking for.</summary>
    public List<string> NeededSkills { get; set; } = [];

    public List<string> Values { get; set; } = [];

    /// <summary>idea, forming, active, released or archived (see <see cref="Domain.Projects.ProjectStatus"/>).</summary>
    public string Status { get; set; } = "idea";

    public PersonId CreatedById { get; set; }

    public long CreatedAtUnixMs { get; set; }
}

/// <summary>A person on a project's team, with their role.</summary>
public sealed class TeamMemberRow
{
    public CommunityId CommunityId { get; set; }

    public long ProjectNumber { get; set; }

    public PersonId PersonId { get; set; }

    public string Role { get; set; } = string.Empty;

    public long JoinedAtUnixMs { get; set; }
}

/// <summary>
/// A way onto a team: an invitation from a lead (the invitee answers) or a join request from a
/// member (a lead answers). Numbered within the community.
/// </summary>
public sealed class InvitationRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public long ProjectNumber { get; set; }

    /// <summary>invitation or request.</summary>
    public string Kind { get; set; } = "invitation";

    /// <summary>Who would join the team.</summary>
    public PersonId PersonId { get; set; }

    public string Role { get; set; } = string.Empty;

    /// <summary>Who asked: the lead for an invitation, the person themselves for a request.</summary>
    public PersonId AskedById { get; set; }

    /// <summary>pending, accepted or declined.</summary>
    public string State { get; set; } = "pending";

    public long CreatedAtUnixMs { get; set; }

    public long? ClosedAtUnixMs { get; set; }
}

/// <summary>What a team member did for a project, numbered within the community.</summary>
public sealed class ContributionRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public long ProjectNumber { get; set; }

    public PersonId AuthorId { get; set; }

    public string Summary { get; set; } = string.Empty;

    public string? EvidenceUrl { get; set; }

    public long OccurredAtUnixMs { get; set; }

    public long RecordedAtUnixMs { get; set; }
}

/// <summary>A team-mate's acknowledgement of a contribution.</summary>
public sealed class AcknowledgementRow
{
    public CommunityId CommunityId { get; set; }

    public long ContributionNumber { get; set; }

    public PersonId PersonId { get; set; }

    public long AtUnixMs { get; set; }
}

/// <summary>Thanks (感謝) from one person to another, optionally for a project.</summary>
public sealed class ThanksRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public PersonId FromId { get; set; }

    public PersonId ToId { get; set; }

    public string Message { get; set; } = string.Empty;

    public long? ProjectNumber { get; set; }

    public long AtUnixMs { get; set; }
}

/// <summary>
/// One version of a project's split agreement. It comes into force once every named party has
/// accepted it, and stays the one used for revenue that arrived while it was in force.
/// </summary>
public sealed class AgreementRow
{
    public CommunityId CommunityId { get; set; }

    public long ProjectNumber { get; set; }

    /// <summary>1, 2, 3… within the project.</summary>
    public int Version { get; set; }

    public PersonId ProposedById { get; set; }

    public long ProposedAtUnixMs { get; set; }

    /// <summary>manual, or contributions when the weights were derived from acknowledged contributions.</summary>
    public string Basis { get; set; } = "manual";

    /// <summary>proposed, in-force or superseded.</summary>
    public string State { get; set; } = "proposed";

    /// <summary>When the last party accepted; revenue that arrived from then on uses this version (until the next).</summary>
    public long? InForceAtUnixMs { get; set; }

    public List<AgreementPartyRow> Parties { get; set; } = [];
}

/// <summary>A party named in an agreement version, with its weight or fixed share and its acceptance.</summary>
public sealed class AgreementPartyRow
{
    public CommunityId CommunityId { get; set; }

    public long ProjectNumber { get; set; }

    public int Version { get; set; }

    public int Index { get; set; }

    public PersonId PersonId { get; set; }

    public long Weight { get; set; }

    public int FixedBps { get; set; }

    public long? AcceptedAtUnixMs { get; set; }
}

/// <summary>A treasury grant (原資) to a project, with its recoupment rate.</summary>
public sealed class GrantRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public long ProjectNumber { get; set; }

    public string Asset { get; set; } = string.Empty;

    public Int128 Amount { get; set; }

    /// <summary>The share of each revenue event that goes back to the treasury until the grant is recovered; 0 for none.</summary>
    public Bps RecoupRateBps { get; set; }

    public PersonId GrantedById { get; set; }

    public long AtUnixMs { get; set; }

    public long EntryNumber { get; set; }
}

/// <summary>One revenue event of a project and where its units went (the journal entry has every leg).</summary>
public sealed class RevenueRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public long ProjectNumber { get; set; }

    public string Asset { get; set; } = string.Empty;

    public Int128 Amount { get; set; }

    public string Source { get; set; } = string.Empty;

    public long OccurredAtUnixMs { get; set; }

    public long RecordedAtUnixMs { get; set; }

    public PersonId RecordedById { get; set; }

    /// <summary>The agreement version in force when the revenue arrived.</summary>
    public int AgreementVersion { get; set; }

    public Int128 Recouped { get; set; }

    public Int128 Treasury { get; set; }

    public Int128 Holders { get; set; }

    public Int128 Reserve { get; set; }

    public Int128 Contributors { get; set; }

    /// <summary>Tokens in circulation the holders' share was spread over.</summary>
    public long HolderSupply { get; set; }

    public long EntryNumber { get; set; }
}

/// <summary>
/// The holders' accumulator for one asset: units owed per token since the beginning (scaled by
/// 2^128, as decimal digits) and the scaled remainder not yet spread.
/// </summary>
public sealed class HolderPoolRow
{
    public CommunityId CommunityId { get; set; }

    public string Asset { get; set; } = string.Empty;

    public string PerTokenScaled { get; set; } = "0";

    public string CarryScaled { get; set; } = "0";
}

/// <summary>How much of the accumulator has been accounted to a token's owners (scaled, decimal digits).</summary>
public sealed class TokenAccrualRow
{
    public CommunityId CommunityId { get; set; }

    public long Serial { get; set; }

    public string Asset { get; set; } = string.Empty;

    public string PaidScaled { get; set; } = "0";
}

/// <summary>One asset of the treasury as the tokens' common property (see <see cref="Domain.Membership.TreasuryPool"/>).</summary>
public sealed class TreasuryPoolRow
{
    public CommunityId CommunityId { get; set; }

    public string Asset { get; set; } = string.Empty;

    public Int128 Units { get; set; }

    public Int128 IssuedPerToken { get; set; }

    public Int128 Unowned { get; set; }

    public Domain.Membership.TreasuryPool Pool
    {
        get => Domain.Membership.TreasuryPool.Of(Units, IssuedPerToken, Unowned);
        set => (Units, IssuedPerToken, Unowned) = (value.Units, value.IssuedPerToken, value.Unowned);
    }
}

/// <summary>
/// A token's units of one pool: those it holds, and the pool's issuance per token when it started counting
/// (a token with no row for a pool holds nothing of it and has counted every issuance).
/// </summary>
public sealed class TokenUnitsRow
{
    public CommunityId CommunityId { get; set; }

    public long Serial { get; set; }

    public string Asset { get; set; } = string.Empty;

    public Int128 Holds { get; set; }

    public Int128 Mark { get; set; }
}

/// <summary>What a person has received from the holders' share, for the LLC-DAO cap (出資額).</summary>
public sealed class HolderPaymentRow
{
    public CommunityId CommunityId { get; set; }

    public PersonId PersonId { get; set; }

    public string Asset { get; set; } = string.Empty;

    public Int128 Received { get; set; }
}

/// <summary>A person's bank account for yen payouts (private: only they and treasurers exporting a batch see it).</summary>
public sealed class BankAccountRow
{
    public PersonId PersonId { get; set; }

    public string BankCode { get; set; } = string.Empty;

    public string BankName { get; set; } = string.Empty;

    public string BranchCode { get; set; } = string.Empty;

    public string BranchName { get; set; } = string.Empty;

    public int AccountType { get; set; }

    public string AccountNumber { get; set; } = string.Empty;

    /// <summary>The account holder's name as the bank knows it, in katakana.</summary>
    public string HolderName { get; set; } = string.Empty;
}

/// <summary>The community's paying account and bank-given sender code, for Zengin files.</summary>
public sealed class PayoutSenderRow
{
    public CommunityId CommunityId { get; set; }

    public string SenderCode { get; set; } = string.Empty;

    public string SenderName { get; set; } = string.Empty;

    public string BankCode { get; set; } = string.Empty;

    public string BankName { get; set; } = string.Empty;

    public string BranchCode { get; set; } = string.Empty;

    public string BranchName { get; set; } = string.Empty;

    public int AccountType { get; set; }

    public string AccountNumber { get; set; } = string.Empty;
}

/// <summary>A work (制作物) a project released, with its link; numbered within the community.</summary>
public sealed class WorkRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public long ProjectNumber { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public long ReleasedAtUnixMs { get; set; }

    public PersonId AddedById { get; set; }
}

/// <summary>One signed vote. Every vote is kept; a voter's vote with the greatest nonce counts.</summary>
public sealed class VoteRow
{
    public CommunityId CommunityId { get; set; }

    public long ProposalNumber { get; set; }

    /// <summary>1, 2, 3… within the proposal, in the order votes arrived.</summary>
    public long Sequence { get; set; }

    public PersonId PersonId { get; set; }

    /// <summary>The signer, EIP-55.</summary>
    public string Address { get; set; } = string.Empty;

    public string Choice { get; set; } = string.Empty;

    public long Nonce { get; set; }

    public string Reason { get; set; } = string.Empty;

    /// <summary>The 65-byte signature, 0x-hex.</summary>
    public string Signature { get; set; } = string.Empty;

    /// <summary>The EIP-712 digest that was signed, 0x-hex.</summary>
    public string Digest { get; set; } = string.Empty;

    /// <summary>True when the server signed with the person's custodial key.</summary>
    public bool Custodial { get; set; }

    public long AtUnixMs { get; set; }
}

/// <summary>A delegation of voting power in a community, in force from an instant until another (or until revoked).</summary>
public sealed class DelegationRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public PersonId DelegatorId { get; set; }

    public PersonId DelegateId { get; set; }

    public long FromUnixMs { get; set; }

    public long? UntilUnixMs { get; set; }
}

/// <summary>A person's server-held secp256k1 key, the secret encrypted with ASP.NET Data Protection.</summary>
public sealed class CustodialKeyRow
{
    public PersonId PersonId { get; set; }

    /// <summary>EIP-55.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>The 32-byte secret as hex, protected (never stored in the clear).</summary>
    public string ProtectedSecret { get; set; } = string.Empty;

    public long CreatedAtUnixMs { get; set; }

    public long? LastExportedAtUnixMs { get; set; }
}

/// <summary>An Ethereum address that acts for a person (custodial today; a wallet proven by SIWE in chain mode).</summary>
public sealed class WalletLinkRow
{
    /// <summary>Lower-case 0x-hex, so that lookups ignore the EIP-55 checksum's case.</summary>
    public string Address { get; set; } = string.Empty;

    public PersonId PersonId { get; set; }

    /// <summary>custodial (or siwe, later).</summary>
    public string Kind { get; set; } = string.Empty;

    public long LinkedAtUnixMs { get; set; }

    /// <summary>The EIP-4361 message the wallet signed when it was linked (or first signed in), for anyone to check; null for a custodial key, an outside holder, or a link made before #17.</summary>
    public string? LinkMessage { get; set; }

    /// <summary>The wallet's signature of <see cref="LinkMessage"/>.</summary>
    public string? LinkSignature { get; set; }
}

/// <summary>
/// A person's private calendar token: the feed's URL carries it, so it is kept only as its SHA-256 hash. Revoking
/// stamps it; a new token is a new row.
/// </summary>
public sealed class CalendarTokenRow
{
    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public PersonId PersonId { get; set; }

    public long CreatedAtUnixMs { get; set; }

    public long? RevokedAtUnixMs { get; set; }
}

/// <summary>A community's governance rules for one proposal kind, when changed from the defaults.</summary>
public sealed class GovernanceRuleRow
{
    public CommunityId CommunityId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public Bps QuorumBps { get; set; }

    public Bps ThresholdBps { get; set; }

    public int VotingPeriodHours { get; set; }

    public int GracePeriodHours { get; set; }
}

/// <summary>
/// A Sign-In with Ethereum nonce the server handed out: good once, until it expires. Expired rows are swept
/// when new nonces are issued, so the table holds roughly the last few minutes' worth.
/// </summary>
public sealed class SiweNonceRow
{
    /// <summary>ASCII letters and digits, as EIP-4361 allows.</summary>
    public string Nonce { get; set; } = string.Empty;

    /// <summary><c>sign-in</c>, or <c>link</c> (a wallet to the person who asked for it): a nonce serves only its purpose.</summary>
    public string Purpose { get; set; } = string.Empty;

    /// <summary>Who asked for a <c>link</c> nonce; only they may use it.</summary>
    public PersonId? PersonId { get; set; }

    public long IssuedAtUnixMs { get; set; }

    public long ExpiresAtUnixMs { get; set; }

    /// <summary>When a signed message carrying it was accepted; null while unused.</summary>
    public long? UsedAtUnixMs { get; set; }
}

// ---- Chain mode (issue #6) ----

/// <summary>A community's contracts on a chain (its presence puts the community in chain mode) and the indexer's cursor.</summary>
public sealed class ChainDeploymentRow
{
    public CommunityId CommunityId { get; set; }

    public long ChainId { get; set; }

    /// <summary>Lower-case 0x-hex, like every address the chain tables keep.</summary>
    public string Membership { get; set; } = string.Empty;

    public string Claims { get; set; } = string.Empty;

    public string Operator { get; set; } = string.Empty;

    public long DeployedBlock { get; set; }

    public long DeployedAtUnixMs { get; set; }

    /// <summary>The last block whose events are mirrored (DeployedBlock − 1 before the first pass).</summary>
    public long IndexedBlock { get; set; }

    /// <summary>That block's hash when it was mirrored: if the chain no longer has it, the chain reorganised.</summary>
    public string IndexedBlockHash { get; set; } = string.Empty;
}

/// <summary>A block the indexer mirrored, kept so that after a reorganisation it can find where the chains forked.</summary>
public sealed class ChainBlockRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public string Hash { get; set; } = string.Empty;
}

/// <summary>A contract event mirrored into Mikoshi, once per (block hash, log index), with what mirroring it did.</summary>
public sealed class ChainEventRow
{
    public CommunityId CommunityId { get; set; }

    public string BlockHash { get; set; } = string.Empty;

    public long LogIndex { get; set; }

    public long BlockNumber { get; set; }

    public string TransactionHash { get; set; } = string.Empty;

    /// <summary>mint, transfer, burn, root-published or claimed.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The membership token a mint, transfer or burn moved (null for the claims contract's events).</summary>
    public long? Serial { get; set; }

    /// <summary>The event and the effect applied (canonical JSON), enough to undo it after a reorganisation.</summary>
    public string Json { get; set; } = string.Empty;
}

/// <summary>A transaction Mikoshi owes the chain (mint, burn, publish), written in the same transaction as its cause and sent afterwards.</summary>
public sealed class ChainOutboxRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    /// <summary>mint, burn or publish.</summary>
    public string Kind { get; set; } = string.Empty;

    public long? Serial { get; set; }

    /// <summary>A mint's recipient; a redemption's holder, who is paid when its burn is mirrored.</summary>
    public PersonId? PersonId { get; set; }

    /// <summary>A redemption's burn: the address the holder held the token at when they asked (lower-case 0x-hex); the contract burns only from it.</summary>
    public string? Address { get; set; }

    public string? Asset { get; set; }

    public long? Epoch { get; set; }

    /// <summary>pending (to send), sent (mined), confirmed (its event is mirrored) or failed (refused by the chain; for a redemption, closed unpaid).</summary>
    public string State { get; set; } = "pending";

    public string? TransactionHash { get; set; }

    public string? Failure { get; set; }

    public long CreatedAtUnixMs { get; set; }
}

/// <summary>One published (or to-be-published) claims epoch of an asset: a Merkle root over cumulative entitlements.</summary>
public sealed class ChainEpochRow
{
    public CommunityId CommunityId { get; set; }

    public string Asset { get; set; } = string.Empty;

    public long Epoch { get; set; }

    /// <summary>0x-hex.</summary>
    public string Root { get; set; } = string.Empty;

    /// <summary>Decimal digits of minor units (uint256 on chain).</summary>
    public string Total { get; set; } = "0";

    public string Funding { get; set; } = "0";

    /// <summary>prepared, or published once its RootPublished event is mirrored.</summary>
    public string State { get; set; } = "prepared";

    public long PreparedAtUnixMs { get; set; }
}

/// <summary>An address's cumulative entitlement in an epoch: a leaf of that epoch's tree.</summary>
public sealed class ChainEntitlementRow
{
    public CommunityId CommunityId { get; set; }

    public string Asset { get; set; } = string.Empty;

    public long Epoch { get; set; }

    /// <summary>Lower-case 0x-hex.</summary>
    public string Address { get; set; } = string.Empty;

    public PersonId PersonId { get; set; }

    /// <summary>Decimal digits of minor units.</summary>
    public string Cumulative { get; set; } = "0";
}

/// <summary>A community's matching settings: the half-life of reputation. No row means the defaults.</summary>
public sealed class MatchingSettingsRow
{
    public CommunityId CommunityId { get; set; }

    /// <summary>Days after which an acknowledged contribution counts half (Domain.Matching.HalfLife's range).</summary>
    public int HalfLifeDays { get; set; }
}

/// <summary>A person's tax facts (issue #21): individual or company, name and address for the 支払調書, invoice number. Never a My Number.</summary>
public sealed class TaxProfileRow
{
    public PersonId PersonId { get; set; }

    /// <summary>individual or company.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>The payee's legal name as the 支払調書 shows it.</summary>
    public string LegalName { get; set; } = string.Empty;

    /// <summary>The payee's address, sealed with the key-encryption key.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>T + 13 digits, check digit verified; null when none is registered.</summary>
    public string? InvoiceNumber { get; set; }
}

/// <summary>A community's tax settings: whether a payee needs a tax status, its own invoice number, the default payout kind, 納期の特例.</summary>
public sealed class CommunityTaxRow
{
    public CommunityId CommunityId { get; set; }

    public bool RequireTaxStatus { get; set; }

    public string? InvoiceNumber { get; set; }

    public string DefaultKind { get; set; } = "none";

    /// <summary>The tax office approved 納期の特例: eligible withholding is paid half-yearly.</summary>
    public bool HalfYearly { get; set; }
}

/// <summary>What a community pays a person for (the withholding kind), set by a treasurer.</summary>
public sealed class PayeeKindRow
{
    public CommunityId CommunityId { get; set; }

    public PersonId PersonId { get; set; }

    public string Kind { get; set; } = string.Empty;
}

/// <summary>One person's line in a payout batch: gross, withheld and net as computed when the batch was made.</summary>
public sealed class PayoutLineRow
{
    public CommunityId CommunityId { get; set; }

    public long BatchNumber { get; set; }

    public PersonId PersonId { get; set; }

    public string Asset { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    /// <summary>individual, company, or empty when none was on file.</summary>
    public string Status { get; set; } = string.Empty;

    public string? InvoiceNumber { get; set; }

    public Int128 Gross { get; set; }

    public Int128 Withheld { get; set; }

    public Int128 Net { get; set; }
}

/// <summary>A payment of withheld tax to the tax office for one period (2026-11, 2026-H2), numbered within the community.</summary>
public sealed class WithholdingPaymentRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public string Period { get; set; } = string.Empty;

    public Int128 Amount { get; set; }

    public long EntryNumber { get; set; }

    public PersonId PaidById { get; set; }

    public long AtUnixMs { get; set; }
}

/// <summary>The name an account carries in the accounting export (仕訳帳), per community; defaults apply where none is set.</summary>
public sealed class BookAccountRow
{
    public CommunityId CommunityId { get; set; }

    /// <summary>A mapping key: treasury, person, escrow:withholding, external:revenue …</summary>
    public string Key { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;
}

/// <summary>
/// One event in the outbox (issue #17): written in the same transaction as the change it announces; a background
/// dispatcher expands it to its recipients later, so the request writes one row whatever the number of members.
/// </summary>
public sealed class EventRow
{
    /// <summary>Assigned by the store, increasing: readers (feeds, the dispatcher) page by it.</summary>
    public long Id { get; set; }

    public CommunityId CommunityId { get; set; }

    /// <summary>A name from <c>EventCatalogue</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Who hears of it: the community's members (null), or these people only (space-separated ids).</summary>
    public string? Recipients { get; set; }

    /// <summary>What it is about, as JSON (proposal number, title, amounts as strings...).</summary>
    public string PayloadJson { get; set; } = "{}";

    /// <summary>For events a sweep raises (a proposal closing in 24 h): unique, so replicas raise each one once.</summary>
    public string? OnceKey { get; set; }

    public long AtUnixMs { get; set; }

    /// <summary>When a dispatcher expanded it to notifications and channel deliveries; null until then.</summary>
    public long? DispatchedAtUnixMs { get; set; }

    /// <summary>
    /// How far the expansion got: the last recipient (a person id, in the store's order) whose notice is written. The
    /// dispatcher expands in chunks, one transaction each, and a crash resumes after this; null before the first chunk.
    /// </summary>
    public string? ExpandCursor { get; set; }
}

/// <summary>One person's notice of one event: the bell counts the unread ones.</summary>
public sealed class NotificationRow
{
    public long Id { get; set; }

    public long EventId { get; set; }

    public PersonId PersonId { get; set; }

    public CommunityId CommunityId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string PayloadJson { get; set; } = "{}";

    public long AtUnixMs { get; set; }

    public long? ReadAtUnixMs { get; set; }

    /// <summary>none, pending (a mail at once, not yet sent), sent.</summary>
    public string MailState { get; set; } = "none";

    /// <summary>The digest this notice goes into (daily:2026-11-27, weekly:2026-W48), or null.</summary>
    public string? DigestPeriod { get; set; }

    /// <summary>When the digest is due (the end of its period); null without a digest.</summary>
    public long? DigestDueUnixMs { get; set; }

    /// <summary>Whether its digest was sent.</summary>
    public bool Digested { get; set; }
}

/// <summary>A person's choice for one event kind; a kind without a row takes the catalogue's default.</summary>
public sealed class NotificationSettingRow
{
    public PersonId PersonId { get; set; }

    public string Kind { get; set; } = string.Empty;

    /// <summary>off, in_app, mail, daily or weekly.</summary>
    public string Delivery { get; set; } = "in_app";
}

/// <summary>A one-click unsubscribe token (RFC 8058): only its SHA-256 is kept; it works once.</summary>
public sealed class UnsubscribeTokenRow
{
    /// <summary>Lower-case hex SHA-256 of the token in the mail's link.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public PersonId PersonId { get; set; }

    /// <summary>The event kind the mail was about, or daily/weekly for a digest.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The community the mail was about (shown on the unsubscribe page); null for a digest.</summary>
    public CommunityId? CommunityId { get; set; }

    public long CreatedAtUnixMs { get; set; }

    public long? UsedAtUnixMs { get; set; }
}

/// <summary>A digest sent: one per person and period, whatever the number of replicas (the key is unique).</summary>
public sealed class DigestRow
{
    public PersonId PersonId { get; set; }

    public string Period { get; set; } = string.Empty;

    public long SentAtUnixMs { get; set; }

    public int Items { get; set; }
}

/// <summary>A community channel: a Discord or Slack incoming webhook, a LINE official account, or a signed webhook.</summary>
public sealed class CommunityChannelRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    /// <summary>discord, slack, line or webhook.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>A name the admin chose.</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>Where to post, sealed with the SecretBox (a Discord or Slack webhook URL is itself a secret).</summary>
    public string SealedUrl { get; set; } = string.Empty;

    /// <summary>The LINE channel access token or the Standard Webhooks secret (whsec_...), sealed; empty for Discord and Slack.</summary>
    public string SealedSecret { get; set; } = string.Empty;

    /// <summary>ja or en.</summary>
    public string Language { get; set; } = "ja";

    /// <summary>The event kinds it receives (space-separated catalogue names, all public); null for every public kind.</summary>
    public string? Kinds { get; set; }

    public bool Enabled { get; set; } = true;

    public int ConsecutiveFailures { get; set; }

    /// <summary>Why it was turned off automatically, shown to the admin.</summary>
    public string? DisabledReason { get; set; }

    public long CreatedAtUnixMs { get; set; }
}

/// <summary>One event to one channel: tried until it succeeds, with exponential back-off; the log the admin reads.</summary>
public sealed class ChannelDeliveryRow
{
    public long Id { get; set; }

    public CommunityId CommunityId { get; set; }

    public long ChannelNumber { get; set; }

    public long EventId { get; set; }

    /// <summary>pending, sent, or abandoned (the channel was turned off).</summary>
    public string State { get; set; } = "pending";

    public int Attempts { get; set; }

    public long NextAttemptAtUnixMs { get; set; }

    /// <summary>A sender's claim on it until this instant, so two replicas never post the same delivery at once.</summary>
    public long LeaseUntilUnixMs { get; set; }

    public int? LastStatus { get; set; }

    public string? LastError { get; set; }

    public long? SentAtUnixMs { get; set; }
}

/// <summary>The language a person reads their notices and mails in (ja or en); without one, mails carry both.</summary>
public sealed class NotificationProfileRow
{
    public PersonId PersonId { get; set; }

    public string Language { get; set; } = string.Empty;
}

/// <summary>
/// Where the last clean verification of one audit chain ended (see <see cref="Verifier"/>): its last link and that
/// link's hash, the journal's last entry number then, and a digest of the balances then; signed with a key kept
/// outside the database, so a copy of the database with an edited checkpoint is refused, not trusted.
/// </summary>
public sealed class VerifyCheckpointRow
{
    public Guid Chain { get; set; }

    public long AuditSequence { get; set; }

    public string AuditHash { get; set; } = string.Empty;

    public long EntryNumber { get; set; }

    /// <summary>How many balances were not zero.</summary>
    public long BalanceCount { get; set; }

    /// <summary>SHA-256 of those balances in a fixed order, lower-case hex.</summary>
    public string BalancesHash { get; set; } = string.Empty;

    public long AtUnixMs { get; set; }

    /// <summary>The public name of the key that signed it.</summary>
    public string KeyId { get; set; } = string.Empty;

    /// <summary>HMAC-SHA256 of every field above, lower-case hex.</summary>
    public string Signature { get; set; } = string.Empty;
}

/// <summary>
/// The head of one audit chain (a community's, or the instance's own, <see cref="Guid.Empty"/>): what every write
/// reads first and updates last, in the same transaction. On PostgreSQL a write locks it (<c>SELECT … FOR UPDATE</c>),
/// so writers of a chain take turns; the community page reads its figures here instead of counting.
/// </summary>
public sealed class ChainHeadRow
{
    public Guid Chain { get; set; }

    /// <summary>Bumped by every write that commits on this chain.</summary>
    public long Version { get; set; }

    /// <summary>The last journal entry's number, which is also the count of entries (numbering has no gaps).</summary>
    public long LastEntryNumber { get; set; }

    /// <summary>The last audit link's sequence; 0 before the first link.</summary>
    public long AuditSequence { get; set; }

    /// <summary>The last audit link's hash; the genesis hash before the first link.</summary>
    public string AuditHash { get; set; } = string.Empty;

    /// <summary>Members: distinct persons holding at least one token in circulation.</summary>
    public int People { get; set; }

    /// <summary>Distinct persons holding a role (admin, treasurer…).</summary>
    public int RoleHolders { get; set; }
}

/// <summary>The last number handed out of one per-chain sequence (projects, invitations, payments…), taken under the chain's head.</summary>
public sealed class ChainCounterRow
{
    public Guid Chain { get; set; }

    public string Kind { get; set; } = string.Empty;

    public long Last { get; set; }
}
