using System.Text;
using Mikoshi.Domain;

namespace Mikoshi.Api;

/// <summary>Cursor paging: an opaque cursor names the last item of the previous page.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed record Page(string? After, int Limit);

    public static Result<Page> Read(string? cursor, int? limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return ApiErrors.InvalidLimit(MaxLimit);
        }

        if (string.IsNullOrEmpty(cursor))
        {
            return new Page(null, limit ?? DefaultLimit);
        }

        try
        {
            // A cursor this API made names a slug or a number: never invalid UTF-8 nor a control character
            // (a NUL would reach the database, and PostgreSQL refuses it in text).
            var after = StrictUtf8.GetString(Convert.FromBase64String(cursor));
            return after.Any(char.IsControl) ? ApiErrors.InvalidCursor : new Page(after, limit ?? DefaultLimit);
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return ApiErrors.InvalidCursor;
        }
    }

    public static string Cursor(string after) => Convert.ToBase64String(Encoding.UTF8.GetBytes(after));
}
