using System.Globalization;
using System.Numerics;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Payouts;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Data;

/// <summary>
/// The store. One model for both providers; each provider has its own subclass so that its
/// migrations and its column type for money live apart (<see cref="SqliteMikoshiDb"/>,
/// <see cref="PostgresMikoshiDb"/>).
/// </summary>
public abstract class MikoshiDb(DbContextOptions options)
    : IdentityDbContext<MikoshiUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Community> Communities => Set<Community>();

    public DbSet<CommunityRoleRow> CommunityRoles => Set<CommunityRoleRow>();

    public DbSet<JournalEntryRow> JournalEntries => Set<JournalEntryRow>();

    public DbSet<PostingRow> Postings => Set<PostingRow>();

    public DbSet<BalanceRow> Balances => Set<BalanceRow>();

    public DbSet<AuditRow> AuditLog => Set<AuditRow>();

    public DbSet<IdempotencyRow> IdempotencyKeys => Set<IdempotencyRow>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Domain.Membership.Token> Tokens => Set<Domain.Membership.Token>();

    public DbSet<Domain.Membership.LineageStep> Lineage => Set<Domain.Membership.LineageStep>();

    public DbSet<Domain.Membership.Listing> Listings => Set<Domain.Membership.Listing>();

    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    public DbSet<VerifyCheckpointRow> VerifyCheckpoints => Set<VerifyCheckpointRow>();

    public DbSet<ChainHeadRow> ChainHeads => Set<ChainHeadRow>();

    public DbSet<ChainCounterRow> ChainCounters => Set<ChainCounterRow>();

    public DbSet<SuccessionPlanRow> SuccessionPlans => Set<SuccessionPlanRow>();

    public DbSet<SuccessionConfirmationRow> SuccessionConfirmations => Set<SuccessionConfirmationRow>();

    public DbSet<LlcMemberRow> LlcMembers => Set<LlcMemberRow>();

    public DbSet<SkillRow> Skills => Set<SkillRow>();

    public DbSet<ProjectRow> Projects => Set<ProjectRow>();

    public DbSet<TeamMemberRow> TeamMembers => Set<TeamMemberRow>();

    public DbSet<InvitationRow> Invitations => Set<InvitationRow>();

    public DbSet<ContributionRow> Contributions => Set<ContributionRow>();

    public DbSet<AcknowledgementRow> Acknowledgements => Set<AcknowledgementRow>();

    public DbSet<WorkRow> Works => Set<WorkRow>();

    public DbSet<AgreementRow> Agreements => Set<AgreementRow>();

    public DbSet<AgreementPartyRow> AgreementParties => Set<AgreementPartyRow>();

    public DbSet<GrantRow> Grants => Set<GrantRow>();

    public DbSet<ProjectFunding> Funding => Set<ProjectFunding>();

    public DbSet<RevenueRow> Revenue => Set<RevenueRow>();

    public DbSet<HolderPoolRow> HolderPools => Set<HolderPoolRow>();

    public DbSet<TokenAccrualRow> TokenAccruals => Set<TokenAccrualRow>();

    public DbSet<TreasuryPoolRow> TreasuryPools => Set<TreasuryPoolRow>();

    public DbSet<TokenUnitsRow> TokenUnits => Set<TokenUnitsRow>();

    public DbSet<HolderPaymentRow> HolderPayments => Set<HolderPaymentRow>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<PayoutBatch> PayoutBatches => Set<PayoutBatch>();

    public DbSet<BankAccountRow> BankAccounts => Set<BankAccountRow>();

    public DbSet<PayoutSenderRow> PayoutSenders => Set<PayoutSenderRow>();

    public DbSet<TaxProfileRow> TaxProfiles => Set<TaxProfileRow>();

    public DbSet<CommunityTaxRow> CommunityTax => Set<CommunityTaxRow>();

    public DbSet<PayeeKindRow> PayeeKinds => Set<PayeeKindRow>();

    public DbSet<PayoutLineRow> PayoutLines => Set<PayoutLineRow>();

    public DbSet<WithholdingPaymentRow> WithholdingPayments => Set<WithholdingPaymentRow>();

    public DbSet<BookAccountRow> BookAccounts => Set<BookAccountRow>();

    public DbSet<ThanksRow> Thanks => Set<ThanksRow>();

    public DbSet<ProposalRow> Proposals => Set<ProposalRow>();

    public DbSet<VoteRow> Votes => Set<VoteRow>();

    public DbSet<DelegationRow> Delegations => Set<DelegationRow>();

    public DbSet<CustodialKeyRow> CustodialKeys => Set<CustodialKeyRow>();

    public DbSet<WalletLinkRow> WalletLinks => Set<WalletLinkRow>();

    public DbSet<CalendarTokenRow> CalendarTokens => Set<CalendarTokenRow>();

    public DbSet<GovernanceRuleRow> GovernanceRules => Set<GovernanceRuleRow>();

    public DbSet<SiweNonceRow> SiweNonces => Set<SiweNonceRow>();

    public DbSet<ChainDeploymentRow> ChainDeployments => Set<ChainDeploymentRow>();

    public DbSet<ChainBlockRow> ChainBlocks => Set<ChainBlockRow>();

    public DbSet<ChainEventRow> ChainEvents => Set<ChainEventRow>();

    public DbSet<ChainOutboxRow> ChainOutbox => Set<ChainOutboxRow>();

    public DbSet<EventRow> Events => Set<EventRow>();

    public DbSet<NotificationRow> Notifications => Set<NotificationRow>();

    public DbSet<NotificationSettingRow> NotificationSettings => Set<NotificationSettingRow>();

    public DbSet<NotificationProfileRow> NotificationProfiles => Set<NotificationProfileRow>();

    public DbSet<UnsubscribeTokenRow> UnsubscribeTokens => Set<UnsubscribeTokenRow>();

    public DbSet<DigestRow> Digests => Set<DigestRow>();

    public DbSet<CommunityChannelRow> CommunityChannels => Set<CommunityChannelRow>();

    public DbSet<ChannelDeliveryRow> ChannelDeliveries => Set<ChannelDeliveryRow>();

    public DbSet<ChainEpochRow> ChainEpochs => Set<ChainEpochRow>();

    public DbSet<ChainEntitlementRow> ChainEntitlements => Set<ChainEntitlementRow>();
    public DbSet<MatchingSettingsRow> MatchingSettings => Set<MatchingSettingsRow>();

    public DbSet<PaymentRow> Payments => Set<PaymentRow>();

    public DbSet<StripeEventRow> StripeEvents => Set<StripeEventRow>();

    public DbSet<DuesSubscriptionRow> DuesSubscriptions => Set<DuesSubscriptionRow>();

    public DbSet<SaleLinkRow> SaleLinks => Set<SaleLinkRow>();

    public DbSet<PaymentSettingsRow> PaymentSettings => Set<PaymentSettingsRow>();

    public DbSet<TransferCodeRow> TransferCodes => Set<TransferCodeRow>();

    public DbSet<BankLineRow> BankLines => Set<BankLineRow>();

    /// <summary>True for PostgreSQL, where writers take an advisory lock per chain.</summary>
    public abstract bool IsPostgres { get; }

    /// <summary>How money (Int128 minor units) is stored by this provider.</summary>
    protected abstract void StoreMoney(PropertyBuilder units);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<PersonId>().HaveConversion<PersonIdConverter>();
        configurationBuilder.Properties<CommunityId>().HaveConversion<CommunityIdConverter>();
        configurationBuilder.Properties<Role>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's schema version (3, with passkeys) comes from IdentityOptions.Stores; see Store.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MikoshiDb).Assembly);

        builder.Entity<VerifyCheckpointRow>(checkpoint =>
        {
            checkpoint.ToTable("verify_checkpoints");
            checkpoint.HasKey(c => c.Chain);

            // The instance's own chain is Guid.Empty: a key to keep as given, never one to generate.
            checkpoint.Property(c => c.Chain).ValueGeneratedNever();
            checkpoint.Property(c => c.AuditHash).HasMaxLength(64);
            checkpoint.Property(c => c.BalancesHash).HasMaxLength(64);
            checkpoint.Property(c => c.KeyId).HasMaxLength(32);
            checkpoint.Property(c => c.Signature).HasMaxLength(64);
        });

        builder.Entity<SkillRow>(skill =>
        {
            skill.ToTable("community_skills");
            skill.HasKey(s => new { s.CommunityId, s.Name });
            skill.Property(s => s.Name).HasMaxLength(40);
        });

        builder.Entity<ProposalRow>(proposal =>
        {
            proposal.ToTable("proposals");
            proposal.HasKey(p => new { p.CommunityId, p.Number });
            proposal.HasIndex(p => new { p.Outcome, p.GraceEndsAtUnixMs });
            proposal.Property(p => p.Kind).HasMaxLength(12);
            proposal.Property(p => p.Title).HasMaxLength(200);
            proposal.Property(p => p.Body).HasMaxLength(20_000);
            proposal.Property(p => p.PayloadJson).HasMaxLength(20_000);
            proposal.Property(p => p.Strategy).HasMaxLength(24);
            proposal.Property(p => p.Outcome).HasMaxLength(12);
            proposal.Property(p => p.FailureCode).HasMaxLength(60);
            proposal.Property(p => p.FailureDetail).HasMaxLength(500);
        });

        builder.Entity<VoteRow>(vote =>
        {
            vote.ToTable("votes");
            vote.HasKey(v => new { v.CommunityId, v.ProposalNumber, v.Sequence });

            // A nonce is used once per voter and proposal: a replay racing its original still fails.
            vote.HasIndex(v => new { v.CommunityId, v.ProposalNumber, v.PersonId, v.Nonce }).IsUnique();
            vote.Property(v => v.Address).HasMaxLength(42);
            vote.Property(v => v.Choice).HasMaxLength(12);
            vote.Property(v => v.Reason).HasMaxLength(1000);
            // 65 bytes from a key; a contract wallet's (EIP-1271) may hold several owners' signatures.
            vote.Property(v => v.Signature).HasMaxLength(2 + (2 * 65 * 16));
            vote.Property(v => v.Digest).HasMaxLength(66);
        });

        builder.Entity<DelegationRow>(delegation =>
        {
            delegation.ToTable("delegations");
            delegation.HasKey(d => new { d.CommunityId, d.Number });
            delegation.HasIndex(d => new { d.CommunityId, d.DelegatorId, d.UntilUnixMs });
        });

        builder.Entity<CustodialKeyRow>(key =>
        {
            key.ToTable("custodial_keys");
            key.HasKey(k => k.PersonId);
            key.HasIndex(k => k.Address).IsUnique();
            key.Property(k => k.Address).HasMaxLength(42);
            key.Property(k => k.ProtectedSecret).HasMaxLength(1000);
        });

        builder.Entity<WalletLinkRow>(link =>
        {
            link.ToTable("wallet_links");
            link.HasKey(l => l.Address);
            link.HasIndex(l => l.PersonId);
            link.Property(l => l.Address).HasMaxLength(42);
            link.Property(l => l.Kind).HasMaxLength(12);
            link.Property(l => l.LinkMessage).HasMaxLength(4000);
            link.Property(l => l.LinkSignature).HasMaxLength(132);
        });

        builder.Entity<CalendarTokenRow>(token =>
        {
            token.ToTable("calendar_tokens");
            token.HasKey(t => t.TokenHash);
            token.HasIndex(t => t.PersonId);
            token.Property(t => t.TokenHash).HasMaxLength(64);
        });

        builder.Entity<GovernanceRuleRow>(rule =>
        {
            rule.ToTable("governance_rules");
            rule.HasKey(r => new { r.CommunityId, r.Kind });
            rule.Property(r => r.Kind).HasMaxLength(12);
        });

        builder.Entity<ChainDeploymentRow>(deployment =>
        {
            deployment.ToTable("chain_deployments");
            deployment.HasKey(d => d.CommunityId);
            deployment.Property(d => d.Membership).HasMaxLength(42);
            deployment.Property(d => d.Claims).HasMaxLength(42);
            deployment.Property(d => d.Operator).HasMaxLength(42);
            deployment.Property(d => d.IndexedBlockHash).HasMaxLength(66);
        });

        builder.Entity<ChainBlockRow>(block =>
        {
            block.ToTable("chain_blocks");
            block.HasKey(b => new { b.CommunityId, b.Number });
            block.Property(b => b.Hash).HasMaxLength(66);
        });

        builder.Entity<ChainEventRow>(log =>
        {
            log.ToTable("chain_events");
            log.HasKey(e => new { e.CommunityId, e.BlockHash, e.LogIndex });
            log.HasIndex(e => new { e.CommunityId, e.BlockNumber });
            log.HasIndex(e => new { e.CommunityId, e.Serial });
            log.Property(e => e.BlockHash).HasMaxLength(66);
            log.Property(e => e.TransactionHash).HasMaxLength(66);
            log.Property(e => e.Kind).HasMaxLength(20);
        });

        builder.Entity<ChainOutboxRow>(outbox =>
        {
            outbox.ToTable("chain_outbox");
            outbox.HasKey(o => new { o.CommunityId, o.Number });
            outbox.HasIndex(o => new { o.CommunityId, o.State });
            outbox.Property(o => o.Kind).HasMaxLength(12);
            outbox.Property(o => o.State).HasMaxLength(12);
            outbox.Property(o => o.Asset).HasMaxLength(12);
            outbox.Property(o => o.Address).HasMaxLength(42);
            outbox.Property(o => o.TransactionHash).HasMaxLength(66);
            outbox.Property(o => o.Failure).HasMaxLength(500);
        });

        builder.Entity<ChainEpochRow>(epoch =>
        {
            epoch.ToTable("chain_epochs");
            epoch.HasKey(e => new { e.CommunityId, e.Asset, e.Epoch });
            epoch.Property(e => e.Asset).HasMaxLength(12);
            epoch.Property(e => e.Root).HasMaxLength(66);
            epoch.Property(e => e.Total).HasMaxLength(80);
            epoch.Property(e => e.Funding).HasMaxLength(80);
            epoch.Property(e => e.State).HasMaxLength(12);
        });

        builder.Entity<ChainEntitlementRow>(entitlement =>
        {
            entitlement.ToTable("chain_entitlements");
            entitlement.HasKey(e => new { e.CommunityId, e.Asset, e.Epoch, e.Address });
            entitlement.Property(e => e.Asset).HasMaxLength(12);
            entitlement.Property(e => e.Address).HasMaxLength(42);
            entitlement.Property(e => e.Cumulative).HasMaxLength(80);
        });

        builder.Entity<MatchingSettingsRow>(settings =>
        {
            settings.ToTable("matching_settings");
            settings.HasKey(s => s.CommunityId);
        });

        builder.Entity<SiweNonceRow>(nonce =>
        {
            nonce.ToTable("siwe_nonces");
            nonce.HasKey(n => n.Nonce);
            nonce.HasIndex(n => n.ExpiresAtUnixMs);
            nonce.Property(n => n.Nonce).HasMaxLength(64);
            nonce.Property(n => n.Purpose).HasMaxLength(8);
        });

        builder.Entity<EventRow>(e =>
        {
            e.ToTable("events");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DispatchedAtUnixMs);
            e.HasIndex(x => new { x.CommunityId, x.Id });
            e.HasIndex(x => x.OnceKey).IsUnique();
            e.Property(x => x.Kind).HasMaxLength(60);
            e.Property(x => x.OnceKey).HasMaxLength(200);
            e.Property(x => x.ExpandCursor).HasMaxLength(40);
        });

        builder.Entity<NotificationRow>(n =>
        {
            n.ToTable("notifications");
            n.HasKey(x => x.Id);
            n.HasIndex(x => new { x.EventId, x.PersonId }).IsUnique();
            n.HasIndex(x => new { x.PersonId, x.Id });
            n.HasIndex(x => new { x.PersonId, x.ReadAtUnixMs });
            n.HasIndex(x => x.MailState);
            n.HasIndex(x => new { x.Digested, x.DigestDueUnixMs });
            n.Property(x => x.Kind).HasMaxLength(60);
            n.Property(x => x.MailState).HasMaxLength(10);
            n.Property(x => x.DigestPeriod).HasMaxLength(20);
        });

        builder.Entity<NotificationSettingRow>(s =>
        {
            s.ToTable("notification_settings");
            s.HasKey(x => new { x.PersonId, x.Kind });
            s.HasIndex(x => x.Kind);
            s.Property(x => x.Kind).HasMaxLength(60);
            s.Property(x => x.Delivery).HasMaxLength(10);
        });

        builder.Entity<NotificationProfileRow>(p =>
        {
            p.ToTable("notification_profiles");
            p.HasKey(x => x.PersonId);
            p.Property(x => x.Language).HasMaxLength(5);
        });

        builder.Entity<UnsubscribeTokenRow>(t =>
        {
            t.ToTable("unsubscribe_tokens");
            t.HasKey(x => x.TokenHash);
            t.Property(x => x.TokenHash).HasMaxLength(64);
            t.Property(x => x.Kind).HasMaxLength(60);
        });

        builder.Entity<DigestRow>(d =>
        {
            d.ToTable("digests");
            d.HasKey(x => new { x.PersonId, x.Period });
            d.Property(x => x.Period).HasMaxLength(20);
        });

        builder.Entity<CommunityChannelRow>(c =>
        {
            c.ToTable("community_channels");
            c.HasKey(x => new { x.CommunityId, x.Number });
            c.Property(x => x.Kind).HasMaxLength(10);
            c.Property(x => x.Label).HasMaxLength(80);
            c.Property(x => x.SealedUrl).HasMaxLength(4000);
            c.Property(x => x.SealedSecret).HasMaxLength(2000);
            c.Property(x => x.Language).HasMaxLength(5);
            c.Property(x => x.Kinds).HasMaxLength(2000);
            c.Property(x => x.DisabledReason).HasMaxLength(500);
        });

        builder.Entity<ChannelDeliveryRow>(d =>
        {
            d.ToTable("channel_deliveries");
            d.HasKey(x => x.Id);
            d.HasIndex(x => new { x.CommunityId, x.ChannelNumber, x.EventId }).IsUnique();
            d.HasIndex(x => new { x.State, x.NextAttemptAtUnixMs });
            d.Property(x => x.State).HasMaxLength(10);
            d.Property(x => x.LastError).HasMaxLength(500);
        });

        // A configuration class knows no provider: it marks its money columns, and this store stores them its way.
        foreach (var units in Mapping.MoneyColumn.TakeMarked(builder))
        {
            StoreMoney(units);
        }
    }

    private sealed class PersonIdConverter() : ValueConverter<PersonId, Guid>(id => id.Value, value => new PersonId(value));

    private sealed class CommunityIdConverter() : ValueConverter<CommunityId, Guid>(id => id.Value, value => new CommunityId(value));

}

/// <summary>SQLite: money is TEXT of digits (SQLite's integers stop at 2^63).</summary>
public sealed class SqliteMikoshiDb(DbContextOptions<SqliteMikoshiDb> options) : MikoshiDb(options)
{
    public override bool IsPostgres => false;

    protected override void StoreMoney(PropertyBuilder units) => units.HasConversion(new ValueConverter<Int128, string>(
        value => value.ToString(CultureInfo.InvariantCulture),
        text => Int128.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)));
}

/// <summary>PostgreSQL: money is numeric(39,0), exact and summable in SQL.</summary>
public sealed class PostgresMikoshiDb(DbContextOptions<PostgresMikoshiDb> options) : MikoshiDb(options)
{
    public override bool IsPostgres => true;

    protected override void StoreMoney(PropertyBuilder units) => units
        .HasConversion(new ValueConverter<Int128, BigInteger>(value => (BigInteger)value, big => (Int128)big))
        .HasColumnType("numeric(39,0)");
}
