using System.Globalization;
using System.Text;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Fuzz;

/// <summary>One generated request, kept as data so a failure can print exactly what was sent.</summary>
public sealed record FuzzRequest(string Method, string Url, string? ContentType, byte[]? Body, IReadOnlyList<KeyValuePair<string, string>> Headers, string Mutation)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.Remove("Content-Type");
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    /// <summary>What was sent, cut to a readable length.</summary>
    public string Describe()
    {
        static string Cut(string text) => text.Length <= 300 ? text : $"{text[..300]}… ({text.Length} chars)";
        var body = Body is null ? "(no body)" : Cut(Encoding.UTF8.GetString(Body));
        var headers = string.Join("; ", Headers.Select(h => $"{h.Key}: {Cut(h.Value)}"));
        return $"[{Mutation}] {Method} {Cut(Url)}\n  Content-Type: {ContentType ?? "(none)"}\n  Headers: {headers}\n  Body: {body}";
    }
}

/// <summary>The seeded community the fuzzer aims at: plausible values for path parameters and body fields.</summary>
public sealed record FuzzTargets(string Slug, IReadOnlyList<string> PersonIds, long MaxKnownId);

/// <summary>
/// Builds requests for an operation: first a plausible request from the OpenAPI shapes (so the request
/// gets past the parser and reaches the handler's rules), then one hostile mutation of it.
/// Deterministic for a given <see cref="Random"/> sequence.
/// </summary>
public sealed class RequestGenerator(Random random, FuzzTargets targets)
{
    private delegate FuzzRequest Mutation(Operation op, Draft draft);

    private int serial;

    public FuzzRequest Next(Operation op)
    {
        var draft = Plausible(op);
        Mutation[] mutations = op.Body is not null
            ? [FieldOfWrongType, HostileString, NumericString, MissingField, ExtraFields, DeepNesting, RawBody, InvalidUtf8, WrongContentType, NoBody,
               PathParameter, OddQuery, BadIdempotencyKey, OddHeaders, Unchanged, FieldOfWrongType, HostileString, NumericString]
            : [PathParameter, PathParameter, OddQuery, OddQuery, UnexpectedBody, BadIdempotencyKey, OddHeaders, Unchanged, HostileQueryValue];
        return mutations[random.Next(mutations.Length)](op, draft);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private Draft Plausible(Operation op)
    {
        var path = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, shape) in op.PathParameters)
        {
            path[name] = name == "slug" ? targets.Slug
                : name.EndsWith("Id", StringComparison.Ordinal) && shape.Type == "integer" ? random.NextInt64(1, targets.MaxKnownId + 1).ToString(CultureInfo.InvariantCulture)
                : Pick(targets.PersonIds);
        }

