using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// The secret tokens of people's calendar feeds.
public sealed class CalendarTokenConfiguration : IEntityTypeConfiguration<CalendarTokenRow>
{
    public void Configure(EntityTypeBuilder<CalendarTokenRow> builder)
    {
        builder.ToTable("calendar_tokens");
        builder.HasKey(t => t.TokenHash);
        builder.HasIndex(t => t.PersonId);
        builder.Property(t => t.TokenHash).HasMaxLength(ColumnWidths.Sha256Hex);
    }
}
