using System.Net;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Japanese;

/// <summary>
/// Issue #20, part 3: a mint's memo names the token it made (not supply + 1, which repeats after a redemption), and the
/// ledger page says every entry kind and system memo in the reader's language while a typed memo stays as typed.
/// </summary>
public sealed class LedgerWordsTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task MintAfterARedemption_NamesItsOwnSerial_AndTheJapaneseLedgerSaysEveryKindAndMemoInJapanese(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync(displayName: "管理者");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "10000", personId: admin.Id);
        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);

        var ledger = await (await admin.Client.GetAsync($"/api/v1/communities/{slug}/ledger")).JsonAsync();
        var memos = ledger.GetProperty("items").EnumerateArray().Select(e => (Kind: e.GetProperty("kind").GetString(), Memo: e.GetProperty("memo").GetString())).ToList();
        Assert.Equal(("mint", "membership token #2"), memos[0]);
        Assert.Equal(("redemption", "token #1 redeemed"), memos[1]);
        Assert.Equal(("mint", "membership token #1"), memos[2]);

        using var browser = await WebLayer.CookieSessions.SignedInAsync(app, admin.Email);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/c/{slug}/ledger");
        request.Headers.AcceptLanguage.ParseAdd("ja");
        using var response = await browser.SendAsync(request);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("会員権 #2 の発行", page, StringComparison.Ordinal);
        Assert.Contains("会員権 #1 の償還", page, StringComparison.Ordinal);
        Assert.Contains("membership fee", page, StringComparison.Ordinal); // typed by a person: shown as typed
        foreach (var english in new[] { "redemption", "redeemed", "membership token", ">Mint<", "UTC" })
        {
            Assert.DoesNotContain(english, page, StringComparison.Ordinal);
        }
    }
}
