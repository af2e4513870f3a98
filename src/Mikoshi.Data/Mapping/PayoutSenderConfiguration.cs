using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Payouts;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>payout_senders</c>.</summary>
internal sealed class PayoutSenderConfiguration : IEntityTypeConfiguration<PayoutSenderRow>
{
    public void Configure(EntityTypeBuilder<PayoutSenderRow> sender)
    {
        sender.ToTable("payout_senders");
        sender.HasKey(s => s.CommunityId);
        sender.Property(s => s.SenderCode).HasMaxLength(SenderCode.Length);
        sender.Property(s => s.SenderName).HasMaxLength(ColumnWidths.AccountName);
        sender.Property(s => s.BankCode).HasMaxLength(BankCode.Length);
        sender.Property(s => s.BankName).HasMaxLength(ColumnWidths.BankName);
        sender.Property(s => s.BranchCode).HasMaxLength(BranchCode.Length);
        sender.Property(s => s.BranchName).HasMaxLength(ColumnWidths.BankName);
        sender.Property(s => s.AccountNumber).HasMaxLength(AccountNumber.MaxLength);
    }
}
