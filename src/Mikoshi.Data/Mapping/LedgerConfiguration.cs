using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;
using Mikoshi.Domain.Ledger;

namespace Mikoshi.Data.Mapping;

/// <summary>The ledger: journal entries, their postings, and the cached balances.</summary>
public sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntryRow>
{
    public void Configure(EntityTypeBuilder<JournalEntryRow> builder)
    {
        builder.ToTable("journal_entries");
        builder.HasKey(e => new { e.CommunityId, e.Number });
        builder.Property(e => e.Kind).HasMaxLength(ColumnWidths.Code);
        builder.Property(e => e.Memo).HasMaxLength(Domain.Ledger.JournalEntry.MaxMemoLength);
        builder.Property(e => e.Reference).HasMaxLength(JournalEntry.MaxReferenceLength);
        builder.Property(e => e.Actor).HasMaxLength(ColumnWidths.Code);
        builder.HasMany(e => e.Postings).WithOne().HasForeignKey(p => new { p.CommunityId, p.EntryNumber });
    }
}

public sealed class PostingConfiguration : IEntityTypeConfiguration<PostingRow>
{
    public void Configure(EntityTypeBuilder<PostingRow> builder)
    {
        builder.ToTable("postings");
        builder.HasKey(p => new { p.CommunityId, p.EntryNumber, p.Index });
        builder.HasIndex(p => new { p.CommunityId, p.Account });
        builder.Property(p => p.Account).HasMaxLength(ColumnWidths.LedgerAccount);
        builder.Property(p => p.Asset).HasMaxLength(Asset.MaxCodeLength);
        builder.Property(p => p.Units).IsMoney();
    }
}

public sealed class BalanceConfiguration : IEntityTypeConfiguration<BalanceRow>
{
    public void Configure(EntityTypeBuilder<BalanceRow> builder)
    {
        builder.ToTable("balances");
        builder.HasKey(b => new { b.CommunityId, b.Account, b.Asset });
        builder.Property(b => b.Account).HasMaxLength(ColumnWidths.LedgerAccount);
        builder.Property(b => b.Asset).HasMaxLength(Asset.MaxCodeLength);
        builder.Property(b => b.Units).IsMoney();
    }
}
