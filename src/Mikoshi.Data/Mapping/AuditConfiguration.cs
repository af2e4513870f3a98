using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The audit chains, the idempotency keys of writes, and each chain's head and counters.</summary>
public sealed class AuditConfiguration : IEntityTypeConfiguration<AuditRow>
{
    public void Configure(EntityTypeBuilder<AuditRow> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(a => new { a.Chain, a.Sequence });
        builder.Property(a => a.Actor).HasMaxLength(ColumnWidths.Code);
        builder.Property(a => a.Kind).HasMaxLength(ColumnWidths.EventKind);
        builder.Property(a => a.PreviousHash).IsHash();
        builder.Property(a => a.Hash).IsHash();
        builder.HasIndex(a => new { a.Chain, a.Actor, a.AtUnixMs });
    }
}

public sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyRow>
{
    public void Configure(EntityTypeBuilder<IdempotencyRow> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(k => new { k.Scope, k.Key });
        builder.Property(k => k.Scope).HasMaxLength(ColumnWidths.IdempotencyScope);
        builder.Property(k => k.Key).HasMaxLength(IdempotencyKey.MaxKeyLength);
        builder.Property(k => k.RequestHash).IsHash();
    }
}

public sealed class ChainHeadConfiguration : IEntityTypeConfiguration<ChainHeadRow>
{
    public void Configure(EntityTypeBuilder<ChainHeadRow> builder)
    {
        builder.ToTable("chain_heads");
        builder.HasKey(h => h.Chain);
        builder.Property(h => h.Chain).ValueGeneratedNever();
        builder.Property(h => h.AuditHash).IsHash();
    }
}

public sealed class ChainCounterConfiguration : IEntityTypeConfiguration<ChainCounterRow>
{
    public void Configure(EntityTypeBuilder<ChainCounterRow> builder)
    {
        builder.ToTable("chain_counters");
        builder.HasKey(c => new { c.Chain, c.Kind });
        builder.Property(c => c.Kind).HasMaxLength(ColumnWidths.CounterKind);
    }
}
