using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>holder_pools</c>.</summary>
internal sealed class HolderPoolConfiguration : IEntityTypeConfiguration<HolderPoolRow>
{
    public void Configure(EntityTypeBuilder<HolderPoolRow> pool)
    {
        pool.ToTable("holder_pools");
        pool.HasKey(p => new { p.CommunityId, p.Asset });
        pool.Property(p => p.Asset).HasMaxLength(12);
        pool.Property(p => p.PerTokenScaled).HasMaxLength(120);
        pool.Property(p => p.CarryScaled).HasMaxLength(120);
    }
}
