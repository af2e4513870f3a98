using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Mikoshi.Domain;

namespace Mikoshi.Api;

/// <summary>
/// The problem responses of the OpenAPI document, derived from the error catalogues instead of written by hand:
/// an endpoint lists one problem+json response for each distinct HTTP status among the kinds of the errors it can
/// raise. An endpoint's errors are those of its area's catalogues (a handler under <c>Mikoshi.Features.Projects</c>
/// raises <c>ProjectErrors</c>) and of the catalogues every endpoint may meet (the HTTP edge, the writer, money,
/// people, anything-goes <c>CommonErrors</c>).
/// </summary>
public static class ProblemMetadata
{
    private static readonly ConcurrentDictionary<Type, IReadOnlySet<ErrorKind>> KindsByCatalogue = new();

    /// <summary>The catalogues every endpoint may raise from, whatever its area.</summary>
    private static readonly Type[] Everywhere =
        [typeof(ApiErrors), typeof(CommonErrors), typeof(Data.WriteErrors), typeof(MoneyErrors), typeof(Domain.Identity.IdentityErrors)];

    /// <summary>Areas whose use cases also raise another area's errors by design.</summary>
    private static readonly Dictionary<string, Type[]> AlsoRaised = new(StringComparer.Ordinal)
    {
        ["Revenue"] = [typeof(Domain.Payouts.PayoutErrors)],
    };

    /// <summary>
    /// Adds, to every endpoint of <paramref name="builder"/>, a problem response per status its area's errors can answer with.
    /// </summary>
    public static TBuilder ProducesProblemsOfItsArea<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
            var kinds = Everywhere.Concat(CataloguesOf(handler?.DeclaringType)).SelectMany(Kinds);
            Declare(endpoint, kinds);
        });
        return builder;
    }

    /// <summary>Adds a problem response per status of <paramref name="errors"/>: for an endpoint that names what it raises.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params Error[] errors)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint => Declare(endpoint, errors.Select(e => e.Kind)));
        return builder;
    }

    /// <summary>The kinds of every error <paramref name="catalogue"/> defines (its methods are asked with placeholder values).</summary>
    public static IReadOnlySet<ErrorKind> Kinds(Type catalogue) => KindsByCatalogue.GetOrAdd(catalogue, static type =>
        ErrorCatalogues.ErrorsOf(type).Select(e => e.Kind).ToHashSet());

    private static void Declare(EndpointBuilder endpoint, IEnumerable<ErrorKind> kinds)
    {
        var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).ToHashSet();
        foreach (var status in kinds.Select(Problems.StatusOf).Distinct().Order())
        {
            if (declared.Add(status))
            {
                endpoint.Metadata.Add(new ProducesResponseTypeAttribute(typeof(ProblemDetails), status, "application/problem+json"));
            }
        }
    }

    private static IEnumerable<Type> CataloguesOf(Type? handler)
    {
        // A handler lambda is compiled into a nested class of the use case, in the use case's namespace.
        var space = handler?.Namespace;
        if (space is null || !space.StartsWith("Mikoshi.Features.", StringComparison.Ordinal))
        {
            return [];
        }

        var area = space["Mikoshi.Features.".Length..];
        return ErrorCatalogues.All
            .Where(c => c.Namespace is { } n && (n == $"Mikoshi.Features.{area}" || n == $"Mikoshi.Domain.{area}"))
            .Concat(AlsoRaised.GetValueOrDefault(area, []));
    }
}

/// <summary>The error catalogues of the domain, the store and the host, found by their shape.</summary>
public static class ErrorCatalogues
{
    /// <summary>Every catalogue: a static class named <c>…Errors</c> with a nested <c>Codes</c> class.</summary>
    public static IReadOnlyList<Type> All { get; } =
        new[] { typeof(Error).Assembly, typeof(Data.MikoshiDb).Assembly, typeof(ErrorCatalogues).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Errors", StringComparison.Ordinal)
                && t.GetNestedType("Codes") is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The errors <paramref name="catalogue"/> defines: its properties, and its methods asked with placeholder values
    /// (the code and kind never depend on them).
    /// </summary>
    public static IEnumerable<Error> ErrorsOf(Type catalogue) =>
        catalogue.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(Error))
            .Select(p => (Error)p.GetValue(null)!)
            .Concat(catalogue.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType == typeof(Error) && !m.IsSpecialName)
                .Select(m => (Error)m.Invoke(null, [.. m.GetParameters().Select(p => Placeholder(p.ParameterType))])!));

    /// <summary>A value of <paramref name="type"/> to ask a catalogue's method with.</summary>
    public static object Placeholder(Type type) =>
        type == typeof(int) ? 1 : type == typeof(long) ? 1L : type.IsEnum ? Enum.GetValues(type).GetValue(0)! : "x";
}
