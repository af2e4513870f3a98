using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Tax;

namespace Mikoshi.Features.Pages;

/// <summary>The payment notice page: the community and the person's notice for a year (or why not).</summary>
public sealed record TaxNoticeView(Community Community, Result<PaymentNotice> Notice);

/// <summary>The tax notice page's one query.</summary>
public sealed class TaxNoticePage(MikoshiDb db)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<TaxNoticeView?> LoadAsync(string slug, PersonId person, int? year, DateTimeOffset now) =>
        await PageReads.CommunityAsync(db, slug) is { } community
            ? new TaxNoticeView(community, await TaxReports.NoticeAsync(db, community, person, year, now))
            : null;
}
