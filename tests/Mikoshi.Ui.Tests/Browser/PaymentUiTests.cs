using Mikoshi.Tests.Http.Payments;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>A newcomer joins alone: signs up, pays on the (stand-in) Stripe page, and is a member with no one else acting.</summary>
public sealed class PaymentUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Newcomer_SignsUpPaysByCard_AndIsAMember_WithNoOneElseActing()
    {
        Infrastructure.TestApp? started = null;
        await using var stripe = await StripeStandIn.StartAsync(() => started!.Clock.GetUtcNow());
        await using var ui = await BrowserApp.StartAsync(browser, settings: new Dictionary<string, string?>
        {
            ["Mikoshi:Stripe:SecretKey"] = StripeStandIn.SecretKey,
            ["Mikoshi:Stripe:WebhookSecret"] = StripeStandIn.WebhookSecret,
            ["Mikoshi:Stripe:ApiBase"] = stripe.Url,
        });
        started = ui.App;
        var admin = ui.Page;
        await admin.SignUpAsync("管理者");
        var slug = await admin.FoundCommunityAsync();

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
        await newcomer.WaitForURLAsync($"**/c/{slug}/payments");
        await Expect(newcomer.GetByTestId("join-heading")).ToBeVisibleAsync();
        await newcomer.GetByTestId("pay-card").ClickAsync();
        await newcomer.GetByTestId("continue-to-payment").ClickAsync();
        await newcomer.GetByTestId("stripe-pay").ClickAsync();
        await newcomer.WaitForURLAsync($"**/c/{slug}/payments?session=*");
        await Expect(newcomer.GetByTestId("payment-state")).ToHaveTextAsync("支払い済み");
        await newcomer.GetByTestId("receipt-link").ClickAsync();
        await Expect(newcomer.GetByTestId("receipt-community")).ToHaveTextAsync("みんなの神輿");
        await Expect(newcomer.GetByTestId("receipt-date")).ToContainTextAsync("JST");
        await newcomer.GotoAsync($"/c/{slug}/tokens/1");
        await Expect(newcomer.GetByTestId("owner")).ToContainTextAsync("新しい人");
    }
}
