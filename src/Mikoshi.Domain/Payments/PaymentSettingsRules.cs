namespace Mikoshi.Domain.Payments;

/// <summary>What a community's payment settings may hold.</summary>
public static class PaymentSettingsRules
{
    /// <summary>The longest bank account text shown to payers of a bank transfer, in characters.</summary>
    public const int MaxBankAccountLength = 400;

    /// <summary>The longest Stripe id (a price, a payment link, a subscription), in characters.</summary>
    public const int MaxStripeIdLength = 200;
}
