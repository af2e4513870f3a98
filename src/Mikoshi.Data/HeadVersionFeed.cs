using System.Collections.Concurrent;
using System.Globalization;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>
/// What this process knows of the store without asking it (PostgreSQL, docs/caches.md): a community's slug and its id
/// (neither ever changes), each chain's latest committed version, and the security stamps of people who made signed-in
/// requests. Fed by the store's own notifications (<see cref="HeadVersionListener"/>; the triggers are
/// <see cref="HeadNotifications"/>) and by this process's own commits as soon as they are made (<see cref="Writer"/> and
/// <see cref="JournalPost"/> for versions, <see cref="StampWatch"/> for stamps), so a reader here sees its own write at
/// once and another replica's as soon as its notification arrives.
/// </summary>
/// <remarks>
/// What it knows is only trusted while the listener is connected, and only when it was learned while it was: a version
/// read from the database after <c>LISTEN</c> took effect can only be overtaken by a commit that notifies. Losing the
/// connection forgets everything, and until the listener is back every request reads its versions (and stamp) from the
/// database again (<see cref="ReadCache.FindAsync"/>). Versions only go up: whatever arrives out of order, the higher is
/// kept. A notification heard while the feed is not live is dropped: the feed starts from nothing when it is.
/// </remarks>
public sealed class HeadVersionFeed
{
    /// <summary>The PostgreSQL channel the triggers notify on (<see cref="HeadNotifications"/>; payloads at <see cref="Heard"/>).</summary>
    public const string Channel = "mikoshi_heads";

    /// <summary>How a notification that a person's security stamp changed begins.</summary>
    public const string StampPrefix = "stamp ";

    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, CommunityId> slugs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, long> versions = new();
    private readonly ConcurrentDictionary<Guid, string> stamps = new();
    private long epochs;

    /// <summary>How many times a stamp was said to change: a stamp read across one of them is not kept.</summary>
    private long stampChanges;

    /// <summary>The epoch the listener is live in (each connection gets a new one), or 0 while it is not.</summary>
    private long live;

    /// <summary>Whether the listener is connected and listening now.</summary>
    public bool IsLive => Epoch != 0;

    /// <summary>Which of the listener's connections the feed is live on (each one gets a new number), or 0 while it is not.</summary>
    public long Epoch => Volatile.Read(ref live);

    /// <summary>The community with this slug and the versions to answer at, when both are known; false sends the caller to the database.</summary>
    public bool TryFind(string slug, out CommunityId community, out HeadVersion at)
    {
        at = default;
        if (IsLive && slugs.TryGetValue(slug, out community)
            && versions.TryGetValue(community.Value, out var chain) && versions.TryGetValue(Guid.Empty, out var instance)
            && IsLive)
        {
            at = new HeadVersion(chain, instance);
            return true;
        }

        community = default;
        return false;
    }

    /// <summary>To call before a read of the versions from the database; hand the answer to <see cref="Learned"/> with it.</summary>
    public long Begin() => Epoch;

    /// <summary>What a read that began at <paramref name="began"/> found; kept only if the listener was live all along.</summary>
    public void Learned(long began, string slug, CommunityId community, HeadVersion at)
    {
        lock (gate)
        {
            if (began == 0 || began != live)
            {
                return;
            }

            slugs[slug] = community;
            Raise(community.Value, at.Chain);
            Raise(Guid.Empty, at.Instance);
        }
    }

    /// <summary>This process committed <paramref name="version"/> of <paramref name="chain"/>.</summary>
    public void Committed(Guid chain, long version)
    {
        lock (gate)
        {
            if (live != 0)
            {
                Raise(chain, version);
            }
        }
    }

    /// <summary>A person's security stamp, when known; false sends the caller to the database.</summary>
    public bool TryStamp(Guid person, out string? stamp)
    {
        stamp = null;
        return IsLive && stamps.TryGetValue(person, out stamp) && IsLive;
    }

    /// <summary>To call before a read of a stamp from the database; hand the answer to <see cref="LearnedStamp"/> with it.</summary>
    public (long Epoch, long Changes) BeginStamp()
    {
        lock (gate)
        {
            return (live, stampChanges);
        }
    }

    /// <summary>
    /// The stamp a read that began at <paramref name="began"/> found (null: no such person, not kept); kept only if the
    /// listener was live all along and no stamp was said to change meanwhile.
    /// </summary>
    public void LearnedStamp((long Epoch, long Changes) began, Guid person, string? stamp)
    {
        lock (gate)
        {
            if (stamp is not null && began.Epoch != 0 && began.Epoch == live && began.Changes == stampChanges)
            {
                stamps[person] = stamp;
            }
        }
    }

    /// <summary>
    /// A person's stamp changed, or is about to (this process's save, told before and after it commits; another's,
    /// by notification): forget it, and refuse to keep any stamp read while this was going on.
    /// </summary>
    public void StampChanged(Guid person)
    {
        lock (gate)
        {
            stampChanges++;
            stamps.TryRemove(person, out _);
        }
    }

    /// <summary>
    /// A notification's payload: <c>"{chain} {version}"</c>, or <c>"stamp {person}"</c> when a person's security
    /// stamp changed; anything else is ignored.
    /// </summary>
    public void Heard(string payload)
    {
        if (payload.StartsWith(StampPrefix, StringComparison.Ordinal))
        {
            if (Guid.TryParse(payload.AsSpan(StampPrefix.Length), out var person))
            {
                StampChanged(person);
            }

            return;
        }

        var space = payload.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && Guid.TryParse(payload.AsSpan(0, space), out var chain)
            && long.TryParse(payload.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            Committed(chain, version);
        }
    }

    /// <summary>The listener's <c>LISTEN</c> has taken effect: a new epoch, starting from nothing.</summary>
    public void Listening()
    {
        lock (gate)
        {
            Forget();
            live = ++epochs;
        }
    }

    /// <summary>The listener lost its connection (or stopped): forget everything until it listens again.</summary>
    public void Lost()
    {
        lock (gate)
        {
            live = 0;
            Forget();
        }
    }

    private void Forget()
    {
        slugs.Clear();
        versions.Clear();
        stamps.Clear();
        stampChanges++;
    }

    private void Raise(Guid chain, long version) =>
        versions.AddOrUpdate(chain, version, (_, known) => Math.Max(known, version));
}
