using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>Governance in the browser: proposing, voting and changing a vote, the tally, exit during grace, execution.</summary>
public sealed class GovernanceUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ParameterProposal_VotedChangedExitedAndExecuted_ShowsTallyPowerExitAndTheNewValue()
    {
        await using var ui = await BrowserApp.StartAsync(browser);
        var admin = ui.Page;
        await admin.SignUpAsync("管理者");
        var aki = await ui.NewPersonAsync();
        await aki.SignUpAsync("あき");
        var ben = await ui.NewPersonAsync();
        await ben.SignUpAsync("ぼたん");
        var cai = await ui.NewPersonAsync();
        await cai.SignUpAsync("さい");
        var caiId = await cai.PersonIdAsync();
        var slug = await GovernanceFlows.CommunityWithHoldersAsync(ui, admin, (aki, 2), (ben, 1));
        await admin.DepositForAsync(slug, caiId, "5000");

        // Aki finds proposals from the community page and proposes raising the royalty from 5% to 8%.
        await aki.GotoAsync($"/c/{slug}");
        await aki.GetByTestId("proposals-link").ClickAsync();
        await Expect(aki.GetByTestId("no-proposals")).ToBeVisibleAsync();
        var id = await aki.ProposeAsync(slug, "parameter", "ロイヤリティを 8% に", parameter: "royaltyBps", value: "800");
        await Expect(aki.GetByTestId("proposal-state")).ToHaveTextAsync("投票中");
        await Expect(aki.GetByTestId("payload-words")).ToContainTextAsync("800");
        await Expect(aki.GetByTestId("parameter-now")).ToContainTextAsync("500");
        await Expect(aki.GetByTestId("countdown")).ToHaveTextAsync(new Regex(@"^(1日 00:00:00|23:59:\d\d)$"));
        await Expect(aki.GetByTestId("countdown")).ToHaveTextAsync(new Regex(@"^23:59:\d\d$"));   // the script ticks it

        // A token bought after the proposal opened gives no vote on it.
        ui.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await cai.MintAsync(slug);
        await cai.GotoAsync($"/c/{slug}/proposals/{id}");
        await Expect(cai.GetByTestId("you-tokens")).ToHaveTextAsync("0");
        await Expect(cai.GetByTestId("no-vote")).ToBeVisibleAsync();
        await Expect(cai.GetByTestId("vote-form")).ToHaveCountAsync(0);

        // Aki votes against, then changes her mind; Ben votes against.
        await aki.VoteAsync(slug, id, "against", "まだ早い");
        await Expect(aki.GetByTestId("you-choice")).ToHaveTextAsync("反対");
        await Expect(aki.GetByTestId("tally-against")).ToContainTextAsync("2");
        await aki.VoteAsync(slug, id, "for", "やはり賛成");
        await ben.VoteAsync(slug, id, "against");

        foreach (var page in new[] { aki, ben })
        {
            await page.ReloadAsync();
            await Expect(page.GetByTestId("tally-for")).ToContainTextAsync("2");
            await Expect(page.GetByTestId("tally-against")).ToContainTextAsync("1");
            await Expect(page.GetByTestId("tally-abstain")).ToContainTextAsync("0");
            await Expect(page.GetByTestId("tally-total")).ToContainTextAsync("3");
            await Expect(page.GetByTestId("quorum")).ToContainTextAsync("定足数に達しています");
            await Expect(page.GetByTestId("passing")).ToContainTextAsync("可決の見込み");
        }

        await Expect(aki.GetByTestId("you-tokens")).ToHaveTextAsync("2");
        await Expect(aki.GetByTestId("you-own")).ToHaveTextAsync("2");
        await Expect(aki.GetByTestId("you-delegated")).ToHaveTextAsync("0");
        await Expect(aki.GetByTestId("you-choice")).ToHaveTextAsync("賛成");
        await Expect(aki.GetByTestId("vote-for")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(ben.GetByTestId("you-own")).ToHaveTextAsync("1");
        await Expect(ben.GetByTestId("you-choice")).ToHaveTextAsync("反対");

        // The list shows it with its badge, countdown and small tally.
        await ben.GotoAsync($"/c/{slug}/proposals");
        await Expect(ben.GetByTestId("proposal-card")).ToHaveCountAsync(1);
        await Expect(ben.GetByTestId("proposal-state")).ToHaveTextAsync("投票中");
        await Expect(ben.GetByTestId("proposal-card").GetByTestId("tally")).ToContainTextAsync("賛成 2 · 反対 1 · 棄権 0");

        // Cai delegates to Aki from the proposals page, and sees it.
        await cai.GotoAsync($"/c/{slug}/proposals");
        await Expect(cai.GetByTestId("current-delegate")).ToContainTextAsync("委任していません");
        await cai.SelectOptionAsync("#delegate-to", new SelectOptionValue { Label = "あき" });
        await cai.GetByTestId("delegate").ClickAsync();
        await Expect(cai.GetByTestId("gov-notice")).ToBeVisibleAsync();
        await Expect(cai.GetByTestId("current-delegate")).ToContainTextAsync("あき");

        // Past the window, into grace: Ben (against) may exit with his share; Aki (for) may not.
        ui.App.Clock.Advance(TimeSpan.FromHours(24));
        await aki.GotoAsync($"/c/{slug}/proposals/{id}");
        await Expect(aki.GetByTestId("proposal-state")).ToHaveTextAsync("猶予期間");
        await Expect(aki.GetByTestId("passing")).ToContainTextAsync("可決");
        await Expect(aki.GetByTestId("vote-form")).ToHaveCountAsync(0);
        await Expect(aki.GetByTestId("exit")).ToHaveCountAsync(0);
        await ben.GotoAsync($"/c/{slug}/proposals/{id}");
        await ben.ShotAsync("gov-grace-against-voter");
        await Expect(ben.GetByTestId("exit-preview")).ToContainTextAsync("¥1,000");
        await ben.GetByTestId("exit-button").ClickAsync();
        await Expect(ben.GetByTestId("redeem-amounts")).ToHaveTextAsync("¥1,000");
        await ben.GetByTestId("redeem-confirm").ClickAsync();
        await ben.ArrivesAtAsync($"**/c/{slug}/tokens/*?done=redeemed");
        Assert.Empty(await ui.ExecuteAsync());

        // Past grace: the executor runs once, and the page says it executed and the royalty is 8%.
        ui.App.Clock.Advance(TimeSpan.FromHours(24));
        await aki.ReloadAsync();
        await Expect(aki.GetByTestId("proposal-state")).ToHaveTextAsync("実行待ち");
        var settled = Assert.Single(await ui.ExecuteAsync());
        Assert.Equal("executed", settled.Outcome);
        await aki.ReloadAsync();
        await Expect(aki.GetByTestId("proposal-state")).ToHaveTextAsync("実行済み");
        await Expect(aki.GetByTestId("outcome")).ToContainTextAsync("実行されました");
        await Expect(aki.GetByTestId("parameter-now")).ToContainTextAsync("800");
        await Expect(aki.GetByTestId("cancel-proposal")).ToHaveCountAsync(0);
        await aki.ShotAsync("gov-executed");
        await aki.GotoAsync($"/c/{slug}");
        await Expect(aki.Locator("#membership")).ToContainTextAsync("8%");

        // The public export has all three signed votes.
        var export = await aki.APIRequest.GetAsync($"/api/v1/communities/{slug}/proposals/{id}/votes");
        Assert.Equal(3, (await export.JsonAsync())!.Value.GetProperty("votes").GetArrayLength());
    }

    [Fact]
    public async Task BadInput_AnEmptyTitleAndAVoteAfterTheWindow_AreRefusedWithTheirSentences_AndChangeNothing()
    {
        await using var ui = await BrowserApp.StartAsync(browser);
        var admin = ui.Page;
        await admin.SignUpAsync("管理者");
        var aki = await ui.NewPersonAsync();
        await aki.SignUpAsync("あき");
        var slug = await GovernanceFlows.CommunityWithHoldersAsync(ui, admin, (aki, 1));

        // The admin holds no token: no form, a sentence saying why.
        await admin.GotoAsync($"/c/{slug}/proposals");
        await Expect(admin.GetByTestId("members-only")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("proposal-form")).ToHaveCountAsync(0);

        await aki.SubmitProposalAsync(slug, "signal", "   ");
        await Expect(aki.GetByTestId("form-error")).ToContainTextAsync("1〜200 文字のタイトル");
        await Expect(aki.Locator("#np-title")).ToHaveAttributeAsync("aria-invalid", "true");
        await aki.GotoAsync($"/c/{slug}/proposals");
        await Expect(aki.GetByTestId("no-proposals")).ToBeVisibleAsync();

        // A parameter outside its range is refused too, and the form keeps what was typed.
        await aki.SubmitProposalAsync(slug, "parameter", "償還率 200%", parameter: "redemptionRateBps", value: "20000");
        await Expect(aki.GetByTestId("form-error")).ToContainTextAsync("範囲");
        await Expect(aki.Locator("#np-value")).ToHaveValueAsync("20000");
        await Expect(aki.Locator("#np-value")).ToHaveAttributeAsync("aria-invalid", "true");

        // A page left open after the window closed: the vote is refused with its sentence and not counted.
        var id = await aki.ProposeAsync(slug, "signal", "みんなで祭りに出よう", votingHours: "1", graceHours: "0");
        ui.App.Clock.Advance(TimeSpan.FromHours(2));
        await aki.GetByTestId("vote-for").ClickAsync();
        await Expect(aki.GetByTestId("form-error")).ToContainTextAsync("投票を受け付けていません");
        await Expect(aki.GetByTestId("tally-for")).ToContainTextAsync("0");
        await Expect(aki.GetByTestId("vote-form")).ToHaveCountAsync(0);
        await aki.ReloadAsync();
        await Expect(aki.GetByTestId("tally-for")).ToContainTextAsync("0");
        await Expect(aki.GetByTestId("you-choice")).ToHaveTextAsync("未投票");
        Assert.Equal(0, (await (await aki.APIRequest.GetAsync($"/api/v1/communities/{slug}/proposals/{id}/votes")).JsonAsync())!.Value.GetProperty("votes").GetArrayLength());

        // The proposer may cancel while voting is open; then nobody can vote on it.
        var cancelled = await aki.ProposeAsync(slug, "signal", "やめておく提案");
        await aki.GetByTestId("cancel-proposal").ClickAsync();
        await aki.ArrivesAtAsync($"**/c/{slug}/proposals/{cancelled}?done=cancelled");
        await Expect(aki.GetByTestId("proposal-state")).ToHaveTextAsync("取り下げ");
        await Expect(aki.GetByTestId("outcome")).ToContainTextAsync("取り下げられました");
        await Expect(aki.GetByTestId("vote-form")).ToHaveCountAsync(0);
        await Expect(aki.GetByTestId("cancel-proposal")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WalletVote_SignedInTheBrowserWithTheTypedDataFromTheApi_IsVerifiedAndCounted()
    {
        await using var ui = await BrowserApp.StartAsync(browser);
        var admin = ui.Page;
        await admin.SignUpAsync("管理者");
        var aki = await ui.NewPersonAsync();
        await aki.SignUpAsync("あき");
        var akiId = await aki.PersonIdAsync();
        var slug = await GovernanceFlows.CommunityWithHoldersAsync(ui, admin, (aki, 1));
        var id = await aki.ProposeAsync(slug, "signal", "署名で投票");

        // Without a wallet the page offers the custodial vote only.
        await Expect(aki.GetByTestId("wallet-for")).ToBeHiddenAsync();

        await aki.GiveWalletAsync(ui, akiId);
        await aki.GotoAsync($"/c/{slug}/proposals/{id}");
        await aki.FillAsync("#vote-reason", "wallet");
        await aki.GetByTestId("wallet-against").ClickAsync();
        await aki.ArrivesAtAsync($"**/c/{slug}/proposals/{id}?done=voted*");
        await Expect(aki.GetByTestId("tally-against")).ToContainTextAsync("1");
        await Expect(aki.GetByTestId("you-choice")).ToHaveTextAsync("反対");

        var export = (await (await aki.APIRequest.GetAsync($"/api/v1/communities/{slug}/proposals/{id}/votes")).JsonAsync())!.Value;
        var vote = Assert.Single(export.GetProperty("votes").EnumerateArray());
        Assert.Equal("wallet", vote.GetProperty("reason").GetString());
        Assert.False(vote.GetProperty("custodial").GetBoolean());
    }

    [Fact]
    public async Task ProposalPages_OnAPhone_DoNotScrollSideways_InEitherLanguage()
    {
        await using var ui = await BrowserApp.StartAsync(browser, width: 375, height: 740);
        var admin = ui.Page;
        await admin.SignUpAsync("管理者");
        var aki = await ui.NewPersonAsync(width: 375, height: 740);
        await aki.SignUpAsync("あき");
        var slug = await GovernanceFlows.CommunityWithHoldersAsync(ui, admin, (aki, 1));
        var id = await aki.ProposeAsync(slug, "parameter", "とても長いタイトルの提案で、電話の画面でも横にはみ出さないことを確かめるためのもの", parameter: "fund.votingPeriodHours", value: "72");
        await aki.VoteAsync(slug, id, "for", "賛成です");

        foreach (var path in new[] { $"/c/{slug}/proposals", $"/c/{slug}/proposals/{id}" })
        {
            await aki.GotoAsync(path);
            Assert.True(await aki.FitsAsync(), $"{path} scrolls sideways at 375 px");
            await aki.ShotAsync($"gov-phone-{(path.EndsWith("proposals", StringComparison.Ordinal) ? "list" : "detail")}");
        }

        var english = await ui.NewPersonAsync(locale: "en-US", width: 375, height: 740);
        foreach (var path in new[] { $"/c/{slug}/proposals", $"/c/{slug}/proposals/{id}" })
        {
            await english.GotoAsync(path);
            await Expect(english.GetByTestId("tally").First).ToContainTextAsync("For");
            Assert.True(await english.FitsAsync(), $"{path} scrolls sideways at 375 px in English");
        }

        await english.GotoAsync($"/c/{slug}/proposals/{id}");
        await Expect(english.GetByTestId("proposal-state")).ToHaveTextAsync("Voting");
        await Expect(english.GetByTestId("export")).ToContainTextAsync("recompute");
    }
}
