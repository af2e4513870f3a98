using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Data.Mapping;

/// <summary>A project's funding per asset: the table <c>project_funding</c>.</summary>
internal sealed class ProjectFundingConfiguration : IEntityTypeConfiguration<ProjectFunding>
{
    public void Configure(EntityTypeBuilder<ProjectFunding> funding)
    {
        funding.ToTable("project_funding");
        funding.HasKey(f => new { f.CommunityId, f.ProjectNumber, f.Asset });
        funding.Property(f => f.Asset).HasMaxLength(ProjectFunding.MaxAssetLength);
        funding.Property(f => f.Granted).IsMoney();
        funding.Property(f => f.Outstanding).IsMoney();
        funding.Property(f => f.Recouped).IsMoney();
    }
}
