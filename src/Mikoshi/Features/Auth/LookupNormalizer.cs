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

    public string? NormalizeName(string? name) => Normalize(name, Standard.NormalizeName);

    public string? NormalizeEmail(string? email) => Normalize(email, Standard.NormalizeEmail);

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
