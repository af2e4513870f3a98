using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mikoshi.Domain;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Data.Mapping;

/// <summary>The <see cref="Listing"/> aggregate: the <c>listings</c> table, its state stored as the lowercase name.</summary>
public sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> builder)
    {
        builder.ToTable("listings");
        builder.HasKey(l => new { l.CommunityId, l.Number });
        builder.HasIndex(l => new { l.CommunityId, l.Serial, l.State });
        builder.Property(l => l.Asset).HasMaxLength(Asset.MaxCodeLength);
        builder.Property(l => l.State).HasConversion(new LowercaseEnumConverter<ListingState>()).HasMaxLength(Listing.MaxStateLength);
        builder.Property(l => l.Price).IsMoney();
        builder.Ignore(l => l.IsOpen);
    }
}

/// <summary>An enum stored as its name in lowercase (<c>Open</c> as <c>open</c>), as the columns held it before the enum.</summary>
public sealed class LowercaseEnumConverter<T>() : ValueConverter<T, string>(
    value => value.ToString().ToLowerInvariant(),
    text => Enum.Parse<T>(text, true))
    where T : struct, Enum;
