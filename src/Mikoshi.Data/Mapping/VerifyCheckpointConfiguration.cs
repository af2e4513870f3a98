using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// Where the last verification of an audit chain stopped.
public sealed class VerifyCheckpointConfiguration : IEntityTypeConfiguration<VerifyCheckpointRow>
{
    public void Configure(EntityTypeBuilder<VerifyCheckpointRow> checkpoint)
    {
        checkpoint.ToTable("verify_checkpoints");
        checkpoint.HasKey(c => c.Chain);

        // The instance's own chain is Guid.Empty: a key to keep as given, never one to generate.
        checkpoint.Property(c => c.Chain).ValueGeneratedNever();
        checkpoint.Property(c => c.AuditHash).HasMaxLength(64);
        checkpoint.Property(c => c.BalancesHash).HasMaxLength(64);
        checkpoint.Property(c => c.KeyId).HasMaxLength(32);
        checkpoint.Property(c => c.Signature).HasMaxLength(64);
    }
}
