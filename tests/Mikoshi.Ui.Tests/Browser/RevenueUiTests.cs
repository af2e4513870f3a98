using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>
/// Revenue in the browser: a team agrees a split, a treasurer records revenue and sees where it went,
/// a contributor and a holder claim, and the treasurer pays them with a Zengin file.
/// </summary>
public sealed class RevenueUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Revenue_SplitAcceptedRecordedClaimedAndPaid_EveryYenShownAndPaidOnce()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser);

        // The founder is the community's admin (so also its treasurer) and holds token #1.
        var treasurer = ui.Page;
        await treasurer.SignUpAsync("会計係");
        var slug = await treasurer.FoundWithFreeMembershipAsync();

        // The lead holds token #2; the writer holds none and is paid only as a contributor.
        var lead = await ui.NewPersonAsync();
        await lead.SignUpAsync("リーダー");
        await lead.MintAsync(slug);
        var project = await lead.StartProjectAsync(slug, "祭りの絵巻");
        var writer = await ui.NewPersonAsync();
        await writer.SignUpAsync("書き手");
        await lead.InviteByIdAsync(slug, project, await writer.PersonIdAsync(), "writer");
        await writer.GotoAsync($"/c/{slug}/projects/{project}");
        await writer.GetByTestId("accept-invitation").ClickAsync();
        await Expect(writer.GetByTestId("team-member")).ToHaveCountAsync(2);

        // The lead proposes 3 : 1; proposing is accepting one's own part, so the writer is awaited.
        await lead.SubmitSplitAsync(slug, project, ("リーダー", "3"), ("書き手", "1"));
        await Expect(lead.GetByTestId("project-notice")).ToBeVisibleAsync();
        await Expect(lead.GetByTestId("no-split")).ToBeVisibleAsync();
        var proposed = lead.Locator("[data-testid=split-version][data-state=proposed]");
        await Expect(proposed.GetByTestId("version-party")).ToHaveTextAsync([new Regex("リーダー[\\s\\S]*75%[\\s\\S]*✓"), new Regex("書き手[\\s\\S]*25%[\\s\\S]*同意待ち")]);
        await Expect(lead.GetByTestId("accept-split")).ToHaveCountAsync(0);
        await Expect(lead.GetByTestId("preview-line")).ToHaveTextAsync([new Regex("リーダー[\\s\\S]*確認済みの貢献はまだありません"), new Regex("書き手")]);

        // Until every party has accepted, revenue has no split to follow and is refused.
        await treasurer.GotoAsync($"/c/{slug}/projects/{project}/money");
        await treasurer.FillRevenueAsync("10000", "BOOTH 7月分");
        await treasurer.GetByTestId("record-revenue").ClickAsync();
        await Expect(treasurer.GetByTestId("form-error")).ToContainTextAsync("有効な分配がありません");
        await Expect(treasurer.Locator("#revenue-amount")).ToHaveValueAsync("10000");
        await Expect(treasurer.GetByTestId("no-revenue")).ToBeVisibleAsync();

        await writer.AcceptSplitAsync(slug, project);
        await Expect(writer.GetByTestId("split-party")).ToHaveTextAsync([new Regex("リーダー[\\s\\S]*75%[\\s\\S]*重み 3"), new Regex("書き手[\\s\\S]*25%[\\s\\S]*重み 1")]);
        await Expect(writer.GetByTestId("accept-split")).ToHaveCountAsync(0);

        // ¥10,000: 20% treasury, 10% holders (two tokens), 70% = ¥7,000 to the team by 3 : 1.
        await treasurer.GotoAsync($"/c/{slug}/projects/{project}/money");
        await treasurer.FillRevenueAsync("10,000", "BOOTH 7月分");
        var sent = await treasurer.EvaluateAsync<string>("() => new URLSearchParams(new FormData(document.querySelector('[data-testid=revenue-form]'))).toString()");
        await treasurer.GetByTestId("record-revenue").ClickAsync();
        await Expect(treasurer.GetByTestId("project-notice")).ToBeVisibleAsync();

        // The same form sent again (a double click, a resend) carries the same key and records nothing new.
        var status = await treasurer.EvaluateAsync<int>(
            "async body => (await fetch(location.pathname, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body })).status", sent);
        Assert.Equal(200, status);
        await treasurer.ReloadAsync();
        var revenue = treasurer.GetByTestId("revenue");
        await Expect(revenue).ToHaveCountAsync(1);
        await Expect(revenue.GetByTestId("revenue-amount")).ToHaveTextAsync("¥10,000");
        await Expect(revenue.GetByTestId("revenue-part")).ToHaveTextAsync([
            new Regex("共同金庫[\\s\\S]*¥2,000"), new Regex("会員権の保有者[\\s\\S]*¥1,000"),
            new Regex("リーダー[\\s\\S]*¥5,250"), new Regex("書き手[\\s\\S]*¥1,750"),
        ]);
        await ui.ScreenshotAsync("desktop-project-revenue");

        // A contributor: claiming yen needs a bank account, and a bad bank code is named and marked.
        await writer.GotoAsync("/account");
        await writer.GetByTestId("earnings-for").ClickAsync();
        var writerYen = writer.Locator("[data-testid=earning][data-asset=JPY]");
        await Expect(writerYen.GetByTestId("claimable")).ToHaveTextAsync("¥1,750");
        await writer.ClaimAsync(slug);
        await Expect(writer.GetByTestId("form-error")).ToContainTextAsync("受取口座を登録");
        await writer.SubmitBankAccountAsync(slug, "ｼｮｷﾃ ﾀﾛｳ", bankCode: "12");
        await Expect(writer.GetByTestId("form-error")).ToContainTextAsync("金融機関コードは 4 桁");
        await Expect(writer.Locator("#bank-bank-code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(writer.Locator("#bank-holder")).ToHaveValueAsync("ｼｮｷﾃ ﾀﾛｳ");
        await writer.SetBankAccountAsync(slug, "ショキテ タロウ");
        await writer.ClaimAsync(slug);
        await Expect(writer.GetByTestId("earnings-notice")).ToBeVisibleAsync();
        await Expect(writerYen.GetByTestId("claimable")).ToHaveTextAsync("¥0");
        await Expect(writerYen.GetByTestId("pending")).ToHaveTextAsync("¥1,750");
        await Expect(writer.GetByTestId("claim-item")).ToHaveTextAsync([new Regex("¥1,750[\\s\\S]*バッチ待ち")]);
        await writer.ClaimAsync(slug);
        await Expect(writer.GetByTestId("form-error")).ToContainTextAsync("請求できる額はありません");
        await Expect(writer.GetByTestId("claim-item")).ToHaveCountAsync(1);

        // A holder: the founder's token earned half the holders' ¥1,000, settled when claimed.
        await treasurer.GotoAsync($"/c/{slug}");
        await treasurer.GetByTestId("earnings-link").ClickAsync();
        var holderYen = treasurer.Locator("[data-testid=earning][data-asset=JPY]");
        await Expect(holderYen.GetByTestId("holder-share")).ToHaveTextAsync("¥500");
        await Expect(holderYen.GetByTestId("claimable")).ToHaveTextAsync("¥500");
        await treasurer.SetBankAccountAsync(slug, "カイケイ ハナコ");
        await treasurer.ClaimAsync(slug);
        await Expect(treasurer.GetByTestId("earnings-notice")).ToBeVisibleAsync();
        await Expect(holderYen.GetByTestId("pending")).ToHaveTextAsync("¥500");

        // Payouts: only for treasurers; yen needs the paying account first.
        await writer.GotoAsync($"/c/{slug}/payouts");
        await Expect(writer.GetByTestId("payouts-forbidden")).ToBeVisibleAsync();
        await Expect(writer.GetByTestId("batch-form")).ToHaveCountAsync(0);
        await treasurer.GotoAsync($"/c/{slug}");
        await treasurer.GetByTestId("payouts-link").ClickAsync();
        await Expect(treasurer.GetByTestId("pending-claims")).ToContainTextAsync("¥2,250");
        await treasurer.SubmitBatchAsync(slug);
        await Expect(treasurer.GetByTestId("form-error")).ToContainTextAsync("振込元口座");
        await treasurer.SubmitSenderAsync(slug, senderCode: "12345");
        await Expect(treasurer.GetByTestId("form-error")).ToContainTextAsync("10 桁");
        await Expect(treasurer.Locator("#sender-code")).ToHaveAttributeAsync("aria-invalid", "true");
        await treasurer.SubmitSenderAsync(slug);
        await Expect(treasurer.GetByTestId("payouts-notice")).ToBeVisibleAsync();
        await treasurer.SubmitBatchAsync(slug);
        await Expect(treasurer.GetByTestId("payouts-notice")).ToBeVisibleAsync();
        var batch = treasurer.GetByTestId("batch");
        await Expect(batch.GetByTestId("batch-total")).ToHaveTextAsync("¥2,250");
        await Expect(batch.GetByTestId("batch-line")).ToHaveCountAsync(2);
        await Expect(batch.GetByTestId("batch-line").Filter(new() { HasText = "書き手" })).ToContainTextAsync("¥1,750");
        await Expect(batch.GetByTestId("batch-line").Filter(new() { HasText = "会計係" })).ToContainTextAsync("¥500");

        // The Zengin file: header, two transfers, trailer and end, 120 bytes and CR LF each.
        var download = await treasurer.RunAndWaitForDownloadAsync(() => batch.GetByTestId("batch-zengin").ClickAsync());
        var zengin = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(5 * 122, zengin.Length);
        Assert.Equal("121", Encoding.ASCII.GetString(zengin, 0, 3));
        Assert.Equal("8000002000000002250", Encoding.ASCII.GetString(zengin, 3 * 122, 19));
        var csv = await treasurer.APIRequest.GetAsync(await batch.GetByTestId("batch-csv").GetAttributeAsync("href") ?? string.Empty);
        Assert.Contains("1750,JPY,0001,001,1,1234567", await csv.TextAsync(), StringComparison.Ordinal);

        // Confirmed once; a second confirmation from a page drawn before the first is refused.
        var stale = await ui.Context.NewPageAsync();
        await stale.GotoAsync($"/c/{slug}/payouts");
        await batch.GetByTestId("confirm-paid").ClickAsync();
        await Expect(treasurer.GetByTestId("payouts-notice")).ToBeVisibleAsync();
        await Expect(batch.GetByTestId("batch-state")).ToHaveTextAsync("支払済み");
        await Expect(batch.GetByTestId("confirm-paid")).ToHaveCountAsync(0);
        await stale.GetByTestId("confirm-paid").ClickAsync();
        await Expect(stale.GetByTestId("form-error")).ToContainTextAsync("すでに支払済み");
        await ui.ScreenshotAsync("desktop-payouts");

        await writer.GotoAsync($"/c/{slug}/earnings");
        await Expect(writerYen.GetByTestId("paid")).ToHaveTextAsync("¥1,750");
        await Expect(writerYen.GetByTestId("pending")).ToHaveTextAsync("¥0");
        await Expect(writer.GetByTestId("statement-line")).ToHaveTextAsync([new Regex("収益[\\s\\S]*¥1,750"), new Regex("請求[\\s\\S]*-¥1,750")]);
        await Expect(writer.GetByTestId("closing")).ToHaveTextAsync("¥0");
        var statement = await writer.APIRequest.GetAsync(await writer.GetByTestId("statement-csv").GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal(200, statement.Status);
        var text = await statement.TextAsync();
        foreach (var kind in new[] { ",revenue,", ",claim,", ",opening,", ",closing," })
        {
            Assert.Contains(kind, text, StringComparison.Ordinal);
        }

        await writer.ShotAsync("desktop-earnings");
    }

    [Fact]
    public async Task Phone_ProjectEarningsAndPayouts_DoNotScrollSideways()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser, width: 375, height: 740);
        var page = ui.Page;
        await page.SignUpAsync("とても長い表示名をもつリーダー兼会計係のひとり・プロデューサー");
        var slug = await page.FoundWithFreeMembershipAsync("とても長い名前のコミュニティ・オンラインサロン・クリエイターの集まり");
        var project = await page.StartProjectAsync(slug, "とても長いプロジェクト名・夏祭りのアニメーションミュージックビデオ制作委員会");

        // A split naming only its lead is accepted by being proposed.
        await page.SubmitSplitAsync(slug, project, ("とても長い表示名をもつリーダー兼会計係のひとり・プロデューサー", "1"));
        await Expect(page.GetByTestId("split-chart")).ToBeVisibleAsync();
        await page.OpenSectionAsync("money");
        await page.FillRevenueAsync("1234567", "BOOTH・pixivFANBOX・Skeb・ダウンロード販売・グッズ販売・イベント物販の売上の合計（七月分）");
        await page.GetByTestId("record-revenue").ClickAsync();
        await Expect(page.GetByTestId("revenue")).ToHaveCountAsync(1);
        await page.ShotAsync("phone-project-revenue");
        Assert.True(await page.FitsAsync(), "the project page with a split and revenue scrolls sideways at 375 px");

        await page.SetBankAccountAsync(slug, "ﾁﾖｳﾒｲ ﾘｰﾀﾞｰ");
        await page.ClaimAsync(slug);
        await Expect(page.GetByTestId("earnings-notice")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("statement-line")).Not.ToHaveCountAsync(0);
        await page.ShotAsync("phone-earnings");
        Assert.True(await page.FitsAsync(), "the earnings page scrolls sideways at 375 px");

        await page.SubmitSenderAsync(slug);
        await Expect(page.GetByTestId("payouts-notice")).ToBeVisibleAsync();
        await page.SubmitBatchAsync(slug);
        await Expect(page.GetByTestId("batch")).ToHaveCountAsync(1);
        await page.ShotAsync("phone-payouts");
        Assert.True(await page.FitsAsync(), "the payouts page scrolls sideways at 375 px");
    }

    [Fact]
    public async Task BadInput_ZeroWeightsABadGrantNothingToClaimAndNoClaimsToBatch_ShowClearErrorsAndChangeNothing()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser);
        var page = ui.Page;
        await page.SignUpAsync("リーダー");
        var slug = await page.FoundWithFreeMembershipAsync();
        var project = await page.StartProjectAsync(slug, "絵巻");

        await page.SubmitSplitAsync(slug, project, ("リーダー", "0"));
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("すべてが 0 ではいけません");
        await Expect(page.GetByTestId("no-split")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("split-version")).ToHaveCountAsync(0);

        // An outside party's share is a percent: more than two decimals is refused as a percent, not as money.
        await page.GetByTestId("split-form").GetByLabel("リーダー", new() { Exact = true }).FillAsync("1");
        await page.FillAsync("#outside-0", Guid.NewGuid().ToString());
        await page.FillAsync("#fixed-0", "12.345");
        await page.GetByTestId("propose-split").ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("割合は 0〜100");
        await Expect(page.Locator("#fixed-0")).ToHaveValueAsync("12.345");
        await Expect(page.GetByTestId("split-version")).ToHaveCountAsync(0);

        await page.OpenSectionAsync("money");
        await page.FillAsync("#grant-amount", "abc");
        await page.GetByTestId("grant").ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#grant-amount")).ToHaveValueAsync("abc");
        await Expect(page.Locator("#grant-amount")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByTestId("no-funding")).ToBeVisibleAsync();

        // A recoupment rate is a percent with at most two decimals; the page says so beside the rate, and grants nothing.
        await page.FillAsync("#grant-amount", "１，０００円");
        await page.FillAsync("#grant-rate", "12.345");
        await page.GetByTestId("grant").ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("回収率は 0〜100");
        await Expect(page.Locator("#grant-rate")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByTestId("no-funding")).ToBeVisibleAsync();

        await page.FillRevenueAsync("5000", "  ");
        await page.GetByTestId("record-revenue").ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("1〜200 文字");
        await Expect(page.GetByTestId("no-revenue")).ToBeVisibleAsync();

        await page.SetBankAccountAsync(slug, "リーダー");
        await page.ClaimAsync(slug);
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("請求できる額はありません");
        await Expect(page.GetByTestId("no-claims")).ToBeVisibleAsync();
        var today = DateOnly.FromDateTime(ui.App.Clock.GetUtcNow().UtcDateTime);
        await page.GotoAsync($"/c/{slug}/earnings?from={today:yyyy-MM-dd}&to={today.AddDays(-3):yyyy-MM-dd}");
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("開始日を終了日以前に");

        await page.SubmitBatchAsync(slug);
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("支払を待っている請求はありません");
        await page.SubmitBatchAsync(slug, transferDate: today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("振込日は今日以降");
        await Expect(page.GetByTestId("no-batches")).ToBeVisibleAsync();

        // The same refusals read in English.
        await page.GotoAsync("/culture/en?returnUrl=" + Uri.EscapeDataString($"/c/{slug}/projects/{project}"));
        await page.SubmitSplitAsync(slug, project, ("リーダー", "0"));
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("not all zero");
        await page.ClaimAsync(slug);
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("nothing to claim");
    }
}
