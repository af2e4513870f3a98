using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The ledger: journal entries, their postings, and the cached balances.</summary>
public sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntryRow>
{
    public void Configure(EntityTypeBuilder<JournalEntryRow> builder)
    {
        builder.ToTable("journal_entries");
        builder.HasKey(e => new { e.CommunityId, e.Number });
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Memo).HasMaxLength(Domain.Ledger.JournalEntry.MaxMemoLength);
        builder.Property(e => e.Reference).HasMaxLength(200);
        builder.Property(e => e.Actor).HasMaxLength(40);
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
        builder.Property(p => p.Account).HasMaxLength(80);
        builder.Property(p => p.Asset).HasMaxLength(12);
        builder.Property(p => p.Units).IsMoney();
    }
}

public sealed class BalanceConfiguration : IEntityTypeConfiguration<BalanceRow>
{
    public void Configure(EntityTypeBuilder<BalanceRow> builder)
    {
        builder.ToTable("balances");
        builder.HasKey(b => new { b.CommunityId, b.Account, b.Asset });
        builder.Property(b => b.Account).HasMaxLength(80);
        builder.Property(b => b.Asset).HasMaxLength(12);
        builder.Property(b => b.Units).IsMoney();
    }
}
