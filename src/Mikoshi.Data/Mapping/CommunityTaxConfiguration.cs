using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Tax;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>community_tax</c>.</summary>
internal sealed class CommunityTaxConfiguration : IEntityTypeConfiguration<CommunityTaxRow>
{
    public void Configure(EntityTypeBuilder<CommunityTaxRow> tax)
    {
        tax.ToTable("community_tax");
        tax.HasKey(t => t.CommunityId);
        tax.Property(t => t.InvoiceNumber).HasMaxLength(InvoiceNumber.Length);
        tax.Property(t => t.DefaultKind).HasMaxLength(ColumnWidths.KindWord);
    }
}
