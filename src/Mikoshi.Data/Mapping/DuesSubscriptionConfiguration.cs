using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>dues_subscriptions</c>.</summary>
internal sealed class DuesSubscriptionConfiguration : IEntityTypeConfiguration<DuesSubscriptionRow>
{
    public void Configure(EntityTypeBuilder<DuesSubscriptionRow> subscription)
    {
        subscription.ToTable("dues_subscriptions");
        subscription.HasKey(s => s.SubscriptionId);
        subscription.HasIndex(s => new { s.CommunityId, s.PersonId });
        subscription.Property(s => s.SubscriptionId).HasMaxLength(ColumnWidths.ExternalId);
        subscription.Property(s => s.Status).HasMaxLength(ColumnWidths.Code);
    }
}
