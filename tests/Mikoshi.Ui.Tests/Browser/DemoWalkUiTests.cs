using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Mikoshi.Tests.Cli;
using Mikoshi.Tests.Http.Japanese;
using Mikoshi.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>
/// Issue #20, parts 7 and 9, on `mikoshi demo` in Japanese on a 375-pixel phone: every feature the demo tells is on a
/// page (a passed and executed proposal, a defeated one, a member who left in a grace period and came back, an heir
/// whose succession is in its veto window, a paid payout batch); a person ticks her values from the
/// charter and a value no charter holds stays a love; on the proposals, community and token pages no
/// number wraps inside itself; every button that posts a form on every page a member walks shows it is busy; and no
/// English word appears outside the allow-list and what people wrote themselves.
/// </summary>
public sealed partial class DemoWalkUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string C = "/c/creators-salon";

    // Every number (digits with their separators and a trailing %) whose rendered pieces sit on more than one line.
    private const string WrappedNumbers = """
        () => {
          const wrapped = [];
          const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/\d[\d,.]*%?/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
              if (lines.size > 1) {
                wrapped.push(`"${match[0]}" in <${node.parentElement.tagName.toLowerCase()} class="${node.parentElement.className}">`);
              }
            }
          }
          return wrapped;
        }
        """;

    // Sends every form that posts once per submit button, held back before it leaves the page (no request is made),
    // and reports each button busy.js did not mark; the count of buttons tried comes first.
    private const string UnmarkedButtons = """
        () => {
          const unmarked = [];
          let tried = 0;
          for (const form of document.querySelectorAll("form")) {
            if ((form.getAttribute("method") || "get").toLowerCase() !== "post") continue;
            const hold = event => { event.preventDefault(); event.stopImmediatePropagation(); };
            form.noValidate = true;
            form.addEventListener("submit", hold);
            for (const button of form.querySelectorAll("button")) {
              if ((button.getAttribute("type") || "submit") !== "submit") continue;
              tried++;
              form.requestSubmit(button);
              if (button.getAttribute("aria-busy") !== "true") {
                unmarked.push(`${button.dataset.testid || button.textContent.trim()} in form ${form.dataset.testid || form.getAttribute("name") || ""}`);
              }
            }
            form.removeEventListener("submit", hold);
          }
          return [String(tried), ...unmarked];
        }
        """;

    [GeneratedRegex(@"[A-Za-z][A-Za-z\-]*")]
    private static partial Regex LatinWord();

    // Tokens with a digit (ids, hashes, 3DCG, #28), addresses, links and paths (/c/creators-salon): not words.
    [GeneratedRegex(@"\S*\d\S*|\S+@\S+|https?://\S+|(?<!\S)/\S*")]
    private static partial Regex NotWords();

    [GeneratedRegex(@"^[a-z0-9_.:/\-]*$")]
    private static partial Regex Identifier();

    [Fact]
    public async Task TheDemo_OnAPhoneInJapanese_ShowsEveryFeature_TakesValuesFromTheCharter_KeepsNumbersWhole_MarksEveryButtonBusy_AndSpeaksJapanese()
    {
        var store = await DemoStore.RunDemoAsync("sqlite");
        var written = DataWords(store.ConnectionString);
        await using var ui = await BrowserApp.StartOnAsync(browser, store, width: 375, height: 800);
        var members = (await (await ui.App.CreateClient().GetAsync("/api/v1/communities/creators-salon/members")).JsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(m => m.GetProperty("displayName").GetString()!, m => m.GetProperty("personId").GetString()!);
        var page = ui.Page;
        await SignInAsync(page, "hanako");

        // The story, on its pages.
        await page.GotoAsync($"{C}/proposals");
        await Expect(page.Locator("[data-testid=proposal-card][data-state=executed]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=proposal-card][data-state=defeated]")).ToHaveCountAsync(1);
        await page.GotoAsync($"{C}/people/{members["林 湊"]}");
        await Expect(page.Locator("[data-testid=periods] > li")).ToHaveCountAsync(2);
        var minh = await ui.NewPersonAsync(width: 375, height: 800);
        await SignInAsync(minh, "minh");
        await minh.GotoAsync("/account");
        await Expect(minh.Locator("[data-testid=heir-plan][data-stage=vetoWindow]")).ToHaveCountAsync(1);
        var ken = await ui.NewPersonAsync(width: 375, height: 800);
        await SignInAsync(ken, "ken");
        await ken.GotoAsync($"{C}/payouts");
        await Expect(ken.Locator("[data-testid=batch][data-state=paid]")).ToHaveCountAsync(1);

        // Her values are ticked from the charter's; what she types that no charter holds is kept among her loves.
        await page.GotoAsync("/account/profile");
        var choices = page.GetByTestId("value-choice");
        await Expect(choices).ToHaveCountAsync(6);
        foreach (var choice in await choices.AllAsync())
        {
            await choice.UncheckAsync();
        }

        await page.Locator("[data-testid=value-choice][value='越境コラボ']").CheckAsync();
        await page.GetByTestId("Loves-input").Last.FillAsync("自由な発想");
        await page.Locator("[data-testid=profile-form] button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("profile-saved")).ToBeVisibleAsync();
        await page.GotoAsync($"{C}/people/{members["山田 花子"]}");
        await Expect(page.Locator("ul.tags[aria-label='価値観'] > li")).ToHaveTextAsync(["越境コラボ"]);
        await Expect(page.Locator("ul.tags[aria-label='好きなこと'] > li").Last).ToHaveTextAsync("自由な発想");

        // Every page a member (here the admin, who sees the most forms) walks on the demo; the project page is being rebuilt apart.
        string[] pages =
        [
            "/", "/account", "/account/profile", "/notifications",
            C, $"{C}/members", $"{C}/people/{members["山田 花子"]}", $"{C}/tokens/1", $"{C}/proposals", $"{C}/proposals/1", $"{C}/proposals/2",
            $"{C}/ledger", $"{C}/earnings", $"{C}/market", $"{C}/projects", $"{C}/succession", $"{C}/payouts", $"{C}/payments", $"{C}/tax",
            $"{C}/channels", $"{C}/llc",
        ];
        string[] numbersChecked = [C, $"{C}/proposals", $"{C}/proposals/1", $"{C}/tokens/1"];
        var wrapped = new List<string>();
        var unmarked = new List<string>();
        var english = new List<string>();
        var buttons = 0;
        foreach (var path in pages)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            if (numbersChecked.Contains(path))
            {
                wrapped.AddRange((await page.EvaluateAsync<string[]>(WrappedNumbers)).Select(w => $"{path}: {w}"));
            }

            var text = NotWords().Replace(await page.InnerTextAsync("body"), " ");
            english.AddRange(LatinWord().Matches(text).Select(m => m.Value)
                .Where(w => !JapaneseWords.Allowed.Contains(w) && !written.Contains(w)).Distinct().Select(w => $"{path}: {w}"));
            var busy = await page.EvaluateAsync<string[]>(UnmarkedButtons);
            buttons += int.Parse(busy[0], System.Globalization.CultureInfo.InvariantCulture);
            unmarked.AddRange(busy.Skip(1).Select(b => $"{path}: {b}"));
        }

        Assert.True(wrapped.Count == 0, "numbers wrapped on a phone:\n" + string.Join("\n", wrapped));
        Assert.True(buttons > 20, $"only {buttons} buttons that post were found");
        Assert.True(unmarked.Count == 0, "buttons without the busy marker:\n" + string.Join("\n", unmarked));
        Assert.True(english.Count == 0, "English on Japanese pages:\n" + string.Join("\n", english));
    }

    private static async Task SignInAsync(IPage page, string who)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#signin-email", $"{who}@demo.mikoshi.example");
        await page.FillAsync("#signin-password", Mikoshi.Cli.Demo.Password);
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }

    /// <summary>
    /// The Latin words people wrote into the store (names, bios, titles, memos, charter values, lists of tags): shown as
    /// written, not translated. Identifiers (states, kinds, codes), JSON objects and XML keys are not writing.
    /// </summary>
    private static HashSet<string> DataWords(string connectionString)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is not string value || value.StartsWith('{') || value.StartsWith('<') || Identifier().IsMatch(value))
                    {
                        continue;
                    }

                    var texts = value.StartsWith('[') ? Strings(value) : [value];
                    foreach (var text in texts)
                    {
                        words.UnionWith(LatinWord().Matches(NotWords().Replace(text, " ")).Select(m => m.Value));
                    }
                }
            }
        }

        return words;
    }

    private static List<string> Strings(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [json];
        }
    }
}
