using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>project_invitations</c>.</summary>
internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.ToTable("project_invitations");
        invitation.HasKey(i => new { i.CommunityId, i.Number });
        invitation.HasIndex(i => new { i.CommunityId, i.ProjectNumber, i.PersonId, i.State });
        invitation.Property(i => i.Kind).IsLowerCaseWord(Invitation.MaxWordLength);
        invitation.Property(i => i.Role).HasMaxLength(ProjectRules.MaxRoleLength);
        invitation.Property(i => i.State).IsLowerCaseWord(Invitation.MaxWordLength);
        invitation.Ignore(i => i.KindWord);
        invitation.Ignore(i => i.StateWord);
    }
}
