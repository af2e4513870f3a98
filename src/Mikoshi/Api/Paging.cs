using System.Text;
using Mikoshi.Domain;

namespace Mikoshi.Api;

/// <summary>Cursor paging: an opaque cursor names the last item of the previous page.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public sealed record Page(string? After, int Limit);

    public static Result<Page> Read(string? cursor, int? limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Error.Of("invalid_limit", $"limit is 1 to {MaxLimit}.");
        }

        if (string.IsNullOrEmpty(cursor))
        {
            return new Page(null, limit ?? DefaultLimit);
        }

        try
        {
            return new Page(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), limit ?? DefaultLimit);
        }
        catch (FormatException)
        {
            return Error.Of("invalid_cursor", "That cursor did not come from this API.");
        }
    }

    public static string Cursor(string after) => Convert.ToBase64String(Encoding.UTF8.GetBytes(after));
}
