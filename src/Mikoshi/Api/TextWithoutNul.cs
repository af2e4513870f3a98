using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mikoshi.Api;

/// <summary>
/// Refuses a JSON body whose text holds the NUL character (JSON <c>"\u0000"</c>), in any string or list
/// of strings of any object. PostgreSQL cannot store U+0000 in text: a NUL that reached the store was a
/// 500 there (and stored text on SQLite). Refused at the edge, both stores answer alike: a malformed request.
/// A type-info modifier rather than a string converter, so the OpenAPI schemas keep their types.
/// </summary>
public static class TextWithoutNul
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
                if ((read is string text && HasNul(text)) || (read is IEnumerable<string> list && list.Any(HasNul)))
                {
                    throw new JsonException($"Text may not contain the NUL character (U+0000): '{property.Name}'.");
                }
            }
        };
    }

    private static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);
}
