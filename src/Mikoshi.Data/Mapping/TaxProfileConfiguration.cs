using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Tax;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>tax_profiles</c>.</summary>
internal sealed class TaxProfileConfiguration : IEntityTypeConfiguration<TaxProfileRow>
{
    public void Configure(EntityTypeBuilder<TaxProfileRow> profile)
    {
        profile.ToTable("tax_profiles");
        profile.HasKey(p => p.PersonId);
        profile.Property(p => p.Status).HasMaxLength(ColumnWidths.Word);
        profile.Property(p => p.LegalName).HasMaxLength(TaxRules.MaxLegalNameLength);
        // Sealed (kek1: + base64), so longer than the 200 characters of the address itself.
        profile.Property(p => p.Address).HasMaxLength(ColumnWidths.SealedAddress);
        profile.Property(p => p.InvoiceNumber).HasMaxLength(InvoiceNumber.Length);
    }
}
