using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Payments;

/// <summary>
/// Stripe cannot be reached from here: this small local server answers the two calls Mikoshi makes — creating a
/// Checkout Session and reading a payment intent with its charge's balance transaction — in the JSON shapes of
/// Stripe's API reference. Stripe.net talks to it through <c>Mikoshi:Stripe:ApiBase</c>. Events are built from
/// Stripe's documented payloads and signed as Stripe signs them: <c>t=…,v1=</c>HMAC-SHA256 of "t.payload".
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    public const string SecretKey = "sk_test_standin";
    public const string WebhookSecret = "whsec_standin_secret";

    private readonly WebApplication app;
    private int sessions;

    /// <summary>What Mikoshi asked for, by session id: the form fields it posted.</summary>
    public ConcurrentDictionary<string, Dictionary<string, string>> Sessions { get; } = new();

    /// <summary>Dues invoices Stripe has been paid, by invoice id, with the amount: <c>GET /v1/invoice_payments</c> lists their payment.</summary>
    public ConcurrentDictionary<string, long> PaidInvoices { get; } = new();

    /// <summary>The fee Stripe keeps on a charge, in yen: 3.6% rounded down, as Stripe's Japanese card rate.</summary>
    public static long FeeOf(long amount) => amount * 36 / 1000;

    private StripeStandIn(WebApplication app, Func<DateTimeOffset> clock)
    {
        this.app = app;
        this.clock = clock;
    }

    private readonly Func<DateTimeOffset> clock;

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <param name="clock">The time events are signed at: the app's clock, which checks the signature's age.</param>
    public static async Task<StripeStandIn> StartAsync(Func<DateTimeOffset>? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new StripeStandIn(app, clock ?? (() => DateTimeOffset.UtcNow));
        app.MapPost("/v1/checkout/sessions", async (HttpRequest request) =>
        {
            if (request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
            {
                return Results.Json(new { error = new { type = "invalid_request_error", message = "Invalid API Key provided" } }, statusCode: 401);
            }

            var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
            var id = $"cs_test_{Interlocked.Increment(ref standIn.sessions):D6}";
            standIn.Sessions[id] = form;
            var metadata = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)).ToDictionary(f => f.Key[9..^1], f => f.Value);
            var amount = form.TryGetValue("line_items[0][price_data][unit_amount]", out var unit) ? long.Parse(unit, CultureInfo.InvariantCulture) : (long?)null;
            return Results.Json(new
            {
                id,
                @object = "checkout.session",
                amount_total = amount,
                currency = "jpy",
                mode = form["mode"],
                payment_status = "unpaid",
                status = "open",
                url = $"{standIn.Url}/c/pay/{id}",
                metadata,
                client_reference_id = form.GetValueOrDefault("client_reference_id"),
            });
        });
        app.MapGet("/v1/payment_intents/{id}", (string id, HttpRequest request) =>
        {
            var amount = long.Parse(id.Split('_')[^1], CultureInfo.InvariantCulture);
            return Results.Json(new
            {
                id,
                @object = "payment_intent",
                amount,
                currency = "jpy",
                status = "succeeded",
                latest_charge = request.Query["expand[0]"] == "latest_charge.balance_transaction"
                    ? new { id = $"ch_{id}", @object = "charge", amount, balance_transaction = new { id = $"txn_{id}", @object = "balance_transaction", amount, fee = FeeOf(amount), net = amount - FeeOf(amount), currency = "jpy" } }
                    : null,
            });
        });
        // An invoice's payments (the only place a paid invoice names its payment intent since API version 2025-03-31).
        app.MapGet("/v1/invoice_payments", (HttpRequest request) =>
        {
            var invoice = request.Query["invoice"].ToString();
            var data = standIn.PaidInvoices.TryGetValue(invoice, out var amount)
                ? new object[] { new { id = $"inpay_{invoice}", @object = "invoice_payment", invoice, status = "paid", amount_paid = amount, currency = "jpy", is_default = true, payment = new { type = "payment_intent", payment_intent = $"pi_test_{amount}" } } }
                : [];
            return Results.Json(new { @object = "list", url = "/v1/invoice_payments", has_more = false, data });
        });
        // The hosted payment page: paying sends the signed checkout.session.completed event to the success URL's site,
        // as Stripe does, then returns the browser there.
        app.MapGet("/c/pay/{id}", (string id) => Results.Content(
            $"<!doctype html><title>Pay</title><form method=post><button data-testid=stripe-pay>Pay {standIn.Sessions[id]["line_items[0][price_data][unit_amount]"]} JPY</button></form>", "text/html"));
        app.MapPost("/c/pay/{id}", async (string id) =>
        {
            var form = standIn.Sessions[id];
            var amount = long.Parse(form["line_items[0][price_data][unit_amount]"], CultureInfo.InvariantCulture);
            var metadata = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)).ToDictionary(f => f.Key[9..^1], f => f.Value);
            // Card money arrives at once; a konbini payment only issues a voucher here, and its money comes with a later event.
            var konbini = form.GetValueOrDefault("allowed_payment_method_types[0]") == "konbini";
            var payload = Event("checkout.session.completed", Session(id, amount, konbini ? "unpaid" : "paid", $"pi_test_{amount}", metadata), standIn.clock());
            var success = new Uri(form["success_url"].Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{success.Port}") };
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            request.Headers.Add("Stripe-Signature", Sign(payload, standIn.clock()));
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
            return Results.Redirect(success.AbsoluteUri);
        });
        await app.StartAsync();
        return standIn;
    }

    /// <summary>Settings that point a <see cref="TestApp"/> at this server.</summary>
    public void Configure(TestApp testApp)
    {
        testApp.Settings["Mikoshi:Stripe:SecretKey"] = SecretKey;
        testApp.Settings["Mikoshi:Stripe:WebhookSecret"] = WebhookSecret;
        testApp.Settings["Mikoshi:Stripe:ApiBase"] = Url;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    /// <summary>An event as Stripe sends it: the envelope of the API reference around <paramref name="data"/>.</summary>
    public static string Event(string type, object data, DateTimeOffset created, string? id = null) =>
        new JsonObject
        {
            ["id"] = id ?? $"evt_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
            ["created"] = created.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = JsonSerializer.SerializeToNode(data) },
        }.ToJsonString();

    /// <summary>A Checkout Session object (checkout.session.* events).</summary>
    public static object Session(string id, long amount, string paymentStatus, string? paymentIntent, Dictionary<string, string>? metadata = null, string mode = "payment", string? paymentLink = null, string? subscription = null) => new Dictionary<string, object?>
    {
        ["id"] = id,
        ["object"] = "checkout.session",
        ["amount_total"] = amount,
        ["currency"] = "jpy",
        ["mode"] = mode,
        ["payment_status"] = paymentStatus,
        ["status"] = paymentStatus == "paid" ? "complete" : "open",
        ["payment_intent"] = paymentIntent,
        ["payment_link"] = paymentLink,
        ["subscription"] = subscription,
        ["metadata"] = metadata ?? [],
    };

    /// <summary>The Stripe-Signature header for <paramref name="payload"/> at <paramref name="at"/>.</summary>
    public static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Delivers a signed event to the app's webhook endpoint.</summary>
    public static Task<HttpResponseMessage> DeliverAsync(TestApp app, string payload, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature ?? Sign(payload, app.Clock.GetUtcNow()));
        return app.CreateClient().SendAsync(request);
    }
}
