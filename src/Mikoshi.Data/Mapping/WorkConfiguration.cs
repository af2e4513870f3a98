using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>project_works</c>.</summary>
internal sealed class WorkConfiguration : IEntityTypeConfiguration<WorkRow>
{
    public void Configure(EntityTypeBuilder<WorkRow> work)
    {
        work.ToTable("project_works");
        work.HasKey(w => new { w.CommunityId, w.Number });
        work.HasIndex(w => new { w.CommunityId, w.ProjectNumber });
        work.Property(w => w.Title).HasMaxLength(Domain.Projects.WorkRules.MaxTitleLength);
        work.Property(w => w.Url).HasMaxLength(Domain.Projects.ContributionRules.MaxEvidenceLength);
    }
}
