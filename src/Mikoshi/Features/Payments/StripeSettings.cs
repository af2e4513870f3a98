using Stripe;

namespace Mikoshi.Features.Payments;

/// <summary>
/// Stripe's keys from configuration: <c>Mikoshi:Stripe:SecretKey</c> and <c>Mikoshi:Stripe:WebhookSecret</c>; with
/// either unset, the pages offer bank transfer only. <c>Mikoshi:Stripe:ApiBase</c> points the client at another
/// server — for tests, which answer Stripe's few calls locally; never set it in production.
/// </summary>
public sealed class StripeSettings(IConfiguration configuration)
{
    private readonly Lazy<StripeClient?> client = new(() => Create(configuration));

    public string? SecretKey => Value(configuration, "SecretKey");

    public string? WebhookSecret => Value(configuration, "WebhookSecret");

    /// <summary>Whether card and konbini payments are offered.</summary>
    public bool Enabled => SecretKey is not null && WebhookSecret is not null;

    /// <summary>The client every Stripe call goes through; null when Stripe is not configured.</summary>
    public StripeClient? Client => Enabled ? client.Value : null;

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[$"Mikoshi:Stripe:{key}"] is { Length: > 0 } value ? value : null;

    private static StripeClient? Create(IConfiguration configuration)
    {
        var key = Value(configuration, "SecretKey");
        if (key is null)
        {
            return null;
        }

        var options = new StripeClientOptions { ApiKey = key };
        if (Value(configuration, "ApiBase") is { } apiBase)
        {
            options.ApiBase = apiBase;
        }

        return new StripeClient(options);
    }
}
