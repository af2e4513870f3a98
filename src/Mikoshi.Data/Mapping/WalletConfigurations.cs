using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Data.Mapping;

// Wallets linked by Sign-In with Ethereum, and the nonces it issues.
public sealed class WalletLinkConfiguration : IEntityTypeConfiguration<WalletLinkRow>
{
    public void Configure(EntityTypeBuilder<WalletLinkRow> builder)
    {
        builder.ToTable("wallet_links");
        builder.HasKey(l => l.Address);
        builder.HasIndex(l => l.PersonId);
        builder.Property(l => l.Address).HasMaxLength(EthAddress.TextLength);
        builder.Property(l => l.Kind).HasMaxLength(ColumnWidths.Word);
        builder.Property(l => l.LinkMessage).HasMaxLength(ColumnWidths.LinkMessage);
        builder.Property(l => l.LinkSignature).HasMaxLength(ColumnWidths.SignatureHex);
    }
}

public sealed class SiweNonceConfiguration : IEntityTypeConfiguration<SiweNonceRow>
{
    public void Configure(EntityTypeBuilder<SiweNonceRow> builder)
    {
        builder.ToTable("siwe_nonces");
        builder.HasKey(n => n.Nonce);
        builder.HasIndex(n => n.ExpiresAtUnixMs);
        builder.Property(n => n.Nonce).HasMaxLength(ColumnWidths.NonceText);
        builder.Property(n => n.Purpose).HasMaxLength(ColumnWidths.NoncePurpose);
    }
}
