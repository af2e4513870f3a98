using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Data.Mapping;

/// <summary>The <see cref="Token"/> aggregate: the <c>tokens</c> table, its lineage in <c>token_lineage</c>.</summary>
public sealed class TokenConfiguration : IEntityTypeConfiguration<Token>
{
    public void Configure(EntityTypeBuilder<Token> builder)
    {
        builder.ToTable("tokens");
        builder.HasKey(t => new { t.CommunityId, t.Serial });
        builder.HasIndex(t => new { t.CommunityId, t.OwnerId });

        // What a person paid in (the LLC-DAO cap, read on every capped redemption and distribution) is the
        // prices of the tokens they minted: found by minter, not by reading every token of the community.
        builder.HasIndex(t => new { t.CommunityId, t.MintedBy });
        builder.Property(t => t.MintPrice).IsMoney();
        builder.Ignore(t => t.IsBurned);
        builder.HasMany(t => t.Lineage).WithOne().HasForeignKey(l => new { l.CommunityId, l.Serial });
        builder.Navigation(t => t.Lineage).HasField("lineage").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>A step of a token's lineage: the <c>token_lineage</c> table.</summary>
public sealed class LineageStepConfiguration : IEntityTypeConfiguration<LineageStep>
{
    public void Configure(EntityTypeBuilder<LineageStep> builder)
    {
        builder.ToTable("token_lineage");
        builder.HasKey(l => new { l.CommunityId, l.Serial, l.Step });
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(ColumnWidths.LongWord);
        builder.Property(l => l.Price).IsMoney();
        builder.HasIndex(l => new { l.CommunityId, l.AtUnixMs });
    }
}
