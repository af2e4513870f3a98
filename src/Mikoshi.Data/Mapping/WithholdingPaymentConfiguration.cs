using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Tax;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>withholding_payments</c>.</summary>
internal sealed class WithholdingPaymentConfiguration : IEntityTypeConfiguration<WithholdingPaymentRow>
{
    public void Configure(EntityTypeBuilder<WithholdingPaymentRow> payment)
    {
        payment.ToTable("withholding_payments");
        payment.HasKey(p => new { p.CommunityId, p.Number });
        payment.Property(p => p.Period).HasMaxLength(WithholdingPeriod.TextLength);
        payment.Property(p => p.Amount).IsMoney();
    }
}
