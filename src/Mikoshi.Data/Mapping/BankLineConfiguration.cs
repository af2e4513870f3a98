using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>bank_lines</c>.</summary>
internal sealed class BankLineConfiguration : IEntityTypeConfiguration<BankLineRow>
{
    public void Configure(EntityTypeBuilder<BankLineRow> line)
    {
        line.ToTable("bank_lines");
        line.HasKey(l => new { l.CommunityId, l.Number });
        line.HasIndex(l => new { l.CommunityId, l.Identity }).IsUnique();
        line.HasIndex(l => new { l.CommunityId, l.State });
        line.Property(l => l.Identity).HasMaxLength(ColumnWidths.BankLineIdentity);
        line.Property(l => l.BookedOn).HasMaxLength(ColumnWidths.IsoDate);
        line.Property(l => l.Payer).HasMaxLength(ColumnWidths.BankLinePayer);
        line.Property(l => l.State).HasMaxLength(ColumnWidths.LongWord);
    }
}
