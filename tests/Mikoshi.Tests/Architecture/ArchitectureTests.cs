using System.Text.RegularExpressions;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;
using NetArchTest.Rules;

namespace Mikoshi.Tests.Architecture;

/// <summary>
/// The boundaries of docs/architecture.md, checked on the compiled assemblies. Where today's code still breaks a
/// boundary (issue #19), the breaches are listed here by name and the list may only shrink: a new breach fails, and
/// so does a listed one that has been mended, so the list stays true.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Host = typeof(MikoshiApp).Assembly;
    private static readonly System.Reflection.Assembly Data = typeof(MikoshiDb).Assembly;
    private static readonly System.Reflection.Assembly Domain = typeof(Mikoshi.Domain.Money).Assembly;

    [Fact]
    public void TheDomain_DependsOnNoStoreNoWebAndNoHost()
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "System.Net.Http",
            "Npgsql", "Microsoft.Data", "Nethereum", "Mikoshi.Data", "Mikoshi.Features", "Mikoshi.Components", "Mikoshi.Api", "Mikoshi.Cli").GetResult();

        Assert.True(result.IsSuccessful, Names(result));
    }

    [Fact]
    public void TheStore_NeverReachesTheHostOrTheWeb()
    {
        var result = Types.InAssembly(Data).ShouldNot().HaveDependencyOnAny(
            "Mikoshi.Features", "Mikoshi.Components", "Mikoshi.Api", "Mikoshi.Cli",
            "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Routing").GetResult();

        Assert.True(result.IsSuccessful, Names(result));
    }

    /// <summary>Pages and components read through a query of their own in Features/Pages and write through use cases (issue #19, part 5).</summary>
    [Fact]
    public void Components_DoNotReachTheStore()
    {
        var result = Types.InAssembly(Host).That().ResideInNamespace("Mikoshi.Components")
            .ShouldNot().HaveDependencyOn("Mikoshi.Data.MikoshiDb").GetResult();

        Assert.True(result.IsSuccessful, Names(result));
    }

    /// <summary>
    /// No column width in the mapping is a bare number (issue #19, finding 7): a width that restates a rule the app
    /// checks (a name, a title, a bank code) comes from the domain constant the validation and the form's maxlength use,
    /// and a width that is only a storage detail (a hash's hex length, a state word) from a named constant in
    /// Mapping/ColumnWidths.cs. A literal here is how a column, its check and its form drift apart. Read from the
    /// source, since a compiled model only shows the resulting number.
    /// </summary>
    [Fact]
    public void Mapping_TakesEveryColumnWidthFromANamedConstant()
    {
        var data = Path.Combine(Repository.Root, "src", "Mikoshi.Data");
        var files = Directory.EnumerateFiles(Path.Combine(data, "Mapping"), "*.cs").Append(Path.Combine(data, "MikoshiDb.cs"));
        var literal = new Regex(@"\b(HasMaxLength|HaveMaxLength|HasPrecision|HavePrecision)\(\s*[-+(\d]", RegexOptions.None, TimeSpan.FromSeconds(1));
        var found = files
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line.Trim())))
            .Where(l => literal.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.True(files.Count() > 40, "the mapping's source files were not found");
        Assert.True(found.Count == 0, "column widths as bare numbers:\n" + string.Join("\n", found));
    }

    /// <summary>No feature folder depends, through others, on itself (issue #19, part 6).</summary>
    [Fact]
    public void FeatureFolders_HaveNoCycles_ExceptThoseStillListed()
    {
        var edges = FeatureGraph.Edges(Host.Location);
        var inCycles = FeatureGraph.Cycles(edges)
            .SelectMany(cycle => edges.Where(e => cycle.Contains(e.From) && cycle.Contains(e.To)))
            .Select(e => $"{e.From} -> {e.To}")
            .ToHashSet(StringComparer.Ordinal);

        AssertShrinking(EdgesStillInCycles, inCycles, "feature-folder edges inside a cycle");
    }

    private static void AssertShrinking(IReadOnlySet<string> listed, IReadOnlySet<string> found, string what)
    {
        var added = found.Except(listed).Order(StringComparer.Ordinal).ToList();
        var mended = listed.Except(found).Order(StringComparer.Ordinal).ToList();
        Assert.True(added.Count == 0, $"new {what} (not allowed): {string.Join(", ", added)}");
        Assert.True(mended.Count == 0, $"mended {what}: remove them from the list in ArchitectureTests: {string.Join(", ", mended)}");
    }

    private static string Names(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);

    private static readonly IReadOnlySet<string> EdgesStillInCycles = new HashSet<string>(StringComparer.Ordinal)
    {
        "Chain -> Governance",
        "Chain -> Membership",
        "Chain -> Revenue",
        "Governance -> Chain",
        "Governance -> Ledger",
        "Governance -> Membership",
        "Governance -> Projects",
        "Governance -> Revenue",
        "Ledger -> Governance",
        "Membership -> Chain",
        "Membership -> Governance",
        "Membership -> Projects",
        "Membership -> Revenue",
        "Projects -> Membership",
        "Revenue -> Membership",
        "Revenue -> Projects",
        "Revenue -> Tax",
        "Tax -> Projects",
        "Tax -> Revenue",
    };
}
