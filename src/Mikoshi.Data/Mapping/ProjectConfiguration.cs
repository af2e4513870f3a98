using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>projects</c>.</summary>
internal sealed class ProjectConfiguration : IEntityTypeConfiguration<ProjectRow>
{
    public void Configure(EntityTypeBuilder<ProjectRow> project)
    {
        project.ToTable("projects");
        project.HasKey(p => new { p.CommunityId, p.Number });
        project.HasIndex(p => new { p.CommunityId, p.Status });
        project.Property(p => p.Title).HasMaxLength(Domain.Projects.ProjectRules.MaxTitleLength);
        project.Property(p => p.Description).HasMaxLength(Domain.Projects.ProjectRules.MaxDescriptionLength);
        project.Property(p => p.Status).HasMaxLength(ColumnWidths.Word);
        project.PrimitiveCollection(p => p.NeededSkills);
        project.PrimitiveCollection(p => p.Values);
    }
}
