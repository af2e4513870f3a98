using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Payments;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>sale_links</c>.</summary>
internal sealed class SaleLinkConfiguration : IEntityTypeConfiguration<SaleLinkRow>
{
    public void Configure(EntityTypeBuilder<SaleLinkRow> link)
    {
        link.ToTable("sale_links");
        link.HasKey(l => l.PaymentLinkId);
        link.Property(l => l.PaymentLinkId).HasMaxLength(PaymentSettingsRules.MaxStripeIdLength);
    }
}
