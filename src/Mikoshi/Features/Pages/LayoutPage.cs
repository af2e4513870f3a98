using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Auth;
using Mikoshi.Features.Notifications;

namespace Mikoshi.Features.Pages;

/// <summary>What the layout shows a signed-in person: who they are and how many notifications wait unread.</summary>
public sealed record LayoutView(MeView? Me, int Unread);

/// <summary>The layout's one query.</summary>
public sealed class LayoutPage(MikoshiDb db)
{
    public async Task<LayoutView> LoadAsync(PersonId person) => new(await Me.FindAsync(db, person), await Inbox.UnreadAsync(db, person));
}
