using System.Globalization;
using Microsoft.Extensions.Localization;
using Mikoshi.Resources;

namespace Mikoshi.Components;

/// <summary>
/// Times as the reader reads them (issue #20): in the reader's time zone (their own setting, else the community's, else
/// Asia/Tokyo), always with the zone's name next to a clock time ("2026/12/06 9:30 JST"), and days typed into forms read
/// as that zone's days. The zone is chosen once per request by <see cref="Features.People.TimeZones.UseReaderZone"/>, like the culture,
/// so every page and component formats through these few methods and none of them restates a zone.
/// </summary>
public static class Times
{
    /// <summary>The zone a community or person has until they choose another.</summary>
    public const string DefaultZoneId = "Asia/Tokyo";

    private static readonly AsyncLocal<TimeZoneInfo?> Reader = new();

    /// <summary>Asia/Tokyo from the system's zone data, or the same fixed UTC+9 (Japan keeps no daylight saving) without it.</summary>
    public static TimeZoneInfo Tokyo { get; } = Find(DefaultZoneId) ?? TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, TimeSpan.FromHours(9), "JST", "JST");

    /// <summary>The zone this request's reader sees times in.</summary>
    public static TimeZoneInfo Zone => Reader.Value ?? Tokyo;

    /// <summary>Sets the zone for the rest of this request (its async flow).</summary>
    public static void UseZone(TimeZoneInfo zone) => Reader.Value = zone;

    /// <summary>An IANA zone id this system knows, or null: what a person or community may choose.</summary>
    /// <remarks>
    /// On Linux an id names a file under the zone data folder: only IANA's letters, digits, _ + - and inner single
    /// slashes are looked up, so no id reads another file ("../", an absolute path).
    /// </remarks>
    public static TimeZoneInfo? Find(string? id) =>
        id is { Length: > 0 and <= Domain.Communities.Community.MaxTimeZoneLength }
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-' or '/')
            && !id.StartsWith('/') && !id.EndsWith('/') && !id.Contains("//", StringComparison.Ordinal) && !id.Contains("..", StringComparison.Ordinal)
            && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : null;

    /// <summary>The zones offered in settings: Japan first, then the ones members abroad most often live in.</summary>
    public static IReadOnlyList<string> Offered { get; } =
    [
        "Asia/Tokyo", "Asia/Seoul", "Asia/Shanghai", "Asia/Taipei", "Asia/Singapore", "Asia/Bangkok", "Australia/Sydney",
        "Pacific/Honolulu", "America/Los_Angeles", "America/New_York", "America/Sao_Paulo", "Europe/London", "Europe/Paris",
        "Europe/Berlin", "UTC",
    ];

    /// <summary>A zone as settings list it ("日本時間（東京）"), or its id when the resources name it not.</summary>
    public static string TimeZoneName(this IStringLocalizer<Ui> t, string id) =>
        t[$"Zone_{id.Replace('/', '_')}"] is { ResourceNotFound: false } named ? named.Value : id;

    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    /// <summary>A day ("2026/12/06"), as the reader's zone counts days.</summary>
    public static string Date(DateTimeOffset at) => Local(at).ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A day and clock time with its zone ("2026/12/06 9:30 JST").</summary>
    public static string DateTime(DateTimeOffset at) => $"{Local(at).ToString("g", CultureInfo.CurrentCulture)} {ZoneName(Zone, at)}";

    /// <summary>A zone's short name: JST for Japan, UTC, otherwise its offset at that moment ("UTC+02:00").</summary>
    public static string ZoneName(TimeZoneInfo zone, DateTimeOffset at)
    {
        if (zone.Id is DefaultZoneId or "Japan")
        {
            return "JST";
        }

        var offset = zone.GetUtcOffset(at);
        return offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? '-' : '+')}{offset:hh\\:mm}";
    }

    /// <summary>Today in the reader's zone.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow()));

    /// <summary>The instant a day typed into a form begins in the reader's zone (a date input has no zone of its own).</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // A zone that skips midnight (a daylight-saving jump) starts that day an hour later.
        while (Zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }
}
