using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Payouts;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>bank_accounts</c>.</summary>
internal sealed class BankAccountConfiguration : IEntityTypeConfiguration<BankAccountRow>
{
    public void Configure(EntityTypeBuilder<BankAccountRow> account)
    {
        account.ToTable("bank_accounts");
        account.HasKey(a => a.PersonId);
        account.Property(a => a.BankCode).HasMaxLength(BankCode.Length);
        account.Property(a => a.BankName).HasMaxLength(ColumnWidths.BankName);
        account.Property(a => a.BranchCode).HasMaxLength(BranchCode.Length);
        account.Property(a => a.BranchName).HasMaxLength(ColumnWidths.BankName);
        // Sealed with the key-encryption key (kek1: + base64 of nonce, tag and ciphertext), not the 7 digits themselves.
        account.Property(a => a.AccountNumber).HasMaxLength(ColumnWidths.SealedAccountNumber);
        account.Property(a => a.HolderName).HasMaxLength(ColumnWidths.AccountName);
    }
}
