using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data.Mapping;

// Matching: a community's reputation half-life and its skill vocabulary.
public sealed class MatchingSettingsConfiguration : IEntityTypeConfiguration<MatchingSettingsRow>
{
    public void Configure(EntityTypeBuilder<MatchingSettingsRow> builder)
    {
        builder.ToTable("matching_settings");
        builder.HasKey(s => s.CommunityId);
    }
}

public sealed class SkillConfiguration : IEntityTypeConfiguration<SkillRow>
{
    public void Configure(EntityTypeBuilder<SkillRow> builder)
    {
        builder.ToTable("community_skills");
        builder.HasKey(s => new { s.CommunityId, s.Name });
        builder.Property(s => s.Name).HasMaxLength(TagList.MaxTagLength);
    }
}
