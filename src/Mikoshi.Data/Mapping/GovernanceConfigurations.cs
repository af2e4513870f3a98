using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Data.Mapping;

// Votes, delegations, custodial keys and a community's governance rules.
public sealed class VoteConfiguration : IEntityTypeConfiguration<VoteRow>
{
    public void Configure(EntityTypeBuilder<VoteRow> builder)
    {
        builder.ToTable("votes");
        builder.HasKey(v => new { v.CommunityId, v.ProposalNumber, v.Sequence });

        // A nonce is used once per voter and proposal: a replay racing its original still fails.
        builder.HasIndex(v => new { v.CommunityId, v.ProposalNumber, v.PersonId, v.Nonce }).IsUnique();
        builder.Property(v => v.Address).HasMaxLength(EthAddress.TextLength);
        builder.Property(v => v.Choice).HasMaxLength(ColumnWidths.Word);
        builder.Property(v => v.Reason).HasMaxLength(VoteRules.MaxReasonLength);
        // 65 bytes from a key; a contract wallet's (EIP-1271) may hold several owners' signatures.
        builder.Property(v => v.Signature).HasMaxLength(VoteRules.MaxSignatureTextLength);
        builder.Property(v => v.Digest).HasMaxLength(ColumnWidths.EvmWordHex);
    }
}

public sealed class DelegationConfiguration : IEntityTypeConfiguration<DelegationRow>
{
    public void Configure(EntityTypeBuilder<DelegationRow> builder)
    {
        builder.ToTable("delegations");
        builder.HasKey(d => new { d.CommunityId, d.Number });
        builder.HasIndex(d => new { d.CommunityId, d.DelegatorId, d.UntilUnixMs });
    }
}

public sealed class CustodialKeyConfiguration : IEntityTypeConfiguration<CustodialKeyRow>
{
    public void Configure(EntityTypeBuilder<CustodialKeyRow> builder)
    {
        builder.ToTable("custodial_keys");
        builder.HasKey(k => k.PersonId);
        builder.HasIndex(k => k.Address).IsUnique();
        builder.Property(k => k.Address).HasMaxLength(EthAddress.TextLength);
        builder.Property(k => k.ProtectedSecret).HasMaxLength(ColumnWidths.SealedKey);
    }
}

public sealed class GovernanceRuleConfiguration : IEntityTypeConfiguration<GovernanceRuleRow>
{
    public void Configure(EntityTypeBuilder<GovernanceRuleRow> builder)
    {
        builder.ToTable("governance_rules");
        builder.HasKey(r => new { r.CommunityId, r.Kind });
        builder.Property(r => r.Kind).HasMaxLength(Proposal.MaxKindLength);
    }
}
