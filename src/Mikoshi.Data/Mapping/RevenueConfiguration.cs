using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>revenue</c>.</summary>
internal sealed class RevenueConfiguration : IEntityTypeConfiguration<RevenueRow>
{
    public void Configure(EntityTypeBuilder<RevenueRow> revenue)
    {
        revenue.ToTable("revenue");
        revenue.HasKey(r => new { r.CommunityId, r.Number });
        revenue.HasIndex(r => new { r.CommunityId, r.ProjectNumber });
        revenue.Property(r => r.Asset).HasMaxLength(Asset.MaxCodeLength);
        revenue.Property(r => r.Source).HasMaxLength(RevenueRules.MaxSourceLength);
        revenue.Property(r => r.Amount).IsMoney();
        revenue.Property(r => r.Recouped).IsMoney();
        revenue.Property(r => r.Treasury).IsMoney();
        revenue.Property(r => r.Holders).IsMoney();
        revenue.Property(r => r.Reserve).IsMoney();
        revenue.Property(r => r.Contributors).IsMoney();
    }
}
