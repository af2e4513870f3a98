using System.Globalization;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Notifications;

namespace Mikoshi.Features.Pages;

/// <summary>The inbox page: a page of notifications and the delivery settings.</summary>
public sealed record NotificationsView(NotificationPage Page, SettingsView Settings);

/// <summary>The notifications page's one query.</summary>
public sealed class NotificationsPage(MikoshiDb db)
{
    public async Task<NotificationsView> LoadAsync(PersonId person, long? before, CultureInfo reader) =>
        new(await Inbox.ListAsync(db, person, before, reader), await Inbox.SettingsAsync(db, person));
}
