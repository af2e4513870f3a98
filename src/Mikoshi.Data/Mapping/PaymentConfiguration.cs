using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;
using Mikoshi.Domain.Payments;

namespace Mikoshi.Data.Mapping;

/// <summary>Payments: the table <c>payments</c>.</summary>
internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> payment)
    {
        payment.ToTable("payments");
        payment.HasKey(p => new { p.CommunityId, p.Number });
        payment.HasIndex(p => p.Reference).IsUnique();
        payment.HasIndex(p => p.PaymentIntent);
        payment.HasIndex(p => new { p.CommunityId, p.PersonId });
        payment.Property(p => p.Purpose).HasMaxLength(Payment.MaxWordLength);
        payment.Property(p => p.Method).HasMaxLength(Payment.MaxWordLength);
        payment.Property(p => p.State).IsLowerCaseWord(Payment.MaxWordLength);
        payment.Property(p => p.Flag).HasMaxLength(Payment.MaxFlagLength);
        payment.Property(p => p.Asset).HasMaxLength(Asset.MaxCodeLength);
        payment.Property(p => p.Reference).HasMaxLength(Payment.MaxReferenceLength);
        payment.Property(p => p.PaymentIntent).HasMaxLength(Payment.MaxReferenceLength);
        payment.Ignore(p => p.IsCredited);
        payment.Ignore(p => p.StateWord);
    }
}
