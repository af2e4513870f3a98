namespace Mikoshi.Domain;

/// <summary>
/// The errors of errors any area may raise: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class CommonErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>forbidden</c></summary>
        public const string Forbidden = "forbidden";

        /// <summary><c>not_found</c></summary>
        public const string NotFound = "not_found";
    }

    /// <summary>Your role in this community does not allow this (it needs a treasurer, an admin or a member).</summary>
    public static Error Forbidden { get; } = new(Codes.Forbidden, ErrorKind.Forbidden);

    /// <summary>Nothing is on file here for this request.</summary>
    public static Error NotFound { get; } = new(Codes.NotFound, ErrorKind.NotFound);
}
