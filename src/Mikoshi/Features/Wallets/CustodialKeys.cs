using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Features.Wallets;

public sealed record CustodialKeyView(string? Address, DateTimeOffset? CreatedAt, DateTimeOffset? LastExportedAt);

/// <summary>The secret of a custodial key, for its owner to import into a wallet of their own.</summary>
public sealed record CustodialKeyExport(string Address, string Secret);

/// <summary>
/// A secp256k1 key per person without a wallet: generated on first use, its secret encrypted at rest with
/// ASP.NET Data Protection (keys shared by every replica through the database), linked to the person as the
/// address their votes are signed with, and exportable by its owner (audited; never anyone else).
/// </summary>
public sealed class CustodialKeys(Writer writer, MikoshiDb db, IDataProtectionProvider protection)
{
    /// <summary>The Data Protection purpose of a custodial key's secret at rest; nothing else is protected with it.</summary>
    public const string AtRestPurpose = "Mikoshi.Governance.CustodialKey.Secret.v1";

    private IDataProtector Protector => protection.CreateProtector(AtRestPurpose);

    public async Task<CustodialKeyView> ViewAsync(PersonId person)
    {
        var row = await db.CustodialKeys.AsNoTracking().FirstOrDefaultAsync(k => k.PersonId == person);
        return row is null
            ? new CustodialKeyView(null, null, null)
            : new CustodialKeyView(row.Address, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtUnixMs), row.LastExportedAtUnixMs is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
    }

    /// <summary>The person's key, generated, stored and linked on first use (a write to the instance's own audit chain).</summary>
    public async Task<Result<CustodialKey>> EnsureAsync(PersonId person)
    {
        var existing = await db.CustodialKeys.AsNoTracking().FirstOrDefaultAsync(k => k.PersonId == person);
        if (existing is not null)
        {
            return Open(existing);
        }

        // Protect before the write: the first protection may create a Data Protection key, which is stored in
        // this same database and would wait forever behind SQLite's one writer (our own transaction).
        var key = CustodialKey.Generate();
        var address = key.Address.ToString();
        var protectedSecret = Protector.Protect(Convert.ToHexStringLower(key.Secret()));
        var created = await writer.RunAsync(Guid.Empty, person.ToString(), null, async write =>
        {
            if (await write.Db.CustodialKeys.AnyAsync(k => k.PersonId == person))
            {
                return Result<string>.Ok("exists");
            }

            write.Db.CustodialKeys.Add(new CustodialKeyRow
            {
                PersonId = person,
                Address = address,
                ProtectedSecret = protectedSecret,
                CreatedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
            });
            write.Db.WalletLinks.Add(new WalletLinkRow { Address = address.ToLowerInvariant(), PersonId = person, Kind = "custodial", LinkedAtUnixMs = write.At.ToUnixTimeMilliseconds() });
            await write.AuditAsync("custodial-key.created", new { personId = person.ToString(), address });
            return Result<string>.Ok(address);
        });
        if (!created.IsSuccess && created.Error.Code != WriteErrors.Codes.Conflict)
        {
            return created.Error;
        }

        return Open(await db.CustodialKeys.AsNoTracking().SingleAsync(k => k.PersonId == person));
    }

    /// <summary>Hands the owner their secret (generating the key if they have none) and records that it left the server.</summary>
    public async Task<Result<CustodialKeyExport>> ExportAsync(PersonId person)
    {
        var key = await EnsureAsync(person);
        if (!key.IsSuccess)
        {
            return key.Error;
        }

        var exported = await writer.RunAsync(Guid.Empty, person.ToString(), null, async write =>
        {
            var row = await write.Db.CustodialKeys.SingleAsync(k => k.PersonId == person);
            row.LastExportedAtUnixMs = write.At.ToUnixTimeMilliseconds();
            await write.AuditAsync("custodial-key.exported", new { personId = person.ToString(), address = row.Address });
            return Result<string>.Ok(row.Address);
        });
        return exported.IsSuccess
            ? new CustodialKeyExport(key.Value.Address.ToString(), "0x" + Convert.ToHexStringLower(key.Value.Secret()))
            : exported.Error;
    }

    /// <summary>
    /// The person's key signs <paramref name="statement"/> as <c>personal_sign</c> would (EIP-191), or null when they
    /// have no key (none is made here) or its secret cannot be read.
    /// </summary>
    public async Task<string?> SignStatementAsync(PersonId person, string statement)
    {
        var row = await db.CustodialKeys.AsNoTracking().FirstOrDefaultAsync(k => k.PersonId == person);
        return row is not null && Open(row) is { IsSuccess: true } key ? key.Value.Sign(Domain.Identity.PersonalSign.Digest(statement)) : null;
    }

    private Result<CustodialKey> Open(CustodialKeyRow row)
    {
        try
        {
            return CustodialKey.FromSecret(Convert.FromHexString(Protector.Unprotect(row.ProtectedSecret)));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Its Data Protection key is missing or was sealed under another key-encryption key: a copied
            // database started without its key file. Nothing of the secret is here to hand out.
            return Features.Secrets.SecretBox.Unreadable();
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me/custodial-key", async (CustodialKeys keys, HttpContext http) => Results.Ok(await keys.ViewAsync(http.Caller().RequirePerson())))
            .Allow(Access.SignedIn)
            .WithSummary("Your custodial key's address (null until your first custodial vote or export).")
            .Produces<CustodialKeyView>();
        api.MapPost("/me/custodial-key/export", async (CustodialKeys keys, HttpContext http) => Problems.From(await keys.ExportAsync(http.Caller().RequirePerson())))
            .Allow(Access.SignedIn)
            .WithSummary("Export your custodial key's secret (0x + 64 hex digits) to use it in a wallet of your own; the export is audited.")
            .Produces<CustodialKeyExport>();
    }
}
