using Mikoshi.Domain;

namespace Mikoshi.Features.Payments;

/// <summary>
/// The errors of card and konbini payments through Stripe and its webhooks: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class StripeErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>invalid_stripe_signature</c></summary>
        public const string InvalidStripeSignature = "invalid_stripe_signature";

        /// <summary><c>stripe_not_configured</c></summary>
        public const string StripeNotConfigured = "stripe_not_configured";

        /// <summary><c>stripe_unavailable</c></summary>
        public const string StripeUnavailable = "stripe_unavailable";
    }

    /// <summary>The Stripe-Signature header does not sign this body with our endpoint secret, or is too old.</summary>
    public static Error InvalidStripeSignature { get; } = new(Codes.InvalidStripeSignature, ErrorKind.Unauthenticated);

    /// <summary>Card and konbini payments are not set up here; pay by bank transfer.</summary>
    public static Error StripeNotConfigured { get; } = new(Codes.StripeNotConfigured, ErrorKind.Conflict);

    /// <summary>Stripe did not answer: {0}</summary>
    public static Error StripeUnavailable(string reason) => new(Codes.StripeUnavailable, ErrorKind.Unavailable, reason);
}
