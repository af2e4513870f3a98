using Mikoshi.Domain;

namespace Mikoshi.Features.Feeds;

/// <summary>
/// The errors of calendar feeds: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class FeedErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>calendar_not_found</c></summary>
        public const string CalendarNotFound = "calendar_not_found";
    }

    /// <summary>There is no calendar at this address: the link is wrong or was revoked.</summary>
    public static Error CalendarNotFound { get; } = new(Codes.CalendarNotFound, ErrorKind.NotFound);
}
