using System.Text;

namespace Mikoshi.Tests.Fuzz;

/// <summary>
/// The hostile material the fuzzer draws from. JSON values are kept as raw JSON text, so a body can carry
/// what no serializer would write: lone surrogates as escapes, duplicate keys, numbers beyond every type.
/// </summary>
public static class Hostile
{
    public const int HugeLength = 100 * 1024;

    /// <summary>Text a person could type into a field, each meant to break something: markup, scripts, encodings, sizes.</summary>
    public static readonly string[] Strings =
    [
        "<script>window.__pwned=1</script>",
        "\"><svg onload=window.__pwned=1>",
        "<img src=x onerror=window.__pwned=1>",
        "javascript:window.__pwned=1",
        "' OR 1=1 --",
        "'; DROP TABLE \"AspNetUsers\"; --",
        "{{7*7}} ${7*7} <%= 7*7 %>",
        "%s%s%s%n%x",
        "../../../../etc/passwd",
        "\u202Eevil\u202C",
        "مرحبا بالعالم",
        "\u200B\u200C\u200D\uFEFF",
        "\u0000",
        "a\u0000b",
        "\u0001\u0007\u001b[31m\u007f",
        "line\r\nX-Injected: 1",
        "👨‍👩‍👧‍👦🏳️‍🌈",
        "e" + new string('\u0301', 500),
        "神輿 みんなの",
        "",
        "   ",
        "\t\n",
        "null",
        "undefined",
        new string('a', HugeLength),
        string.Concat(Enumerable.Repeat("😀", HugeLength / 2)),
        new string('<', 5000),
    ];

    /// <summary>Strings for fields that hold amounts or counts: every way a number can be written wrong.</summary>
    public static readonly string[] NumericStrings =
    [
        "-1", "0", "-0", "1.5", "1e400", "1E3", "+1", " 1", "1 ", "0x10", "1_000", "1,000", "NaN", "Infinity", "-Infinity",
        "٣", "١٢٣", "１２３", "۳", "00000000001", "1" + new string('0', 40), "-" + "1" + new string('0', 40),
        "170141183460469231731687303715884105727", "170141183460469231731687303715884105728",
        "-170141183460469231731687303715884105729", "999999999999999999999999999", "1000000000000000000000000000",
        "9223372036854775807", "9223372036854775808", "2147483648", "4294967296", "1.000000000000000000000001",
        new string('9', 5000),
    ];

    /// <summary>Raw JSON string literals with escapes no serializer writes for valid text.</summary>
    public static readonly string[] RawStringLiterals =
    [
        "\"\\ud800\"", "\"\\udfff\"", "\"a\\ud800b\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\u202e\\u0000<script>\"",
        "\"\\/\\/\"", "\"\\uFFFF\\uFFFE\"",
    ];

    /// <summary>Raw JSON numbers, many beyond what their field's type can hold.</summary>
    public static readonly string[] RawNumbers =
    [
        "-1", "0", "-0", "1.5", "1e400", "-1e400", "1E2", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "1" + new string('0', 40), "0.0000000000000000000000001", "123456789012345678901234567890",
    ];

    /// <summary>Whole bodies that are not JSON, or not the JSON the endpoint wants.</summary>
    public static readonly string[] RawBodies =
    [
        "", " ", "{", "}", "{\"a\":", "{\"a\" 1}", "{'a': 1}", "{a: 1}", "{\"a\":1,}", "[1,]", "{} {}", "{}garbage",
        "/* comment */ {}", "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": undefined}", "null", "true", "0", "\"text\"", "[]",
        "[{}]", "\uFEFF{}", "{\"\\ud800\": 1}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}",
        "<?xml version=\"1.0\"?><a/>", "a=1&b=2", "\u0000", "{\"a\":\"\u0001\"}",
    ];

    /// <summary>
    /// Values for a route segment that stands for a number or a name. No %00: Kestrel answers a path with
    /// a NUL itself (400, before the app runs), and the in-process test server refuses to send one.
    /// </summary>
    public static readonly string[] PathSegments =
    [
        "-1", "0", "9223372036854775807", "9223372036854775808", "1" + new string('0', 40), "abc", "1e3", "1.5", "٣", "0x1",
        "%20", "%01", "%2F", "..", "%2e%2e", "%252F", "%E2%80%AE", "%ED%A0%80", "%FF", "unknown-slug", "UPPER", "a%20b",
        "<script>", "%3Cscript%3E", new string('a', 10_000), "00000000-0000-0000-0000-000000000000", "null", "~", "'", "%22",
    ];

    /// <summary>Query strings appended whatever the operation declares.</summary>
    public static readonly string[] QueryStrings =
    [
        "?", "?&&&", "?a", "?=", "?limit=-1", "?limit=0", "?limit=501", "?limit=2147483648", "?limit=abc", "?limit=1&limit=2",
        "?cursor=%%%", "?cursor=!!!", "?cursor=" + new string('A', 10_000), "?cursor=AAAA", "?cursor=%00",
        "?at=not-a-date", "?at=0001-01-01T00:00:00Z", "?at=9999-12-31T23:59:59%2B14:00", "?at=-1",
        "?status=%3Cscript%3E", "?owner=%ED%A0%80", "?q=" + new string('x', 10_000), "?skill=&value=&q=",
        "?q=%25", "?q=%27%20OR%201%3D1", "?a[b][c]=1", "?__proto__=1", "?culture=xx-INVALID&ui-culture=%00",
    ];

    /// <summary>Idempotency-Key headers a client should never send.</summary>
    public static readonly string[] IdempotencyKeys =
    [
        "", " ", new string('k', 10 * 1024), "key\u0001", "key\u007f", "キー", "\u202Ekey", "a", "%00", "key with spaces",
    ];

    public static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=utf-16", "application/json; charset=latin1", "application/json; charset=bogus",
        "APPLICATION/JSON", "application/problem+json", "application/json-seq", "a/b/c", "application/json;;;", "*/*",
    ];

    /// <summary>A JSON string literal for text, escaping only what JSON requires (so markup and non-ASCII go through as they are).</summary>
    public static string Literal(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case < ' ': json.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }

        return json.Append('"').ToString();
    }

    /// <summary>Arrays (or objects) nested <paramref name="depth"/> deep: past the parser's limit when deep enough.</summary>
    public static string Nested(int depth, bool objects) =>
        objects
            ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
            : new string('[', depth) + "1" + new string(']', depth);
}
