using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>thanks</c>.</summary>
internal sealed class ThanksConfiguration : IEntityTypeConfiguration<ThanksRow>
{
    public void Configure(EntityTypeBuilder<ThanksRow> thanks)
    {
        thanks.ToTable("thanks");
        thanks.HasKey(t => new { t.CommunityId, t.Number });
        thanks.HasIndex(t => new { t.CommunityId, t.ToId });
        thanks.Property(t => t.Message).HasMaxLength(Domain.Projects.ThanksRules.MaxMessageLength);
    }
}
