using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// Events, people's notices, their choices and language, unsubscribe tokens and digests.
public sealed class EventConfiguration : IEntityTypeConfiguration<EventRow>
{
    public void Configure(EntityTypeBuilder<EventRow> builder)
    {
        builder.ToTable("events");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.DispatchedAtUnixMs);
        builder.HasIndex(x => new { x.CommunityId, x.Id });
        builder.HasIndex(x => x.OnceKey).IsUnique();
        builder.Property(x => x.Kind).HasMaxLength(ColumnWidths.EventKind);
        builder.Property(x => x.OnceKey).HasMaxLength(ColumnWidths.ExternalId);
        builder.Property(x => x.ExpandCursor).HasMaxLength(ColumnWidths.Code);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<NotificationRow>
{
    public void Configure(EntityTypeBuilder<NotificationRow> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.EventId, x.PersonId }).IsUnique();
        builder.HasIndex(x => new { x.PersonId, x.Id });
        builder.HasIndex(x => new { x.PersonId, x.ReadAtUnixMs });
        builder.HasIndex(x => x.MailState);
        builder.HasIndex(x => new { x.Digested, x.DigestDueUnixMs });
        builder.Property(x => x.Kind).HasMaxLength(ColumnWidths.EventKind);
        builder.Property(x => x.MailState).IsLowerCaseWord(ColumnWidths.ShortWord);
        builder.Property(x => x.DigestPeriod).HasMaxLength(ColumnWidths.KindWord);
    }
}

public sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSettingRow>
{
    public void Configure(EntityTypeBuilder<NotificationSettingRow> builder)
    {
        builder.ToTable("notification_settings");
        builder.HasKey(x => new { x.PersonId, x.Kind });
        builder.HasIndex(x => x.Kind);
        builder.Property(x => x.Kind).HasMaxLength(ColumnWidths.EventKind);
        builder.Property(x => x.Delivery).HasMaxLength(ColumnWidths.ShortWord);
    }
}

public sealed class NotificationProfileConfiguration : IEntityTypeConfiguration<NotificationProfileRow>
{
    public void Configure(EntityTypeBuilder<NotificationProfileRow> builder)
    {
        builder.ToTable("notification_profiles");
        builder.HasKey(x => x.PersonId);
        builder.Property(x => x.Language).HasMaxLength(ColumnWidths.Language);
    }
}

public sealed class UnsubscribeTokenConfiguration : IEntityTypeConfiguration<UnsubscribeTokenRow>
{
    public void Configure(EntityTypeBuilder<UnsubscribeTokenRow> builder)
    {
        builder.ToTable("unsubscribe_tokens");
        builder.HasKey(x => x.TokenHash);
        builder.Property(x => x.TokenHash).HasMaxLength(ColumnWidths.Sha256Hex);
        builder.Property(x => x.Kind).HasMaxLength(ColumnWidths.EventKind);
    }
}

public sealed class DigestConfiguration : IEntityTypeConfiguration<DigestRow>
{
    public void Configure(EntityTypeBuilder<DigestRow> builder)
    {
        builder.ToTable("digests");
        builder.HasKey(x => new { x.PersonId, x.Period });
        builder.Property(x => x.Period).HasMaxLength(ColumnWidths.KindWord);
    }
}