        var query = op.Query.Where(_ => random.Next(3) == 0).Select(q => new KeyValuePair<string, string>(q.Name, PlausibleQuery(q.Name, q.Shape))).ToList();
        var body = op.Body is null ? null : PlausibleObject(op.Body);
        return new Draft(path, query, body, op.Method == "POST" && random.Next(2) == 0 ? $"fuzz-{random.Next():x}" : null);
    }

    private string PlausibleQuery(string name, Shape shape) => name switch
    {
        "limit" => random.Next(1, 50).ToString(CultureInfo.InvariantCulture),
        "owner" => Pick(targets.PersonIds),
        "at" => "2026-11-01T00:00:00Z",
        "status" => Pick(new[] { "idea", "forming", "active", "released", "archived" }),
        _ => shape.Type == "integer" ? "1" : "joy",
    };

    private List<KeyValuePair<string, string>> PlausibleObject(Shape shape) =>
        shape.Properties.Where(_ => random.Next(8) != 0).Select(p => new KeyValuePair<string, string>(p.Name, PlausibleValue(p.Name, p.Shape))).ToList();

    private string PlausibleValue(string name, Shape shape)
    {
        switch (shape.Type)
        {
            case "boolean":
                return random.Next(2) == 0 ? "false" : "true";
            case "integer":
                return name switch
                {
                    "threshold" or "share" => "1",
                    "inactivityDays" => "365",
                    "vetoDays" => "30",
                    "supplyCap" => "100",
                    "royaltyBps" => "500",
                    "redemptionRateBps" => "5000",
                    _ => random.NextInt64(1, targets.MaxKnownId + 1).ToString(CultureInfo.InvariantCulture),
                };
            case "array":
                var items = shape.Items ?? Shape.Text;
                var count = random.Next(0, 3);
                return "[" + string.Join(",", Enumerable.Range(0, count).Select(_ => items.IsObject
                    ? Serialize(PlausibleObject(items))
                    : PlausibleValue(name is "successors" ? "personId" : name is "guardians" ? "personId" : name, items))) + "]";
            case "object":
                return Serialize(PlausibleObject(shape));
        }

        var text = name switch
        {
            "personId" or "to" or "spender" or "owner" => Pick(targets.PersonIds),
            "amount" or "price" or "maxPrice" or "mintBasePrice" or "mintPriceSlope" => random.Next(1, 5000).ToString(CultureInfo.InvariantCulture),
            "asset" or "baseAsset" => Pick(new[] { "JPY", "ETH", "USDC" }),
            "assets" => "ETH",
            "slug" => $"fz{random.Next():x}",
            "email" => $"fz{random.Next():x}@example.jp",
            "password" => Person.Password,
            "role" => Pick(new[] { "illustrator", "lead", "editor" }),
            "roles" => Pick(new[] { "treasurer", "admin" }),
            "status" => Pick(new[] { "forming", "active", "released", "archived" }),
            "evidenceUrl" => "https://example.jp/work",
            "occurredAt" or "at" => "2026-11-01T00:00:00Z",
            "values" or "skills" or "loves" or "neededSkills" => Pick(new[] { "joy", "craft", "drawing" }),
            _ => $"fuzz {name} {serial++}",
        };
        return Hostile.Literal(text);
    }

    private static string Serialize(IEnumerable<KeyValuePair<string, string>> fields) =>
        "{" + string.Join(",", fields.Select(f => $"{Hostile.Literal(f.Key)}:{f.Value}")) + "}";

    private FuzzRequest Build(Operation op, Draft draft, string mutation, string? body = null, string? contentType = "application/json",
        byte[]? rawBody = null, IEnumerable<KeyValuePair<string, string>>? headers = null, string? queryString = null)
    {
        var url = new StringBuilder(op.Path.Length + 64);
        var template = op.Path;
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                url.Append(template, at, template.Length - at);
                break;
            }

            url.Append(template, at, open - at);
            var close = template.IndexOf('}', open);
            var name = template[(open + 1)..close].Split(':')[0];
            url.Append(draft.Path[name]);
            at = close + 1;
        }

        url.Append(queryString ?? (draft.Query.Count == 0 ? string.Empty
            : "?" + string.Join("&", draft.Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"))));
        var allHeaders = new List<KeyValuePair<string, string>>();
        if (draft.IdempotencyKey is not null)
        {
            allHeaders.Add(new("Idempotency-Key", draft.IdempotencyKey));
        }

        allHeaders.AddRange(headers ?? []);
        var bytes = rawBody ?? (body is not null ? Encoding.UTF8.GetBytes(body)
            : draft.Body is not null ? Encoding.UTF8.GetBytes(Serialize(draft.Body)) : null);
        return new FuzzRequest(op.Method, url.ToString(), bytes is null ? null : contentType, bytes, allHeaders, mutation);
    }

    private (Draft Draft, string Field)? WithField(Draft draft, Func<string, string> value)
    {
        if (draft.Body is null || draft.Body.Count == 0)
        {
            return null;
        }

        var fields = draft.Body.ToList();
        var index = random.Next(fields.Count);
        fields[index] = new(fields[index].Key, value(fields[index].Value));
        return (draft with { Body = fields }, fields[index].Key);
    }

    private FuzzRequest FieldOfWrongType(Operation op, Draft draft)
    {
        string[] wrong =
        [
            Pick(Hostile.RawNumbers), "true", "null", "{}", "[]", "[null]", "[[1]]", "{\"a\":1}", "\"\"", Hostile.Literal(Pick(Hostile.Strings)),
            "[" + string.Join(",", Enumerable.Repeat("\"joy\"", 10_000)) + "]", "[" + Hostile.Literal(new string('x', Hostile.HugeLength)) + "]",
        ];
        var changed = WithField(draft, _ => Pick(wrong));
        return changed is { } c ? Build(op, c.Draft, $"wrong type in {c.Field}") : Build(op, draft, "wrong type (no fields)", body: Pick(wrong));
    }

    private FuzzRequest HostileString(Operation op, Draft draft)
    {
        var changed = WithField(draft, _ => random.Next(4) == 0 ? Pick(Hostile.RawStringLiterals) : Hostile.Literal(Pick(Hostile.Strings)));
        return changed is { } c ? Build(op, c.Draft, $"hostile string in {c.Field}") : Build(op, draft, "hostile string body", body: Hostile.Literal(Pick(Hostile.Strings)));
    }

    private FuzzRequest NumericString(Operation op, Draft draft)
    {
        var changed = WithField(draft, old => old.StartsWith('"') || random.Next(3) == 0 ? Hostile.Literal(Pick(Hostile.NumericStrings)) : Pick(Hostile.RawNumbers));
        return changed is { } c ? Build(op, c.Draft, $"numeric oddity in {c.Field}") : Build(op, draft, "numeric body", body: Pick(Hostile.RawNumbers));
    }

    private FuzzRequest MissingField(Operation op, Draft draft)
    {
        if (draft.Body is null || draft.Body.Count == 0)
        {
            return Build(op, draft, "empty object", body: "{}");
        }

        var keep = draft.Body.Where(_ => random.Next(2) == 0).ToList();
        return Build(op, draft with { Body = keep }, $"kept {keep.Count} of {draft.Body.Count} fields");
    }

    private FuzzRequest ExtraFields(Operation op, Draft draft)
    {
        var fields = (draft.Body ?? []).ToList();
        KeyValuePair<string, string>[] extras =
        [
            new("__proto__", "{\"admin\":true}"), new("$type", "\"System.IO.FileInfo, System.IO.FileSystem\""), new("isAdmin", "true"),
            new("id", "1"), new("personId", Hostile.Literal(Guid.Empty.ToString())), new(new string('k', 10_000), "1"), new("", "\"\""),
            new("\u0000", "0"), new("communityId", "\"00000000-0000-0000-0000-000000000000\""),
        ];
        fields.Add(Pick(extras));
        if (fields.Count > 1 && random.Next(2) == 0)
        {
            // The same key twice, the second with a hostile value: which one wins must not matter to safety.
            var duplicate = fields[random.Next(fields.Count - 1)];
            fields.Add(new(duplicate.Key, Hostile.Literal(Pick(Hostile.NumericStrings))));
        }

        return Build(op, draft with { Body = fields }, "extra or duplicate fields");
    }

    private FuzzRequest DeepNesting(Operation op, Draft draft)
    {
        var depth = Pick(new[] { 10, 63, 64, 65, 1000, 50_000 });
        var nested = Hostile.Nested(depth, random.Next(2) == 0);
        var changed = random.Next(2) == 0 ? WithField(draft, _ => nested) : null;
        return changed is { } c ? Build(op, c.Draft, $"nested {depth} deep in {c.Field}") : Build(op, draft, $"body nested {depth} deep", body: nested);
    }

    private FuzzRequest RawBody(Operation op, Draft draft)
    {
        var body = Pick(Hostile.RawBodies);
        return Build(op, draft, "not the JSON wanted", body: body);
    }

    private FuzzRequest InvalidUtf8(Operation op, Draft draft)
    {
        byte[][] bad = [[0xFF, 0xFE], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE3, 0x81]];
        var inside = Encoding.UTF8.GetBytes("{\"" + (op.Body!.Properties.Count > 0 ? op.Body.Properties[0].Name : "a") + "\":\"");
        var raw = random.Next(3) == 0 ? Pick(bad) : [.. inside, .. Pick(bad), .. "\"}"u8.ToArray()];
        return Build(op, draft, "invalid UTF-8", rawBody: raw);
    }

    private FuzzRequest WrongContentType(Operation op, Draft draft) =>
        Build(op, draft, "wrong Content-Type", contentType: Pick(Hostile.ContentTypes));

    private FuzzRequest NoBody(Operation op, Draft draft) =>
        random.Next(2) == 0
            ? Build(op, draft with { Body = null }, "no body")
            : Build(op, draft, "body without Content-Type", contentType: null);

    private FuzzRequest UnexpectedBody(Operation op, Draft draft) =>
        Build(op, draft, "body where none is expected", body: random.Next(2) == 0 ? "{\"a\":1}" : Pick(Hostile.RawBodies));

    private FuzzRequest PathParameter(Operation op, Draft draft)
    {
        if (op.PathParameters.Count == 0)
        {
            return OddQuery(op, draft);
        }

        var name = Pick(op.PathParameters).Name;
        var path = new Dictionary<string, string>(draft.Path, StringComparer.Ordinal) { [name] = Pick(Hostile.PathSegments) };
        return Build(op, draft with { Path = path }, $"path {name}");
    }

    private FuzzRequest OddQuery(Operation op, Draft draft) =>
        Build(op, draft, "odd query", queryString: Pick(Hostile.QueryStrings));

    private FuzzRequest HostileQueryValue(Operation op, Draft draft)
    {
        if (op.Query.Count == 0)
        {
            return OddQuery(op, draft);
        }

        var name = Pick(op.Query).Name;
        var value = random.Next(2) == 0 ? Pick(Hostile.NumericStrings) : Pick(Hostile.Strings);
        string encoded;
        try
        {
            encoded = Uri.EscapeDataString(value);
        }
        catch (UriFormatException)
        {
            // Text that cannot be escaped (a lone surrogate) still arrives as its raw UTF-8 bytes would.
            encoded = "%ED%A0%80";
        }

        return Build(op, draft, $"query {name}", queryString: $"?{name}={encoded}");
    }

    private FuzzRequest BadIdempotencyKey(Operation op, Draft draft)
    {
        var key = Pick(Hostile.IdempotencyKeys);
        var headers = new List<KeyValuePair<string, string>> { new("Idempotency-Key", key) };
        if (random.Next(4) == 0)
        {
            headers.Add(new("Idempotency-Key", "second"));
        }

        return Build(op, draft with { IdempotencyKey = null }, "bad Idempotency-Key", headers: headers);
    }

    private FuzzRequest OddHeaders(Operation op, Draft draft)
    {
        KeyValuePair<string, string>[] odd =
        [
            new("Accept-Language", "xx-INVALID;q=abc, *;q=2"), new("Accept-Language", new string('a', 8000)), new("Accept", "text/html"),
            new("Accept", "application/xml"), new("Authorization", "Bearer "), new("Authorization", "Bearer " + new string('A', 4000)),
            new("Authorization", "Basic Zm9vOmJhcg=="), new("Cookie", "mikoshi=garbage"), new("X-Forwarded-For", "<script>"),
            new("Content-Length", "0"), new("Origin", "http://evil.invalid"),
        ];
        return Build(op, draft, "odd header", headers: [Pick(odd)]);
    }

    private FuzzRequest Unchanged(Operation op, Draft draft) => Build(op, draft, "plausible");

    private sealed record Draft(Dictionary<string, string> Path, List<KeyValuePair<string, string>> Query, List<KeyValuePair<string, string>>? Body, string? IdempotencyKey);
}
