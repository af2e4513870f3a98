using System.Net;
using Mikoshi.Tests.Http.Revenue;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>
/// The project page's sections, read over HTTP on both stores: each section at its own address shows its part of
/// the project (read through the page's one query) and only that part; an unknown section or project is not found.
/// </summary>
public sealed class ProjectPageTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Sections_EachAtItsOwnAddress_ShowTheirPartOfTheProject_AndNothingElse(string provider)
    {
        await using var app = TestApp.Create(provider);
        var s = await RevenueSetup.CreateAsync(app);
        await s.Admin.DepositAsync(s.Slug, "100000");
        var contribution = await s.Ben.Client.PostJsonAsync($"{s.Project}/contributions", new { summary = "絵コンテを描きました", evidenceUrl = "https://example.jp/board" });
        Assert.Equal(HttpStatusCode.Created, contribution.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await s.Admin.Client.PostJsonAsync($"{s.Project}/grants", new { asset = "JPY", amount = "40000", recoupRateBps = 1250 })).StatusCode);
        await s.RecordOkAsync("10000");
        Assert.Equal(HttpStatusCode.Created, (await s.Aki.Client.PostJsonAsync($"{s.Project}/works", new { title = "絵巻 第一巻", url = "https://example.jp/emaki" })).StatusCode);
        var projectId = long.Parse(s.Project[(s.Project.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Created, (await s.Aki.Client.PostJsonAsync($"{s.Community}/thanks", new { to = s.Ben.Id, message = "すばらしい絵コンテ", projectId })).StatusCode);

        var page = $"/c/{s.Slug}/projects/{projectId}";
        var reader = app.CreateClient();
        var sections = new Dictionary<string, string[]>
        {
            [page] = ["祭りの絵巻", "data-testid=\"team-member\"", "Ben", "data-testid=\"suggested-team\""],
            [$"{page}/contributions"] = ["絵コンテを描きました", "https://example.jp/board"],
            [$"{page}/split"] = ["data-testid=\"split-chart\"", "Cai"],
            [$"{page}/money"] = ["data-testid=\"funding\"", "¥40,000", "12.5%", "¥10,000", "Booth sales"],
            [$"{page}/works"] = ["絵巻 第一巻", "data-testid=\"credits\""],
            [$"{page}/thanks"] = ["すばらしい絵コンテ"],
        };
        var own = sections.Values.Select(v => v[0]).ToList();
        foreach (var (path, shown) in sections)
        {
            var response = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            foreach (var text in shown)
            {
                Assert.Contains(text, html, StringComparison.Ordinal);
            }

            // Every section names the others in its navigation, and shows none of their content.
            Assert.Contains("data-testid=\"project-sections\"", html, StringComparison.Ordinal);
            foreach (var other in own.Skip(1).Where(o => o != shown[0]))
            {
                Assert.DoesNotContain(other, html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"{page}/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/c/{s.Slug}/projects/99/money")).StatusCode);
    }
}
