using System.Net;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Payments;

/// <summary>A received payment reaches the payer's mailbox as its receipt, through the notification system and a real SMTP server.</summary>
public sealed class PaymentReceiptMailTests
{
    [Fact]
    public async Task BankTransferCredited_MailsThePayerTheReceipt_AmountPurposeJstDateCommunityAndLink()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = TestApp.Create("sqlite");
        foreach (var (key, value) in smtp.Settings.Append(new("Mikoshi:PublicOrigin", "https://mikoshi.test")).Append(new("Mikoshi:Notifications:PollSeconds", "0.05")))
        {
            app.Settings[key] = value;
        }

        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var payer = await app.SignUpAsync();
        var code = (await (await payer.Client.PostJsonAsync($"/api/v1/communities/{slug}/payments/bank-transfer", new { })).JsonAsync()).GetProperty("code").GetString();
        var imported = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/bank/imports", new { format = "zengin", content = Convert.ToBase64String(Zengin.File(Zengin.Deposit(1, 15400, $"{code} ｻﾄｳ ﾊﾅｺ"))) });
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var payment = Assert.Single((await (await payer.Client.GetAsync($"/api/v1/communities/{slug}/payments")).JsonAsync()).GetProperty("items").EnumerateArray()).GetProperty("number").GetInt64();

        // (Sign-up sent a confirmation mail first: only Mikoshi's notices carry List-Unsubscribe.)
        var mail = await SmtpSink.WaitForAsync(() => smtp.MailTo(payer.Email).Where(m => m.Headers.Contains("List-Unsubscribe")).ToList(), 1);
        var jst = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm 'JST'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("支払いを受け取りました", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("みんなの神輿", mail.Subject, StringComparison.Ordinal);
        var body = mail.TextBody;
        Assert.Contains("¥15,400", body, StringComparison.Ordinal);
        Assert.Contains("振込による入金", body, StringComparison.Ordinal);
        Assert.Contains("a bank transfer into your account", body, StringComparison.Ordinal);
        Assert.Contains(jst, body, StringComparison.Ordinal);
        Assert.Contains("みんなの神輿", body, StringComparison.Ordinal);
        Assert.Contains($"https://mikoshi.test/c/{slug}/payments/{payment}", body, StringComparison.Ordinal);
    }
}
