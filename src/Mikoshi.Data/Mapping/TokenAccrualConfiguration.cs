using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>token_accruals</c>.</summary>
internal sealed class TokenAccrualConfiguration : IEntityTypeConfiguration<TokenAccrualRow>
{
    public void Configure(EntityTypeBuilder<TokenAccrualRow> accrual)
    {
        accrual.ToTable("token_accruals");
        accrual.HasKey(a => new { a.CommunityId, a.Serial, a.Asset });
        accrual.Property(a => a.Asset).HasMaxLength(Asset.MaxCodeLength);
        accrual.Property(a => a.PaidScaled).HasMaxLength(ColumnWidths.ScaledDecimal);
    }
}
