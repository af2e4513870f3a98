using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>split_agreement_parties</c>.</summary>
internal sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<SplitAgreementParty>
{
    public void Configure(EntityTypeBuilder<SplitAgreementParty> party)
    {
        party.ToTable("split_agreement_parties");
        party.HasKey(p => new { p.CommunityId, p.ProjectNumber, p.Version, p.Index });
    }
}
