using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mikoshi.Api;

/// <summary>
/// Refuses a JSON body whose text, in any string or list of strings of any object, holds a character no text
/// should: NUL (JSON <c>"\u0000"</c>) — PostgreSQL cannot store U+0000, so it was a 500 there and stored text on
/// SQLite — or the noncharacters U+FFFE and U+FFFF, which Unicode normalization refuses (an email of them was a
/// 500 in Identity's name lookup, found by the fuzzer). Refused at the edge, both stores answer alike: a
/// malformed request. A type-info modifier rather than a string converter, so the OpenAPI schemas keep their types.
/// </summary>
public static class StorableText
{
    /// <summary>The resolver (the framework's default when none) with the refusal added.</summary>
    public static IJsonTypeInfoResolver Applied(IJsonTypeInfoResolver? resolver) =>
        (resolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Refuse);

    public static void Refuse(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var texts = info.Properties
            .Where(p => p.Get is not null && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))
            .ToList();
        if (texts.Count == 0)
        {
            return;
        }

        var earlier = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var property in texts)
            {
                var read = property.Get!(value);
                if ((read is string text && !IsStorable(text)) || (read is IEnumerable<string> list && !list.All(IsStorable)))
                {
                    throw new JsonException($"Text may not contain U+0000, U+FFFE or U+FFFF: '{property.Name}'.");
                }
            }
        };
    }

    private static bool IsStorable(string? text) => text is null || text.AsSpan().IndexOfAny('\0', '\uFFFE', '\uFFFF') < 0;
}
