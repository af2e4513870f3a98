using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Payouts;

namespace Mikoshi.Data.Mapping;

/// <summary>Payout batches: the table <c>payout_batches</c>.</summary>
internal sealed class PayoutBatchConfiguration : IEntityTypeConfiguration<PayoutBatch>
{
    public void Configure(EntityTypeBuilder<PayoutBatch> batch)
    {
        batch.ToTable("payout_batches");
        batch.HasKey(b => new { b.CommunityId, b.Number });
        batch.Property(b => b.Asset).HasMaxLength(PayoutBatch.MaxAssetLength);
        batch.Property(b => b.State).IsLowerCaseWord(12);
        batch.Property(b => b.TransferDate).HasMaxLength(PayoutBatch.DateFormat.Length);
        batch.Property(b => b.Total).IsMoney();
        batch.Ignore(b => b.TransferDay);
    }
}
