using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>Projects in the browser: a team forms, records and acknowledges its work, and people thank each other.</summary>
public sealed class ProjectUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Project_CreatedInvitedAcceptedContributedAcknowledgedThanked_ShowsTheWholeStory()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser);
        var lead = ui.Page;
        await lead.SignUpAsync("リーダー");
        var slug = await lead.FoundWithFreeMembershipAsync();

        // The invitee has signed up but holds no token: a lead may still invite them.
        var writer = await ui.NewPersonAsync();
        await writer.SignUpAsync("書き手");
        var writerId = await writer.PersonIdAsync();

        await lead.GotoAsync($"/c/{slug}");
        await lead.GetByTestId("projects-link").ClickAsync();
        await Expect(lead.GetByTestId("no-projects")).ToBeVisibleAsync();
        var project = await lead.StartProjectAsync(slug, "祭りの絵巻", "夏祭りの絵巻物をつくります。", skill: "イラスト", value: "楽しむ");
        await Expect(lead.GetByTestId("project-title")).ToHaveTextAsync("祭りの絵巻");
        await Expect(lead.GetByTestId("project-status")).ToHaveTextAsync("アイデア");
        await Expect(lead.GetByTestId("team-member")).ToContainTextAsync("リーダー");

        await lead.InviteByIdAsync(slug, project, writerId, "Writer");
        await Expect(lead.GetByTestId("pending")).ToContainTextAsync("書き手");

        // The invitation waits on the invitee's account page, and leads to the project.
        await writer.GotoAsync("/account");
        await Expect(writer.GetByTestId("invitation-for-me")).ToContainTextAsync("祭りの絵巻");
        await writer.GetByTestId("invitation-for-me").GetByRole(AriaRole.Link).ClickAsync();
        await writer.GetByTestId("accept-invitation").ClickAsync();
        await Expect(writer.GetByTestId("project-notice")).ToBeVisibleAsync();
        await Expect(writer.GetByTestId("team-member")).ToHaveTextAsync([new Regex("リーダー"), new Regex("書き手[\\s\\S]*writer")]);
        await Expect(writer.GetByTestId("pending")).ToHaveCountAsync(0);
        await writer.GotoAsync("/account");
        await Expect(writer.GetByTestId("my-invitations")).ToHaveCountAsync(0);

        await writer.GotoAsync($"/c/{slug}/projects/{project}");
        await writer.OpenSectionAsync("contributions");
        await writer.SubmitContributionAsync("キャプションを書きました", "https://example.jp/captions");
        await Expect(writer.GetByTestId("project-notice")).ToBeVisibleAsync();
        await Expect(writer.GetByTestId("contribution-summary")).ToHaveTextAsync("キャプションを書きました");
        await Expect(writer.GetByTestId("evidence")).ToHaveAttributeAsync("href", "https://example.jp/captions");
        await Expect(writer.GetByTestId("not-acknowledged")).ToBeVisibleAsync();
        await Expect(writer.GetByTestId("acknowledge")).ToHaveCountAsync(0);

        await lead.GotoAsync($"/c/{slug}/projects/{project}/contributions");
        await lead.GetByTestId("acknowledge").ClickAsync();
        await Expect(lead.GetByTestId("acknowledged-by")).ToContainTextAsync("リーダー");
        await Expect(lead.GetByTestId("acknowledge")).ToHaveCountAsync(0);
        await Expect(lead.GetByTestId("project-tab-contributions")).ToContainTextAsync("1");
        await lead.OpenSectionAsync("overview");
        await lead.SelectOptionAsync("#status-to", "forming");
        await lead.GetByTestId("change-status").ClickAsync();
        await Expect(lead.GetByTestId("project-status")).ToHaveTextAsync("メンバー募集");

        // Thanks are for members: the writer joins the community (membership is free here), then thanks the lead.
        await writer.MintAsync(slug);
        await writer.GotoAsync($"/c/{slug}/projects/{project}");
        await writer.OpenSectionAsync("thanks");
        await writer.Locator("#thanks-to").SelectOptionAsync(new SelectOptionValue { Label = "リーダー" });
        await writer.FillAsync("#thanks-message", "誘ってくれてありがとう！");
        await writer.GetByTestId("send-thanks").ClickAsync();
        await Expect(writer.GetByTestId("thanks")).ToContainTextAsync("誘ってくれてありがとう！");
        await Expect(writer.GetByTestId("thanks")).ToContainTextAsync("書き手 → リーダー");

        // A released work, with its link; a script link is refused with a clear message.
        await writer.OpenSectionAsync("works");
        await writer.FillAsync("#work-title", "絵巻 第一巻");
        await writer.FillAsync("#work-url", "javascript:alert(1)");
        await writer.GetByTestId("add-work").ClickAsync();
        await Expect(writer.GetByTestId("form-error")).ToContainTextAsync("http");
        await writer.FillAsync("#work-url", "https://example.jp/emaki/1");
        await writer.GetByTestId("add-work").ClickAsync();
        await Expect(writer.GetByTestId("works").Locator("a")).ToHaveAttributeAsync("href", "https://example.jp/emaki/1");
        await ui.ScreenshotAsync("desktop-project-lead");
        await writer.ShotAsync("desktop-project-member");

        // The person page keeps the contribution, with its project and who acknowledged it.
        await writer.GotoAsync($"/c/{slug}/people/{writerId}");
        await Expect(writer.GetByTestId("contribution-project")).ToHaveTextAsync("祭りの絵巻");
        await Expect(writer.GetByTestId("acknowledged-by")).ToContainTextAsync("リーダー");

        await writer.GotoAsync($"/c/{slug}/projects?status=forming");
        await Expect(writer.GetByTestId("project")).ToHaveCountAsync(1);
        await writer.GotoAsync($"/c/{slug}/projects?status=active");
        await Expect(writer.GetByTestId("project")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Phone_ProjectPagesWithAJoinRequest_DoNotScrollSideways()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser, width: 375, height: 740);
        var lead = ui.Page;
        await lead.SignUpAsync("とても長い表示名をもつリーダーのひとり・プロデューサー");
        var slug = await lead.FoundWithFreeMembershipAsync("とても長い名前のコミュニティ・オンラインサロン・クリエイターの集まり");
        var project = await lead.StartProjectAsync(slug, "とても長いプロジェクト名・夏祭りのアニメーションミュージックビデオ制作委員会",
            "説明 https://example.jp/a/very/long/link/that/does/not/wrap/by/itself/because/it/has/no/spaces/at/all",
            skill: "イラストレーション・アニメーション・映像編集", value: "ものづくり");

        var member = await ui.NewPersonAsync(width: 375, height: 740);
        await member.SignUpAsync("作曲するメンバー");
        await member.MintAsync(slug);
        await member.GotoAsync($"/c/{slug}/projects/{project}");
        await member.FillAsync("#join-role", "composer");
        await member.GetByTestId("ask-to-join").ClickAsync();
        await Expect(member.GetByTestId("project-notice")).ToBeVisibleAsync();
        await Expect(member.GetByTestId("ask-to-join")).ToHaveCountAsync(0);

        await lead.GotoAsync($"/c/{slug}/projects/{project}");
        await Expect(lead.GetByTestId("pending")).ToContainTextAsync("作曲するメンバー");
        await lead.ShotAsync("phone-project-pending");
        Assert.True(await lead.FitsAsync(), "the project page with a pending request scrolls sideways at 375 px");
        await lead.GetByTestId("accept-request").ClickAsync();
        await Expect(lead.GetByTestId("team-member")).ToHaveCountAsync(2);

        await member.GotoAsync($"/c/{slug}/projects/{project}");
        await member.OpenSectionAsync("contributions");
        await member.SubmitContributionAsync("テーマ曲のデモを作りました", "https://example.jp/a/very/long/link/to/the/demo/track/that/has/no/spaces/at/all.mp3");
        await Expect(member.GetByTestId("contribution")).ToHaveCountAsync(1);

        // On the phone, through the section links: the lead proposes an even split, the member accepts it, and the
        // lead (the founder, so the community's admin) records revenue typed as people type yen and sees where it went.
        await lead.GotoAsync($"/c/{slug}/projects/{project}");
        await lead.OpenSectionAsync("split");
        var split = lead.GetByTestId("split-form");
        await split.GetByLabel("とても長い表示名をもつリーダーのひとり・プロデューサー", new() { Exact = true }).FillAsync("１");
        await split.GetByLabel("作曲するメンバー", new() { Exact = true }).FillAsync("1");
        await lead.GetByTestId("propose-split").ClickAsync();
        await Expect(lead.GetByTestId("project-notice")).ToBeVisibleAsync();
        Assert.True(await lead.FitsAsync(), "the split section scrolls sideways at 375 px");
        await member.OpenSectionAsync("split");
        await member.GetByTestId("accept-split").ClickAsync();
        await Expect(member.GetByTestId("split-chart")).ToBeVisibleAsync();

        // A section slow to arrive shows it is coming: its answer is held back until the test has looked, no timing involved.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await lead.RouteAsync("**/money", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await lead.GetByTestId("project-tab-money").ClickAsync();
        await Expect(lead.GetByTestId("project-tab-money")).ToHaveAttributeAsync("aria-busy", "true");
        release.SetResult();
        await Expect(lead.GetByTestId("project-tab-money")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(lead.GetByTestId("project-tab-money")).Not.ToHaveAttributeAsync("aria-busy", "true");
        await lead.UnrouteAsync("**/money");
        await lead.FillRevenueAsync("¥12,000", "BOOTH 8月分");
        await lead.GetByTestId("record-revenue").ClickAsync();
        await Expect(lead.GetByTestId("project-notice")).ToBeVisibleAsync();
        await Expect(lead.GetByTestId("revenue-amount")).ToHaveTextAsync("¥12,000");
        await Expect(lead.GetByTestId("revenue-part").Filter(new() { HasText = "作曲するメンバー" })).ToBeVisibleAsync();
        await lead.ShotAsync("phone-project-money");
        Assert.True(await lead.FitsAsync(), "the money section scrolls sideways at 375 px");

        var memberId = await member.PersonIdAsync();
        var sections = new[] { "contributions", "split", "money", "works", "thanks" }.Select(s => $"/c/{slug}/projects/{project}/{s}");
        foreach (var path in new[] { $"/c/{slug}/projects", $"/c/{slug}/projects/{project}", $"/c/{slug}/people/{memberId}", $"/c/{slug}" }.Concat(sections))
        {
            await lead.GotoAsync(path);
            Assert.True(await lead.FitsAsync(), $"{path} scrolls sideways at 375 px for the lead");
            await member.GotoAsync(path);
            Assert.True(await member.FitsAsync(), $"{path} scrolls sideways at 375 px for a member");
        }

        await lead.GotoAsync($"/c/{slug}/projects/{project}");
        await ui.ScreenshotAsync("phone-project-lead");
    }

    [Fact]
    public async Task BadInput_EmptyTitleABadEvidenceLinkAndANonMember_ShowClearErrorsAndChangeNothing()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser);
        var lead = ui.Page;
        await lead.SignUpAsync("リーダー");
        var slug = await lead.FoundWithFreeMembershipAsync();

        await lead.SubmitProjectAsync(slug, "   ", "説明だけ");
        await Expect(lead.GetByTestId("form-error")).ToContainTextAsync("プロジェクト名は 1〜120 文字");
        await Expect(lead.Locator("#project-description")).ToHaveValueAsync("説明だけ");
        await Expect(lead.GetByTestId("no-projects")).ToBeVisibleAsync();

        var project = await lead.StartProjectAsync(slug, "絵巻");
        await lead.OpenSectionAsync("contributions");
        await lead.SubmitContributionAsync("下書き", "javascript:alert(1)");
        await Expect(lead.GetByTestId("form-error")).ToContainTextAsync("http:// または https://");
        await Expect(lead.Locator("#contribution-summary")).ToHaveValueAsync("下書き");
        await Expect(lead.Locator("#contribution-evidence")).ToHaveAttributeAsync("aria-invalid", "true");
        await lead.GotoAsync($"/c/{slug}/projects/{project}/contributions");
        await Expect(lead.GetByTestId("contribution")).ToHaveCountAsync(0);

        // Someone signed in without a token reads the board but is told members start projects.
        var visitor = await ui.NewPersonAsync(locale: "en-US");
        await visitor.SignUpAsync("Visitor");
        await visitor.GotoAsync("/culture/en?returnUrl=" + Uri.EscapeDataString($"/c/{slug}/projects"));
        await Expect(visitor.GetByTestId("project")).ToHaveCountAsync(1);
        await Expect(visitor.GetByTestId("members-start-projects")).ToContainTextAsync("Members");
        await Expect(visitor.GetByTestId("new-project-form")).ToHaveCountAsync(0);
        await visitor.GotoAsync($"/c/{slug}/projects/{project}");
        await Expect(visitor.GetByTestId("ask-to-join")).ToHaveCountAsync(0);

        // Thanks are for members too: no form is offered to someone without a token.
        await visitor.OpenSectionAsync("thanks");
        await Expect(visitor.GetByTestId("no-thanks")).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("thanks-form")).ToHaveCountAsync(0);
        await Expect(visitor.GetByTestId("thanks")).ToHaveCountAsync(0);
    }
}
