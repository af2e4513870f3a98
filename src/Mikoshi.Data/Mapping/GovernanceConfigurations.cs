using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// Votes, delegations, custodial keys and a community's governance rules.
public sealed class VoteConfiguration : IEntityTypeConfiguration<VoteRow>
{
    public void Configure(EntityTypeBuilder<VoteRow> vote)
    {
        vote.ToTable("votes");
        vote.HasKey(v => new { v.CommunityId, v.ProposalNumber, v.Sequence });

        // A nonce is used once per voter and proposal: a replay racing its original still fails.
        vote.HasIndex(v => new { v.CommunityId, v.ProposalNumber, v.PersonId, v.Nonce }).IsUnique();
        vote.Property(v => v.Address).HasMaxLength(42);
        vote.Property(v => v.Choice).HasMaxLength(12);
        vote.Property(v => v.Reason).HasMaxLength(1000);
        // 65 bytes from a key; a contract wallet's (EIP-1271) may hold several owners' signatures.
        vote.Property(v => v.Signature).HasMaxLength(2 + (2 * 65 * 16));
        vote.Property(v => v.Digest).HasMaxLength(66);
    }
}

public sealed class DelegationConfiguration : IEntityTypeConfiguration<DelegationRow>
{
    public void Configure(EntityTypeBuilder<DelegationRow> delegation)
    {
        delegation.ToTable("delegations");
        delegation.HasKey(d => new { d.CommunityId, d.Number });
        delegation.HasIndex(d => new { d.CommunityId, d.DelegatorId, d.UntilUnixMs });
    }
}

public sealed class CustodialKeyConfiguration : IEntityTypeConfiguration<CustodialKeyRow>
{
    public void Configure(EntityTypeBuilder<CustodialKeyRow> key)
    {
        key.ToTable("custodial_keys");
        key.HasKey(k => k.PersonId);
        key.HasIndex(k => k.Address).IsUnique();
        key.Property(k => k.Address).HasMaxLength(42);
        key.Property(k => k.ProtectedSecret).HasMaxLength(1000);
    }
}

public sealed class GovernanceRuleConfiguration : IEntityTypeConfiguration<GovernanceRuleRow>
{
    public void Configure(EntityTypeBuilder<GovernanceRuleRow> rule)
    {
        rule.ToTable("governance_rules");
        rule.HasKey(r => new { r.CommunityId, r.Kind });
        rule.Property(r => r.Kind).HasMaxLength(12);
    }
}
