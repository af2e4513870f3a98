using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>split_agreements</c>.</summary>
internal sealed class AgreementConfiguration : IEntityTypeConfiguration<AgreementRow>
{
    public void Configure(EntityTypeBuilder<AgreementRow> agreement)
    {
        agreement.ToTable("split_agreements");
        agreement.HasKey(a => new { a.CommunityId, a.ProjectNumber, a.Version });
        agreement.Property(a => a.Basis).HasMaxLength(ColumnWidths.LongWord);
        agreement.Property(a => a.State).HasMaxLength(ColumnWidths.LongWord);
        agreement.HasMany(a => a.Parties).WithOne().HasForeignKey(p => new { p.CommunityId, p.ProjectNumber, p.Version });
    }
}
