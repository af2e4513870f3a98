using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mikoshi.Api;
using Mikoshi.Domain;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Architecture;

/// <summary>
/// Errors are a catalogue (issue #19 part 4): each error is defined once, in its area's <c>…Errors</c> class, with
/// a stable code, a kind that decides its HTTP status, and the values its text shows; its text is in both languages
/// with one placeholder per value; no code is written anywhere else; docs/errors.md lists exactly the catalogue.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    private static readonly string Resources = Path.Combine(Repository.Root, "src", "Mikoshi", "Resources");

    /// <summary>Every error of every catalogue, with the catalogue and member that define it.</summary>
    private static readonly IReadOnlyList<(Type Catalogue, MemberInfo Member, Error Error)> Entries =
        ErrorCatalogues.All.SelectMany(c =>
            c.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(Error))
                .Select(p => (c, (MemberInfo)p, (Error)p.GetValue(null)!))
            .Concat(c.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType == typeof(Error) && !m.IsSpecialName)
                .Select(m => (c, (MemberInfo)m, (Error)m.Invoke(null, [.. m.GetParameters().Select(p => ErrorCatalogues.Placeholder(p.ParameterType))])!))))
        .ToList();

    private static IEnumerable<(Type Catalogue, string Name, string Code)> CodesOf(Type catalogue) =>
        catalogue.GetNestedType("Codes")!.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (catalogue, f.Name, (string)f.GetRawConstantValue()!));

    [Fact]
    public void EveryCode_IsDefinedOnce_AndRaisedByAnErrorOfItsCatalogue()
    {
        Assert.True(ErrorCatalogues.All.Count >= 20, $"only {ErrorCatalogues.All.Count} catalogues found");
        var codes = ErrorCatalogues.All.SelectMany(CodesOf).ToList();
        Assert.Empty(codes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key} in {string.Join(", ", g.Select(c => c.Catalogue.Name))}"));

        foreach (var (catalogue, member, error) in Entries)
        {
            Assert.True(CodesOf(catalogue).Any(c => c.Code == error.Code), $"{catalogue.Name}.{member.Name} raises {error.Code}, which is not one of its codes");
            Assert.True(error.Text == error.Code || error.Text.StartsWith(error.Code + ".", StringComparison.Ordinal), $"{catalogue.Name}.{member.Name}: text {error.Text}");
            Assert.Matches("^[a-z][a-z0-9_]*$", error.Code);
        }

        Assert.Empty(codes.Where(c => !Entries.Any(e => e.Catalogue == c.Catalogue && e.Error.Code == c.Code)).Select(c => $"{c.Catalogue.Name}.Codes.{c.Name}"));
    }

    [Fact]
    public void EveryError_HasAnEnglishAndAJapaneseText_WithAPlaceholderForEachOfItsValues()
    {
        var english = Texts("Errors.resx");
        var japanese = Texts("Errors.ja.resx");
        var wrong = new List<string>();
        foreach (var (catalogue, member, error) in Entries)
        {
            var expected = Enumerable.Range(0, error.Arguments.Count).ToHashSet();
            foreach (var (language, texts) in new[] { ("en", english), ("ja", japanese) })
            {
                if (!texts.TryGetValue(error.Text, out var text) || string.IsNullOrWhiteSpace(text))
                {
                    wrong.Add($"{catalogue.Name}.{member.Name}: no {language} text for {error.Text}");
                }
                else if (!Placeholders(text).SetEquals(expected))
                {
                    wrong.Add($"{catalogue.Name}.{member.Name}: the {language} text of {error.Text} has placeholders {{{string.Join(",", Placeholders(text).Order())}}} for {error.Arguments.Count} values");
                }
                else
                {
                    // It formats with the error's own values, as the pages and the API do.
                    _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, text, [.. error.Arguments]);
                }
            }
        }

        // A named value an error carries (a field of a transfer file) has its own text in both languages.
        var values = Enum.GetValues<Mikoshi.Domain.Payouts.BankField>().Cast<Enum>().Select(Mikoshi.Resources.Errors.KeyOf).ToList();
        wrong.AddRange(values.Where(k => !english.ContainsKey(k) || !japanese.ContainsKey(k)).Select(k => $"no en or ja text for the value {k}"));
        var texted = Entries.Select(e => e.Error.Text).Concat(values).ToHashSet();
        wrong.AddRange(english.Keys.Concat(japanese.Keys).Distinct().Where(k => !texted.Contains(k)).Select(k => $"a text for {k}, which no catalogued error has"));
        Assert.Empty(wrong);
    }

    /// <summary>A value an error names (which field of a transfer file) reads in the reader's language, not in English.</summary>
    [Fact]
    public void ABankFieldInAnError_ReadsInTheReadersLanguage()
    {
        var error = Mikoshi.Domain.Payouts.PayoutErrors.UnwritableBankCharacter(Mikoshi.Domain.Payouts.BankField.PayeeName, "山", "5C71", 1);
        var japanese = Mikoshi.Resources.Errors.Format(Texts("Errors.ja.resx")[error.Text], error, System.Globalization.CultureInfo.GetCultureInfo("ja"));
        Assert.Contains("受取人名", japanese, StringComparison.Ordinal);
        Assert.DoesNotContain("payee", japanese, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The payee's name", Mikoshi.Resources.Errors.English(error), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKind_AnswersWithItsOwnStatus()
    {
        var statuses = Enum.GetValues<ErrorKind>().Select(Problems.StatusOf).ToList();
        Assert.All(statuses, s => Assert.InRange(s, 400, 599));
        Assert.Equal(statuses.Count, statuses.Distinct().Count());
    }

    /// <summary>
    /// No error is made outside its catalogue and no code is spelled outside it: a string literal that is a catalogued
    /// code fails, except where it is not an error code at all (a listing's state "cancelled").
    /// </summary>
    [Fact]
    public void NoErrorCode_IsWrittenOutsideTheCatalogues()
    {
        var codes = ErrorCatalogues.All.SelectMany(CodesOf).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var notErrors = new HashSet<(string, string)> { ("src/Mikoshi/Features/Membership/Listings.cs", "cancelled") };
        var found = new List<string>();
        foreach (var (path, lines) in Sources("src"))
        {
            if (Path.GetFileName(path).EndsWith("Errors.cs", StringComparison.Ordinal) || path.EndsWith("Results/Error.cs", StringComparison.Ordinal))
            {
                continue;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimStart();
                if (line.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var made in new[] { "Error.Of(", "new Error(", "new Domain.Error(", "Error.Case(" })
                {
                    if (line.Contains(made, StringComparison.Ordinal))
                    {
                        found.Add($"{path}:{i + 1}: {made}");
                    }
                }

                foreach (Match literal in Literal().Matches(line))
                {
                    if (codes.Contains(literal.Groups[1].Value) && !notErrors.Contains((path, literal.Groups[1].Value)))
                    {
                        found.Add($"{path}:{i + 1}: \"{literal.Groups[1].Value}\"");
                    }
                }
            }
        }

        Assert.Empty(found);
    }

    [Fact]
    public void NoResult_IsForcedToHaveAnError()
    {
        Assert.Empty(Sources("src").Concat(Sources("tests"))
            .SelectMany(f => f.Lines.Select((l, i) => (f.Path, Line: i + 1, Text: l)))
            .Where(l => l.Text.Contains(".Error" + "!", StringComparison.Ordinal))
            .Select(l => $"{l.Path}:{l.Line}"));
    }

    /// <summary>docs/errors.md lists the codes by area from the catalogue itself; run with MIKOSHI_WRITE_DOCS=1 to rewrite it.</summary>
    [Fact]
    public void TheListInDocsErrorsMd_IsTheCatalogue()
    {
        var path = Path.Combine(Repository.Root, "docs", "errors.md");
        var doc = File.ReadAllText(path);
        const string begin = "<!-- codes:begin (written by ErrorCatalogueTests) -->";
        const string end = "<!-- codes:end -->";
        var start = doc.IndexOf(begin, StringComparison.Ordinal);
        var stop = doc.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, "docs/errors.md has no generated list");
        var expected = begin + "\n" + CodeList() + end;
        var actual = doc[start..(stop + end.Length)];
        if (actual != expected && Environment.GetEnvironmentVariable("MIKOSHI_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, doc[..start] + expected + doc[(stop + end.Length)..]);
            return;
        }

        Assert.Equal(expected, actual);
    }

    private static string CodeList()
    {
        var english = Texts("Errors.resx");
        var list = new StringBuilder();
        foreach (var catalogue in ErrorCatalogues.All)
        {
            var folder = Path.GetDirectoryName(Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), catalogue.Name + ".cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'))
                .Single(f => File.ReadAllText(Path.Combine(Repository.Root, f)).Contains($"namespace {catalogue.Namespace};", StringComparison.Ordinal)))!.Replace('\\', '/');
            list.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n### {catalogue.Name} ({folder})\n\n| code | kind | status | member | text (English) |\n|---|---|---|---|---|\n");
            foreach (var (_, member, error) in Entries.Where(e => e.Catalogue == catalogue).OrderBy(e => e.Error.Code, StringComparer.Ordinal).ThenBy(e => e.Error.Text, StringComparer.Ordinal))
            {
                var signature = member is MethodInfo m ? $"{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.Name))})" : member.Name;
                var text = english.GetValueOrDefault(error.Text, "").Replace("|", "\\|", StringComparison.Ordinal);
                list.Append(System.Globalization.CultureInfo.InvariantCulture, $"| `{error.Code}`{(error.Text == error.Code ? "" : $" ({error.Text[(error.Code.Length + 1)..]})")} | {error.Kind} | {Problems.StatusOf(error.Kind)} | `{signature}` | {text} |\n");
            }
        }

        return list.ToString();
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<int> Placeholders(string text) =>
        Placeholder().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    private static IEnumerable<(string Path, string[] Lines)> Sources(string under) =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, under), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)
                && !f.Contains("/node_modules/", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllLines(Path.Combine(Repository.Root, f))));

    [GeneratedRegex("\"([a-z][a-z0-9_]*)\"")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
