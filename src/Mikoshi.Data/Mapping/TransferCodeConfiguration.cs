using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>transfer_codes</c>.</summary>
internal sealed class TransferCodeConfiguration : IEntityTypeConfiguration<TransferCodeRow>
{
    public void Configure(EntityTypeBuilder<TransferCodeRow> code)
    {
        code.ToTable("transfer_codes");
        code.HasKey(c => new { c.CommunityId, c.PersonId });
        code.HasIndex(c => new { c.CommunityId, c.Code }).IsUnique();
        code.Property(c => c.Code).HasMaxLength(ColumnWidths.TransferCode);
    }
}
