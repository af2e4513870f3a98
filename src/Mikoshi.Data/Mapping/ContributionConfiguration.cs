using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>contributions</c>.</summary>
internal sealed class ContributionConfiguration : IEntityTypeConfiguration<ContributionRow>
{
    public void Configure(EntityTypeBuilder<ContributionRow> contribution)
    {
        contribution.ToTable("contributions");
        contribution.HasKey(c => new { c.CommunityId, c.Number });
        contribution.HasIndex(c => new { c.CommunityId, c.ProjectNumber });
        contribution.HasIndex(c => new { c.CommunityId, c.AuthorId });
        contribution.Property(c => c.Summary).HasMaxLength(Domain.Projects.ContributionRules.MaxSummaryLength);
        contribution.Property(c => c.EvidenceUrl).HasMaxLength(Domain.Projects.ContributionRules.MaxEvidenceLength);
    }
}
