using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Identity;

namespace Mikoshi.Data.Mapping;

/// <summary>The sign-in account's own columns (Identity maps the rest of its tables).</summary>
public sealed class MikoshiUserConfiguration : IEntityTypeConfiguration<MikoshiUser>
{
    public void Configure(EntityTypeBuilder<MikoshiUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(DisplayNameRules.MaxLength);
        builder.Property(u => u.Bio).HasMaxLength(ProfileRules.MaxBioLength);
        builder.Property(u => u.TimeZone).HasMaxLength(Community.MaxTimeZoneLength);
        builder.PrimitiveCollection(u => u.Skills);
        builder.PrimitiveCollection(u => u.Loves);
        builder.PrimitiveCollection(u => u.Values);
    }
}
