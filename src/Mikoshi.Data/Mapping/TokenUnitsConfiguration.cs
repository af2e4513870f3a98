using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>token_units</c>.</summary>
internal sealed class TokenUnitsConfiguration : IEntityTypeConfiguration<TokenUnitsRow>
{
    public void Configure(EntityTypeBuilder<TokenUnitsRow> units)
    {
        units.ToTable("token_units");
        units.HasKey(u => new { u.CommunityId, u.Serial, u.Asset });
        units.Property(u => u.Asset).HasMaxLength(Asset.MaxCodeLength);
        units.Property(u => u.Holds).IsMoney();
        units.Property(u => u.Mark).IsMoney();
    }
}
