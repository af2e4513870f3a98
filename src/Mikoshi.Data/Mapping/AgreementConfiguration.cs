using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Data.Mapping;

/// <summary>Split agreement versions: the table <c>split_agreements</c>, their parties in <c>split_agreement_parties</c>.</summary>
internal sealed class AgreementConfiguration : IEntityTypeConfiguration<SplitAgreement>
{
    public void Configure(EntityTypeBuilder<SplitAgreement> agreement)
    {
        agreement.ToTable("split_agreements");
        agreement.HasKey(a => new { a.CommunityId, a.ProjectNumber, a.Version });
        agreement.Property(a => a.Basis).IsLowerCaseWord(SplitAgreement.MaxWordLength);
        agreement.Property(a => a.State)
            .HasConversion(state => SplitAgreement.Word(state), word => SplitAgreement.StateOf(word))
            .HasMaxLength(SplitAgreement.MaxWordLength);
        agreement.HasMany(a => a.Parties).WithOne().HasForeignKey(p => new { p.CommunityId, p.ProjectNumber, p.Version });
        agreement.Navigation(a => a.Parties).HasField("parties").UsePropertyAccessMode(PropertyAccessMode.Field);
        agreement.Ignore(a => a.PartiesInOrder);
        agreement.Ignore(a => a.IsAcceptedByAll);
        agreement.Ignore(a => a.Terms);
    }
}
