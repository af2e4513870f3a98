using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Payouts;

namespace Mikoshi.Data.Mapping;

/// <summary>Claims for payout: the table <c>claims</c>.</summary>
internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> claim)
    {
        claim.ToTable("claims");
        claim.HasKey(c => new { c.CommunityId, c.Number });
        claim.HasIndex(c => new { c.CommunityId, c.PersonId });
        claim.HasIndex(c => new { c.CommunityId, c.Asset, c.State });
        claim.Property(c => c.Asset).HasMaxLength(Claim.MaxAssetLength);
        claim.Property(c => c.State).IsLowerCaseWord(12);
        claim.Property(c => c.Amount).IsMoney();
    }
}
