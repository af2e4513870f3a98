using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Auth;

namespace Mikoshi.Features.Pages;

/// <summary>What the account page reads from the store: who the person is, the invitations waiting for them, where they may earn.</summary>
public sealed record AccountView(MeView? Me, IReadOnlyList<OpenInvitation> Invitations, IReadOnlyList<EarningCommunity> EarningCommunities);

/// <summary>The account page's one query (passkeys, wallets and calendars come from their own services).</summary>
public sealed class AccountPage(MikoshiDb db)
{
    public async Task<AccountView> LoadAsync(PersonId person) =>
        new(await Me.FindAsync(db, person), await PageReads.InvitationsForAsync(db, person), await PageReads.EarningCommunitiesAsync(db, person));
}
