using System.Globalization;
using System.Text;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Domain.Identity;

/// <summary>
/// A Sign-In with Ethereum message (EIP-4361): the plain text a wallet shows and signs with <c>personal_sign</c>.
/// <see cref="Parse"/> accepts exactly the spec's ABNF (one LF between lines, no trailing LF, fields in their
/// order) and <see cref="ToString"/> writes it, so <c>Parse(m.ToString())</c> equals <c>m</c>. Two messages are
/// equal when their texts are.
/// </summary>
public sealed class SiweMessage : IEquatable<SiweMessage>
{
    /// <summary>The only version this format has.</summary>
    public const string CurrentVersion = "1";

    private const string VersionLine = "Version: " + CurrentVersion;

    /// <summary>The longest message accepted, in characters: far above any real sign-in, far below a denial of service.</summary>
    public const int MaxLength = 8_192;

    /// <summary>The fewest characters a nonce has (the spec's 8 alphanumerics).</summary>
    public const int MinNonceLength = 8;

    private const string HeaderSuffix = " wants you to sign in with your Ethereum account:";

    private readonly string text;

    private SiweMessage(
        string? scheme, string domain, EthAddress address, string? statement, string uri, long chainId, string nonce,
        DateTimeOffset issuedAt, DateTimeOffset? expirationTime, DateTimeOffset? notBefore, string? requestId, IReadOnlyList<string> resources)
    {
        Scheme = scheme;
        Domain = domain;
        Address = address;
        Statement = statement;
        Uri = uri;
        ChainId = chainId;
        Nonce = nonce;
        IssuedAt = issuedAt;
        ExpirationTime = expirationTime;
        NotBefore = notBefore;
        RequestId = requestId;
        Resources = resources;
        text = Format();
    }

    /// <summary>The URI scheme of the requesting origin (<c>https</c>), or null when the message leaves it implicit.</summary>
    public string? Scheme { get; }

    /// <summary>The RFC 3986 authority that asks for the signature: <c>host</c> or <c>host:port</c>.</summary>
    public string Domain { get; }

    /// <summary>The address that signs.</summary>
    public EthAddress Address { get; }

    /// <summary>What the person agrees to, in ASCII without line breaks; null when there is none (empty is a statement).</summary>
    public string? Statement { get; }

    /// <summary>The RFC 3986 URI of what the signature is about.</summary>
    public string Uri { get; }

    /// <summary>The EIP-155 chain id the session is bound to; zero or more.</summary>
    public long ChainId { get; }

    /// <summary>At least 8 ASCII letters and digits chosen by the server, so a signature is good for one sign-in.</summary>
    public string Nonce { get; }

    /// <summary>When the message was made.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>When the signature stops being good, if ever.</summary>
    public DateTimeOffset? ExpirationTime { get; }

    /// <summary>When the signature starts being good, if later than it was made.</summary>
    public DateTimeOffset? NotBefore { get; }

    /// <summary>An identifier of the sign-in request (RFC 3986 <c>pchar</c>s), or null.</summary>
    public string? RequestId { get; }

    /// <summary>RFC 3986 URIs the person wants resolved as part of signing in; often empty.</summary>
    public IReadOnlyList<string> Resources { get; }

