using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Payments;
using Mikoshi.Features.Kernel;
using Stripe;
using Stripe.Checkout;

namespace Mikoshi.Features.Payments;

/// <summary>
/// What to pay for: <c>join</c> (a membership token at the current price, at most <see cref="MaxPrice"/>),
/// <c>topup</c> (<see cref="Amount"/> into one's own account) or <c>dues</c> (the monthly subscription);
/// <see cref="Method"/> is <c>card</c> or <c>konbini</c> (one-time payments only).
/// </summary>
public sealed record CheckoutRequest(string? Purpose, string? Method, string? Amount, string? MaxPrice);

public sealed record CheckoutView(long? Payment, string Session, string Url, AmountView Amount);

/// <summary>Opens a Stripe Checkout Session for a join, a top-up or monthly dues, and records the payment it will bring as pending.</summary>
public sealed class StripeCheckout(StripeSettings stripe, Writer writer, MikoshiDb db)
{
    /// <summary>Stripe's ceiling for one yen payment.</summary>
    public const long MaxYen = 99_999_999;

    public async Task<Result<Committed<CheckoutView>>> StartAsync(Caller caller, CheckoutRequest request, string origin, IdempotencyKey? idempotency)
    {
        var (community, person) = (caller.RequireCommunity(), caller.RequirePerson());
        if (stripe.Client is not { } client)
        {
            return StripeErrors.StripeNotConfigured;
        }

        if (community.Base != Asset.Jpy)
        {
            return PaymentErrors.CurrencyUnsupported;
        }

        var method = request.Method ?? "card";
        if (method is not ("card" or "konbini"))
        {
            return PaymentErrors.InvalidPaymentMethod;
        }

        long amount;
        long? maxPrice = null;
        string? priceId = null;
        switch (request.Purpose)
        {
            case PaymentBook.Join:
                var current = await TokenBook.CurrentAsync(db, community.Id);
                var allowed = current.Policy.MayMint(current.Supply);
                if (!allowed.IsSuccess)
                {
                    return allowed.Error;
                }

                var price = (await TokenBook.NextMintAsync(db, current)).Price;
                db.ChangeTracker.Clear();
                var max = request.MaxPrice is null ? Result<Money>.Ok(Money.Of(community.Base, price)) : Money.Parse(community.Base, request.MaxPrice);
                if (!max.IsSuccess)
                {
                    return max.Error;
                }

                if (price > max.Value.Units)
                {
                    return MembershipErrors.PriceMoved(Money.Of(community.Base, price), max.Value);
                }

                if (price <= Int128.Zero || price > MaxYen || max.Value.Units > MaxYen)
                {
                    return MoneyErrors.InvalidAmount;
                }

                amount = (long)price;
                maxPrice = (long)max.Value.Units;
                break;
            case PaymentBook.TopUp:
                var parsed = Money.Parse(community.Base, request.Amount);
                if (!parsed.IsSuccess)
                {
                    return parsed.Error;
                }

                if (parsed.Value.Units <= Int128.Zero || parsed.Value.Units > MaxYen)
                {
                    return MoneyErrors.InvalidAmount;
                }

                amount = (long)parsed.Value.Units;
                break;
            case PaymentBook.Dues:
                var settings = await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommunityId == community.Id);
                if (settings is null || settings.DuesPriceId.Length == 0)
                {
                    return PaymentErrors.DuesNotSet;
                }

                if (method != "card")
                {
                    return PaymentErrors.InvalidPaymentMethod;
                }

                if (await db.DuesSubscriptions.AnyAsync(s => s.CommunityId == community.Id && s.PersonId == person && (s.Status == "active" || s.Status == "trialing")))
                {
                    return PaymentErrors.AlreadySubscribed;
                }

                amount = settings.DuesAmount;
                priceId = settings.DuesPriceId;
                break;
            default:
                return PaymentErrors.InvalidPurpose;
        }

        var metadata = new Dictionary<string, string>
        {
            ["community"] = community.Id.ToString(),
            ["person"] = person.ToString(),
            ["purpose"] = request.Purpose!,
        };
        var options = new SessionCreateOptions
        {
            Mode = priceId is null ? "payment" : "subscription",
            AllowedPaymentMethodTypes = [method],
            ClientReferenceId = person.ToString(),
            SuccessUrl = $"{origin}/c/{Uri.EscapeDataString(community.Slug)}/payments?session={{CHECKOUT_SESSION_ID}}",
            CancelUrl = $"{origin}/c/{Uri.EscapeDataString(community.Slug)}/payments",
            Metadata = metadata,
            LineItems =
            [
                priceId is null
                    ? new SessionLineItemOptions
                    {
                        Quantity = 1,
                        PriceData = new SessionLineItemPriceDataOptions
                        {
                            Currency = "jpy",
                            UnitAmount = amount,
                            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"{community.Name}: {request.Purpose}" },
                        },
                    }
                    : new SessionLineItemOptions { Quantity = 1, Price = priceId },
            ],
        };
        if (priceId is null)
        {
            options.PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata };
        }
        else
        {
            options.SubscriptionData = new SessionSubscriptionDataOptions { Metadata = metadata };
        }

        Session session;
        try
        {
            // A retry with the same Idempotency-Key gets the same session back from Stripe, not a second one.
            var stripeKey = idempotency is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{person}\n{idempotency.Key}\n{idempotency.RequestHash}")));
            session = await new SessionService(client).CreateAsync(options, new RequestOptions { IdempotencyKey = stripeKey });
        }
        catch (StripeException exception)
        {
            return StripeErrors.StripeUnavailable(exception.StripeError?.Message ?? exception.Message);
        }

        if (priceId is not null)
        {
            return await writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
            {
                await write.AuditAsync("payment.checkout", new { session = session.Id, purpose = request.Purpose, person = person.ToString() });
                return Result<CheckoutView>.Ok(new CheckoutView(null, session.Id, session.Url, AmountView.Of(Money.Of(community.Base, amount))));
            });
        }

        return await writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
        {
            var number = await PaymentBook.NextNumberAsync(write.Db, community.Id);
            write.Db.Payments.Add(Payment.Open(community.Id, number, person, request.Purpose!, method, community.BaseAsset, amount, session.Id, write.At,
                maxPrice: maxPrice));
            await write.AuditAsync("payment.checkout", new
            {
                payment = number,
                session = session.Id,
                purpose = request.Purpose,
                method,
                person = person.ToString(),
                amount = amount.ToString(CultureInfo.InvariantCulture),
                maxPrice = maxPrice?.ToString(CultureInfo.InvariantCulture),
            });
            return Result<CheckoutView>.Ok(new CheckoutView(number, session.Id, session.Url, AmountView.Of(Money.Of(community.Base, amount))));
        });
    }

    /// <summary>This site's own origin, as the browser reached it (behind the trusted proxies' forwarded headers).</summary>
    public static string OriginOf(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/communities/{slug}/payments/checkout", (CheckoutRequest request, StripeCheckout checkout, HttpContext http) =>
            Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => checkout.StartAsync(caller, request, OriginOf(http.Request), key)))
        .Allow(Access.SignedIn)
        .WithSummary("Open a Stripe Checkout page to join (with maxPrice), top up, or pay monthly dues; answers its URL. Takes an Idempotency-Key.")
        .Produces<CheckoutView>(StatusCodes.Status201Created);
}
