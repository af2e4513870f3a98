using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>payments</c>.</summary>
internal sealed class PaymentConfiguration : IEntityTypeConfiguration<PaymentRow>
{
    public void Configure(EntityTypeBuilder<PaymentRow> payment)
    {
        payment.ToTable("payments");
        payment.HasKey(p => new { p.CommunityId, p.Number });
        payment.HasIndex(p => p.Reference).IsUnique();
        payment.HasIndex(p => p.PaymentIntent);
        payment.HasIndex(p => new { p.CommunityId, p.PersonId });
        payment.Property(p => p.Purpose).HasMaxLength(ColumnWidths.LongWord);
        payment.Property(p => p.Method).HasMaxLength(ColumnWidths.LongWord);
        payment.Property(p => p.State).HasMaxLength(ColumnWidths.LongWord);
        payment.Property(p => p.Flag).HasMaxLength(ColumnWidths.Code);
        payment.Property(p => p.Asset).HasMaxLength(Asset.MaxCodeLength);
        payment.Property(p => p.Reference).HasMaxLength(ColumnWidths.ExternalId);
        payment.Property(p => p.PaymentIntent).HasMaxLength(ColumnWidths.ExternalId);
    }
}
