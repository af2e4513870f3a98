using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Identity;
using Mikoshi.Tests.Http.Governance;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Wallets;

/// <summary>Sign-In with Ethereum, linked wallets, and votes signed by a linked wallet, through HTTP on both stores.</summary>
public sealed class SiweTests
{
    /// <summary>
    /// A real external client (ethers v6 in Node) links a wallet to a member, signs in with it, and votes with it;
    /// the vote counts with the member's power at the snapshot.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task EthersWallet_LinksSignsInAndVotes_AndTheVoteCountsWithTheMembersPower(string provider)
    {
        await using var app = TestApp.Create(provider);
        app.UseKestrel(0);
        app.StartServer();
        var port = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).First().Port;
        var s = await GovernanceSetup.CreateAsync(app);
        var id = await s.OpenAsync(s.Aki, "signal");
        var wallet = CustodialKey.Generate();

        var results = await EthersScripts.RunAsync("siwe.mjs", $"http://127.0.0.1:{port}", s.Slug, id.ToString(CultureInfo.InvariantCulture),
            "0x" + Convert.ToHexStringLower(wallet.Secret()), TokenOf(s.Aki));

        var address = wallet.Address.ToString();
        Assert.Equal(address, results.GetProperty("address").GetString());
        Assert.Equal(201, results.GetProperty("linked").GetProperty("status").GetInt32());
        Assert.Equal(address, results.GetProperty("linked").GetProperty("body").GetProperty("address").GetString());
        Assert.Equal(200, results.GetProperty("signedIn").GetProperty("status").GetInt32());
        Assert.Equal("Bearer", results.GetProperty("signedIn").GetProperty("tokenType").GetString());
        Assert.Equal(s.Aki.Id, results.GetProperty("me").GetProperty("personId").GetString());
        Assert.Equal("siwe_nonce_used", results.GetProperty("replayed").GetProperty("code").GetString());
        Assert.Equal(address, results.GetProperty("typedDataVoter").GetString());
        Assert.Equal(201, results.GetProperty("vote").GetProperty("status").GetInt32());
        Assert.Equal(s.Aki.Id, results.GetProperty("vote").GetProperty("personId").GetString());
        Assert.Equal((2, 0, 0), await s.TallyAsync(id));

        var stranger = results.GetProperty("stranger");
        Assert.Equal(200, stranger.GetProperty("status").GetInt32());
        Assert.Equal(stranger.GetProperty("address").GetString()!.ToLowerInvariant(), await LinkedPersonAddressAsync(app, stranger.GetProperty("me").GetProperty("personId").GetString()!));

        // The vote is a wallet's, not the server's custodial signature, and anyone can recover it from the export.
        var vote = Assert.Single((await (await app.CreateClient().GetAsync($"{s.Proposal(id)}/votes")).JsonAsync()).GetProperty("votes").EnumerateArray());
        Assert.False(vote.GetProperty("custodial").GetBoolean());
        Assert.Equal(address, vote.GetProperty("voter").GetString());
        var domain = await s.DomainAsync();
        var digest = VoteTypedData.Digest(domain, new VoteMessage(id, "for", wallet.Address, vote.GetProperty("nonce").GetInt64(), "財布から"));
        Assert.Equal(wallet.Address, Signatures.Recover(digest, vote.GetProperty("signature").GetString()).Value);

