using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// Events, people's notices, their choices and language, unsubscribe tokens and digests.
public sealed class EventConfiguration : IEntityTypeConfiguration<EventRow>
{
    public void Configure(EntityTypeBuilder<EventRow> e)
    {
        e.ToTable("events");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.DispatchedAtUnixMs);
        e.HasIndex(x => new { x.CommunityId, x.Id });
        e.HasIndex(x => x.OnceKey).IsUnique();
        e.Property(x => x.Kind).HasMaxLength(60);
        e.Property(x => x.OnceKey).HasMaxLength(200);
        e.Property(x => x.ExpandCursor).HasMaxLength(40);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<NotificationRow>
{
    public void Configure(EntityTypeBuilder<NotificationRow> n)
    {
        n.ToTable("notifications");
        n.HasKey(x => x.Id);
        n.HasIndex(x => new { x.EventId, x.PersonId }).IsUnique();
        n.HasIndex(x => new { x.PersonId, x.Id });
        n.HasIndex(x => new { x.PersonId, x.ReadAtUnixMs });
        n.HasIndex(x => x.MailState);
        n.HasIndex(x => new { x.Digested, x.DigestDueUnixMs });
        n.Property(x => x.Kind).HasMaxLength(60);
        n.Property(x => x.MailState).HasMaxLength(10);
        n.Property(x => x.DigestPeriod).HasMaxLength(20);
    }
}

public sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSettingRow>
{
    public void Configure(EntityTypeBuilder<NotificationSettingRow> s)
    {
        s.ToTable("notification_settings");
        s.HasKey(x => new { x.PersonId, x.Kind });
        s.HasIndex(x => x.Kind);
        s.Property(x => x.Kind).HasMaxLength(60);
        s.Property(x => x.Delivery).HasMaxLength(10);
    }
}

public sealed class NotificationProfileConfiguration : IEntityTypeConfiguration<NotificationProfileRow>
{
    public void Configure(EntityTypeBuilder<NotificationProfileRow> p)
    {
        p.ToTable("notification_profiles");
        p.HasKey(x => x.PersonId);
        p.Property(x => x.Language).HasMaxLength(5);
    }
}

public sealed class UnsubscribeTokenConfiguration : IEntityTypeConfiguration<UnsubscribeTokenRow>
{
    public void Configure(EntityTypeBuilder<UnsubscribeTokenRow> t)
    {
        t.ToTable("unsubscribe_tokens");
        t.HasKey(x => x.TokenHash);
        t.Property(x => x.TokenHash).HasMaxLength(64);
        t.Property(x => x.Kind).HasMaxLength(60);
    }
}

public sealed class DigestConfiguration : IEntityTypeConfiguration<DigestRow>
{
    public void Configure(EntityTypeBuilder<DigestRow> d)
    {
        d.ToTable("digests");
        d.HasKey(x => new { x.PersonId, x.Period });
        d.Property(x => x.Period).HasMaxLength(20);
    }
}
