using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Features.Communities;

namespace Mikoshi.Features.Pages;

/// <summary>The home page's one query: the communities, a page at a time.</summary>
public sealed class HomePage(MikoshiDb db)
{
    public Task<Result<CommunityList>> LoadAsync(string? cursor) => GetCommunity.ListAsync(db, cursor, 50);
}