    /// <summary>
    /// A message from its fields, each checked against the EIP-4361 ABNF; fails with <c>invalid_siwe_message</c>
    /// naming the field. The address is written in its EIP-55 form.
    /// </summary>
    /// <param name="domain">RFC 3986 authority.</param>
    /// <param name="address">The signer.</param>
    /// <param name="uri">RFC 3986 URI.</param>
    /// <param name="chainId">Zero or more.</param>
    /// <param name="nonce">At least 8 ASCII letters and digits.</param>
    /// <param name="issuedAt">When it was made.</param>
    /// <param name="statement">ASCII reserved and unreserved characters and spaces, or null.</param>
    /// <param name="expirationTime">Optional.</param>
    /// <param name="notBefore">Optional.</param>
    /// <param name="requestId">RFC 3986 pchars, or null.</param>
    /// <param name="resources">RFC 3986 URIs, or null for none.</param>
    /// <param name="scheme">An RFC 3986 scheme, or null to leave it implicit.</param>
    public static Result<SiweMessage> Create(
        string domain, EthAddress address, string uri, long chainId, string nonce, DateTimeOffset issuedAt,
        string? statement = null, DateTimeOffset? expirationTime = null, DateTimeOffset? notBefore = null,
        string? requestId = null, IReadOnlyList<string>? resources = null, string? scheme = null)
    {
        var problem = scheme is not null && !Rfc3986.IsScheme(scheme) ? "The scheme is not an RFC 3986 scheme."
            : !Rfc3986.IsAuthority(domain) ? "The domain is not an RFC 3986 authority (host, or host:port)."
            : statement is not null && !IsStatement(statement) ? "A statement is ASCII letters, digits, spaces and RFC 3986 reserved or unreserved characters, on one line."
            : !Rfc3986.IsUri(uri) ? "The URI is not an RFC 3986 URI."
            : chainId < 0 ? "A chain id is zero or more."
            : !IsNonce(nonce) ? $"A nonce is at least {MinNonceLength} ASCII letters and digits."
            : requestId is not null && !Rfc3986.IsPchars(requestId) ? "A request id is RFC 3986 pchars."
            : resources is not null && resources.Any(r => !Rfc3986.IsUri(r)) ? "Every resource is an RFC 3986 URI."
            : null;
        if (problem is not null)
        {
            return Invalid(problem);
        }

        var message = new SiweMessage(scheme, domain, address, statement, uri, chainId, nonce, issuedAt, expirationTime, notBefore, requestId, [.. resources ?? []]);
        return message.text.Length > MaxLength ? Invalid($"A message is at most {MaxLength} characters.") : message;
    }

