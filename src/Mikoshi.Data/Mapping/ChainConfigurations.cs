using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// Chain mode: a community's contracts, the blocks and events the indexer mirrored, the outbox, the claims epochs and entitlements.
public sealed class ChainDeploymentConfiguration : IEntityTypeConfiguration<ChainDeploymentRow>
{
    public void Configure(EntityTypeBuilder<ChainDeploymentRow> deployment)
    {
        deployment.ToTable("chain_deployments");
        deployment.HasKey(d => d.CommunityId);
        deployment.Property(d => d.Membership).HasMaxLength(42);
        deployment.Property(d => d.Claims).HasMaxLength(42);
        deployment.Property(d => d.Operator).HasMaxLength(42);
        deployment.Property(d => d.IndexedBlockHash).HasMaxLength(66);
    }
}

public sealed class ChainBlockConfiguration : IEntityTypeConfiguration<ChainBlockRow>
{
    public void Configure(EntityTypeBuilder<ChainBlockRow> block)
    {
        block.ToTable("chain_blocks");
        block.HasKey(b => new { b.CommunityId, b.Number });
        block.Property(b => b.Hash).HasMaxLength(66);
    }
}

public sealed class ChainEventConfiguration : IEntityTypeConfiguration<ChainEventRow>
{
    public void Configure(EntityTypeBuilder<ChainEventRow> log)
    {
        log.ToTable("chain_events");
        log.HasKey(e => new { e.CommunityId, e.BlockHash, e.LogIndex });
        log.HasIndex(e => new { e.CommunityId, e.BlockNumber });
        log.HasIndex(e => new { e.CommunityId, e.Serial });
        log.Property(e => e.BlockHash).HasMaxLength(66);
        log.Property(e => e.TransactionHash).HasMaxLength(66);
        log.Property(e => e.Kind).HasMaxLength(20);
    }
}

public sealed class ChainOutboxConfiguration : IEntityTypeConfiguration<ChainOutboxRow>
{
    public void Configure(EntityTypeBuilder<ChainOutboxRow> outbox)
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
    }
}

public sealed class ChainEpochConfiguration : IEntityTypeConfiguration<ChainEpochRow>
{
    public void Configure(EntityTypeBuilder<ChainEpochRow> epoch)
    {
        epoch.ToTable("chain_epochs");
        epoch.HasKey(e => new { e.CommunityId, e.Asset, e.Epoch });
        epoch.Property(e => e.Asset).HasMaxLength(12);
        epoch.Property(e => e.Root).HasMaxLength(66);
        epoch.Property(e => e.Total).HasMaxLength(80);
        epoch.Property(e => e.Funding).HasMaxLength(80);
        epoch.Property(e => e.State).HasMaxLength(12);
    }
}

public sealed class ChainEntitlementConfiguration : IEntityTypeConfiguration<ChainEntitlementRow>
{
    public void Configure(EntityTypeBuilder<ChainEntitlementRow> entitlement)
    {
        entitlement.ToTable("chain_entitlements");
        entitlement.HasKey(e => new { e.CommunityId, e.Asset, e.Epoch, e.Address });
        entitlement.Property(e => e.Asset).HasMaxLength(12);
        entitlement.Property(e => e.Address).HasMaxLength(42);
        entitlement.Property(e => e.Cumulative).HasMaxLength(80);
    }
}
