using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>Succession plans and the guardians' confirmations.</summary>
public sealed class SuccessionPlanConfiguration : IEntityTypeConfiguration<SuccessionPlanRow>
{
    public void Configure(EntityTypeBuilder<SuccessionPlanRow> builder)
    {
        builder.ToTable("succession_plans");
        builder.HasKey(p => new { p.CommunityId, p.HolderId });
    }
}

public sealed class SuccessionConfirmationConfiguration : IEntityTypeConfiguration<SuccessionConfirmationRow>
{
    public void Configure(EntityTypeBuilder<SuccessionConfirmationRow> builder)
    {
        builder.ToTable("succession_confirmations");
        builder.HasKey(c => new { c.CommunityId, c.HolderId, c.GuardianId });
    }
}
