using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>Holdings checkpoints: each person's token count from an instant on.</summary>
public sealed class CheckpointConfiguration : IEntityTypeConfiguration<CheckpointRow>
{
    public void Configure(EntityTypeBuilder<CheckpointRow> builder)
    {
        builder.ToTable("holdings_checkpoints");
        builder.HasKey(c => new { c.CommunityId, c.PersonId, c.Sequence });
        builder.HasIndex(c => new { c.CommunityId, c.PersonId, c.AtUnixMs, c.Sequence });
    }
}
