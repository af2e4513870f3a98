using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The LLC-type DAO's member register.</summary>
public sealed class LlcMemberConfiguration : IEntityTypeConfiguration<LlcMemberRow>
{
    public void Configure(EntityTypeBuilder<LlcMemberRow> builder)
    {
        builder.ToTable("llc_members");
        builder.HasKey(m => new { m.CommunityId, m.PersonId });
        builder.Property(m => m.Role).HasMaxLength(ColumnWidths.KindWord);
    }
}
