using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>project_invitations</c>.</summary>
internal sealed class InvitationConfiguration : IEntityTypeConfiguration<InvitationRow>
{
    public void Configure(EntityTypeBuilder<InvitationRow> invitation)
    {
        invitation.ToTable("project_invitations");
        invitation.HasKey(i => new { i.CommunityId, i.Number });
        invitation.HasIndex(i => new { i.CommunityId, i.ProjectNumber, i.PersonId, i.State });
        invitation.Property(i => i.Kind).HasMaxLength(ColumnWidths.Word);
        invitation.Property(i => i.Role).HasMaxLength(ProjectRules.MaxRoleLength);
        invitation.Property(i => i.State).HasMaxLength(ColumnWidths.Word);
    }
}
