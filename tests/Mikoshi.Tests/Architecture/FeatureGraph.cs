using Mono.Cecil;

namespace Mikoshi.Tests.Architecture;

/// <summary>
/// Which feature folder uses which, read from the compiled host assembly with Cecil: a type depends on every type
/// its signatures, fields, attributes and method bodies name. Compiler-made types (lambdas, async state machines)
/// count for the type that declares them.
/// </summary>
internal static class FeatureGraph
{
    private const string Features = "Mikoshi.Features.";

    /// <summary>Edges "A → B": some type in Features/A uses some type in Features/B.</summary>
    public static IReadOnlySet<(string From, string To)> Edges(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new HashSet<(string, string)>();
        foreach (var type in module.GetTypes())
        {
            var from = Folder(Outermost(type).Namespace);
            if (from is null)
            {
                continue;
            }

            foreach (var used in Uses(type).SelectMany(Unwrap))
            {
                var to = Folder(Outermost(used).Namespace);
                if (to is not null && to != from)
                {
                    edges.Add((from, to));
                }
            }
        }

        return edges;
    }

    /// <summary>The folders of each cycle (strongly connected parts with more than one folder), Tarjan's way.</summary>
    public static IReadOnlyList<IReadOnlySet<string>> Cycles(IReadOnlySet<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlySet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(to, out var seen))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var part = new HashSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    part.Add(member);
                }
                while (member != node);
                if (part.Count > 1)
                {
                    cycles.Add(part);
                }
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return cycles;
    }

    private static string? Folder(string ns) =>
        ns.StartsWith(Features, StringComparison.Ordinal) ? ns[Features.Length..].Split('.')[0] : null;

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var i in type.Interfaces)
        {
            yield return i.InterfaceType;
        }

        foreach (var a in type.CustomAttributes)
        {
            yield return a.AttributeType;
        }

        foreach (var f in type.Fields)
        {
            yield return f.FieldType;
        }

        foreach (var p in type.Properties)
        {
            yield return p.PropertyType;
        }

        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters)
            {
                yield return p.ParameterType;
            }

            if (!m.HasBody)
            {
                continue;
            }

            foreach (var v in m.Body.Variables)
            {
                yield return v.VariableType;
            }

            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return t;
                        break;
                    case MemberReference member when member.DeclaringType is not null:
                        yield return member.DeclaringType;
                        if (member is MethodReference method)
                        {
                            yield return method.ReturnType;
                        }

                        break;
                }
            }
        }
    }

    /// <summary>The element types inside arrays, generics and by-refs, so List&lt;Foo&gt; counts as Foo.</summary>
    public static IEnumerable<TypeReference> Unwrap(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                yield return generic.ElementType;
                foreach (var argument in generic.GenericArguments.SelectMany(Unwrap))
                {
                    yield return argument;
                }

                break;
            case TypeSpecification specification:
                foreach (var inner in Unwrap(specification.ElementType))
                {
                    yield return inner;
                }

                break;
            default:
                yield return type;
                break;
        }
    }
}
