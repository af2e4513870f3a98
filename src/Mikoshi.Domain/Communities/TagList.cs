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

    /// <summary>The tags cleaned, or an error with <paramref name="code"/> naming what was wrong.</summary>
    /// <param name="tags">The tags as given; null is an empty list.</param>
    /// <param name="what">What the tags are, for the message ("skills").</param>
    /// <param name="code">The error code to answer with.</param>
    public static Result<List<string>> Clean(IReadOnlyList<string>? tags, string what, string code)
    {
        var clean = new List<string>();
        foreach (var tag in tags ?? [])
        {
            var trimmed = tag?.Trim() ?? string.Empty;
            if (trimmed.Length is 0 or > MaxTagLength)
            {
                return Error.Of(code, $"Each of your {what} is 1 to {MaxTagLength} characters.");
            }

            if (!clean.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                clean.Add(trimmed);
            }
        }

        return clean.Count > MaxTags ? Error.Of(code, $"List at most {MaxTags} {what}.") : clean;
    }
}
