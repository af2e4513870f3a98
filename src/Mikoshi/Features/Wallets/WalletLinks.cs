using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Identity;

namespace Mikoshi.Features.Wallets;

public sealed record WalletView(string Address, string Kind, DateTimeOffset LinkedAt);

/// <summary>The person's wallets, and the address their votes and on-chain holdings are kept under.</summary>
public sealed record WalletsView(IReadOnlyList<WalletView> Items, string? VotingAddress);

/// <summary>
/// The addresses that act for a person: wallets linked by Sign-In with Ethereum (kind <c>siwe</c>), the custodial
/// key's address (kind <c>custodial</c>), and in chain mode the address an outside holder was first seen at (kind
/// <c>outside</c>, which also signs in with Ethereum). A signed vote from any of them is the person's vote; the one address the
/// rest of Mikoshi names for a person is <see cref="AddressOfAsync"/>.
/// </summary>
public sealed class WalletLinks(Writer writer, MikoshiDb db, UserManager<MikoshiUser> users)
{
    public const string SiweKind = "siwe";
    public const string CustodialKind = "custodial";

    /// <summary>
    /// The member's address: their most recently linked wallet if they linked one (signed in with it, or, for an
    /// outside holder, the address the chain first showed them at), else their custodial key's
    /// address, else null (no key is made here). Typed data for their votes names it as the voter, and chain mode
    /// mints and indexes their tokens under it.
    /// </summary>
    public static async Task<EthAddress?> AddressOfAsync(MikoshiDb db, PersonId person) =>
        AddressOf(await db.WalletLinks.AsNoTracking().Where(l => l.PersonId == person).ToListAsync());

    private static EthAddress? AddressOf(IReadOnlyList<WalletLinkRow> links)
    {
        var chosen = links.Where(l => l.Kind != CustodialKind).OrderByDescending(l => l.LinkedAtUnixMs).ThenBy(l => l.Address, StringComparer.Ordinal).FirstOrDefault()
            ?? links.FirstOrDefault(l => l.Kind == CustodialKind);
        return chosen is null ? null : EthAddress.Parse(chosen.Address).Value;
    }

