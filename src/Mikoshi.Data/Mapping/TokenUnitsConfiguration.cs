using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>token_units</c>.</summary>
internal sealed class TokenUnitsConfiguration : IEntityTypeConfiguration<TokenUnitsRow>
{
    public void Configure(EntityTypeBuilder<TokenUnitsRow> units)
    {
        units.ToTable("token_units");
        units.HasKey(u => new { u.CommunityId, u.Serial, u.Asset });
        units.Property(u => u.Asset).HasMaxLength(12);
        units.Property(u => u.Holds).IsMoney();
        units.Property(u => u.Mark).IsMoney();
    }
}
