using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Identity;

namespace Mikoshi.Features.Wallets;

/// <summary>Asks for a nonce; with an address, the server also writes the whole message for the wallet to sign.</summary>
public sealed record SiweNonceRequest(string? Address);

/// <summary>A nonce and what a message carrying it must say to be accepted here.</summary>
public sealed record SiweNonceView(
    string Nonce, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Domain, string Uri, long ChainId, string Statement, string? Message);

/// <summary>A signed Sign-In with Ethereum message: the exact text the wallet signed and its personal_sign signature.</summary>
public sealed record SiweSignedRequest(string? Message, string? Signature);

public sealed record SiweSignInView(string PersonId, string Address, bool Created);

/// <summary>
/// Sign-In with Ethereum (EIP-4361). The server hands out single-use nonces that expire after
/// <see cref="NonceLifetime"/>; a wallet signs a message carrying one with personal_sign; the server checks the
/// message (<see cref="SiweVerification"/>: domain, URI, chain, time bounds, signature), then uses up the nonce and
/// signs the wallet's person in — creating a person for a wallet it has never seen — with the same bearer token or
/// cookie as a password sign-in. Every refusal changes nothing, the nonce included.
/// </summary>
public sealed class SignInWithEthereum(Writer writer, MikoshiDb db, IConfiguration configuration, TimeProvider clock)
{
    public const string SignInPurpose = "sign-in";
    public const string LinkPurpose = "link";

    /// <summary>How long a nonce may wait for its signature: long enough to read the message, short enough to be stale soon.</summary>
    public static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Used and expired nonces are kept this long (to answer "used" or "expired" rather than "unknown"), then swept.</summary>
    private static readonly TimeSpan SweepAfter = TimeSpan.FromDays(1);

    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>20 characters of 62: about 119 bits, far beyond guessing.</summary>
    private const int NonceLength = 20;

    public const string SignInStatement = "Sign in to Mikoshi with this wallet.";
    public const string LinkStatement = "Link this wallet to my Mikoshi account.";

    /// <summary>
    /// This server's origin, which a message's domain and URI must name: <c>Mikoshi:PublicOrigin</c>. Without it only the
    /// exact loopback origin this request reached may name itself: a loopback Host (localhost, 127.0.0.1, [::1]) on the
    /// port and scheme the connection came in on, over a loopback connection. Any other Host header is written by
    /// whoever sends the request, and trusting it would let another site's signed message sign in here — another port
    /// of the same machine (a different local app, which a wallet names as <c>127.0.0.1:other</c>) included.
    /// </summary>
    public Result<Uri> OriginOf(HttpRequest request)
    {
        if (configuration["Mikoshi:PublicOrigin"] is { Length: > 0 } configured && Uri.TryCreate(configured, UriKind.Absolute, out var origin))
        {
            return new Uri(origin.GetLeftPart(UriPartial.Authority));
        }

        return IsThisLoopbackListener(request)
            ? new Uri($"{request.Scheme}://{request.Host.Value}")
            : WalletErrors.SiweOriginUnset;
    }

    private static bool IsThisLoopbackListener(HttpRequest request)
    {
        var host = request.Host.Host;
        if (host != "localhost" && !(IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)))
        {
            return false;
        }

        var connection = request.HttpContext.Connection;
        if (connection.LocalIpAddress is null)
        {
            // No socket: the in-process host of the tests, which nothing outside the process can reach.
            return true;
        }

