using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Notifications;

namespace Mikoshi.Data.Mapping;

// Community channels and their delivery log.
public sealed class CommunityChannelConfiguration : IEntityTypeConfiguration<CommunityChannelRow>
{
    public void Configure(EntityTypeBuilder<CommunityChannelRow> builder)
    {
        builder.ToTable("community_channels");
        builder.HasKey(x => new { x.CommunityId, x.Number });
        builder.Property(x => x.Kind).HasMaxLength(ColumnWidths.ShortWord);
        builder.Property(x => x.Label).HasMaxLength(ChannelRules.MaxLabelLength);
        builder.Property(x => x.SealedUrl).HasMaxLength(ColumnWidths.SealedUrl);
        builder.Property(x => x.SealedSecret).HasMaxLength(ColumnWidths.SealedSecret);
        builder.Property(x => x.Language).HasMaxLength(ColumnWidths.Language);
        builder.Property(x => x.Kinds).HasMaxLength(ColumnWidths.SmallJson);
        builder.Property(x => x.DisabledReason).HasMaxLength(ColumnWidths.FailureText);
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
        builder.Property(x => x.State).IsLowerCaseWord(ColumnWidths.ShortWord);
        builder.Property(x => x.LastError).HasMaxLength(ColumnWidths.FailureText);
    }
}
