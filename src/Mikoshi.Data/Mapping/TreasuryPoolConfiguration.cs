using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>treasury_pools</c>.</summary>
internal sealed class TreasuryPoolConfiguration : IEntityTypeConfiguration<TreasuryPoolRow>
{
    public void Configure(EntityTypeBuilder<TreasuryPoolRow> pool)
    {
        pool.ToTable("treasury_pools");
        pool.HasKey(p => new { p.CommunityId, p.Asset });
        pool.Property(p => p.Asset).HasMaxLength(Asset.MaxCodeLength);
        pool.Ignore(p => p.Pool);
        pool.Property(p => p.Units).IsMoney();
        pool.Property(p => p.IssuedPerToken).IsMoney();
        pool.Property(p => p.Unowned).IsMoney();
    }
}
