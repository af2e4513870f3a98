using System.Globalization;

namespace Mikoshi.Domain.Identity;

/// <summary>
/// What a display name may hold: 1 to <see cref="MaxLength"/> characters of visible text. Refused: control
/// characters, the bidirectional overrides, embeddings and isolates (U+202A–202E, U+2066–2069) and marks (U+200E/F),
/// which make a name read differently from what it is, and a name with nothing visible (only spaces and zero-width
/// characters), which impersonates "nobody".
/// </summary>
public static class DisplayNameRules
{
    /// <summary>The most characters a display name may have.</summary>
    public const int MaxLength = 100;

    /// <summary>The name trimmed, or why it may not be used.</summary>
    /// <param name="name">The name as typed.</param>
    public static Result<string> Check(string? name)
    {
        var line = BoundedText.Line(name, MaxLength, IdentityErrors.InvalidDisplayName);
        if (!line.IsSuccess)
        {
            return line.Error;
        }

        var trimmed = line.Value.Value;
        if (trimmed.Any(IsDirectionControl))
        {
            return IdentityErrors.InvalidDisplayName;
        }

        return trimmed.Any(IsVisible)
            ? trimmed
            : IdentityErrors.InvalidDisplayName;
    }

    /// <summary>
    /// What a name looks like, for telling two people apart: compatibility-normalized (full-width letters read as
    /// their usual forms), case-folded, invisible characters and spaces dropped. Two names alike here look the same.
    /// </summary>
    /// <param name="name">A stored display name.</param>
    public static string Likeness(string name) =>
        new string((name ?? throw new ArgumentNullException(nameof(name))).Normalize(System.Text.NormalizationForm.FormKC)
            .Where(IsVisible).ToArray()).ToUpperInvariant();

    private static bool IsDirectionControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    private static bool IsVisible(char c) =>
        !char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.Control)
        && c is not ('\u3164' or '\uFFA0' or '\u115F' or '\u1160' or '\u2800');
}
