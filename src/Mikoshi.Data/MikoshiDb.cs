using System.Globalization;
using System.Numerics;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;

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

    public DbSet<TokenRow> Tokens => Set<TokenRow>();

    public DbSet<LineageRow> Lineage => Set<LineageRow>();

    public DbSet<ListingRow> Listings => Set<ListingRow>();

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

    public DbSet<FundingRow> Funding => Set<FundingRow>();

    public DbSet<RevenueRow> Revenue => Set<RevenueRow>();

    public DbSet<HolderPoolRow> HolderPools => Set<HolderPoolRow>();

    public DbSet<TokenAccrualRow> TokenAccruals => Set<TokenAccrualRow>();

    public DbSet<TreasuryPoolRow> TreasuryPools => Set<TreasuryPoolRow>();

    public DbSet<TokenUnitsRow> TokenUnits => Set<TokenUnitsRow>();

    public DbSet<HolderPaymentRow> HolderPayments => Set<HolderPaymentRow>();

    public DbSet<ClaimRow> Claims => Set<ClaimRow>();

    public DbSet<PayoutBatchRow> PayoutBatches => Set<PayoutBatchRow>();

    public DbSet<BankAccountRow> BankAccounts => Set<BankAccountRow>();

    public DbSet<PayoutSenderRow> PayoutSenders => Set<PayoutSenderRow>();

    public DbSet<TaxProfileRow> TaxProfiles => Set<TaxProfileRow>();

    public DbSet<CommunityTaxRow> CommunityTax => Set<CommunityTaxRow>();

    public DbSet<PayeeKindRow> PayeeKinds => Set<PayeeKindRow>();

    public DbSet<PayoutLineRow> PayoutLines => Set<PayoutLineRow>();

    public DbSet<WithholdingPaymentRow> WithholdingPayments => Set<WithholdingPaymentRow>();

    public DbSet<BookAccountRow> BookAccounts => Set<BookAccountRow>();

    public DbSet<ThanksRow> Thanks => Set<ThanksRow>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

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

        builder.Entity<MikoshiUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.Property(u => u.Bio).HasMaxLength(2000);
            user.Property(u => u.TimeZone).HasMaxLength(Community.MaxTimeZoneLength);
            user.PrimitiveCollection(u => u.Skills);
            user.PrimitiveCollection(u => u.Loves);
            user.PrimitiveCollection(u => u.Values);
        });

        builder.Entity<Community>(community =>
        {
            community.ToTable("communities");
            community.HasKey(c => c.Id);
            community.HasIndex(c => c.Slug).IsUnique();
            community.Property(c => c.Slug).HasMaxLength(40);
            community.Property(c => c.Name).HasMaxLength(Community.MaxNameLength);
            community.Property(c => c.CharterText).HasMaxLength(Community.MaxCharterLength);
            community.Property(c => c.BaseAsset).HasMaxLength(12);
            community.Property(c => c.TimeZone).HasMaxLength(Community.MaxTimeZoneLength);
            community.PrimitiveCollection<List<string>>("values").HasColumnName("charter_values");
            community.PrimitiveCollection<List<string>>("assets").HasColumnName("assets");
            community.Ignore(c => c.Values);
            community.Ignore(c => c.Assets);
            community.Ignore(c => c.Policy);
            community.Ignore(c => c.Base);
            community.Ignore(c => c.Revenue);
            StoreMoney(community.Property(c => c.MintBasePrice));
            StoreMoney(community.Property(c => c.MintPriceSlope));
        });

        builder.Entity<CommunityRoleRow>(role =>
        {
            role.ToTable("community_roles");
            role.HasKey(r => new { r.CommunityId, r.PersonId, r.Role });
        });

        builder.Entity<JournalEntryRow>(entry =>
        {
            entry.ToTable("journal_entries");
            entry.HasKey(e => new { e.CommunityId, e.Number });
            entry.Property(e => e.Kind).HasMaxLength(40);
            entry.Property(e => e.Memo).HasMaxLength(Domain.Ledger.JournalEntry.MaxMemoLength);
            entry.Property(e => e.Reference).HasMaxLength(200);
            entry.Property(e => e.Actor).HasMaxLength(40);
            entry.HasMany(e => e.Postings).WithOne().HasForeignKey(p => new { p.CommunityId, p.EntryNumber });
        });

        builder.Entity<PostingRow>(posting =>
        {
            posting.ToTable("postings");
            posting.HasKey(p => new { p.CommunityId, p.EntryNumber, p.Index });
            posting.HasIndex(p => new { p.CommunityId, p.Account });
            posting.Property(p => p.Account).HasMaxLength(80);
            posting.Property(p => p.Asset).HasMaxLength(12);
            StoreMoney(posting.Property(p => p.Units));
        });

        builder.Entity<BalanceRow>(balance =>
        {
            balance.ToTable("balances");
            balance.HasKey(b => new { b.CommunityId, b.Account, b.Asset });
            balance.Property(b => b.Account).HasMaxLength(80);
            balance.Property(b => b.Asset).HasMaxLength(12);
            StoreMoney(balance.Property(b => b.Units));
        });

        builder.Entity<AuditRow>(audit =>
        {
            audit.ToTable("audit_log");
            audit.HasKey(a => new { a.Chain, a.Sequence });
            audit.Property(a => a.Actor).HasMaxLength(40);
            audit.Property(a => a.Kind).HasMaxLength(60);
            audit.Property(a => a.PreviousHash).HasMaxLength(64);
            audit.Property(a => a.Hash).HasMaxLength(64);
            audit.HasIndex(a => new { a.Chain, a.Actor, a.AtUnixMs });
        });

        builder.Entity<TokenRow>(token =>
        {
            token.ToTable("tokens");
            token.HasKey(t => new { t.CommunityId, t.Serial });
            token.HasIndex(t => new { t.CommunityId, t.OwnerId });

            // What a person paid in (the LLC-DAO cap, read on every capped redemption and distribution) is the
            // prices of the tokens they minted: found by minter, not by reading every token of the community.
            token.HasIndex(t => new { t.CommunityId, t.MintedBy });
            StoreMoney(token.Property(t => t.MintPrice));
            token.HasMany(t => t.Lineage).WithOne().HasForeignKey(l => new { l.CommunityId, l.Serial });
        });

        builder.Entity<LineageRow>(step =>
        {
            step.ToTable("token_lineage");
            step.HasKey(l => new { l.CommunityId, l.Serial, l.Step });
            step.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
            StoreMoney(step.Property(l => l.Price));
            step.HasIndex(l => new { l.CommunityId, l.AtUnixMs });
        });

        builder.Entity<ListingRow>(listing =>
        {
            listing.ToTable("listings");
            listing.HasKey(l => new { l.CommunityId, l.Number });
            listing.HasIndex(l => new { l.CommunityId, l.Serial, l.State });
            listing.Property(l => l.Asset).HasMaxLength(12);
            listing.Property(l => l.State).HasMaxLength(12);
            StoreMoney(listing.Property(l => l.Price));
        });

        builder.Entity<CheckpointRow>(checkpoint =>
        {
            checkpoint.ToTable("holdings_checkpoints");
            checkpoint.HasKey(c => new { c.CommunityId, c.PersonId, c.Sequence });
            checkpoint.HasIndex(c => new { c.CommunityId, c.PersonId, c.AtUnixMs, c.Sequence });
        });

        builder.Entity<ChainHeadRow>(head =>
        {
            head.ToTable("chain_heads");
            head.HasKey(h => h.Chain);
            head.Property(h => h.Chain).ValueGeneratedNever();
            head.Property(h => h.AuditHash).HasMaxLength(64);
        });

        builder.Entity<ChainCounterRow>(counter =>
        {
            counter.ToTable("chain_counters");
            counter.HasKey(c => new { c.Chain, c.Kind });
            counter.Property(c => c.Kind).HasMaxLength(64);
        });

        builder.Entity<SuccessionPlanRow>(plan =>
        {
            plan.ToTable("succession_plans");
            plan.HasKey(p => new { p.CommunityId, p.HolderId });
        });

        builder.Entity<LlcMemberRow>(member =>
        {
            member.ToTable("llc_members");
            member.HasKey(m => new { m.CommunityId, m.PersonId });
            member.Property(m => m.Role).HasMaxLength(20);
        });

        builder.Entity<SuccessionConfirmationRow>(confirmation =>
        {
            confirmation.ToTable("succession_confirmations");
            confirmation.HasKey(c => new { c.CommunityId, c.HolderId, c.GuardianId });
        });

        builder.Entity<ProjectRow>(project =>
        {
            project.ToTable("projects");
            project.HasKey(p => new { p.CommunityId, p.Number });
            project.HasIndex(p => new { p.CommunityId, p.Status });
            project.Property(p => p.Title).HasMaxLength(Domain.Projects.ProjectRules.MaxTitleLength);
            project.Property(p => p.Description).HasMaxLength(Domain.Projects.ProjectRules.MaxDescriptionLength);
            project.Property(p => p.Status).HasMaxLength(12);
            project.PrimitiveCollection(p => p.NeededSkills);
            project.PrimitiveCollection(p => p.Values);
        });

        builder.Entity<TeamMemberRow>(member =>
        {
            member.ToTable("project_team");
            member.HasKey(m => new { m.CommunityId, m.ProjectNumber, m.PersonId });
            member.Property(m => m.Role).HasMaxLength(40);
        });

        builder.Entity<InvitationRow>(invitation =>
        {
            invitation.ToTable("project_invitations");
            invitation.HasKey(i => new { i.CommunityId, i.Number });
            invitation.HasIndex(i => new { i.CommunityId, i.ProjectNumber, i.PersonId, i.State });
            invitation.Property(i => i.Kind).HasMaxLength(12);
            invitation.Property(i => i.Role).HasMaxLength(40);
            invitation.Property(i => i.State).HasMaxLength(12);
        });

        builder.Entity<ContributionRow>(contribution =>
        {
            contribution.ToTable("contributions");
            contribution.HasKey(c => new { c.CommunityId, c.Number });
            contribution.HasIndex(c => new { c.CommunityId, c.ProjectNumber });
            contribution.HasIndex(c => new { c.CommunityId, c.AuthorId });
            contribution.Property(c => c.Summary).HasMaxLength(Domain.Projects.ContributionRules.MaxSummaryLength);
            contribution.Property(c => c.EvidenceUrl).HasMaxLength(Domain.Projects.ContributionRules.MaxEvidenceLength);
        });

        builder.Entity<AcknowledgementRow>(acknowledgement =>
        {
            acknowledgement.ToTable("contribution_acknowledgements");
            acknowledgement.HasKey(a => new { a.CommunityId, a.ContributionNumber, a.PersonId });
        });

        builder.Entity<ThanksRow>(thanks =>
        {
            thanks.ToTable("thanks");
            thanks.HasKey(t => new { t.CommunityId, t.Number });
            thanks.HasIndex(t => new { t.CommunityId, t.ToId });
            thanks.Property(t => t.Message).HasMaxLength(Domain.Projects.ThanksRules.MaxMessageLength);
        });

        builder.Entity<WorkRow>(work =>
        {
            work.ToTable("project_works");
            work.HasKey(w => new { w.CommunityId, w.Number });
            work.HasIndex(w => new { w.CommunityId, w.ProjectNumber });
            work.Property(w => w.Title).HasMaxLength(Domain.Projects.WorkRules.MaxTitleLength);
            work.Property(w => w.Url).HasMaxLength(Domain.Projects.ContributionRules.MaxEvidenceLength);
        });

        builder.Entity<AgreementRow>(agreement =>
        {
            agreement.ToTable("split_agreements");
            agreement.HasKey(a => new { a.CommunityId, a.ProjectNumber, a.Version });
            agreement.Property(a => a.Basis).HasMaxLength(16);
            agreement.Property(a => a.State).HasMaxLength(16);
            agreement.HasMany(a => a.Parties).WithOne().HasForeignKey(p => new { p.CommunityId, p.ProjectNumber, p.Version });
        });

        builder.Entity<AgreementPartyRow>(party =>
        {
            party.ToTable("split_agreement_parties");
            party.HasKey(p => new { p.CommunityId, p.ProjectNumber, p.Version, p.Index });
        });

        builder.Entity<GrantRow>(grant =>
        {
            grant.ToTable("project_grants");
            grant.HasKey(g => new { g.CommunityId, g.Number });
            grant.HasIndex(g => new { g.CommunityId, g.ProjectNumber });
            grant.Property(g => g.Asset).HasMaxLength(12);
            StoreMoney(grant.Property(g => g.Amount));
        });

        builder.Entity<FundingRow>(funding =>
        {
            funding.ToTable("project_funding");
            funding.HasKey(f => new { f.CommunityId, f.ProjectNumber, f.Asset });
            funding.Property(f => f.Asset).HasMaxLength(12);
            StoreMoney(funding.Property(f => f.Granted));
            StoreMoney(funding.Property(f => f.Outstanding));
            StoreMoney(funding.Property(f => f.Recouped));
        });

        builder.Entity<RevenueRow>(revenue =>
        {
            revenue.ToTable("revenue");
            revenue.HasKey(r => new { r.CommunityId, r.Number });
            revenue.HasIndex(r => new { r.CommunityId, r.ProjectNumber });
            revenue.Property(r => r.Asset).HasMaxLength(12);
            revenue.Property(r => r.Source).HasMaxLength(200);
            StoreMoney(revenue.Property(r => r.Amount));
            StoreMoney(revenue.Property(r => r.Recouped));
            StoreMoney(revenue.Property(r => r.Treasury));
            StoreMoney(revenue.Property(r => r.Holders));
            StoreMoney(revenue.Property(r => r.Reserve));
            StoreMoney(revenue.Property(r => r.Contributors));
        });

        builder.Entity<HolderPoolRow>(pool =>
        {
            pool.ToTable("holder_pools");
            pool.HasKey(p => new { p.CommunityId, p.Asset });
            pool.Property(p => p.Asset).HasMaxLength(12);
            pool.Property(p => p.PerTokenScaled).HasMaxLength(120);
            pool.Property(p => p.CarryScaled).HasMaxLength(120);
        });

        builder.Entity<TokenAccrualRow>(accrual =>
        {
            accrual.ToTable("token_accruals");
            accrual.HasKey(a => new { a.CommunityId, a.Serial, a.Asset });
            accrual.Property(a => a.Asset).HasMaxLength(12);
            accrual.Property(a => a.PaidScaled).HasMaxLength(120);
        });

        builder.Entity<TreasuryPoolRow>(pool =>
        {
            pool.ToTable("treasury_pools");
            pool.HasKey(p => new { p.CommunityId, p.Asset });
            pool.Property(p => p.Asset).HasMaxLength(12);
            pool.Ignore(p => p.Pool);
            StoreMoney(pool.Property(p => p.Units));
            StoreMoney(pool.Property(p => p.IssuedPerToken));
            StoreMoney(pool.Property(p => p.Unowned));
        });

        builder.Entity<TokenUnitsRow>(units =>
        {
            units.ToTable("token_units");
            units.HasKey(u => new { u.CommunityId, u.Serial, u.Asset });
            units.Property(u => u.Asset).HasMaxLength(12);
            StoreMoney(units.Property(u => u.Holds));
            StoreMoney(units.Property(u => u.Mark));
        });

        builder.Entity<HolderPaymentRow>(payment =>
        {
            payment.ToTable("holder_payments");
            payment.HasKey(p => new { p.CommunityId, p.PersonId, p.Asset });
            payment.Property(p => p.Asset).HasMaxLength(12);
            StoreMoney(payment.Property(p => p.Received));
        });

        builder.Entity<ClaimRow>(claim =>
        {
            claim.ToTable("claims");
            claim.HasKey(c => new { c.CommunityId, c.Number });
            claim.HasIndex(c => new { c.CommunityId, c.PersonId });
            claim.HasIndex(c => new { c.CommunityId, c.Asset, c.State });
            claim.Property(c => c.Asset).HasMaxLength(12);
            claim.Property(c => c.State).HasMaxLength(12);
            StoreMoney(claim.Property(c => c.Amount));
        });

        builder.Entity<PayoutBatchRow>(batch =>
        {
            batch.ToTable("payout_batches");
            batch.HasKey(b => new { b.CommunityId, b.Number });
            batch.Property(b => b.Asset).HasMaxLength(12);
            batch.Property(b => b.State).HasMaxLength(12);
            batch.Property(b => b.TransferDate).HasMaxLength(10);
            StoreMoney(batch.Property(b => b.Total));
        });

        builder.Entity<BankAccountRow>(account =>
        {
            account.ToTable("bank_accounts");
            account.HasKey(a => a.PersonId);
            account.Property(a => a.BankCode).HasMaxLength(4);
            account.Property(a => a.BankName).HasMaxLength(40);
            account.Property(a => a.BranchCode).HasMaxLength(3);
            account.Property(a => a.BranchName).HasMaxLength(40);
            // Sealed with the key-encryption key (kek1: + base64 of nonce, tag and ciphertext), not the 7 digits themselves.
            account.Property(a => a.AccountNumber).HasMaxLength(200);
            account.Property(a => a.HolderName).HasMaxLength(60);
        });

        builder.Entity<PayoutSenderRow>(sender =>
        {
            sender.ToTable("payout_senders");
            sender.HasKey(s => s.CommunityId);
            sender.Property(s => s.SenderCode).HasMaxLength(10);
            sender.Property(s => s.SenderName).HasMaxLength(60);
            sender.Property(s => s.BankCode).HasMaxLength(4);
            sender.Property(s => s.BankName).HasMaxLength(40);
            sender.Property(s => s.BranchCode).HasMaxLength(3);
            sender.Property(s => s.BranchName).HasMaxLength(40);
            sender.Property(s => s.AccountNumber).HasMaxLength(7);
        });

        builder.Entity<TaxProfileRow>(profile =>
        {
            profile.ToTable("tax_profiles");
            profile.HasKey(p => p.PersonId);
            profile.Property(p => p.Status).HasMaxLength(12);
            profile.Property(p => p.LegalName).HasMaxLength(100);
            // Sealed (kek1: + base64), so longer than the 200 characters of the address itself.
            profile.Property(p => p.Address).HasMaxLength(1000);
            profile.Property(p => p.InvoiceNumber).HasMaxLength(14);
        });

        builder.Entity<CommunityTaxRow>(tax =>
        {
            tax.ToTable("community_tax");
            tax.HasKey(t => t.CommunityId);
            tax.Property(t => t.InvoiceNumber).HasMaxLength(14);
            tax.Property(t => t.DefaultKind).HasMaxLength(20);
        });

        builder.Entity<PayeeKindRow>(kind =>
        {
            kind.ToTable("payee_kinds");
            kind.HasKey(k => new { k.CommunityId, k.PersonId });
            kind.Property(k => k.Kind).HasMaxLength(20);
        });

        builder.Entity<PayoutLineRow>(line =>
        {
            line.ToTable("payout_lines");
            line.HasKey(l => new { l.CommunityId, l.BatchNumber, l.PersonId });
            line.HasIndex(l => new { l.CommunityId, l.PersonId });
            line.Property(l => l.Asset).HasMaxLength(12);
            line.Property(l => l.Kind).HasMaxLength(20);
            line.Property(l => l.Status).HasMaxLength(12);
            line.Property(l => l.InvoiceNumber).HasMaxLength(14);
            StoreMoney(line.Property(l => l.Gross));
            StoreMoney(line.Property(l => l.Withheld));
            StoreMoney(line.Property(l => l.Net));
        });

        builder.Entity<WithholdingPaymentRow>(payment =>
        {
            payment.ToTable("withholding_payments");
            payment.HasKey(p => new { p.CommunityId, p.Number });
            payment.Property(p => p.Period).HasMaxLength(7);
            StoreMoney(payment.Property(p => p.Amount));
        });

        builder.Entity<BookAccountRow>(account =>
        {
            account.ToTable("book_accounts");
            account.HasKey(a => new { a.CommunityId, a.Key });
            account.Property(a => a.Key).HasMaxLength(40);
            account.Property(a => a.Name).HasMaxLength(40);
        });

        // Chain mode (issue #6).

        builder.Entity<IdempotencyRow>(key =>
        {
            key.ToTable("idempotency_keys");
            key.HasKey(k => new { k.Scope, k.Key });
            key.Property(k => k.Scope).HasMaxLength(120);
            key.Property(k => k.Key).HasMaxLength(200);
            key.Property(k => k.RequestHash).HasMaxLength(64);
        });

        PaymentModel.Configure(builder);
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
