using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
        payment.Property(p => p.Purpose).HasMaxLength(16);
        payment.Property(p => p.Method).HasMaxLength(16);
        payment.Property(p => p.State).HasMaxLength(16);
        payment.Property(p => p.Flag).HasMaxLength(40);
        payment.Property(p => p.Asset).HasMaxLength(12);
        payment.Property(p => p.Reference).HasMaxLength(200);
        payment.Property(p => p.PaymentIntent).HasMaxLength(200);
    }
}
