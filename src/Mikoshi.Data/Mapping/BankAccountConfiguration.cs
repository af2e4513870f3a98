using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>bank_accounts</c>.</summary>
internal sealed class BankAccountConfiguration : IEntityTypeConfiguration<BankAccountRow>
{
    public void Configure(EntityTypeBuilder<BankAccountRow> account)
    {
        account.ToTable("bank_accounts");
        account.HasKey(a => a.PersonId);
        account.Property(a => a.BankCode).HasMaxLength(4);
        account.Property(a => a.BankName).HasMaxLength(40);
        account.Property(a => a.BranchCode).HasMaxLength(3);
        account.Property(a => a.BranchName).HasMaxLength(40);
        // Sealed with the key-encryption key (kek1: + base64 of nonce, tag and ciphertext), not the 7 digits themselves.
        account.Property(a => a.AccountNumber).HasMaxLength(200);
        account.Property(a => a.HolderName).HasMaxLength(60);
    }
}
