using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>project_team</c>.</summary>
internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMemberRow>
{
    public void Configure(EntityTypeBuilder<TeamMemberRow> member)
    {
        member.ToTable("project_team");
        member.HasKey(m => new { m.CommunityId, m.ProjectNumber, m.PersonId });
        member.Property(m => m.Role).HasMaxLength(ProjectRules.MaxRoleLength);
    }
}
