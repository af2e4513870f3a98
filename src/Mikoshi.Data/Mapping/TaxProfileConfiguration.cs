using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>tax_profiles</c>.</summary>
internal sealed class TaxProfileConfiguration : IEntityTypeConfiguration<TaxProfileRow>
{
    public void Configure(EntityTypeBuilder<TaxProfileRow> profile)
    {
        profile.ToTable("tax_profiles");
        profile.HasKey(p => p.PersonId);
        profile.Property(p => p.Status).HasMaxLength(12);
        profile.Property(p => p.LegalName).HasMaxLength(100);
        // Sealed (kek1: + base64), so longer than the 200 characters of the address itself.
        profile.Property(p => p.Address).HasMaxLength(1000);
        profile.Property(p => p.InvoiceNumber).HasMaxLength(14);
    }
}
