namespace Mikoshi.Domain.Identity;

/// <summary>The parts of RFC 3986 that EIP-4361 builds on: schemes, authorities, URIs and their character classes.</summary>
internal static class Rfc3986
{
    public static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    public static bool IsSubDelim(char c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    public static bool IsGenDelim(char c) => c is ':' or '/' or '?' or '#' or '[' or ']' or '@';

    public static bool IsReserved(char c) => IsGenDelim(c) || IsSubDelim(c);

    /// <summary>A pchar, with a percent sign allowed (its two hex digits are checked where a whole string is).</summary>
    public static bool IsPchar(char c) => IsUnreserved(c) || IsSubDelim(c) || c is ':' or '@' or '%';

    /// <summary>Zero or more pchars, every percent sign followed by two hex digits.</summary>
    public static bool IsPchars(string s) => s.All(IsPchar) && PercentsAreEncodings(s);

    /// <summary><c>ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )</c>.</summary>
    public static bool IsScheme(string? s) =>
        s is { Length: > 0 } && char.IsAsciiLetter(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');

    /// <summary><c>[ userinfo "@" ] host [ ":" port ]</c> with a host that is not empty.</summary>
    public static bool IsAuthority(string? s)
    {
        if (string.IsNullOrEmpty(s) || !PercentsAreEncodings(s))
        {
            return false;
        }

        var rest = s;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            if (!rest[..at].All(c => IsUnreserved(c) || IsSubDelim(c) || c is ':' or '%'))
            {
                return false;
            }

            rest = rest[(at + 1)..];
        }

        string host;
        string? port = null;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = rest[..(close + 1)];
            var inner = host[1..^1];
            if (inner.Length == 0 || !inner.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.' || IsUnreserved(c) || IsSubDelim(c)))
            {
                return false;
            }

            var after = rest[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    return false;
                }

                port = after[1..];
            }
        }
        else
        {
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? rest : rest[..colon];
            port = colon < 0 ? null : rest[(colon + 1)..];
            if (!host.All(c => IsUnreserved(c) || IsSubDelim(c) || c == '%'))
            {
                return false;
            }
        }

        return host.Length > 0 && (port is null || port.All(char.IsAsciiDigit));
    }

    /// <summary>
    /// <c>scheme ":" hier-part [ "?" query ] [ "#" fragment ]</c>: a scheme, then only RFC 3986 characters
    /// (percent signs followed by two hex digits), at most one <c>#</c>, and an authority after <c>//</c> that
    /// is one; .NET must also read it as an absolute URI.
    /// </summary>
    public static bool IsUri(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return false;
        }

        var colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(s[..colon]) || !PercentsAreEncodings(s))
        {
            return false;
        }

        var rest = s[(colon + 1)..];
        if (!rest.All(c => IsUnreserved(c) || IsReserved(c) || c == '%') || rest.Count(c => c == '#') > 1)
        {
            return false;
        }

        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        var beforeFragment = fragment < 0 ? rest : rest[..fragment];
        if (beforeFragment.AsSpan().ContainsAny('[', ']') && !beforeFragment.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }

        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.AsSpan(2).IndexOfAny('/', '?', '#');
            var authority = end < 0 ? rest[2..] : rest.Substring(2, end);
            if (authority.Length > 0 && !IsAuthority(authority))
            {
                return false;
            }
        }

        return System.Uri.TryCreate(s, UriKind.Absolute, out _);
    }

    private static bool PercentsAreEncodings(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2])))
            {
                return false;
            }
        }

        return true;
    }
}
