using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>holder_pools</c>.</summary>
internal sealed class HolderPoolConfiguration : IEntityTypeConfiguration<HolderPoolRow>
{
    public void Configure(EntityTypeBuilder<HolderPoolRow> pool)
    {
        pool.ToTable("holder_pools");
        pool.HasKey(p => new { p.CommunityId, p.Asset });
        pool.Property(p => p.Asset).HasMaxLength(Asset.MaxCodeLength);
        pool.Property(p => p.PerTokenScaled).HasMaxLength(ColumnWidths.ScaledDecimal);
        pool.Property(p => p.CarryScaled).HasMaxLength(ColumnWidths.ScaledDecimal);
    }
}
