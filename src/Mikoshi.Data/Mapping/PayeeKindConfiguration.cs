using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>payee_kinds</c>.</summary>
internal sealed class PayeeKindConfiguration : IEntityTypeConfiguration<PayeeKindRow>
{
    public void Configure(EntityTypeBuilder<PayeeKindRow> kind)
    {
        kind.ToTable("payee_kinds");
        kind.HasKey(k => new { k.CommunityId, k.PersonId });
        kind.Property(k => k.Kind).HasMaxLength(ColumnWidths.KindWord);
    }
}