        // The member's custodial votes keep working beside the wallet: the latest of either counts.
        await s.VoteOkAsync(s.Aki, id, "against");
        Assert.Equal((0, 2, 0), await s.TallyAsync(id));
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task BadInput_AnswersItsCode_AndChangesNothing(string provider)
    {
        await using var app = TestApp.Create(provider);
        var aki = await app.SignUpAsync(displayName: "Aki");
        var ben = await app.SignUpAsync(displayName: "Ben");
        var bens = CustodialKey.Generate();
        var stranger = CustodialKey.Generate();
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await LinkAsync(ben, bens)).StatusCode);

        // A wallet-only person: signed in by a wallet the server had never seen.
        var loner = CustodialKey.Generate();
        var lonerSession = await SignInAsync(anonymous, loner);
        Assert.Equal(HttpStatusCode.OK, lonerSession.StatusCode);
        var lonerClient = Bearer(app, (await lonerSession.JsonAsync()).GetProperty("accessToken").GetString()!);

        // A message that was accepted once, to replay.
        var used = await SignedAsync(anonymous, "/api/v1/auth/siwe/nonce", bens);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", used)).StatusCode);

        // Every nonce the bad requests below need is handed out before the snapshot: handing one out is a change.
        var n = new List<JsonElement>();
        for (var i = 0; i < 8; i++)
        {
            n.Add(await NonceAsync(anonymous, "/api/v1/auth/siwe/nonce"));
        }

        var akiLink = await NonceAsync(aki.Client, "/api/v1/me/wallets/nonce");
        var benLink = await NonceAsync(ben.Client, "/api/v1/me/wallets/nonce");
        var now = app.Clock.GetUtcNow();
        var before = await SnapshotAsync(app);

        var refusals = new List<(string What, HttpResponseMessage Response, string Code)>
        {
            ("wrong domain", await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", Sign(Message(n[0], stranger, now, domain: "evil.example"), stranger)), "siwe_domain_mismatch"),
            ("URI on another site", await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", Sign(Message(n[1], stranger, now, uri: "https://evil.example/"), stranger)), "siwe_uri_mismatch"),
            ("another chain", await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", Sign(Message(n[2], stranger, now, chainId: 1), stranger)), "siwe_chain_mismatch"),
            ("wrong signature", await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", Sign(Message(n[3], stranger, now), CustodialKey.Generate())), "signature_mismatch"),
            ("malformed signature", await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", new { message = Message(n[3], stranger, now).ToString(), signature = "0x1234" }), "invalid_signature"),
            ("reused nonce", await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", used), "siwe_nonce_used"),
            ("nonce never handed out", await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", Sign(Message(n[4], stranger, now, nonceText: "NeverHandedOut1"), stranger)), "siwe_nonce_unknown"),
            ("message expired", await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", Sign(Message(n[4], stranger, now.AddMinutes(-10), expiration: now.AddSeconds(-1)), stranger)), "siwe_expired"),
            ("malformed message", await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", Sign(Message(n[4], stranger, now) + "\n", stranger)), "invalid_siwe_message"),
            ("no message", await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", new { }), "invalid_siwe_message"),
            ("sign-in nonce used to link", await aki.Client.PostJsonAsync("/api/v1/me/wallets", Sign(Message(n[5], stranger, now), stranger)), "siwe_nonce_unknown"),
            ("link nonce used to sign in", await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", Sign(Message(akiLink, stranger, now), stranger)), "siwe_nonce_unknown"),
            ("someone else's link nonce", await aki.Client.PostJsonAsync("/api/v1/me/wallets", Sign(Message(benLink, stranger, now), stranger)), "siwe_nonce_unknown"),
            ("address already linked to someone else", await aki.Client.PostJsonAsync("/api/v1/me/wallets", Sign(Message(akiLink, bens, now), bens)), "wallet_linked_elsewhere"),
            ("address already linked to you", await ben.Client.PostJsonAsync("/api/v1/me/wallets", Sign(Message(benLink, bens, now), bens)), "wallet_already_linked"),
            ("link without signing in", await anonymous.PostJsonAsync("/api/v1/me/wallets", Sign(Message(akiLink, stranger, now), stranger)), "not_signed_in"),
            ("unlink someone else's wallet", await aki.Client.PostJsonAsync($"/api/v1/me/wallets/{bens.Address}/unlink", new { }), "wallet_not_linked"),
            ("unlink a wallet never linked", await aki.Client.PostJsonAsync($"/api/v1/me/wallets/{stranger.Address}/unlink", new { }), "wallet_not_linked"),
            ("unlink not an address", await aki.Client.PostJsonAsync("/api/v1/me/wallets/0xabc/unlink", new { }), "invalid_address"),
            ("unlink the only way in", await lonerClient.PostJsonAsync($"/api/v1/me/wallets/{loner.Address}/unlink", new { }), "last_sign_in_method"),
            ("nonce for not an address", await anonymous.PostJsonAsync("/api/v1/auth/siwe/nonce", new { address = "0xabc" }), "invalid_address"),
            ("a nonce asked under another site's Host, with no public origin set", await anonymous.PostJsonAsync("http://evil.example/api/v1/auth/siwe/nonce", new { }), "siwe_origin_unset"),
            ("another site's message under its Host, with no public origin set",
                await anonymous.PostJsonAsync("http://evil.example/api/v1/auth/siwe/verify", Sign(Message(n[6], stranger, now, domain: "evil.example", uri: "http://evil.example/"), stranger)), "siwe_origin_unset"),
            ("a link under another site's Host", await aki.Client.PostJsonAsync("http://evil.example/api/v1/me/wallets", Sign(Message(akiLink, stranger, now, domain: "evil.example", uri: "http://evil.example/"), stranger)), "siwe_origin_unset"),
        };

        foreach (var (what, response, code) in refusals)
        {
            Assert.True(code == await response.ProblemCodeAsync(), what);
        }

        Assert.Equal(before, await SnapshotAsync(app));

        // A nonce past its ten minutes, in a message that is otherwise good.
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var later = app.Clock.GetUtcNow();
        var beforeExpiry = await SnapshotAsync(app);
        Assert.Equal("siwe_nonce_expired", await (await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", Sign(Message(n[6], stranger, later), stranger))).ProblemCodeAsync());
        Assert.Equal(beforeExpiry, await SnapshotAsync(app));

        // The same signed message sent eight times at once signs in once: the nonce is used up under the chain's lock.
        var once = await SignedAsync(anonymous, "/api/v1/auth/siwe/nonce", bens);
        var raced = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.CreateClient().PostJsonAsync("/api/v1/auth/siwe/verify", once)));
        Assert.Single(raced, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in raced.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal("siwe_nonce_used", await refused.ProblemCodeAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Wallets_SignIn_List_Unlink_AndAnUnlinkedWalletSignsInAsSomeoneNew(string provider)
    {
        await using var app = TestApp.Create(provider);
        var ben = await app.SignUpAsync(displayName: "Ben");
        var wallet = CustodialKey.Generate();
        var anonymous = app.CreateClient();

        var linked = await LinkAsync(ben, wallet);
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        var session = await SignInAsync(anonymous, wallet);
        var signedIn = await session.JsonAsync();
        Assert.Equal(ben.Id, (await (await Bearer(app, signedIn.GetProperty("accessToken").GetString()!).GetAsync("/api/v1/me")).JsonAsync()).GetProperty("personId").GetString());

        // Exporting makes Ben a custodial key; the linked wallet stays the address he is known by.
        var list = await (await ben.Client.GetAsync("/api/v1/me/wallets")).JsonAsync();
        Assert.Equal(wallet.Address.ToString(), list.GetProperty("votingAddress").GetString());
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("siwe", item.GetProperty("kind").GetString());
        await (await ben.Client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync();
        list = await (await ben.Client.GetAsync("/api/v1/me/wallets")).JsonAsync();
        Assert.Equal(new string?[] { "siwe", "custodial" }, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToArray());
        Assert.Equal(wallet.Address.ToString(), list.GetProperty("votingAddress").GetString());

        // A cookie session, as the sign-in page asks for.
        var cookieClient = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var cookie = await cookieClient.PostJsonAsync("/api/v1/auth/siwe/verify?useCookies=true", await SignedAsync(cookieClient, "/api/v1/auth/siwe/nonce", wallet));
        Assert.Equal(HttpStatusCode.OK, cookie.StatusCode);
        Assert.Equal(ben.Id, (await (await cookieClient.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("personId").GetString());

        var unlinked = await ben.Client.PostJsonAsync($"/api/v1/me/wallets/{wallet.Address}/unlink", new { });
        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);

        // Unlinking changed Ben's security stamp: every token and session of his ends at once (issue 15), the wallet's cookie too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookieClient.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ben.Client.GetAsync("/api/v1/me")).StatusCode);
        var login = await (await anonymous.PostJsonAsync("/api/v1/auth/login", new { email = ben.Email, password = Person.Password })).JsonAsync();
        var benAgain = Bearer(app, login.GetProperty("accessToken").GetString()!);

        list = await (await benAgain.GetAsync("/api/v1/me/wallets")).JsonAsync();
        Assert.Equal("custodial", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
        Assert.NotEqual(wallet.Address.ToString(), list.GetProperty("votingAddress").GetString());
        Assert.Equal("custodial_wallet", await (await benAgain.PostJsonAsync($"/api/v1/me/wallets/{list.GetProperty("votingAddress").GetString()}/unlink", new { })).ProblemCodeAsync());

        var again = await (await SignInAsync(anonymous, wallet)).JsonAsync();
        var someoneNew = await (await Bearer(app, again.GetProperty("accessToken").GetString()!).GetAsync("/api/v1/me")).JsonAsync();
        Assert.NotEqual(ben.Id, someoneNew.GetProperty("personId").GetString());
        Assert.Equal(string.Empty, someoneNew.GetProperty("email").GetString());
        await DepositTests.AssertVerifiedAsync(app);
    }

    internal static string TokenOf(Person person) => person.Client.DefaultRequestHeaders.Authorization!.Parameter!;

    internal static HttpClient Bearer(TestApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static async Task<JsonElement> NonceAsync(HttpClient client, string path)
    {
        var response = await client.PostJsonAsync(path, new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>The EIP-4361 message a wallet would write for a nonce the API handed out; each part may be changed to test a refusal.</summary>
    internal static SiweMessage Message(
        JsonElement nonce, CustodialKey wallet, DateTimeOffset issuedAt, string? domain = null, string? uri = null, long? chainId = null,
        DateTimeOffset? expiration = null, string? nonceText = null) =>
        SiweMessage.Create(
            domain ?? nonce.GetProperty("domain").GetString()!, wallet.Address, uri ?? nonce.GetProperty("uri").GetString()!,
            chainId ?? nonce.GetProperty("chainId").GetInt64(), nonceText ?? nonce.GetProperty("nonce").GetString()!, issuedAt,
            nonce.GetProperty("statement").GetString(), expiration).Value;

    internal static object Sign(SiweMessage message, CustodialKey key) => Sign(message.ToString(), key);

    internal static object Sign(string message, CustodialKey key) => SiweSigning.Sign(message, key);

    /// <summary>A nonce from <paramref name="path"/> and the server-written message for it, signed by <paramref name="wallet"/>.</summary>
    internal static Task<object> SignedAsync(HttpClient client, string path, CustodialKey wallet) => SiweSigning.SignedAsync(client, path, wallet);

    internal static Task<HttpResponseMessage> LinkAsync(Person person, CustodialKey wallet) => SiweSigning.LinkAsync(person, wallet);

    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient anonymous, CustodialKey wallet) =>
        await anonymous.PostJsonAsync("/api/v1/auth/siwe/verify", await SignedAsync(anonymous, "/api/v1/auth/siwe/nonce", wallet));

    /// <summary>The store as text, with wallet links and every nonce's state: a refused request must leave it unchanged.</summary>
    internal static async Task<string> SnapshotAsync(TestApp app)
    {
        var text = new StringBuilder(await StoreSnapshot.TakeAsync(app));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        foreach (var link in (await db.WalletLinks.AsNoTracking().ToListAsync()).OrderBy(l => l.Address, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"link {link.Address} {link.PersonId} {link.Kind} {link.LinkedAtUnixMs}");
        }

        foreach (var nonce in (await db.SiweNonces.AsNoTracking().ToListAsync()).OrderBy(n => n.Nonce, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"nonce {nonce.Nonce} {nonce.Purpose} {nonce.PersonId} {nonce.ExpiresAtUnixMs} {nonce.UsedAtUnixMs}");
        }

        return text.ToString();
    }

    private static async Task<string> LinkedPersonAddressAsync(TestApp app, string personId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var person = new Domain.Communities.PersonId(Guid.Parse(personId));
        return (await db.WalletLinks.AsNoTracking().SingleAsync(l => l.PersonId == person)).Address;
    }
}
