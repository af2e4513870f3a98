using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// The secret tokens of people's calendar feeds.
public sealed class CalendarTokenConfiguration : IEntityTypeConfiguration<CalendarTokenRow>
{
    public void Configure(EntityTypeBuilder<CalendarTokenRow> token)
    {
        token.ToTable("calendar_tokens");
        token.HasKey(t => t.TokenHash);
        token.HasIndex(t => t.PersonId);
        token.Property(t => t.TokenHash).HasMaxLength(64);
    }
}