        var port = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return IPAddress.IsLoopback(connection.LocalIpAddress) && port == connection.LocalPort;
    }

    public long ChainId => configuration.GetValue<long?>("Mikoshi:ChainId") ?? VoteDomain.DefaultChainId;

    /// <summary>The signed message, checked against this server's origin, chain and clock (<see cref="SiweVerification"/>).</summary>
    public Result<SiweMessage> Check(SiweSignedRequest request, HttpRequest http)
    {
        var origin = OriginOf(http);
        return origin.IsSuccess
            ? SiweVerification.Verify(request.Message, request.Signature, new SiweExpectations(origin.Value, ChainId, clock.GetUtcNow()))
            : origin.Error;
    }

    /// <summary>A new nonce for <paramref name="purpose"/>; a link nonce belongs to <paramref name="person"/>.</summary>
    public async Task<Result<SiweNonceView>> IssueAsync(string purpose, PersonId? person, string? address, HttpRequest request)
    {
        var found = OriginOf(request);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var origin = found.Value;
        EthAddress? signer = null;
        if (address is not null)
        {
            var parsed = EthAddress.Parse(address);
            if (!parsed.IsSuccess)
            {
                return parsed.Error;
            }

            signer = parsed.Value;
        }

        var now = clock.GetUtcNow();
        var nonce = new string(RandomNumberGenerator.GetItems<char>(NonceAlphabet, NonceLength));
        var expires = now + NonceLifetime;
        var nowMs = now.ToUnixTimeMilliseconds();
        await db.SiweNonces.Where(n => n.ExpiresAtUnixMs < nowMs - (long)SweepAfter.TotalMilliseconds).ExecuteDeleteAsync();
        db.SiweNonces.Add(new SiweNonceRow { Nonce = nonce, Purpose = purpose, PersonId = person, IssuedAtUnixMs = nowMs, ExpiresAtUnixMs = expires.ToUnixTimeMilliseconds() });
        await db.SaveChangesAsync();

        var domain = new SiweExpectations(origin, ChainId, now).Domain;
        var uri = origin.GetLeftPart(UriPartial.Authority);
        var statement = purpose == LinkPurpose ? LinkStatement : SignInStatement;
        string? message = null;
        if (signer is { } a)
        {
            var created = SiweMessage.Create(domain, a, uri, ChainId, nonce, now, statement, expirationTime: expires);
            if (!created.IsSuccess)
            {
                return created.Error;
            }

            message = created.Value.ToString();
        }

        return new SiweNonceView(nonce, now, expires, domain, uri, ChainId, statement, message);
    }

    /// <summary>
    /// Inside a write: uses up the message's nonce if it was issued for <paramref name="purpose"/> (and, for a link,
    /// to <paramref name="person"/>), is unused and has not expired.
    /// </summary>
    public static async Task<Error?> UseNonceAsync(WriteScope write, SiweMessage message, string purpose, PersonId? person)
    {
        var row = await write.Db.SiweNonces.FirstOrDefaultAsync(n => n.Nonce == message.Nonce);
        if (row is null || row.Purpose != purpose || (purpose == LinkPurpose && row.PersonId != person))
        {
            return WalletErrors.SiweNonceUnknown;
        }

        if (row.UsedAtUnixMs is not null)
        {
            return WalletErrors.SiweNonceUsed;
        }

        var now = write.At.ToUnixTimeMilliseconds();
        if (now >= row.ExpiresAtUnixMs)
        {
            return WalletErrors.SiweNonceExpired;
        }

        row.UsedAtUnixMs = now;
        return null;
    }

    /// <summary>
    /// Checks a signed message and finds (or creates) the wallet's person. The caller then signs them in.
    /// A new person is named after their address and has no email or password: the wallet is how they sign in.
    /// </summary>
    public async Task<Result<SiweSignInView>> VerifyAsync(Result<SiweMessage> verified, SiweSignedRequest? sent = null)
    {
        if (!verified.IsSuccess)
        {
            return verified.Error;
        }

        var message = verified.Value;
        var address = message.Address.ToString();
        var written = await writer.RunAsync(Guid.Empty, "anonymous", null, async write =>
        {
            if (await UseNonceAsync(write, message, SignInPurpose, null) is { } refused)
            {
                return refused;
            }

            if (await WalletLinks.PersonOfAsync(write.Db, message.Address) is { } known)
            {
                return Result<SiweSignInView>.Ok(new SiweSignInView(known.ToString(), address, Created: false));
            }

            var user = new MikoshiUser
            {
                Id = Guid.CreateVersion7(),
                UserName = address.ToLowerInvariant(),
                NormalizedUserName = address.ToUpperInvariant(),
                DisplayName = $"{address[..6]}…{address[^4..]}",
                SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
                CreatedAt = write.At,
            };

            // Identity's UserManager insists on an email (RequireUniqueEmail); a wallet person has none, and the
            // row is written in this transaction with the nonce and the link, so it is added directly.
            write.Db.Users.Add(user);
            write.Db.WalletLinks.Add(new WalletLinkRow
            {
                Address = address.ToLowerInvariant(),
                PersonId = user.PersonId,
                Kind = WalletLinks.SiweKind,
                LinkedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
                LinkMessage = sent?.Message,
                LinkSignature = sent?.Signature?.ToLowerInvariant(),
            });
            await write.AuditAsync("person.registered", new { personId = user.PersonId.ToString(), displayName = user.DisplayName, wallet = address });
            await write.AuditAsync("wallet.linked", new { personId = user.PersonId.ToString(), address, nonce = message.Nonce });
            return Result<SiweSignInView>.Ok(new SiweSignInView(user.PersonId.ToString(), address, Created: true));
        });
        return written.IsSuccess ? written.Value.Value : written.Error;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/siwe/nonce", async (SiweNonceRequest? request, SignInWithEthereum siwe, HttpContext http) =>
                Problems.From(await siwe.IssueAsync(SignInPurpose, null, request?.Address, http.Request)))
            .Allow(Access.Anyone)
            .LimitedAsSignIn()
            .WithSummary("A single-use Sign-In with Ethereum nonce, good for 10 minutes, with the domain, URI, chain id and statement a message must carry; send {address} to get the whole EIP-4361 message to sign.")
            .Produces<SiweNonceView>();

        api.MapPost("/auth/siwe/verify", async (SiweSignedRequest request, bool? useCookies, SignInWithEthereum siwe, SignInManager<MikoshiUser> signIn, HttpContext http) =>
            {
                var verified = await siwe.VerifyAsync(siwe.Check(request, http.Request), request);
                if (!verified.IsSuccess)
                {
                    return Problems.For(verified.Error);
                }

                var user = await signIn.UserManager.FindByIdAsync(verified.Value.PersonId);
                if (user is null)
                {
                    throw new InvariantViolatedException("A wallet link names a person who does not exist.");
                }

                if (useCookies == true)
                {
                    signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
                    await signIn.SignInAsync(user, isPersistent: true, authenticationMethod: "siwe");
                    return Results.Ok(verified.Value);
                }

                // As at /auth/login: an access token, no refresh token.
                return Results.Ok(await Auth.BearerTokens.IssueAsync(http, user));
            })
            .Allow(Access.Anyone)
            .LimitedAsSignIn()
            .WithSummary("Sign in with a signed EIP-4361 message {message, signature}: returns a bearer token like /auth/login, or with ?useCookies=true sets the session cookie. A wallet never seen before gets a new person.")
            .Produces<Auth.AccessTokenView>();
    }
}
