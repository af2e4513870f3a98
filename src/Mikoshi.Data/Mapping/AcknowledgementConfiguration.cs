using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>contribution_acknowledgements</c>.</summary>
internal sealed class AcknowledgementConfiguration : IEntityTypeConfiguration<AcknowledgementRow>
{
    public void Configure(EntityTypeBuilder<AcknowledgementRow> acknowledgement)
    {
        acknowledgement.ToTable("contribution_acknowledgements");
        acknowledgement.HasKey(a => new { a.CommunityId, a.ContributionNumber, a.PersonId });
    }
}
