using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>holder_payments</c>.</summary>
internal sealed class HolderPaymentConfiguration : IEntityTypeConfiguration<HolderPaymentRow>
{
    public void Configure(EntityTypeBuilder<HolderPaymentRow> payment)
    {
        payment.ToTable("holder_payments");
        payment.HasKey(p => new { p.CommunityId, p.PersonId, p.Asset });
        payment.Property(p => p.Asset).HasMaxLength(Asset.MaxCodeLength);
        payment.Property(p => p.Received).IsMoney();
    }
}
