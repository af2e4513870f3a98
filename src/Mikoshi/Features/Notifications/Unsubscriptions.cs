using Mikoshi.Data;
using Mikoshi.Domain;

namespace Mikoshi.Features.Notifications;

/// <summary>
/// The unsubscribe page's reads and its one write, so the page holds no store of its own: what a mail's link would
/// stop, and stopping it (the same use case the one-click POST runs).
/// </summary>
public sealed class Unsubscriptions(MikoshiDb db, Inbox inbox)
{
    public Task<Result<UnsubscribePreview>> PreviewAsync(string token) => Inbox.PreviewAsync(db, token);

    public Task<Result<Committed<UnsubscribedView>>> UnsubscribeAsync(string token) => inbox.UnsubscribeAsync(db, token);
}
