namespace Mikoshi.Domain.Communities;

/// <summary>
/// A list of free tags (skills, loves, values): each 1 to <see cref="MaxTagLength"/> characters,
/// at most <see cref="MaxTags"/>, trimmed and de-duplicated ignoring case in the order given.
/// Profiles and projects share these limits.
/// </summary>
public static class TagList
{
    /// <summary>The most tags one list may hold.</summary>
    public const int MaxTags = 30;

    /// <summary>The longest tag, in characters.</summary>
    public const int MaxTagLength = 40;

    /// <summary>The tags cleaned, or <paramref name="invalid"/> when one is empty or too long or there are too many.</summary>
    /// <param name="tags">The tags as given; null is an empty list.</param>
    /// <param name="invalid">The error to answer with, from the caller's catalogue.</param>
    public static Result<List<string>> Clean(IReadOnlyList<string>? tags, Error invalid)
    {
        var clean = new List<string>();
        foreach (var tag in tags ?? [])
        {
            var line = BoundedText.Line(tag, MaxTagLength, invalid);
            if (!line.IsSuccess)
            {
                return line.Error;
            }

            var trimmed = line.Value.Value;

            if (!clean.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                clean.Add(trimmed);
            }
        }

        return clean.Count > MaxTags ? invalid : clean;
    }
}
