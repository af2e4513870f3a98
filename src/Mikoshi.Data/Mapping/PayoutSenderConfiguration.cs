using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>payout_senders</c>.</summary>
internal sealed class PayoutSenderConfiguration : IEntityTypeConfiguration<PayoutSenderRow>
{
    public void Configure(EntityTypeBuilder<PayoutSenderRow> sender)
    {
        sender.ToTable("payout_senders");
        sender.HasKey(s => s.CommunityId);
        sender.Property(s => s.SenderCode).HasMaxLength(10);
        sender.Property(s => s.SenderName).HasMaxLength(60);
        sender.Property(s => s.BankCode).HasMaxLength(4);
        sender.Property(s => s.BankName).HasMaxLength(40);
        sender.Property(s => s.BranchCode).HasMaxLength(3);
        sender.Property(s => s.BranchName).HasMaxLength(40);
        sender.Property(s => s.AccountNumber).HasMaxLength(7);
    }
}
