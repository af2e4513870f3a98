using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Identity;

namespace Mikoshi.Domain.Tests.Identity;

public class SiweMessageTests
{
    // The spec's own example (EIP-4361, "implicit scheme").
    private const string SpecExample =
        "example.com wants you to sign in with your Ethereum account:\n" +
        "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n" +
        "\n" +
        "I accept the ExampleOrg Terms of Service: https://example.com/tos\n" +
        "\n" +
        "URI: https://example.com/login\n" +
        "Version: 1\n" +
        "Chain ID: 1\n" +
        "Nonce: 32891756\n" +
        "Issued At: 2021-09-30T16:25:24Z\n" +
        "Resources:\n" +
        "- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/\n" +
        "- https://example.com/my-web2-claim.json";

    private const string Minimal =
        "mikoshi.example wants you to sign in with your Ethereum account:\n" +
        "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n" +
        "\n" +
        "\n" +
        "URI: https://mikoshi.example\n" +
        "Version: 1\n" +
        "Chain ID: 31337\n" +
        "Nonce: abcdEFGH1234\n" +
        "Issued At: 2026-11-27T09:00:00Z";

    [Fact]
    public void Parse_TheSpecExample_ReadsEveryField_AndWritesItBackByteForByte()
    {
        var message = SiweMessage.Parse(SpecExample).Value;

        Assert.Null(message.Scheme);
        Assert.Equal("example.com", message.Domain);
        Assert.Equal("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", message.Address.ToString());
        Assert.Equal("I accept the ExampleOrg Terms of Service: https://example.com/tos", message.Statement);
        Assert.Equal("https://example.com/login", message.Uri);
        Assert.Equal(1, message.ChainId);
        Assert.Equal("32891756", message.Nonce);
        Assert.Equal(new DateTimeOffset(2021, 9, 30, 16, 25, 24, TimeSpan.Zero), message.IssuedAt);
        Assert.Null(message.ExpirationTime);
        Assert.Null(message.NotBefore);
        Assert.Null(message.RequestId);
        Assert.Equal(["ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/", "https://example.com/my-web2-claim.json"], message.Resources);
        Assert.Equal(SpecExample, message.ToString());
    }

