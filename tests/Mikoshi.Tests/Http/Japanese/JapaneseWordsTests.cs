using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Mikoshi.Tests.Http.Japanese;

/// <summary>
/// Issue #20, parts 1 and 11: every page, mail and error text the UI shows in Japanese is written in Japanese — no
/// English word outside a short allow-list of asset codes, product and standard names, and the literal values and
/// commands a person types — and uses the glossary's one word per concept (docs/glossary.md).
/// </summary>
public sealed partial class JapaneseWordsTests
{
    // Asset codes, product and standard names, what a person types literally (true/false, CLI verbs), and examples.
    // One concept, one word: the words the glossary replaced must not come back. 仕訳 stays only in 仕訳帳, the
    // accountant's book the accounting export is named after.
    private static readonly string[] Replaced = ["トレジャリー", "財庫", "仕訳", "bps", "メンバーシップトークン"];

    [GeneratedRegex(@"[A-Za-z][A-Za-z\-]*")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [Theory]
    [InlineData("Ui")]
    [InlineData("Errors")]
    [InlineData("Mail")]
    [InlineData("Notifications")]
    public void JapaneseText_HasNoEnglishWordOutsideTheAllowList_AndNoWordTheGlossaryReplaced(string resource)
    {
        var manager = new ResourceManager($"Mikoshi.Resources.{resource}", typeof(Program).Assembly);
        var japanese = manager.GetResourceSet(new CultureInfo("ja"), createIfNotExists: true, tryParents: false);
        Assert.NotNull(japanese);
        var found = new List<string>();
        var count = 0;
        foreach (DictionaryEntry entry in japanese)
        {
            count++;
            var text = Placeholder().Replace((string)entry.Value!, " ");
            found.AddRange(LatinWord().Matches(text).Select(m => m.Value).Where(w => !JapaneseWords.Allowed.Contains(w)).Select(w => $"{entry.Key}: {w}"));
            found.AddRange(Replaced.Where(r => text.Replace("仕訳帳", string.Empty, StringComparison.Ordinal).Contains(r, StringComparison.Ordinal)).Select(r => $"{entry.Key}: {r}"));
            if (!Regex.IsMatch(text, @"\p{IsHiragana}|\p{IsKatakana}|\p{IsCJKUnifiedIdeographs}") && text.Any(char.IsAsciiLetter) && !LatinWord().Matches(text).All(m => JapaneseWords.Allowed.Contains(m.Value)))
            {
                found.Add($"{entry.Key}: not Japanese at all");
            }
        }

        // A key without its Japanese text would show the English one on a Japanese page.
        var neutral = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        found.AddRange(neutral.Cast<DictionaryEntry>().Select(e => (string)e.Key).Where(k => japanese.GetString(k) is null).Select(k => $"{k}: no Japanese text"));
        Assert.True(count > 5, $"only {count} Japanese {resource} strings found");
        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
