using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data.Mapping;

/// <summary>The communities and the roles granted in them.</summary>
public sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        builder.ToTable("communities");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Slug).HasMaxLength(Community.MaxSlugLength);
        builder.Property(c => c.Name).HasMaxLength(Community.MaxNameLength);
        builder.Property(c => c.CharterText).HasMaxLength(Community.MaxCharterLength);
        builder.Property(c => c.BaseAsset).HasMaxLength(Asset.MaxCodeLength);
        builder.Property(c => c.TimeZone).HasMaxLength(Community.MaxTimeZoneLength);
        builder.PrimitiveCollection<List<string>>("values").HasColumnName("charter_values");
        builder.PrimitiveCollection<List<string>>("assets").HasColumnName("assets");
        builder.Ignore(c => c.Values);
        builder.Ignore(c => c.Assets);
        builder.Ignore(c => c.Policy);
        builder.Ignore(c => c.Base);
        builder.Ignore(c => c.Revenue);
        builder.Property(c => c.MintBasePrice).IsMoney();
        builder.Property(c => c.MintPriceSlope).IsMoney();
    }
}

public sealed class CommunityRoleConfiguration : IEntityTypeConfiguration<CommunityRoleRow>
{
    public void Configure(EntityTypeBuilder<CommunityRoleRow> builder)
    {
        builder.ToTable("community_roles");
        builder.HasKey(r => new { r.CommunityId, r.PersonId, r.Role });
    }
}
