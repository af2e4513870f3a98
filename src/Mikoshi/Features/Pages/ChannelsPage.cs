using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Notifications;

namespace Mikoshi.Features.Pages;

/// <summary>The channels page: who is reading, and (for an admin) the community's channels.</summary>
public sealed record ChannelsView(Caller Caller, IReadOnlyList<ChannelView> Channels);

/// <summary>The community channels page's one query.</summary>
public sealed class ChannelsPage(MikoshiDb db, Callers callers, CommunityChannels channels)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<ChannelsView?> LoadAsync(string slug, PersonId reader)
    {
        if (await callers.InAsync(slug, reader) is not { } caller)
        {
            return null;
        }

        return new ChannelsView(caller, caller.Is(Role.Admin) ? await ListAsync(caller.RequireCommunity()) : []);
    }

    public async Task<IReadOnlyList<ChannelView>> ListAsync(Community community) => (await channels.ListAsync(db, community.Id)).Items;
}
