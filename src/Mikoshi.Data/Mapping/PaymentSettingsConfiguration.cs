using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>payment_settings</c>.</summary>
internal sealed class PaymentSettingsConfiguration : IEntityTypeConfiguration<PaymentSettingsRow>
{
    public void Configure(EntityTypeBuilder<PaymentSettingsRow> settings)
    {
        settings.ToTable("payment_settings");
        settings.HasKey(s => s.CommunityId);
        settings.Property(s => s.DuesPriceId).HasMaxLength(200);
        settings.Property(s => s.BankAccount).HasMaxLength(400);
        settings.Property(s => s.CsvMapping).HasMaxLength(2000);
    }
}
