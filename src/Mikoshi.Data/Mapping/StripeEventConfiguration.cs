using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>stripe_events</c>.</summary>
internal sealed class StripeEventConfiguration : IEntityTypeConfiguration<StripeEventRow>
{
    public void Configure(EntityTypeBuilder<StripeEventRow> stripeEvent)
    {
        stripeEvent.ToTable("stripe_events");
        stripeEvent.HasKey(e => e.Id);
        stripeEvent.Property(e => e.Id).HasMaxLength(ColumnWidths.ExternalId);
        stripeEvent.Property(e => e.Type).HasMaxLength(ColumnWidths.StripeEventType);
        stripeEvent.Property(e => e.Outcome).HasMaxLength(ColumnWidths.Code);
    }
}
