using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Http.Revenue;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Payments;

/// <summary>Card, konbini, subscriptions and sales through Stripe.net against a local stand-in, with webhooks signed as Stripe signs them.</summary>
public sealed class StripePaymentTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Join_ByCardAndByKonbini_MintsOnce_WhateverTheOrderAndRepeatsOfEvents(string provider)
    {
        await using var stripe = await StripeStandIn.StartAsync();
        await using var app = TestApp.Create(provider);
        stripe.Configure(app);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var card = await app.SignUpAsync();
        var konbini = await app.SignUpAsync();
        var lapsed = await app.SignUpAsync();
        var now = app.Clock.GetUtcNow();

        // Card: the checkout opens at the current price; the paid event credits and mints in one write.
        var session = await CheckoutAsync(card, slug, "card");
        Assert.Equal("card", stripe.Sessions[session.Id]["allowed_payment_method_types[0]"]);
        var paid = StripeStandIn.Event("checkout.session.completed", StripeStandIn.Session(session.Id, session.Amount, "paid", $"pi_test_{session.Amount}"), now);
        Assert.Equal("applied", await OutcomeAsync(app, paid));
        var entries = await CountAsync(app, db => db.JournalEntries);

        // The same delivery again, a later event for the same payment, and an expiry arriving late change nothing.
        Assert.Equal("duplicate", await OutcomeAsync(app, paid));
        Assert.Equal("already_applied", await OutcomeAsync(app, StripeStandIn.Event("checkout.session.async_payment_succeeded", StripeStandIn.Session(session.Id, session.Amount, "paid", $"pi_test_{session.Amount}"), now)));
        Assert.Equal("already_applied", await OutcomeAsync(app, StripeStandIn.Event("checkout.session.expired", StripeStandIn.Session(session.Id, session.Amount, "unpaid", null), now)));
        Assert.Equal(entries, await CountAsync(app, db => db.JournalEntries));
        var mine = await PaymentAsync(card, slug);
        Assert.Equal("paid", mine.GetProperty("state").GetString());
        Assert.Equal(1, mine.GetProperty("token").GetInt64());
        Assert.Equal(StripeStandIn.FeeOf(session.Amount).ToString(CultureInfo.InvariantCulture), mine.GetProperty("fee").GetProperty("amount").GetString());

        // Konbini: a voucher first (nothing moves), the money later.
        var voucher = await CheckoutAsync(konbini, slug, "konbini");
        Assert.Equal("awaiting_payment", await OutcomeAsync(app, StripeStandIn.Event("checkout.session.completed", StripeStandIn.Session(voucher.Id, voucher.Amount, "unpaid", $"pi_test_{voucher.Amount}"), now)));
        Assert.Equal("pending", (await PaymentAsync(konbini, slug)).GetProperty("state").GetString());
        Assert.Equal("applied", await OutcomeAsync(app, StripeStandIn.Event("checkout.session.async_payment_succeeded", StripeStandIn.Session(voucher.Id, voucher.Amount, "paid", $"pi_test_{voucher.Amount}"), now)));
        Assert.Equal(2, (await PaymentAsync(konbini, slug)).GetProperty("token").GetInt64());

        // A konbini voucher that expires unpaid leaves nothing behind but its expired record.
        var expiring = await CheckoutAsync(lapsed, slug, "konbini");
        var before = await CountAsync(app, db => db.JournalEntries);
        Assert.Equal("awaiting_payment", await OutcomeAsync(app, StripeStandIn.Event("checkout.session.completed", StripeStandIn.Session(expiring.Id, expiring.Amount, "unpaid", "pi_test_9"), now)));
        Assert.Equal("expired", await OutcomeAsync(app, StripeStandIn.Event("checkout.session.expired", StripeStandIn.Session(expiring.Id, expiring.Amount, "unpaid", "pi_test_9"), now)));
        Assert.Equal("expired", (await PaymentAsync(lapsed, slug)).GetProperty("state").GetString());
        Assert.Equal(before, await CountAsync(app, db => db.JournalEntries));
        Assert.Equal(0, await CountAsync(app, db => db.Tokens.Where(t => t.OwnerId == new Domain.Communities.PersonId(Guid.Parse(lapsed.Id)))));

        // The receipt: amount, what it bought, the date in JST, the community's name.
        var receipt = await (await card.Client.GetAsync($"/api/v1/communities/{slug}/payments/{mine.GetProperty("number").GetInt64()}/receipt")).JsonAsync();
        Assert.Equal("みんなの神輿", receipt.GetProperty("community").GetString());
        Assert.Equal("join", receipt.GetProperty("purpose").GetString());
        Assert.Equal("2026-11-27 18:00 JST", receipt.GetProperty("paidAtJst").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await konbini.Client.GetAsync($"/api/v1/communities/{slug}/payments/{mine.GetProperty("number").GetInt64()}/receipt")).StatusCode);
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Webhook_WithABadOrOldSignatureOrWrongAmountOrUnknownCommunity_MovesNoMoney(string provider)
    {
        await using var stripe = await StripeStandIn.StartAsync();
        await using var app = TestApp.Create(provider);
        stripe.Configure(app);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var newcomer = await app.SignUpAsync();
        var session = await CheckoutAsync(newcomer, slug, "card");
        var now = app.Clock.GetUtcNow();
        var paid = StripeStandIn.Event("checkout.session.completed", StripeStandIn.Session(session.Id, session.Amount, "paid", $"pi_test_{session.Amount}"), now);
        var audit = await CountAsync(app, db => db.AuditLog);

        foreach (var signature in new[]
        {
            StripeStandIn.Sign(paid, now, "whsec_someone_else"),
            StripeStandIn.Sign(paid, now.AddMinutes(-10)),
            StripeStandIn.Sign(paid + " ", now),
            "t=1,v1=00",
            string.Empty,
        })
        {
            var refused = await StripeStandIn.DeliverAsync(app, paid, signature);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("invalid_stripe_signature", await refused.ProblemCodeAsync());
        }

        Assert.Equal(0, await CountAsync(app, db => db.StripeEvents));
        Assert.Equal(audit, await CountAsync(app, db => db.AuditLog));

        // Paid, but not what was asked: kept and flagged, no money moved.
        var entries = await CountAsync(app, db => db.JournalEntries);
        Assert.Equal("amount_mismatch", await OutcomeAsync(app, StripeStandIn.Event("checkout.session.completed", StripeStandIn.Session(session.Id, session.Amount - 1, "paid", "pi_test_1"), now)));
        var unknown = new Dictionary<string, string> { ["community"] = Guid.NewGuid().ToString(), ["person"] = newcomer.Id };
        Assert.Equal("unknown_community", await OutcomeAsync(app, StripeStandIn.Event("checkout.session.completed", StripeStandIn.Session("cs_test_elsewhere", 1000, "paid", "pi_test_1000", unknown), now)));
        Assert.Equal(entries, await CountAsync(app, db => db.JournalEntries));
        Assert.Equal(2, await CountAsync(app, db => db.StripeEvents));
        Assert.Equal("pending", (await PaymentAsync(newcomer, slug)).GetProperty("state").GetString());

        // The price moved above the limit before paying: refused before Stripe is asked.
        var moved = await newcomer.Client.PostJsonAsync($"/api/v1/communities/{slug}/payments/checkout", new { purpose = "join", method = "card", maxPrice = "1" });
        Assert.Equal("price_moved", await moved.ProblemCodeAsync());
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Sale_IsDistributedRevenue_AndItsRefundReversesFromTheReserveThenTheTreasury(string provider)
    {
        await using var stripe = await StripeStandIn.StartAsync();
        await using var app = TestApp.Create(provider);
        stripe.Configure(app);
        var setup = await RevenueSetup.CreateAsync(app);
        var project = long.Parse(setup.Project.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await setup.Admin.Client.PutAsJsonAsync($"{setup.Community}/revenue-policy", new { treasuryBps = 1000, holderBps = 1000, reserveBps = 3000 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await setup.Admin.Client.PostJsonAsync($"{setup.Community}/projects/{project}/sale-links", new { paymentLink = "plink_test_emaki" })).StatusCode);
        var now = app.Clock.GetUtcNow();

        var sale = StripeStandIn.Event("checkout.session.completed", StripeStandIn.Session("cs_test_sale", 10000, "paid", "pi_test_10000", paymentLink: "plink_test_emaki"), now);
        Assert.Equal("applied", await OutcomeAsync(app, sale));
        var money = await (await setup.Admin.Client.GetAsync($"{setup.Project}/revenue")).JsonAsync();
        var revenue = Assert.Single(money.GetProperty("revenue").EnumerateArray());
        Assert.Equal("10000", revenue.GetProperty("amount").GetProperty("amount").GetString());
        Assert.Equal("stripe pi_test_10000", revenue.GetProperty("source").GetString());
        var balances = await BalancesAsync(setup.Admin, setup.Slug);
        Assert.Equal(StripeStandIn.FeeOf(10000), balances["fees"]);

        // Refunded after it was distributed: back out of the project's reserve first, the rest from the treasury.
        var reserve = balances[$"project:{project}"];
        Assert.Equal(3000 - StripeStandIn.FeeOf(10000), reserve);
        var treasury = balances["treasury"];
        var refund = new { id = "ch_test_sale", @object = "charge", amount = 10000, amount_refunded = 10000, currency = "jpy", payment_intent = "pi_test_10000", refunded = true };
        Assert.Equal("applied", await OutcomeAsync(app, StripeStandIn.Event("charge.refunded", refund, now)));
        Assert.Equal("already_applied", await OutcomeAsync(app, StripeStandIn.Event("charge.refunded", refund, now)));
        var after = await BalancesAsync(setup.Admin, setup.Slug);
        Assert.Equal(0, after.GetValueOrDefault($"project:{project}"));
        Assert.Equal(treasury - (10000 - reserve), after["treasury"]);
        var ledger = await (await setup.Admin.Client.GetAsync($"{setup.Community}/ledger?limit=200")).JsonAsync();
        Assert.Contains(ledger.GetProperty("items").EnumerateArray(), e => e.GetProperty("kind").GetString() == "refund");
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Dues_RenewalPaysTheTreasury_AndAFailureIsVisible_AndAnOlderEventDoesNotUndoIt(string provider)
    {
        await using var stripe = await StripeStandIn.StartAsync();
        await using var app = TestApp.Create(provider);
        stripe.Configure(app);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var member = await app.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/payments/settings", new { duesPriceId = "price_test_dues", duesAmount = "500" })).StatusCode);
        var opened = await member.Client.PostJsonAsync($"/api/v1/communities/{slug}/payments/checkout", new { purpose = "dues", method = "card" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var form = stripe.Sessions[(await opened.JsonAsync()).GetProperty("session").GetString()!];
        Assert.Equal("subscription", form["mode"]);
        Assert.Equal("price_test_dues", form["line_items[0][price]"]);
        var metadata = new Dictionary<string, string> { ["community"] = form["subscription_data[metadata][community]"], ["person"] = form["subscription_data[metadata][person]"] };
        var now = app.Clock.GetUtcNow();
        object Invoice(string id) => new
        {
            id,
            @object = "invoice",
            amount_paid = 500,
            currency = "jpy",
            status = "paid",
            parent = new { type = "subscription_details", subscription_details = new { metadata, subscription = "sub_test_1" } },
        };

        // Each paid invoice's charge carries Stripe's fee: gross into the treasury, the fee out to the fee account, as sales do.
        stripe.PaidInvoices["in_test_1"] = 500;
        stripe.PaidInvoices["in_test_2"] = 500;
        Assert.Equal("applied", await OutcomeAsync(app, StripeStandIn.Event("invoice.paid", Invoice("in_test_1"), now)));
        Assert.Equal("applied", await OutcomeAsync(app, StripeStandIn.Event("invoice.paid", Invoice("in_test_2"), now.AddDays(30))));
        Assert.Equal("already_applied", await OutcomeAsync(app, StripeStandIn.Event("invoice.paid", Invoice("in_test_2"), now.AddDays(30))));
        var fee = StripeStandIn.FeeOf(500);
        var books = await BalancesAsync(admin, slug);
        Assert.Equal(1000 - (2 * fee), books["treasury"]);
        Assert.Equal(2 * fee, books["fees"]);
        Assert.Equal(-1000, books["external"]);
        var dues = (await (await member.Client.GetAsync($"/api/v1/communities/{slug}/payments")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, dues.Count);
        Assert.All(dues, d => Assert.Equal(fee.ToString(CultureInfo.InvariantCulture), d.GetProperty("fee").GetProperty("amount").GetString()));

        Assert.Equal("payment_failed", await OutcomeAsync(app, StripeStandIn.Event("invoice.payment_failed", Invoice("in_test_3"), now.AddDays(60))));
        var older = new { id = "sub_test_1", @object = "subscription", status = "active", metadata };
        Assert.Equal("superseded", await OutcomeAsync(app, StripeStandIn.Event("customer.subscription.updated", older, now.AddDays(31))));
        foreach (var viewer in new[] { member, admin })
        {
            var subscription = Assert.Single((await (await viewer.Client.GetAsync($"/api/v1/communities/{slug}/payments")).JsonAsync()).GetProperty("subscriptions").EnumerateArray());
            Assert.Equal("payment_failed", subscription.GetProperty("status").GetString());
        }

        var cancelled = new { id = "sub_test_1", @object = "subscription", status = "canceled", metadata };
        Assert.Equal("canceled", await OutcomeAsync(app, StripeStandIn.Event("customer.subscription.deleted", cancelled, now.AddDays(61))));
        await DepositTests.AssertVerifiedAsync(app);
    }

    private sealed record Opened(string Id, long Amount);

    private static async Task<Opened> CheckoutAsync(Person person, string slug, string method)
    {
        var response = await person.Client.PostJsonAsync($"/api/v1/communities/{slug}/payments/checkout", new { purpose = "join", method, maxPrice = "100000" }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.StartsWith("http://127.0.0.1", body.GetProperty("url").GetString(), StringComparison.Ordinal);
        return new Opened(body.GetProperty("session").GetString()!, long.Parse(body.GetProperty("amount").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture));
    }

    private static async Task<string> OutcomeAsync(TestApp app, string payload)
    {
        var response = await StripeStandIn.DeliverAsync(app, payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("outcome").GetString()!;
    }

    private static async Task<JsonElement> PaymentAsync(Person person, string slug) =>
        Assert.Single((await (await person.Client.GetAsync($"/api/v1/communities/{slug}/payments")).JsonAsync()).GetProperty("items").EnumerateArray());

    internal static async Task<Dictionary<string, long>> BalancesAsync(Person treasurer, string slug) =>
        (await (await treasurer.Client.GetAsync($"/api/v1/communities/{slug}/accounts")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Where(b => b.GetProperty("asset").GetString() == "JPY")
            .ToDictionary(b => b.GetProperty("account").GetString()!, b => long.Parse(b.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture));

    internal static async Task<int> CountAsync<T>(TestApp app, Func<MikoshiDb, IQueryable<T>> rows)
    {
        await using var scope = app.Scope();
        return await rows(scope.ServiceProvider.GetRequiredService<MikoshiDb>()).CountAsync();
    }
}
