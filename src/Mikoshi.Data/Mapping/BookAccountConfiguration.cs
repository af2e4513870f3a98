using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Ledger;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>book_accounts</c>.</summary>
internal sealed class BookAccountConfiguration : IEntityTypeConfiguration<BookAccountRow>
{
    public void Configure(EntityTypeBuilder<BookAccountRow> account)
    {
        account.ToTable("book_accounts");
        account.HasKey(a => new { a.CommunityId, a.Key });
        account.Property(a => a.Key).HasMaxLength(ColumnWidths.Code);
        account.Property(a => a.Name).HasMaxLength(BookRules.MaxAccountNameLength);
    }
}
