using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// Matching: a community's reputation half-life and its skill vocabulary.
public sealed class MatchingSettingsConfiguration : IEntityTypeConfiguration<MatchingSettingsRow>
{
    public void Configure(EntityTypeBuilder<MatchingSettingsRow> settings)
    {
        settings.ToTable("matching_settings");
        settings.HasKey(s => s.CommunityId);
    }
}

public sealed class SkillConfiguration : IEntityTypeConfiguration<SkillRow>
{
    public void Configure(EntityTypeBuilder<SkillRow> skill)
    {
        skill.ToTable("community_skills");
        skill.HasKey(s => new { s.CommunityId, s.Name });
        skill.Property(s => s.Name).HasMaxLength(40);
    }
}
