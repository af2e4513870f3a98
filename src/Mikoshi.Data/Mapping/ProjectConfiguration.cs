using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>projects</c>.</summary>
internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.ToTable("projects");
        project.HasKey(p => new { p.CommunityId, p.Number });
        project.HasIndex(p => new { p.CommunityId, p.Status });
        project.Property(p => p.Title).HasMaxLength(ProjectRules.MaxTitleLength);
        project.Property(p => p.Description).HasMaxLength(ProjectRules.MaxDescriptionLength);
        project.Property(p => p.Status).IsLowerCaseWord(Project.MaxStatusLength);
        project.PrimitiveCollection<List<string>>("neededSkills").HasColumnName(nameof(Project.NeededSkills));
        project.PrimitiveCollection<List<string>>("values").HasColumnName(nameof(Project.Values));
        project.Ignore(p => p.NeededSkills);
        project.Ignore(p => p.Values);
        project.Ignore(p => p.StatusWord);
        project.Ignore(p => p.IsArchived);
    }
}
