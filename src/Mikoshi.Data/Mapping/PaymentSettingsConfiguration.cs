using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Payments;

namespace Mikoshi.Data.Mapping;

/// <summary>The table <c>payment_settings</c>.</summary>
internal sealed class PaymentSettingsConfiguration : IEntityTypeConfiguration<PaymentSettingsRow>
{
    public void Configure(EntityTypeBuilder<PaymentSettingsRow> settings)
    {
        settings.ToTable("payment_settings");
        settings.HasKey(s => s.CommunityId);
        settings.Property(s => s.DuesPriceId).HasMaxLength(PaymentSettingsRules.MaxStripeIdLength);
        settings.Property(s => s.BankAccount).HasMaxLength(PaymentSettingsRules.MaxBankAccountLength);
        settings.Property(s => s.CsvMapping).HasMaxLength(ColumnWidths.SmallJson);
    }
}
