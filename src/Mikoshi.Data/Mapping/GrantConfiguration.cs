using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>project_grants</c>.</summary>
internal sealed class GrantConfiguration : IEntityTypeConfiguration<GrantRow>
{
    public void Configure(EntityTypeBuilder<GrantRow> grant)
    {
        grant.ToTable("project_grants");
        grant.HasKey(g => new { g.CommunityId, g.Number });
        grant.HasIndex(g => new { g.CommunityId, g.ProjectNumber });
        grant.Property(g => g.Asset).HasMaxLength(Asset.MaxCodeLength);
        grant.Property(g => g.Amount).IsMoney();
    }
}
