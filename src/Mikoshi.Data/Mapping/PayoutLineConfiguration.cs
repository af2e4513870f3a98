using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;
using Mikoshi.Domain.Tax;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>payout_lines</c>.</summary>
internal sealed class PayoutLineConfiguration : IEntityTypeConfiguration<PayoutLineRow>
{
    public void Configure(EntityTypeBuilder<PayoutLineRow> line)
    {
        line.ToTable("payout_lines");
        line.HasKey(l => new { l.CommunityId, l.BatchNumber, l.PersonId });
        line.HasIndex(l => new { l.CommunityId, l.PersonId });
        line.Property(l => l.Asset).HasMaxLength(Asset.MaxCodeLength);
        line.Property(l => l.Kind).HasMaxLength(ColumnWidths.KindWord);
        line.Property(l => l.Status).HasMaxLength(ColumnWidths.Word);
        line.Property(l => l.InvoiceNumber).HasMaxLength(InvoiceNumber.Length);
        line.Property(l => l.Gross).IsMoney();
        line.Property(l => l.Withheld).IsMoney();
        line.Property(l => l.Net).IsMoney();
    }
}
