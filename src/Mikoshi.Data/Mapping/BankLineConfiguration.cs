using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Payments;

namespace Mikoshi.Data.Mapping;

/// <summary>Imported bank statement lines: the table <c>bank_lines</c>.</summary>
internal sealed class BankLineConfiguration : IEntityTypeConfiguration<BankLine>
{
    public void Configure(EntityTypeBuilder<BankLine> line)
    {
        line.ToTable("bank_lines");
        line.HasKey(l => new { l.CommunityId, l.Number });
        line.HasIndex(l => new { l.CommunityId, l.Identity }).IsUnique();
        line.HasIndex(l => new { l.CommunityId, l.State });
        line.Property(l => l.Identity).HasMaxLength(BankLine.MaxIdentityLength);
        line.Property(l => l.BookedOn).HasMaxLength(BankLine.DateFormat.Length);
        line.Property(l => l.Payer).HasMaxLength(BankLine.MaxPayerLength);
        line.Property(l => l.State).IsLowerCaseWord(BankLine.MaxStateLength);
        line.Ignore(l => l.StateWord);
    }
}
