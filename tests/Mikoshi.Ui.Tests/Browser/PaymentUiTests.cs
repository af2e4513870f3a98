using System.Globalization;
using Microsoft.Playwright;
using Mikoshi.Tests.Http.Payments;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>
/// A newcomer joins alone: signs up, pays on the (stand-in) Stripe page, and is a member with no one else acting; or pays at
/// a konbini and becomes a member when the money arrives; or pays by bank transfer and becomes a member when the treasurer
/// uploads the bank's statement.
/// </summary>
public sealed class PaymentUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Newcomer_SignsUpPaysByCard_AndIsAMember_WithNoOneElseActing()
    {
        Infrastructure.TestApp? started = null;
        await using var stripe = await StripeStandIn.StartAsync(() => started!.Clock.GetUtcNow());
        await using var ui = await BrowserApp.StartAsync(browser, settings: StripeSettings(stripe));
        started = ui.App;
        var admin = ui.Page;
        await admin.SignUpAsync("管理者");
        var slug = await admin.FoundCommunityAsync();

        var newcomer = await NewcomerAsync(ui, slug);
        await newcomer.GetByTestId("pay-card").ClickAsync();
        await newcomer.GetByTestId("continue-to-payment").ClickAsync();
        await newcomer.GetByTestId("stripe-pay").ClickAsync();
        await newcomer.ArrivesAtAsync($"**/c/{slug}/payments?session=*");
        await Expect(newcomer.GetByTestId("payment-state")).ToHaveTextAsync("支払い済み");
        await newcomer.GetByTestId("receipt-link").ClickAsync();
        await Expect(newcomer.GetByTestId("receipt-community")).ToHaveTextAsync("みんなの神輿");
        await Expect(newcomer.GetByTestId("receipt-date")).ToContainTextAsync("JST");
        await newcomer.GotoAsync($"/c/{slug}/tokens/1");
        await Expect(newcomer.GetByTestId("owner")).ToContainTextAsync("新しい人");
    }

    [Fact]
    public async Task Newcomer_PaysAtAKonbini_IsPendingUntilTheMoneyArrives_ThenAMember()
    {
        Infrastructure.TestApp? started = null;
        await using var stripe = await StripeStandIn.StartAsync(() => started!.Clock.GetUtcNow());
        await using var ui = await BrowserApp.StartAsync(browser, settings: StripeSettings(stripe));
        started = ui.App;
        await ui.Page.SignUpAsync("管理者");
        var slug = await ui.Page.FoundCommunityAsync();

        var newcomer = await NewcomerAsync(ui, slug);
        await newcomer.GetByTestId("pay-konbini").ClickAsync();
        await newcomer.GetByTestId("continue-to-payment").ClickAsync();
        await newcomer.GetByTestId("stripe-pay").ClickAsync();
        await newcomer.ArrivesAtAsync($"**/c/{slug}/payments?session=*");
        await Expect(newcomer.GetByTestId("payment-state")).ToHaveTextAsync("支払い待ち");

        // The customer pays the voucher at the shop; Stripe then sends the money's event.
        var (session, form) = Assert.Single(stripe.Sessions);
        Assert.Equal("konbini", form["allowed_payment_method_types[0]"]);
        var amount = long.Parse(form["line_items[0][price_data][unit_amount]"], CultureInfo.InvariantCulture);
        var metadata = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)).ToDictionary(f => f.Key[9..^1], f => f.Value);
        var paid = StripeStandIn.Event("checkout.session.async_payment_succeeded", StripeStandIn.Session(session, amount, "paid", $"pi_test_{amount}", metadata), ui.App.Clock.GetUtcNow());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await StripeStandIn.DeliverAsync(ui.App, paid)).StatusCode);

        await newcomer.ReloadAsync();
        await Expect(newcomer.GetByTestId("payment-state")).ToHaveTextAsync("支払い済み");
        await newcomer.GotoAsync($"/c/{slug}/tokens/1");
        await Expect(newcomer.GetByTestId("owner")).ToContainTextAsync("新しい人");
    }

    [Fact]
    public async Task Newcomer_PaysByBankTransfer_AndIsAMember_OnceTheTreasurerUploadsTheStatement()
    {
        await using var ui = await BrowserApp.StartAsync(browser);
        var treasurer = ui.Page;
        await treasurer.SignUpAsync("管理者");
        var slug = await treasurer.FoundCommunityAsync();
        var account = "みずほ銀行 渋谷支店 普通 1234567 ミコシ";
        Assert.True((await treasurer.APIRequest.PutAsync($"/api/v1/communities/{slug}/payments/settings", new() { DataObject = new { bankAccount = account } })).Ok);

        // Without Stripe the page offers bank transfer only; the newcomer asks to join and sees the account and their code.
        var newcomer = await NewcomerAsync(ui, slug);
        await Expect(newcomer.GetByTestId("bank-only")).ToBeVisibleAsync();
        await newcomer.GetByTestId("join-by-transfer").ClickAsync();
        await Expect(newcomer.GetByTestId("transfer-code")).ToContainTextAsync("MK1001");
        await Expect(newcomer.GetByTestId("bank-account")).ToHaveTextAsync(account);
        var view = (await (await newcomer.APIRequest.GetAsync($"/api/v1/communities/{slug}/payments/bank-transfer")).JsonAsync())!.Value;
        var price = long.Parse(view.GetProperty("joinMaxPrice").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);

        // The bank's statement: the newcomer's transfer (code before the name, as banks write it in half-width kana) and a stranger's.
        var file = Zengin.File(Zengin.Deposit(1, price, "MK1001 ｱﾀﾗｼｲ ﾋﾄ"), Zengin.Deposit(2, 800, "ﾀﾅｶ"), Zengin.Malformed(3));
        await treasurer.GotoAsync($"/c/{slug}/payments");
        await treasurer.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "nyushukkin.txt", MimeType = "text/plain", Buffer = file });
        await treasurer.GetByTestId("import-submit").ClickAsync();
        await Expect(treasurer.GetByTestId("import-summary")).ToBeVisibleAsync();
        await Expect(treasurer.Locator("[data-testid=import-line][data-outcome=credited] [data-testid=import-line-number]")).ToHaveTextAsync("2");
        await Expect(treasurer.Locator("[data-testid=import-line][data-outcome=unmatched] [data-testid=import-line-number]")).ToHaveTextAsync("3");
        await Expect(treasurer.Locator("[data-testid=import-line][data-outcome=malformed] [data-testid=import-line-number]")).ToHaveTextAsync("4");
        await Expect(treasurer.GetByTestId("bank-line")).ToHaveCountAsync(1);

        await newcomer.ReloadAsync();
        await Expect(newcomer.GetByTestId("payment-state")).ToHaveTextAsync("支払い済み");
        await newcomer.GotoAsync($"/c/{slug}/tokens/1");
        await Expect(newcomer.GetByTestId("owner")).ToContainTextAsync("新しい人");
    }

    private static Dictionary<string, string?> StripeSettings(StripeStandIn stripe) => new()
    {
        ["Mikoshi:Stripe:SecretKey"] = StripeStandIn.SecretKey,
        ["Mikoshi:Stripe:WebhookSecret"] = StripeStandIn.WebhookSecret,
        ["Mikoshi:Stripe:ApiBase"] = stripe.Url,
    };

    /// <summary>A newcomer opens the community's payments page, signs up from there, confirms, signs in and lands back on it.</summary>
    private static async Task<IPage> NewcomerAsync(BrowserApp ui, string slug)
    {
        var newcomer = await ui.NewPersonAsync();
        await newcomer.GotoAsync($"/c/{slug}");
        await newcomer.GetByTestId("payments-link").ClickAsync();
        await newcomer.GetByTestId("signup-to-join").ClickAsync();
        var email = $"new{Guid.NewGuid():N}@example.jp";
        await newcomer.FillAsync("#signup-name", "新しい人");
        await newcomer.FillAsync("#signup-email", email);
        await newcomer.FillAsync("#signup-password", Infrastructure.Person.Password);
        await newcomer.ClickAsync("main form button[type=submit]");
        await newcomer.ClickAsync("[data-testid=check-your-mail] ~ p a");
        await newcomer.FillAsync("#signin-email", email);
        await newcomer.FillAsync("#signin-password", Infrastructure.Person.Password);
        await newcomer.ClickAsync("main form button[type=submit]");
        await newcomer.ArrivesAtAsync($"**/c/{slug}/payments");
        await Expect(newcomer.GetByTestId("join-heading")).ToBeVisibleAsync();
        return newcomer;
    }
}
