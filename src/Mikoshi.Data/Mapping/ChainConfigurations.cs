using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Data.Mapping;

// Chain mode: a community's contracts, the blocks and events the indexer mirrored, the outbox, the claims epochs and entitlements.
public sealed class ChainDeploymentConfiguration : IEntityTypeConfiguration<ChainDeploymentRow>
{
    public void Configure(EntityTypeBuilder<ChainDeploymentRow> builder)
    {
        builder.ToTable("chain_deployments");
        builder.HasKey(d => d.CommunityId);
        builder.Property(d => d.Membership).HasMaxLength(EthAddress.TextLength);
        builder.Property(d => d.Claims).HasMaxLength(EthAddress.TextLength);
        builder.Property(d => d.Operator).HasMaxLength(EthAddress.TextLength);
        builder.Property(d => d.IndexedBlockHash).HasMaxLength(ColumnWidths.EvmWordHex);
    }
}

public sealed class ChainBlockConfiguration : IEntityTypeConfiguration<ChainBlockRow>
{
    public void Configure(EntityTypeBuilder<ChainBlockRow> builder)
    {
        builder.ToTable("chain_blocks");
        builder.HasKey(b => new { b.CommunityId, b.Number });
        builder.Property(b => b.Hash).HasMaxLength(ColumnWidths.EvmWordHex);
    }
}

public sealed class ChainEventConfiguration : IEntityTypeConfiguration<ChainEventRow>
{
    public void Configure(EntityTypeBuilder<ChainEventRow> builder)
    {
        builder.ToTable("chain_events");
        builder.HasKey(e => new { e.CommunityId, e.BlockHash, e.LogIndex });
        builder.HasIndex(e => new { e.CommunityId, e.BlockNumber });
        builder.HasIndex(e => new { e.CommunityId, e.Serial });
        builder.Property(e => e.BlockHash).HasMaxLength(ColumnWidths.EvmWordHex);
        builder.Property(e => e.TransactionHash).HasMaxLength(ColumnWidths.EvmWordHex);
        builder.Property(e => e.Kind).HasMaxLength(ColumnWidths.KindWord);
    }
}

public sealed class ChainOutboxConfiguration : IEntityTypeConfiguration<ChainOutboxRow>
{
    public void Configure(EntityTypeBuilder<ChainOutboxRow> builder)
    {
        builder.ToTable("chain_outbox");
        builder.HasKey(o => new { o.CommunityId, o.Number });
        builder.HasIndex(o => new { o.CommunityId, o.State });
        builder.Property(o => o.Kind).HasMaxLength(ColumnWidths.Word);
        builder.Property(o => o.State).IsLowerCaseWord(ColumnWidths.Word);
        builder.Property(o => o.Asset).HasMaxLength(Asset.MaxCodeLength);
        builder.Property(o => o.Address).HasMaxLength(EthAddress.TextLength);
        builder.Property(o => o.TransactionHash).HasMaxLength(ColumnWidths.EvmWordHex);
        builder.Property(o => o.Failure).HasMaxLength(ColumnWidths.FailureText);
    }
}

public sealed class ChainEpochConfiguration : IEntityTypeConfiguration<ChainEpochRow>
{
    public void Configure(EntityTypeBuilder<ChainEpochRow> builder)
    {
        builder.ToTable("chain_epochs");
        builder.HasKey(e => new { e.CommunityId, e.Asset, e.Epoch });
        builder.Property(e => e.Asset).HasMaxLength(Asset.MaxCodeLength);
        builder.Property(e => e.Root).HasMaxLength(ColumnWidths.EvmWordHex);
        builder.Property(e => e.Total).HasMaxLength(ColumnWidths.Uint256Decimal);
        builder.Property(e => e.Funding).HasMaxLength(ColumnWidths.Uint256Decimal);
        builder.Property(e => e.State).IsLowerCaseWord(ColumnWidths.Word);
    }
}

public sealed class ChainEntitlementConfiguration : IEntityTypeConfiguration<ChainEntitlementRow>
{
    public void Configure(EntityTypeBuilder<ChainEntitlementRow> builder)
    {
        builder.ToTable("chain_entitlements");
        builder.HasKey(e => new { e.CommunityId, e.Asset, e.Epoch, e.Address });
        builder.Property(e => e.Asset).HasMaxLength(Asset.MaxCodeLength);
        builder.Property(e => e.Address).HasMaxLength(EthAddress.TextLength);
        builder.Property(e => e.Cumulative).HasMaxLength(ColumnWidths.Uint256Decimal);
    }
}
