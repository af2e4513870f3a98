using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// Community channels and their delivery log.
public sealed class CommunityChannelConfiguration : IEntityTypeConfiguration<CommunityChannelRow>
{
    public void Configure(EntityTypeBuilder<CommunityChannelRow> builder)
    {
        builder.ToTable("community_channels");
        builder.HasKey(x => new { x.CommunityId, x.Number });
        builder.Property(x => x.Kind).HasMaxLength(10);
        builder.Property(x => x.Label).HasMaxLength(80);
        builder.Property(x => x.SealedUrl).HasMaxLength(4000);
        builder.Property(x => x.SealedSecret).HasMaxLength(2000);
        builder.Property(x => x.Language).HasMaxLength(5);
        builder.Property(x => x.Kinds).HasMaxLength(2000);
        builder.Property(x => x.DisabledReason).HasMaxLength(500);
    }
}

public sealed class ChannelDeliveryConfiguration : IEntityTypeConfiguration<ChannelDeliveryRow>
{
    public void Configure(EntityTypeBuilder<ChannelDeliveryRow> builder)
    {
        builder.ToTable("channel_deliveries");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.CommunityId, x.ChannelNumber, x.EventId }).IsUnique();
        builder.HasIndex(x => new { x.State, x.NextAttemptAtUnixMs });
        builder.Property(x => x.State).HasMaxLength(10);
        builder.Property(x => x.LastError).HasMaxLength(500);
    }
}
