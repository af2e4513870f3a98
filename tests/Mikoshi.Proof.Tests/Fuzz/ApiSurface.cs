using System.Text.Json;

namespace Mikoshi.Tests.Fuzz;

/// <summary>The shape of a value the API expects, as the OpenAPI document describes it (references resolved).</summary>
public sealed record Shape(string Type, string? Format, Shape? Items, IReadOnlyList<(string Name, Shape Shape)> Properties)
{
    public static readonly Shape Text = new("string", null, null, []);

    public bool IsObject => Type == "object";
}

/// <summary>One operation of the API: method, path template, its path and query parameters, and its JSON body if it takes one.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<(string Name, Shape Shape)> PathParameters, IReadOnlyList<(string Name, Shape Shape)> Query, Shape? Body)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads every operation under /api/v1 from the live OpenAPI document.</summary>
public static class ApiSurface
{
    public static IReadOnlyList<Operation> Read(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Name.StartsWith("/api/v1", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var op in path.Value.EnumerateObject())
            {
                var declared = new Dictionary<string, (string In, Shape Shape)>(StringComparer.Ordinal);
                if (op.Value.TryGetProperty("parameters", out var parameters))
                {
                    foreach (var p in parameters.EnumerateArray())
                    {
                        var shape = p.TryGetProperty("schema", out var schema) ? Resolve(schema, schemas, 0) : Shape.Text;
                        declared[p.GetProperty("name").GetString()!] = (p.GetProperty("in").GetString()!, shape);
                    }
                }

                // A route value that only the access filter reads ({slug}) is in the template but not in "parameters".
                var pathParameters = Placeholders(path.Name)
                    .Select(name => (name, declared.TryGetValue(name, out var d) ? d.Shape : Shape.Text))
                    .ToList();
                var query = declared.Where(d => d.Value.In == "query").Select(d => (d.Key, d.Value.Shape)).ToList();
                Shape? body = null;
                if (op.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var bodySchema))
                {
                    body = Resolve(bodySchema, schemas, 0);
                }

                operations.Add(new Operation(op.Name.ToUpperInvariant(), path.Name, pathParameters, query, body));
            }
        }

        return operations;
    }

    private static IEnumerable<string> Placeholders(string template)
    {
        var at = 0;
        while ((at = template.IndexOf('{', at)) >= 0)
        {
            var end = template.IndexOf('}', at);
            yield return template[(at + 1)..end].Split(':')[0];
            at = end;
        }
    }

    private static Shape Resolve(JsonElement schema, JsonElement schemas, int depth)
    {
        if (depth > 8)
        {
            return Shape.Text;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return schemas.ValueKind == JsonValueKind.Object && schemas.TryGetProperty(name, out var target) ? Resolve(target, schemas, depth + 1) : Shape.Text;
        }

        var type = "string";
        if (schema.TryGetProperty("type", out var t))
        {
            // ["null", "string"] in OpenAPI 3.1: the non-null member is the type.
            type = t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Select(e => e.GetString()!).FirstOrDefault(e => e != "null") ?? "string"
                : t.GetString()!;
        }
        else if (schema.TryGetProperty("properties", out _))
        {
            type = "object";
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var items = schema.TryGetProperty("items", out var i) ? Resolve(i, schemas, depth + 1) : null;
        var properties = schema.TryGetProperty("properties", out var props)
            ? props.EnumerateObject().Select(p => (p.Name, Resolve(p.Value, schemas, depth + 1))).ToList()
            : [];
        return new Shape(type, format, items, properties);
    }
}
