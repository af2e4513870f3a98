namespace Mikoshi.Domain.Matching;

/// <summary>
/// The errors of matching and reputation: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class MatchingErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>invalid_half_life</c></summary>
        public const string InvalidHalfLife = "invalid_half_life";

        /// <summary><c>work_not_found</c></summary>
        public const string WorkNotFound = "work_not_found";
    }

    /// <summary>A reputation half-life is 7 to 3650 days.</summary>
    public static Error InvalidHalfLife { get; } = new(Codes.InvalidHalfLife, ErrorKind.Invalid);

    /// <summary>There is no such work.</summary>
    public static Error WorkNotFound { get; } = new(Codes.WorkNotFound, ErrorKind.NotFound);
}
