using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// Wallets linked by Sign-In with Ethereum, and the nonces it issues.
public sealed class WalletLinkConfiguration : IEntityTypeConfiguration<WalletLinkRow>
{
    public void Configure(EntityTypeBuilder<WalletLinkRow> builder)
    {
        builder.ToTable("wallet_links");
        builder.HasKey(l => l.Address);
        builder.HasIndex(l => l.PersonId);
        builder.Property(l => l.Address).HasMaxLength(42);
        builder.Property(l => l.Kind).HasMaxLength(12);
        builder.Property(l => l.LinkMessage).HasMaxLength(4000);
        builder.Property(l => l.LinkSignature).HasMaxLength(132);
    }
}

public sealed class SiweNonceConfiguration : IEntityTypeConfiguration<SiweNonceRow>
{
    public void Configure(EntityTypeBuilder<SiweNonceRow> builder)
    {
        builder.ToTable("siwe_nonces");
        builder.HasKey(n => n.Nonce);
        builder.HasIndex(n => n.ExpiresAtUnixMs);
        builder.Property(n => n.Nonce).HasMaxLength(64);
        builder.Property(n => n.Purpose).HasMaxLength(8);
    }
}
