using System.Text;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Identity;
using Nethereum.Signer;

namespace Mikoshi.Domain.Tests.Identity;

public class SiweVerificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static readonly SiweExpectations Expected = new(new Uri("https://mikoshi.example"), 31337, Now);

    private static readonly CustodialKey Key = CustodialKey.FromSecret(Convert.FromHexString("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")).Value;

    private static SiweMessage Message(
        string domain = "mikoshi.example", string uri = "https://mikoshi.example/signin", long chainId = 31337, DateTimeOffset? issuedAt = null,
        DateTimeOffset? expiration = null, DateTimeOffset? notBefore = null, string? scheme = null, EthAddress? address = null) =>
        SiweMessage.Create(domain, address ?? Key.Address, uri, chainId, "abcdEFGH1234", issuedAt ?? Now.AddMinutes(-1),
            "Sign in to Mikoshi.", expiration, notBefore, scheme: scheme).Value;

    private static string Sign(SiweMessage message, CustodialKey? key = null) => (key ?? Key).Sign(PersonalSign.Digest(message.ToString()));

    [Fact]
    public void PersonalSignDigest_AgreesWithNethereum_OnSigningAndRecovery()
    {
        Gen.String.Sample(text =>
        {
            var nethereum = new EthereumMessageSigner();
            Assert.Equal(nethereum.HashPrefixedMessage(Encoding.UTF8.GetBytes(text)), PersonalSign.Digest(text));
            var theirs = nethereum.EncodeUTF8AndSign(text, new EthECKey(Key.Secret(), isPrivate: true));
            Assert.Equal(Key.Address, PersonalSign.Recover(text, theirs).Value);
            Assert.Equal(Key.Address.ToString(), nethereum.EncodeUTF8AndEcRecover(text, Key.Sign(PersonalSign.Digest(text))));
        }, iter: 200);
    }

    [Fact]
    public void Verify_AMessageForThisServerSignedByItsAddress_ReturnsIt()
    {
        var message = Message(expiration: Now.AddMinutes(5), notBefore: Now.AddMinutes(-1), scheme: "https");

        var verified = SiweVerification.Verify(message.ToString(), Sign(message), Expected);

        Assert.True(verified.IsSuccess, verified.Error?.ToString());
        Assert.Equal(message, verified.Value);
    }

    [Fact]
    public void Verify_ANonDefaultPort_IsPartOfTheDomain()
    {
        var expected = Expected with { Origin = new Uri("http://127.0.0.1:5080") };
        var right = Message(domain: "127.0.0.1:5080", uri: "http://127.0.0.1:5080/");
        var portless = Message(domain: "127.0.0.1", uri: "http://127.0.0.1:5080/");

        Assert.True(SiweVerification.Verify(right.ToString(), Sign(right), expected).IsSuccess);
        Assert.Equal("siwe_domain_mismatch", SiweVerification.Verify(portless.ToString(), Sign(portless), expected).Error?.Code);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "another site's domain", "siwe_domain_mismatch" },
        { "another scheme", "siwe_domain_mismatch" },
        { "a URI on another site", "siwe_uri_mismatch" },
        { "another chain", "siwe_chain_mismatch" },
        { "expired", "siwe_expired" },
        { "expiring at this very instant", "siwe_expired" },
        { "not before a later time", "siwe_not_yet_valid" },
        { "issued in the future beyond the skew", "siwe_not_yet_valid" },
        { "signed by another key", "signature_mismatch" },
        { "a signature over another text", "signature_mismatch" },
        { "a signature that is not hex", "invalid_signature" },
        { "a message with a trailing line break", "invalid_siwe_message" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Verify_RefusesWhatTheSpecSaysARelyingPartyMust(string what, string code)
    {
        var other = CustodialKey.Generate();
        var good = Message();
        var (text, signature) = what switch
        {
            "another site's domain" => Signed(Message(domain: "evil.example")),
            "another scheme" => Signed(Message(scheme: "http")),
            "a URI on another site" => Signed(Message(uri: "https://evil.example/signin")),
            "another chain" => Signed(Message(chainId: 1)),
            "expired" => Signed(Message(expiration: Now.AddSeconds(-1))),
            "expiring at this very instant" => Signed(Message(expiration: Now)),
            "not before a later time" => Signed(Message(notBefore: Now.AddSeconds(1))),
            "issued in the future beyond the skew" => Signed(Message(issuedAt: Now + SiweExpectations.ClockSkew + TimeSpan.FromSeconds(1))),
            "signed by another key" => (good.ToString(), Sign(good, other)),
            "a signature over another text" => (good.ToString(), Sign(Message(uri: "https://mikoshi.example/other"))),
            "a signature that is not hex" => (good.ToString(), "0xnothex"),
            "a message with a trailing line break" => (good + "\n", Sign(good)),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        var verified = SiweVerification.Verify(text, signature, Expected);

        Assert.False(verified.IsSuccess, what);
        Assert.Equal(code, verified.Error.Code);

        static (string, string) Signed(SiweMessage m) => (m.ToString(), Sign(m));
    }

    [Fact]
    public void Verify_IssuedWithinTheSkew_IsAccepted()
    {
        var message = Message(issuedAt: Now + SiweExpectations.ClockSkew);

        Assert.True(SiweVerification.Verify(message.ToString(), Sign(message), Expected).IsSuccess);
    }
}
