using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// Community channels and their delivery log.
public sealed class CommunityChannelConfiguration : IEntityTypeConfiguration<CommunityChannelRow>
{
    public void Configure(EntityTypeBuilder<CommunityChannelRow> c)
    {
        c.ToTable("community_channels");
        c.HasKey(x => new { x.CommunityId, x.Number });
        c.Property(x => x.Kind).HasMaxLength(10);
        c.Property(x => x.Label).HasMaxLength(80);
        c.Property(x => x.SealedUrl).HasMaxLength(4000);
        c.Property(x => x.SealedSecret).HasMaxLength(2000);
        c.Property(x => x.Language).HasMaxLength(5);
        c.Property(x => x.Kinds).HasMaxLength(2000);
        c.Property(x => x.DisabledReason).HasMaxLength(500);
    }
}

public sealed class ChannelDeliveryConfiguration : IEntityTypeConfiguration<ChannelDeliveryRow>
{
    public void Configure(EntityTypeBuilder<ChannelDeliveryRow> d)
    {
        d.ToTable("channel_deliveries");
        d.HasKey(x => x.Id);
        d.HasIndex(x => new { x.CommunityId, x.ChannelNumber, x.EventId }).IsUnique();
        d.HasIndex(x => new { x.State, x.NextAttemptAtUnixMs });
        d.Property(x => x.State).HasMaxLength(10);
        d.Property(x => x.LastError).HasMaxLength(500);
    }
}
