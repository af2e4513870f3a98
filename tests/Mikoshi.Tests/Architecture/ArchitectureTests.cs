using System.Text.RegularExpressions;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;
using NetArchTest.Rules;

namespace Mikoshi.Tests.Architecture;

/// <summary>
/// The boundaries of docs/architecture.md, checked on the compiled assemblies.
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

    /// <summary>
    /// No feature folder depends, through others, on itself (issue #19, part 6): what several folders use lives in
    /// Features/Kernel, which uses none of them.
    /// </summary>
    [Fact]
    public void FeatureFolders_HaveNoCycles()
    {
        var edges = FeatureGraph.Edges(Host.Location);
        var inCycles = FeatureGraph.Cycles(edges)
            .Select(cycle => string.Join(", ", edges.Where(e => cycle.Contains(e.From) && cycle.Contains(e.To)).Select(e => $"{e.From} -> {e.To}").Order(StringComparer.Ordinal)))
            .ToList();

        Assert.True(inCycles.Count == 0, $"feature folders in a cycle: {string.Join("; ", inCycles)}");
    }

    /// <summary>The shared kernel is the bottom of the feature folders: it uses no other feature folder.</summary>
    [Fact]
    public void TheKernel_UsesNoOtherFeatureFolder()
    {
        var uses = FeatureGraph.Edges(Host.Location).Where(e => e.From == "Kernel")
            .Select(e => e.To).Order(StringComparer.Ordinal).ToList();

        Assert.True(uses.Count == 0, $"the kernel uses: {string.Join(", ", uses)}");
    }

    private static string Names(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
