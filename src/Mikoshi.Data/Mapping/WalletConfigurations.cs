using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

// Wallets linked by Sign-In with Ethereum, and the nonces it issues.
public sealed class WalletLinkConfiguration : IEntityTypeConfiguration<WalletLinkRow>
{
    public void Configure(EntityTypeBuilder<WalletLinkRow> link)
    {
        link.ToTable("wallet_links");
        link.HasKey(l => l.Address);
        link.HasIndex(l => l.PersonId);
        link.Property(l => l.Address).HasMaxLength(42);
        link.Property(l => l.Kind).HasMaxLength(12);
        link.Property(l => l.LinkMessage).HasMaxLength(4000);
        link.Property(l => l.LinkSignature).HasMaxLength(132);
    }
}

public sealed class SiweNonceConfiguration : IEntityTypeConfiguration<SiweNonceRow>
{
    public void Configure(EntityTypeBuilder<SiweNonceRow> nonce)
    {
        nonce.ToTable("siwe_nonces");
        nonce.HasKey(n => n.Nonce);
        nonce.HasIndex(n => n.ExpiresAtUnixMs);
        nonce.Property(n => n.Nonce).HasMaxLength(64);
        nonce.Property(n => n.Purpose).HasMaxLength(8);
    }
}