    [Fact]
    public void Parse_WithSchemePortAndEveryOptionalField_ReadsThemAll()
    {
        var text =
            "https://example.com:3388 wants you to sign in with your Ethereum account:\n" +
            "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n\nSign in.\n\n" +
            "URI: https://example.com:3388/login?x=1#top\nVersion: 1\nChain ID: 137\nNonce: Zz09Zz09\n" +
            "Issued At: 2026-11-27T18:00:00.123+09:00\n" +
            "Expiration Time: 2026-11-27T09:10:00Z\n" +
            "Not Before: 2026-11-27T08:59:59.5Z\n" +
            "Request ID: req-1:@!$&'()*+,;=%20\n" +
            "Resources:\n- urn:mikoshi:community:1";
        var message = SiweMessage.Parse(text).Value;

        Assert.Equal("https", message.Scheme);
        Assert.Equal("example.com:3388", message.Domain);
        Assert.Equal("Sign in.", message.Statement);
        Assert.Equal(137, message.ChainId);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, 123, TimeSpan.Zero), message.IssuedAt);
        Assert.Equal(TimeSpan.FromHours(9), message.IssuedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 10, 0, TimeSpan.Zero), message.ExpirationTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 59, 59, 500, TimeSpan.Zero), message.NotBefore);
        Assert.Equal("req-1:@!$&'()*+,;=%20", message.RequestId);
        Assert.Equal(["urn:mikoshi:community:1"], message.Resources);
        Assert.Equal(text, message.ToString());
    }

    [Fact]
    public void Parse_WithoutAStatement_HasThreeLineBreaksAfterTheAddress_AndAnEmptyStatementIsAnotherMessage()
    {
        var none = SiweMessage.Parse(Minimal).Value;
        var empty = SiweMessage.Parse(Minimal.Replace("\n\n\nURI", "\n\n\n\nURI", StringComparison.Ordinal)).Value;

        Assert.Null(none.Statement);
        Assert.Equal(string.Empty, empty.Statement);
        Assert.NotEqual(none, empty);
        Assert.Equal(Minimal, none.ToString());
    }

    [Fact]
    public void Create_WritesTheAddressInItsEip55Form_AndParseReadsTheSameMessage()
    {
        var address = EthAddress.Parse("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2").Value;
        var made = SiweMessage.Create("mikoshi.example", address, "https://mikoshi.example", 31337, "abcdEFGH1234",
            new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)).Value;

        Assert.Equal(Minimal, made.ToString());
        Assert.Equal(made, SiweMessage.Parse(Minimal).Value);
    }

    private static readonly Gen<string> Alnum = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"], 8, 40];

    private static readonly Gen<string> StatementText = Gen.String[Gen.Char["abcXYZ019 -._~:/?#[]@!$&'()*+,;="], 0, 80];

    private static readonly Gen<string> Host = Gen.OneOf("mikoshi.example", "127.0.0.1", "localhost", "[::1]", "xn--r8jz45g.jp", "a-b.c_d~e");

    private static readonly Gen<string> Uri = Gen.Select(Gen.OneOf("https", "http", "ipfs", "urn"), Gen.String[Gen.Char["abc019-._~/?=&%"], 0, 30],
        (scheme, path) => scheme == "urn" ? $"urn:x:{path.Replace("%", "%25", StringComparison.Ordinal)}" : $"{scheme}://h.example/{path.Replace("%", "%41", StringComparison.Ordinal)}");

    private static readonly Gen<DateTimeOffset> Instant = Gen.Select(Gen.Long[0, 4_000_000_000L * TimeSpan.TicksPerSecond], Gen.Int[-14 * 60, 14 * 60],
        (ticks, minutes) => new DateTimeOffset(new DateTime(DateTime.UnixEpoch.Ticks + ticks, DateTimeKind.Utc)).ToOffset(TimeSpan.FromMinutes(minutes)));

    private static readonly Gen<DateTimeOffset?> MaybeInstant = Gen.Frequency((1, Gen.Const((DateTimeOffset?)null)), (2, Instant.Select(v => (DateTimeOffset?)v)));

    private static Gen<string?> Maybe(Gen<string> gen) => Gen.Frequency((1, Gen.Const((string?)null)), (2, gen.Select(v => (string?)v)));

    private sealed record Head(string? Scheme, string Domain, EthAddress Address);

    private sealed record Body(string? Statement, string Uri, long ChainId, string Nonce);

    private sealed record Tail(DateTimeOffset IssuedAt, DateTimeOffset? Expiration, DateTimeOffset? NotBefore, string? RequestId, string[] Resources);

    private static readonly Gen<Head> Heads = Gen.Select(
        Maybe(Gen.OneOf("https", "http", "chrome-extension")), Host, Gen.Int[0, 65535], Gen.Byte.Array[32],
        (scheme, host, port, seed) => new Head(scheme, port % 3 == 0 ? host : $"{host}:{port}", EthAddress.FromPublicKey([.. Keccak.Hash256(seed), .. seed])));

    private static readonly Gen<Body> Bodies = Gen.Select(Maybe(StatementText), Uri, Gen.Long[0, long.MaxValue], Alnum, (a, b, c, d) => new Body(a, b, c, d));

    private static readonly Gen<Tail> Tails = Gen.Select(Instant, MaybeInstant, MaybeInstant, Maybe(Gen.String[Gen.Char["abc019-._~!$&'()*+,;=:@"], 0, 20]), Uri.Array[0, 4],
        (a, b, c, d, e) => new Tail(a, b, c, d, e));

    private static readonly Gen<SiweMessage> Messages = Gen.Select(Heads, Bodies, Tails, (h, b, t) => SiweMessage.Create(
        h.Domain, h.Address, b.Uri, b.ChainId, b.Nonce, t.IssuedAt, b.Statement, t.Expiration, t.NotBefore, t.RequestId, t.Resources, h.Scheme).Value);

    [Fact]
    public void RoundTrip_AnyMessage_ParsesBackToItselfFieldByField()
    {
        Messages.Sample(message =>
        {
            var text = message.ToString();
            var parsed = SiweMessage.Parse(text);
            Assert.True(parsed.IsSuccess, $"{parsed.Error?.ToString()}\n{text}");
            var back = parsed.Value;
            Assert.Equal(message, back);
            Assert.Equal(text, back.ToString());
            Assert.Equal((message.Scheme, message.Domain, message.Address, message.Statement, message.Uri, message.ChainId, message.Nonce),
                (back.Scheme, back.Domain, back.Address, back.Statement, back.Uri, back.ChainId, back.Nonce));
            Assert.Equal((message.IssuedAt, message.IssuedAt.Offset, message.ExpirationTime, message.NotBefore, message.RequestId),
                (back.IssuedAt, back.IssuedAt.Offset, back.ExpirationTime, back.NotBefore, back.RequestId));
            Assert.Equal(message.Resources, back.Resources);
        }, iter: 2_000);
    }

    [Fact]
    public void Parse_AnyMessageWithOneCharacterChanged_IsRefusedOrReadsAsAnotherMessage_NeverTheSame()
    {
        Gen.Select(Messages, Gen.Int[0, int.MaxValue], Gen.Char['\0', '\u007f']).Sample((message, where, replacement) =>
        {
            var text = message.ToString();
            var at = where % text.Length;
            // RFC 3339 lets T and Z be written in lower case: the same instant, so the same message.
            if (text[at] == replacement || (text[at] is 'T' or 'Z' && char.ToUpperInvariant(replacement) == text[at]))
            {
                return;
            }

            var changed = string.Concat(text.AsSpan(0, at), replacement.ToString(), text.AsSpan(at + 1));
            var parsed = SiweMessage.Parse(changed);
            if (parsed.IsSuccess)
            {
                Assert.NotEqual(message, parsed.Value);
            }
            else
            {
                Assert.Equal("invalid_siwe_message", parsed.Error.Code);
            }
        }, iter: 2_000);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "a trailing line break", Minimal + "\n" },
        { "CR LF line breaks", Minimal.Replace("\n", "\r\n", StringComparison.Ordinal) },
        { "a lower-case address", Minimal.Replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", StringComparison.Ordinal) },
        { "an address with a broken checksum", Minimal.Replace("0xC02aaA", "0xC02AaA", StringComparison.Ordinal) },
        { "a short address", Minimal.Replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc", StringComparison.Ordinal) },
        { "version 2", Minimal.Replace("Version: 1", "Version: 2", StringComparison.Ordinal) },
        { "a nonce of 7 characters", Minimal.Replace("abcdEFGH1234", "abcdEFG", StringComparison.Ordinal) },
        { "a nonce with a dash", Minimal.Replace("abcdEFGH1234", "abcd-EFGH1234", StringComparison.Ordinal) },
        { "a nonce of full-width digits", Minimal.Replace("abcdEFGH1234", "abcdEFGH１２３４", StringComparison.Ordinal) },
        { "no nonce", Minimal.Replace("Nonce: abcdEFGH1234\n", string.Empty, StringComparison.Ordinal) },
        { "a chain id in hex", Minimal.Replace("Chain ID: 31337", "Chain ID: 0x7a69", StringComparison.Ordinal) },
        { "a chain id beyond 2^63", Minimal.Replace("Chain ID: 31337", "Chain ID: 99999999999999999999", StringComparison.Ordinal) },
        { "a chain id of Arabic-Indic digits", Minimal.Replace("Chain ID: 31337", "Chain ID: ٣١٣٣٧", StringComparison.Ordinal) },
        { "a date without an offset", Minimal.Replace("09:00:00Z", "09:00:00", StringComparison.Ordinal) },
        { "a date with a space for T", Minimal.Replace("2026-11-27T09", "2026-11-27 09", StringComparison.Ordinal) },
        { "the 13th month", Minimal.Replace("2026-11-27", "2026-13-27", StringComparison.Ordinal) },
        { "the 31st of November", Minimal.Replace("2026-11-27", "2026-11-31", StringComparison.Ordinal) },
        { "a leap second", Minimal.Replace("09:00:00Z", "09:00:60Z", StringComparison.Ordinal) },
        { "a statement in Japanese", Minimal.Replace("\n\n\nURI", "\n\nみんなで決める\n\nURI", StringComparison.Ordinal) },
        { "a statement with a percent sign", Minimal.Replace("\n\n\nURI", "\n\n100% yes\n\nURI", StringComparison.Ordinal) },
        { "a statement without its empty line", Minimal.Replace("\n\n\nURI", "\n\nSign in.\nURI", StringComparison.Ordinal) },
        { "a URI with a space", Minimal.Replace("URI: https://mikoshi.example", "URI: https://mikoshi.example/a b", StringComparison.Ordinal) },
        { "a URI without a scheme", Minimal.Replace("URI: https://mikoshi.example", "URI: mikoshi.example/login", StringComparison.Ordinal) },
        { "a domain with a path", Minimal.Replace("mikoshi.example wants", "mikoshi.example/login wants", StringComparison.Ordinal) },
        { "a domain with a letter port", Minimal.Replace("mikoshi.example wants", "mikoshi.example:http wants", StringComparison.Ordinal) },
        { "an empty domain", Minimal.Replace("mikoshi.example wants", " wants", StringComparison.Ordinal) },
        { "a scheme starting with a digit", Minimal.Replace("mikoshi.example wants", "1https://mikoshi.example wants", StringComparison.Ordinal) },
        { "another header", Minimal.Replace("wants you to sign in", "wants you to log in", StringComparison.Ordinal) },
        { "fields out of order", Minimal + "\nNot Before: 2026-11-27T09:00:00Z\nExpiration Time: 2026-11-27T10:00:00Z" },
        { "an unknown field", Minimal + "\nColour: red" },
        { "a field twice", Minimal + "\nExpiration Time: 2026-11-27T10:00:00Z\nExpiration Time: 2026-11-27T10:00:00Z" },
        { "a resource without its dash", Minimal + "\nResources:\nhttps://mikoshi.example/a" },
        { "a resource that is not a URI", Minimal + "\nResources:\n- not a uri" },
        { "a request id with a slash", Minimal + "\nRequest ID: a/b" },
        { "a broken percent encoding", Minimal + "\nRequest ID: a%zz" },
        { "nothing", string.Empty },
        { "a message far too long", Minimal + "\nRequest ID: " + new string('a', SiweMessage.MaxLength) },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_AMalformedMessage_IsRefusedWithItsCode(string what, string text)
    {
        var parsed = SiweMessage.Parse(text);

        Assert.False(parsed.IsSuccess, what);
        Assert.Equal("invalid_siwe_message", parsed.Error.Code);
    }

    [Theory]
    [InlineData("mikoshi.example", true)]
    [InlineData("user:pass@mikoshi.example:8443", true)]
    [InlineData("[2001:db8::1]:443", true)]
    [InlineData("%E7%A5%9E.example", true)]
    [InlineData("mikoshi.example:", true)]
    [InlineData("[::1", false)]
    [InlineData("mi koshi.example", false)]
    [InlineData("mikoshi.example:80:80", false)]
    [InlineData("%E7%A5.example%", false)]
    public void Create_ChecksTheDomainIsAnAuthority(string domain, bool valid)
    {
        var created = SiweMessage.Create(domain, default, "https://mikoshi.example", 1, "abcdefgh", DateTimeOffset.UnixEpoch);

        Assert.Equal(valid, created.IsSuccess);
    }
}
