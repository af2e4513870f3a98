namespace Mikoshi.Domain;

/// <summary>
/// What kind of refusal an error is. The host maps each kind to one HTTP status (src/Mikoshi/Api/Problems.cs);
/// the domain knows nothing of HTTP.
/// </summary>
public enum ErrorKind
{
    /// <summary>The request is well formed but breaks a rule (422).</summary>
    Invalid,

    /// <summary>The request itself cannot be read: bad syntax, a missing header, a malformed signature (400).</summary>
    Malformed,

    /// <summary>Nobody is signed in, or the credentials do not prove who is asking (401).</summary>
    Unauthenticated,

    /// <summary>The caller is known but may not do this (403).</summary>
    Forbidden,

    /// <summary>What the request names does not exist, or is not visible to the caller (404).</summary>
    NotFound,

    /// <summary>The request clashes with the current state: taken, already done, locked, changed meanwhile (409).</summary>
    Conflict,

    /// <summary>The body is larger than the server accepts (413).</summary>
    TooLarge,

    /// <summary>The body is not in a media type the endpoint reads (415).</summary>
    UnsupportedMediaType,

    /// <summary>The method is not allowed on this path (405).</summary>
    MethodNotAllowed,

    /// <summary>Too many requests; wait before trying again (429).</summary>
    RateLimited,

    /// <summary>A service we depend on did not answer (503).</summary>
    Unavailable,

    /// <summary>A service we depend on refused what we sent (502).</summary>
    UpstreamRefused,

    /// <summary>A service we depend on did not finish in time (504).</summary>
    UpstreamTimeout,

    /// <summary>A failure on our side; nothing was changed (500).</summary>
    Internal,
}

/// <summary>
/// An expected failure: something a caller asked for that the rules do not allow. Each error is defined once in
/// its area's catalogue (<c>ProjectErrors</c>, <c>MembershipErrors</c>, …) with a stable <see cref="Code"/>
/// (the problem+json <c>code</c>), a <see cref="Kind"/> and the values its text needs (<see cref="Arguments"/>);
/// the sentences, in English and Japanese, live in the host's resource files under <see cref="Text"/>.
/// </summary>
public sealed class Error
{
    /// <summary>An error whose text is the one filed under its code.</summary>
    /// <param name="code">A stable snake_case code such as <c>insufficient_funds</c>.</param>
    /// <param name="kind">What kind of refusal it is.</param>
    /// <param name="arguments">The values the text shows, in the order of its placeholders.</param>
    public Error(string code, ErrorKind kind, params object[] arguments)
        : this(code, kind, code, arguments)
    {
    }

    private Error(string code, ErrorKind kind, string text, object[] arguments)
    {
        Code = code;
        Kind = kind;
        Text = text;
        Arguments = arguments;
    }

    /// <summary>The stable, machine-readable code.</summary>
    public string Code { get; }

    /// <summary>What kind of refusal this is.</summary>
    public ErrorKind Kind { get; }

    /// <summary>The key of its text in the resource files: the code, or <c>code.case</c> for a more specific sentence.</summary>
    public string Text { get; }

    /// <summary>The values its text shows (limits, amounts, names), in the order of the text's placeholders.</summary>
    public IReadOnlyList<object> Arguments { get; }

    /// <summary>An error of <paramref name="code"/> whose text is the more specific one filed under <c>code.case</c>.</summary>
    public static Error Case(string code, string @case, ErrorKind kind, params object[] arguments) =>
        new(code, kind, $"{code}.{@case}", arguments);

    /// <summary>The code and its values, for logs and exception messages (people read the texts).</summary>
    public override string ToString() =>
        Arguments.Count == 0 ? Code : $"{Code} ({string.Join(", ", Arguments)})";
}