    /// <summary>The person an address acts for, if it is linked (a wallet or a custodial key).</summary>
    public static async Task<PersonId?> PersonOfAsync(MikoshiDb db, EthAddress address)
    {
        var text = address.ToString().ToLowerInvariant();
        return (await db.WalletLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Address == text))?.PersonId;
    }

    public async Task<WalletsView> ListAsync(PersonId person)
    {
        var links = await db.WalletLinks.AsNoTracking().Where(l => l.PersonId == person).ToListAsync();
        var items = links.OrderBy(l => l.Kind == CustodialKind ? 1 : 0).ThenByDescending(l => l.LinkedAtUnixMs).ThenBy(l => l.Address, StringComparer.Ordinal)
            .Select(View).ToList();
        return new WalletsView(items, AddressOf(links)?.ToString());
    }

    /// <summary>Links the wallet that signed a checked message (<see cref="SignInWithEthereum.Check"/>) carrying a link nonce issued to this person.</summary>
    /// <param name="person">The signed-in person.</param>
    /// <param name="verified">The checked message.</param>
    /// <param name="sent">The message and signature as sent, kept so that the vote export can show anyone what linked the wallet.</param>
    public async Task<Result<Committed<WalletView>>> LinkAsync(PersonId person, Result<SiweMessage> verified, SiweSignedRequest? sent = null)
    {
        if (!verified.IsSuccess)
        {
            return verified.Error;
        }

        var message = verified.Value;
        var address = message.Address.ToString();
        var key = address.ToLowerInvariant();
        return await writer.RunAsync(Guid.Empty, person.ToString(), null, async write =>
        {
            var existing = await write.Db.WalletLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Address == key);
            if (existing is not null)
            {
                return existing.PersonId == person
                    ? WalletErrors.WalletAlreadyLinked
                    : WalletErrors.WalletLinkedElsewhere;
            }

            if (await SignInWithEthereum.UseNonceAsync(write, message, SignInWithEthereum.LinkPurpose, person) is { } refused)
            {
                return refused;
            }

            var row = new WalletLinkRow
            {
                Address = key,
                PersonId = person,
                Kind = SiweKind,
                LinkedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
                LinkMessage = sent?.Message,
                LinkSignature = sent?.Signature?.ToLowerInvariant(),
            };
            write.Db.WalletLinks.Add(row);
            await write.AuditAsync("wallet.linked", new { personId = person.ToString(), address, nonce = message.Nonce });
            return Result<WalletView>.Ok(View(row));
        });
    }

    /// <summary>
    /// Unlinks one of the person's Sign-In with Ethereum wallets. Votes it signed stay theirs. The custodial key's
    /// address is not a wallet they can drop, and a person whose only way in is this wallet keeps it.
    /// </summary>
    public async Task<Result<Committed<WalletView>>> UnlinkAsync(PersonId person, string? addressText)
    {
        var parsed = EthAddress.Parse(addressText);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var address = parsed.Value.ToString();
        var key = address.ToLowerInvariant();
        var user = await users.FindByIdAsync(person.ToString());
        var hasPassword = user?.PasswordHash is not null;
        var hasPasskey = user is not null && (await users.GetPasskeysAsync(user)).Count > 0;
        return await writer.RunAsync(Guid.Empty, person.ToString(), null, async write =>
        {
            var link = await write.Db.WalletLinks.FirstOrDefaultAsync(l => l.Address == key && l.PersonId == person);
            if (link is null)
            {
                return WalletErrors.WalletNotLinked;
            }

            if (link.Kind == CustodialKind)
            {
                return WalletErrors.CustodialWallet;
            }

            if (!hasPassword && !hasPasskey && await write.Db.WalletLinks.CountAsync(l => l.PersonId == person && l.Kind != CustodialKind) == 1)
            {
                return WalletErrors.LastSignInMethod;
            }

            write.Db.WalletLinks.Remove(link);

            // A new security stamp: a session cookie the wallet started ends at its next stamp check (Identity's
            // interval, 30 minutes); a bearer token already handed out lives out its hour.
            var owner = await write.Db.Users.SingleAsync(u => u.Id == person.Value);
            owner.SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
            owner.ConcurrencyStamp = Guid.NewGuid().ToString();
            await write.AuditAsync("wallet.unlinked", new { personId = person.ToString(), address });
            return Result<WalletView>.Ok(View(link));
        });
    }

    private static WalletView View(WalletLinkRow row) =>
        new(EthAddress.Parse(row.Address).Value.ToString(), row.Kind, DateTimeOffset.FromUnixTimeMilliseconds(row.LinkedAtUnixMs));

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me/wallets", async (WalletLinks wallets, HttpContext http) => Results.Ok(await wallets.ListAsync(http.Caller().RequirePerson())))
            .Allow(Access.SignedIn)
            .WithSummary("Your linked wallets (Sign-In with Ethereum) and your custodial key's address, and the address your votes are signed as.")
            .Produces<WalletsView>();
        api.MapPost("/me/wallets/nonce", async (SiweNonceRequest? request, SignInWithEthereum siwe, HttpContext http) =>
                Problems.From(await siwe.IssueAsync(SignInWithEthereum.LinkPurpose, http.Caller().RequirePerson(), request?.Address, http.Request)))
            .Allow(Access.SignedIn)
            .WithSummary("A single-use nonce to link a wallet to you (only you can use it); send {address} to get the whole EIP-4361 message to sign.")
            .Produces<SiweNonceView>();
        api.MapPost("/me/wallets", async (SiweSignedRequest request, WalletLinks wallets, SignInWithEthereum siwe, HttpContext http) =>
                Problems.From(await wallets.LinkAsync(http.Caller().RequirePerson(), siwe.Check(request, http.Request), request), StatusCodes.Status201Created, http))
            .Allow(Access.SignedIn)
            .WithSummary("Link a wallet {message, signature}: an EIP-4361 message carrying a nonce from POST /me/wallets/nonce, signed by the wallet.")
            .Produces<WalletView>(StatusCodes.Status201Created);
        api.MapPost("/me/wallets/{address}/unlink", async (string address, WalletLinks wallets, HttpContext http) =>
                Problems.From(await wallets.UnlinkAsync(http.Caller().RequirePerson(), address), StatusCodes.Status200OK, http))
            .Allow(Access.SignedIn)
            .WithSummary("Unlink one of your wallets; the votes it signed stay yours. Not your custodial key, and not your only way to sign in.")
            .Produces<WalletView>();
    }

}
