using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Wallets;

namespace Mikoshi.Features.Chain;

/// <summary>
/// The one seam between people and addresses on chain: where a member's tokens are minted and their
/// claims paid (their custodial key's address today; a wallet they link may take precedence), and
/// who an address is (a linked person, or an outside holder Mikoshi records on first sight).
/// </summary>
public sealed class ChainAddresses(CustodialKeys keys, MikoshiDb db)
{
    public const string OutsideKind = "outside";

    /// <summary>
    /// The address that receives <paramref name="person"/>'s tokens and claims: the member's address as
    /// <see cref="WalletLinks.AddressOfAsync"/> names it, else a custodial key's, created on first use.
    /// </summary>
    public async Task<Result<EthAddress>> ForPersonAsync(PersonId person)
    {
        if (await WalletLinks.AddressOfAsync(db, person) is { } address)
        {
            return address;
        }

        var key = await keys.EnsureAsync(person);
        return key.IsSuccess ? key.Value.Address : key.Error;
    }

    /// <summary>Lower-case 0x-hex, the form the chain tables keep.</summary>
    public static string Text(EthAddress address) => address.ToString().ToLowerInvariant();

    /// <summary>
    /// The person <paramref name="address"/> acts for; an address nobody is linked to becomes an outside
    /// holder: a person without a sign-in, named by the address, linked to it as <c>outside</c>.
    /// </summary>
    public static async Task<(PersonId Person, bool Created)> PersonOrOutsiderAsync(WriteScope write, EthAddress address)
    {
        var text = Text(address);
        var link = await write.Db.WalletLinks.FindAsync(text);
        if (link is not null)
        {
            return (link.PersonId, false);
        }

        var id = Guid.NewGuid();
        var name = address.ToString();
        write.Db.Users.Add(new MikoshiUser
        {
            Id = id,
            UserName = text,
            NormalizedUserName = text.ToUpperInvariant(),
            DisplayName = $"{name[..6]}…{name[^4..]}",
            CreatedAt = write.At,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString("N"),
        });
        write.Db.WalletLinks.Add(new WalletLinkRow { Address = text, PersonId = new PersonId(id), Kind = OutsideKind, LinkedAtUnixMs = write.At.ToUnixTimeMilliseconds() });
        await write.AuditAsync("chain.outside-holder", new { personId = new PersonId(id).ToString(), address = name });
        return (new PersonId(id), true);
    }

    /// <summary>The address token <paramref name="serial"/> last moved to on chain as mirrored (its mint or latest transfer), or null if none is.</summary>
    public static async Task<Domain.Governance.EthAddress?> MirroredAddressAsync(MikoshiDb db, CommunityId community, TokenId serial)
    {
        var last = await db.ChainEvents.AsNoTracking()
            .Where(e => e.CommunityId == community && e.Serial == serial.Value && (e.Kind == "mint" || e.Kind == "transfer"))
            .OrderByDescending(e => e.BlockNumber).ThenByDescending(e => e.LogIndex).FirstOrDefaultAsync();
        return last is null ? null : ChainOutbox.Address(JsonSerializer.Deserialize<ChainEffect>(last.Json, Writer.Json)!.To!);
    }
}
