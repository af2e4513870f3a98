using Microsoft.AspNetCore.Identity;

namespace Mikoshi.Features.Auth;

/// <summary>
/// Identity's name and email normalizer, except that text Unicode cannot normalize (the noncharacter U+FFFE, a
/// lone surrogate) is upper-cased as it is instead of throwing: typed into the sign-in page or the CLI it was a
/// server error; now it is a name nobody has, and the sign-in is simply refused.
/// </summary>
internal sealed class LookupNormalizer : ILookupNormalizer
{
    private static readonly UpperInvariantLookupNormalizer Standard = new();

    /// <summary>User names are email addresses here, so they are normalized as addresses are.</summary>
    public string? NormalizeName(string? name) => Normalize(name?.Trim().TrimEnd('.'), Standard.NormalizeName);

    /// <summary>An address upper-cased, without the trailing dot of a fully qualified domain: <c>name@example.org.</c> is <c>name@example.org</c>.</summary>
    public string? NormalizeEmail(string? email) => Normalize(email?.Trim().TrimEnd('.'), Standard.NormalizeEmail);

    private static string? Normalize(string? text, Func<string?, string?> standard)
    {
        try
        {
            return standard(text);
        }
        catch (ArgumentException)
        {
            return text?.ToUpperInvariant();
        }
    }
}
