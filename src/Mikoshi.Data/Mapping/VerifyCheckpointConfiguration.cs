using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// Where the last verification of an audit chain stopped.
public sealed class VerifyCheckpointConfiguration : IEntityTypeConfiguration<VerifyCheckpointRow>
{
    public void Configure(EntityTypeBuilder<VerifyCheckpointRow> builder)
    {
        builder.ToTable("verify_checkpoints");
        builder.HasKey(c => c.Chain);

        // The instance's own chain is Guid.Empty: a key to keep as given, never one to generate.
        builder.Property(c => c.Chain).ValueGeneratedNever();
        builder.Property(c => c.AuditHash).IsHash();
        builder.Property(c => c.BalancesHash).IsHash();
        builder.Property(c => c.KeyId).HasMaxLength(ColumnWidths.SigningKeyId);
        builder.Property(c => c.Signature).IsHash();
    }
}