    /// <summary>
    /// Reads a message exactly as the EIP-4361 ABNF writes it. Fails with <c>invalid_siwe_message</c> and the
    /// line at fault: a CR or a trailing LF, a field out of order or missing, an address not in its EIP-55
    /// checksummed form, a version other than 1, a date that is not RFC 3339, a statement with characters the
    /// ABNF leaves out.
    /// </summary>
    /// <param name="text">The message as signed.</param>
    public static Result<SiweMessage> Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Invalid("A Sign-In with Ethereum message is required.");
        }

        if (text.Length > MaxLength)
        {
            return Invalid($"A message is at most {MaxLength} characters.");
        }

        var lines = text.Split('\n');
        var at = 0;
        string? Next() => at < lines.Length ? lines[at++] : null;

        var header = Next()!;
        if (!header.EndsWith(HeaderSuffix, StringComparison.Ordinal))
        {
            return Invalid($"Line 1 ends with \"{HeaderSuffix}\".");
        }

        var origin = header[..^HeaderSuffix.Length];
        string? scheme = null;
        var domain = origin;
        var separator = origin.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            scheme = origin[..separator];
            domain = origin[(separator + 3)..];
            if (!Rfc3986.IsScheme(scheme))
            {
                return Invalid("Line 1: the scheme is not an RFC 3986 scheme.");
            }
        }

        if (!Rfc3986.IsAuthority(domain))
        {
            return Invalid("Line 1: the domain is not an RFC 3986 authority (host, or host:port).");
        }

        var addressText = Next();
        var address = EthAddress.Parse(addressText);
        if (!address.IsSuccess || addressText != address.Value.ToString())
        {
            return Invalid("Line 2 is the signing address, 0x and 40 hex digits in its EIP-55 checksummed form.");
        }

        if (Next() != string.Empty)
        {
            return Invalid("Line 3 is empty.");
        }

        string? statement = null;
        var line = Next();
        if (line is null)
        {
            return Invalid("The message ends before its URI.");
        }

        if (!(line.Length == 0 && at < lines.Length && lines[at].StartsWith("URI: ", StringComparison.Ordinal)))
        {
            statement = line;
            if (!IsStatement(statement))
            {
                return Invalid("The statement is ASCII letters, digits, spaces and RFC 3986 reserved or unreserved characters.");
            }

            if (Next() != string.Empty)
            {
                return Invalid("An empty line follows the statement.");
            }
        }

        var uri = Field(Next(), "URI: ");
        if (uri is null || !Rfc3986.IsUri(uri))
        {
            return Invalid("\"URI: \" and an RFC 3986 URI follow the statement's empty line.");
        }

        if (Field(Next(), "Version: ") != CurrentVersion)
        {
            return Invalid("\"Version: 1\" follows the URI.");
        }

        var chainText = Field(Next(), "Chain ID: ");
        if (chainText is not { Length: > 0 } || !chainText.All(char.IsAsciiDigit)
            || !long.TryParse(chainText, NumberStyles.None, CultureInfo.InvariantCulture, out var chainId))
        {
            return Invalid("\"Chain ID: \" and decimal digits (at most 2^63 − 1) follow the version.");
        }

        var nonce = Field(Next(), "Nonce: ");
        if (nonce is null || !IsNonce(nonce))
        {
            return Invalid($"\"Nonce: \" and at least {MinNonceLength} ASCII letters and digits follow the chain id.");
        }

        var issuedText = Field(Next(), "Issued At: ");
        if (issuedText is null || Rfc3339.Parse(issuedText) is not { } issuedAt)
        {
            return Invalid("\"Issued At: \" and an RFC 3339 date-time follow the nonce.");
        }

        line = Next();
        DateTimeOffset? expiration = null;
        if (Field(line, "Expiration Time: ") is { } expirationText)
        {
            expiration = Rfc3339.Parse(expirationText);
            if (expiration is null)
            {
                return Invalid("The expiration time is an RFC 3339 date-time.");
            }

            line = Next();
        }

        DateTimeOffset? notBefore = null;
        if (Field(line, "Not Before: ") is { } notBeforeText)
        {
            notBefore = Rfc3339.Parse(notBeforeText);
            if (notBefore is null)
            {
                return Invalid("The not-before time is an RFC 3339 date-time.");
            }

            line = Next();
        }

        string? requestId = null;
        if (Field(line, "Request ID: ") is { } requestText)
        {
            if (!Rfc3986.IsPchars(requestText))
            {
                return Invalid("A request id is RFC 3986 pchars.");
            }

            requestId = requestText;
            line = Next();
        }

        var resources = new List<string>();
        if (line == "Resources:")
        {
            while ((line = Next()) is not null)
            {
                if (Field(line, "- ") is not { } resource || !Rfc3986.IsUri(resource))
                {
                    return Invalid("Each resource is a line \"- \" and an RFC 3986 URI.");
                }

                resources.Add(resource);
            }
        }

        if (line is not null)
        {
            return Invalid(line.Length == 0
                ? "The message ends without a line break after its last field."
                : $"Unexpected line {at}: the optional fields are Expiration Time, Not Before, Request ID and Resources, in that order.");
        }

        return new SiweMessage(scheme, domain, address.Value, statement, uri, chainId, nonce, issuedAt, expiration, notBefore, requestId, resources);
    }

    /// <summary>The message as the wallet shows and signs it.</summary>
    public override string ToString() => text;

    /// <inheritdoc/>
    public bool Equals(SiweMessage? other) => other is not null && text == other.text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SiweMessage);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(text);

    /// <summary>True for at least 8 ASCII letters and digits.</summary>
    /// <param name="nonce">The candidate.</param>
    public static bool IsNonce(string? nonce) => nonce is { Length: >= MinNonceLength } && nonce.All(char.IsAsciiLetterOrDigit);

    private static bool IsStatement(string statement) =>
        statement.All(c => c == ' ' || Rfc3986.IsUnreserved(c) || Rfc3986.IsReserved(c));

    private static string? Field(string? line, string label) =>
        line is not null && line.StartsWith(label, StringComparison.Ordinal) ? line[label.Length..] : null;

    private static Error Invalid(string detail) => IdentityErrors.InvalidSiweMessage;

    private string Format()
    {
        var s = new StringBuilder();
        if (Scheme is not null)
        {
            s.Append(Scheme).Append("://");
        }

        s.Append(Domain).Append(HeaderSuffix).Append('\n');
        s.Append(Address.ToString()).Append('\n').Append('\n');
        if (Statement is not null)
        {
            s.Append(Statement).Append('\n');
        }

        s.Append('\n');
        s.Append("URI: ").Append(Uri).Append('\n');
        s.Append(VersionLine).Append('\n');
        s.Append("Chain ID: ").Append(ChainId.ToString(CultureInfo.InvariantCulture)).Append('\n');
        s.Append("Nonce: ").Append(Nonce).Append('\n');
        s.Append("Issued At: ").Append(Rfc3339.Format(IssuedAt));
        if (ExpirationTime is { } expiration)
        {
            s.Append("\nExpiration Time: ").Append(Rfc3339.Format(expiration));
        }

        if (NotBefore is { } notBefore)
        {
            s.Append("\nNot Before: ").Append(Rfc3339.Format(notBefore));
        }

        if (RequestId is not null)
        {
            s.Append("\nRequest ID: ").Append(RequestId);
        }

        if (Resources.Count > 0)
        {
            s.Append("\nResources:");
            foreach (var resource in Resources)
            {
                s.Append("\n- ").Append(resource);
            }
        }

        return s.ToString();
    }
}
