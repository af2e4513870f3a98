using System.Globalization;
using System.Numerics;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
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

    public DbSet<Domain.Membership.SuccessionPlan> SuccessionPlans => Set<Domain.Membership.SuccessionPlan>();

    public DbSet<Domain.Membership.SuccessionConfirmation> SuccessionConfirmations => Set<Domain.Membership.SuccessionConfirmation>();

    public DbSet<LlcMemberRow> LlcMembers => Set<LlcMemberRow>();

    public DbSet<SkillRow> Skills => Set<SkillRow>();

    public DbSet<Domain.Projects.Project> Projects => Set<Domain.Projects.Project>();

    public DbSet<TeamMemberRow> TeamMembers => Set<TeamMemberRow>();

    public DbSet<Domain.Projects.Invitation> Invitations => Set<Domain.Projects.Invitation>();

    public DbSet<ContributionRow> Contributions => Set<ContributionRow>();

    public DbSet<AcknowledgementRow> Acknowledgements => Set<AcknowledgementRow>();

    public DbSet<WorkRow> Works => Set<WorkRow>();

    public DbSet<Domain.Revenue.SplitAgreement> Agreements => Set<Domain.Revenue.SplitAgreement>();

    public DbSet<Domain.Revenue.SplitAgreementParty> AgreementParties => Set<Domain.Revenue.SplitAgreementParty>();

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

    public DbSet<Domain.Payments.Payment> Payments => Set<Domain.Payments.Payment>();

    public DbSet<StripeEventRow> StripeEvents => Set<StripeEventRow>();

    public DbSet<DuesSubscriptionRow> DuesSubscriptions => Set<DuesSubscriptionRow>();

    public DbSet<SaleLinkRow> SaleLinks => Set<SaleLinkRow>();

    public DbSet<PaymentSettingsRow> PaymentSettings => Set<PaymentSettingsRow>();

    public DbSet<TransferCodeRow> TransferCodes => Set<TransferCodeRow>();

    public DbSet<Domain.Payments.BankLine> BankLines => Set<Domain.Payments.BankLine>();

    /// <summary>True for PostgreSQL, where a write locks its chain's head row (<c>SELECT … FOR UPDATE</c>).</summary>
    public abstract bool IsPostgres { get; }

    /// <summary>How money (Int128 minor units) is stored by this provider.</summary>
    protected abstract void StoreMoney(PropertyBuilder units);

    /// <summary>
    /// Saves, detecting what changed first even when automatic detection is off. A write turns it off
    /// (<see cref="Writer"/>): otherwise every look into what the context tracks (<c>Local</c>, <c>Entries</c>)
    /// compares every property of every tracked row again, and only the save needs that comparison.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        DetectIfNotAutomatic();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        DetectIfNotAutomatic();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void DetectIfNotAutomatic()
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<PersonId>().HaveConversion<PersonIdConverter>();
        configurationBuilder.Properties<CommunityId>().HaveConversion<CommunityIdConverter>();

        // The same integer columns as before the types existed: a value read back was checked when it was written.
        configurationBuilder.Properties<Bps>().HaveConversion<BpsConverter>();
        configurationBuilder.Properties<Domain.Membership.TokenId>().HaveConversion<TokenIdConverter>();
        configurationBuilder.Properties<Domain.Projects.ProjectNumber>().HaveConversion<ProjectNumberConverter>();
        configurationBuilder.Properties<Role>().HaveConversion<string>().HaveMaxLength(Mapping.ColumnWidths.LongWord);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's schema version (3, with passkeys) comes from IdentityOptions.Stores; see Store.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MikoshiDb).Assembly);

        // A configuration class knows no provider: it marks its money columns, and this store stores them its way.
        foreach (var units in Mapping.MoneyColumn.TakeMarked(builder))
        {
            StoreMoney(units);
        }
    }

    private sealed class PersonIdConverter() : ValueConverter<PersonId, Guid>(id => id.Value, value => new PersonId(value));

    private sealed class CommunityIdConverter() : ValueConverter<CommunityId, Guid>(id => id.Value, value => new CommunityId(value));

    private sealed class BpsConverter() : ValueConverter<Bps, int>(bps => bps.Value, value => Bps.Stored(value));

    private sealed class TokenIdConverter() : ValueConverter<Domain.Membership.TokenId, long>(id => id.Value, value => Domain.Membership.TokenId.Stored(value));

    private sealed class ProjectNumberConverter() : ValueConverter<Domain.Projects.ProjectNumber, long>(number => number.Value, value => Domain.Projects.ProjectNumber.Stored(value));

}

/// <summary>SQLite: money is TEXT of digits (SQLite's integers stop at 2^63); a GUID is its 16 bytes (<see cref="Mapping.BinaryIds"/>).</summary>
public sealed class SqliteMikoshiDb(DbContextOptions<SqliteMikoshiDb> options) : MikoshiDb(options)
{
    public override bool IsPostgres => false;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        Mapping.BinaryIds.Store(configurationBuilder);
    }

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
