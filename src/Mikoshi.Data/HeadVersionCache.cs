using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Caching.Memory;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>
/// The versions a read is answered at: the community's chain head and the instance's (<see cref="Guid.Empty"/>, whose
/// writes change people's names and whether they are shown in public). Both are bumped by every write that commits on
/// their chain (<see cref="Writer"/>), so two requests that read the same pair read the same data.
/// </summary>
public readonly record struct HeadVersion(long Chain, long Instance);

/// <summary>The key of one cached read: what it is, the chain, the versions it was read at, and the rest of its question.</summary>
public readonly record struct ReadKey(string Kind, Guid Chain, HeadVersion At, string Detail = "");

/// <summary>
/// Reads answered once per head version (issue #18 part 3, docs/caches.md). Every request reads the head version from
/// <c>chain_heads</c> first — one primary-key statement — and looks its answer up under that version; a write anywhere
/// (this process or another replica on the same database) bumps the version, so the next request reads a version no
/// entry is stored under and reads the store afresh. Nothing is ever invalidated: entries of old versions are simply
/// never asked for again and fall out under the size limit (least recently used first). What is stored must be
/// immutable: records and frozen sets, never an entity a context tracks.
/// </summary>
public sealed class ReadCache : IDisposable
{
    /// <summary>The default bound, in entries (configuration key <c>Mikoshi:ReadCache:Entries</c>).</summary>
    public const int DefaultEntries = 4096;

    private readonly MemoryCache cache;
    private readonly HeadVersionFeed? feed;

    /// <param name="entries">The bound, in entries.</param>
    /// <param name="feed">On PostgreSQL, the versions its notifications keep (docs/caches.md); without it, or while it is not live, every request reads them.</param>
    public ReadCache(int entries = DefaultEntries, HeadVersionFeed? feed = null)
    {
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(entries, 1), CompactionPercentage = 0.25 });
        this.feed = feed;
    }

    /// <summary>The answer stored under <paramref name="key"/>, or <paramref name="read"/>'s, stored when <paramref name="keep"/> allows.</summary>
    public async Task<T> GetOrReadAsync<T>(ReadKey key, Func<Task<T>> read, Func<T, bool>? keep = null)
    {
        if (cache.TryGetValue(key, out var hit) && hit is T found)
        {
            return found;
        }

        var value = await read();
        if (keep is null || keep(value))
        {
            cache.Set(key, (object?)value, new MemoryCacheEntryOptions { Size = 1 });
        }

        return value;
    }

    /// <summary>How many entries are held now (for tests and the docs' sizing).</summary>
    public int Count => cache.Count;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SqliteReadLanes> lanes = new(StringComparer.Ordinal);

    public void Dispose()
    {
        cache.Dispose();
        foreach (var lane in lanes.Values)
        {
            lane.Dispose();
        }
    }

    /// <summary>
    /// A statement every request runs (the head versions, the security stamp): on SQLite outside a transaction, on a
    /// connection kept open with the statement prepared (<see cref="SqliteReadLanes"/>); otherwise as
    /// <see cref="QueryAsync"/>. PostgreSQL's own connection pool keeps its connections open already.
    /// </summary>
    public Task<T> HotQueryAsync<T>(MikoshiDb db, string sql, Action<DbCommand> parameters, Func<DbDataReader, Task<T>> read, CancellationToken cancellationToken = default)
    {
        if (db.IsPostgres || db.Database.CurrentTransaction is not null || db.Database.GetConnectionString() is not { } connection)
        {
            return QueryAsync(db, sql, parameters, read, cancellationToken);
        }

        return lanes.GetOrAdd(connection, c => new SqliteReadLanes(c)).QueryAsync(sql, parameters, read, cancellationToken);
    }

    /// <summary>
    /// The community with this slug and the versions to answer at: from the <see cref="HeadVersionFeed"/> when it knows
    /// them, else in one statement (the community's id, its head's version and the instance head's version); null when
    /// no community has the slug.
    /// </summary>
    public async Task<(CommunityId Community, HeadVersion At)?> FindAsync(MikoshiDb db, string slug, CancellationToken cancellationToken = default)
    {
        if (feed is null)
        {
            return await ReadVersionsAsync(db, slug, cancellationToken);
        }

        if (feed.TryFind(slug, out var known, out var at))
        {
            return (known, at);
        }

        var began = feed.Begin();
        var found = await ReadVersionsAsync(db, slug, cancellationToken);
        if (found is { } read)
        {
            feed.Learned(began, slug, read.Community, read.At);
        }

        return found;
    }

    private async Task<(CommunityId Community, HeadVersion At)?> ReadVersionsAsync(MikoshiDb db, string slug, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT c."Id",
                   COALESCE((SELECT h."Version" FROM chain_heads h WHERE h."Chain" = c."Id"), 0),
                   COALESCE((SELECT i."Version" FROM chain_heads i WHERE i."Chain" = @instance), 0)
            FROM communities c WHERE c."Slug" = @slug
            """;
        return await HotQueryAsync(db, sql, command =>
            {
                Parameter(db, command, "@instance", Guid.Empty);
                Parameter(db, command, "@slug", slug);
            },
            async reader => await reader.ReadAsync(cancellationToken)
                ? (new CommunityId(SqlText.ReadId(db, reader, 0)), new HeadVersion(reader.GetInt64(1), reader.GetInt64(2)))
                : ((CommunityId, HeadVersion)?)null,
            cancellationToken);
    }

    /// <summary>The versions of a community already known, in one primary-key statement.</summary>
    public static async Task<HeadVersion> VersionAsync(MikoshiDb db, CommunityId community, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT COALESCE((SELECT h."Version" FROM chain_heads h WHERE h."Chain" = @chain), 0),
                   COALESCE((SELECT i."Version" FROM chain_heads i WHERE i."Chain" = @instance), 0)
            """;
        return await QueryAsync(db, sql, command =>
            {
                Parameter(db, command, "@chain", community.Value);
                Parameter(db, command, "@instance", Guid.Empty);
            },
            async reader =>
            {
                await reader.ReadAsync(cancellationToken);
                return new HeadVersion(reader.GetInt64(0), reader.GetInt64(1));
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs one statement on the context's connection (inside its transaction, if one is open) and reads its rows
    /// straight from the data reader: no materializer, no change tracking.
    /// </summary>
    public static async Task<T> QueryAsync<T>(MikoshiDb db, string sql, Action<DbCommand> parameters, Func<DbDataReader, Task<T>> read, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            parameters(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The GUID in column <paramref name="ordinal"/>, as the store keeps it (a uuid; on SQLite its 16 bytes).</summary>
    public static Guid Id(MikoshiDb db, DbDataReader reader, int ordinal) => SqlText.ReadId(db, reader, ordinal);

    /// <summary>
    /// A parameter written the way the store writes the column (EF's own type mapping, with the model's conventions: on
    /// SQLite a GUID is its 16 bytes), so a hand-written statement compares like EF's own.
    /// </summary>
    public static void Parameter<T>(MikoshiDb db, DbCommand command, string name, T value)
    {
        var mapping = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(T), db.Model)
            ?? throw new InvalidOperationException($"No store mapping for {typeof(T).Name}.");
        command.Parameters.Add(mapping.CreateParameter(command, name, value));
    }
}
