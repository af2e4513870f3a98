using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Data.Mapping;

/// <summary>The <see cref="Proposal"/> aggregate in the <c>proposals</c> table; its outcome stored as its lower-case name.</summary>
public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.ToTable("proposals");
        builder.HasKey(p => new { p.CommunityId, p.Number });
        builder.HasIndex(p => new { p.Outcome, p.GraceEndsAtUnixMs });
        builder.Property(p => p.Kind).HasMaxLength(Proposal.MaxKindLength);
        builder.Property(p => p.Title).HasMaxLength(Proposal.MaxTitleLength);
        builder.Property(p => p.Body).HasMaxLength(Proposal.MaxBodyLength);
        builder.Property(p => p.PayloadJson).HasMaxLength(Proposal.MaxPayloadLength);
        builder.Property(p => p.Strategy).HasMaxLength(Proposal.MaxStrategyLength);
        builder.Property(p => p.Outcome).HasConversion(OutcomeNames).HasMaxLength(Proposal.MaxOutcomeLength);
        builder.Property(p => p.FailureCode).HasMaxLength(Proposal.MaxFailureCodeLength);
        builder.Property(p => p.FailureDetail).HasMaxLength(Proposal.MaxFailureDetailLength);
        builder.Ignore(p => p.OpensAt);
        builder.Ignore(p => p.ClosesAt);
        builder.Ignore(p => p.GraceEndsAt);
        builder.Ignore(p => p.IsCancelled);
    }

    /// <summary>An outcome as the lower-case word the table has always held (executed, failed, defeated, expired, passed).</summary>
    public static ValueConverter<ProposalOutcome, string> OutcomeNames { get; } = new(
        outcome => outcome.ToString().ToLowerInvariant(),
        name => Enum.Parse<ProposalOutcome>(name, ignoreCase: true));
}
