using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Domain;

namespace Mikoshi.Data;

/// <summary>
/// The lean writes' group commit (<see cref="JournalPost"/>): the posts to one chain that arrive in this process while
/// one is running wait for its turn, and whoever takes the turn next posts its own entry and every entry waiting behind
/// it, up to <see cref="MaxGroup"/>, together — one command of reads, one batch of writes. On PostgreSQL that is one
/// transaction: one lock of the head row, one commit. On SQLite it is one member of the file's group commit
/// (<see cref="SqliteGroupCommit"/>), in a savepoint of its own. Each caller still gets its own answer, after the
/// commit; a refused write is left out of the group's writes, and if the group's statements fail, each of its writes
/// is posted again alone.
/// </summary>
/// <remarks>
/// <para>
/// The head row's lock is still what keeps writers of a chain apart, across every replica; this only decides, inside
/// one process, who goes in which transaction. Before it, sixteen deposits to one community took the lock one after
/// another, two round trips each, and sixteen clients posted no more than one on PostgreSQL (docs/benchmarks.md section
/// 28). On SQLite the file's group commit already shared one commit among them, but each still ran its own statements,
/// one write after another (section 29).
/// </para>
/// <para>
/// Two posts under the same idempotency key never share a group: the second waits for the next, where it reads the
/// first one's key and replays it. The group runs on the connection of the caller who took the turn, and is not
/// cancelled with that caller's request: the others' writes are in it too.
/// </para>
/// <para>
/// One queue and one semaphore per (database, chain) for the life of the process: a few dozen bytes per community
/// written to. While it holds its turn a post runs no caller's code but the pure functions that build the answers, so a
/// turn is never asked for twice in one flow.
/// </para>
/// </remarks>
public static class ChainGroups
{
    /// <summary>The most writes one transaction carries (as <see cref="SqliteGroupCommit"/>), so none waits for more than that many before its commit.</summary>
    public const int MaxGroup = 64;

    private static readonly ConcurrentDictionary<(string Database, Guid Chain), Queue> Queues = new();

    private static readonly ConcurrentDictionary<Guid, int> Holds = new();

    /// <summary>
    /// Test hook: the next group posted to <paramref name="chain"/> is not taken until <paramref name="writes"/> posts are
    /// waiting, so a test can put refusals, retries and overdrafts into one transaction without timing anything.
    /// </summary>
    public static void HoldNextGroupFor(Guid chain, int writes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(writes, MaxGroup);
        Holds[chain] = writes;
    }

    /// <summary>Test hook: how many posts to <paramref name="chain"/> are waiting to be taken into a group, in any database.</summary>
    public static int Waiting(Guid chain) => Queues.Where(q => q.Key.Chain == chain).Sum(q => q.Value.Count);

    internal static async Task<Result<Committed<T>>> RunAsync<T>(MikoshiDb db, JournalPost.Request request, Func<long, T> answer, HeadVersionFeed? feed)
    {
        var chain = request.Caller.RequireCommunity().Id.Value;
        var me = new JournalPost.Member<T>(request, answer);
        var queue = Queues.GetOrAdd((db.Database.GetConnectionString() ?? string.Empty, chain), _ => new Queue());
        queue.Add(me);

        // Until an earlier group or one of its own has posted it. Every post still waiting has a caller in this loop, so
        // none is left behind; a post is taken in the order it arrived, unless its key is in the group already.
        while (!me.Outcome.IsCompleted)
        {
            await queue.Turn.WaitAsync();
            try
            {
                if (me.Outcome.IsCompleted)
                {
                    break;
                }

                if (Holds.TryRemove(chain, out var hold))
                {
                    await queue.Reached(hold);
                }

                await PostAsync(db, queue.Take(), feed);
            }
            finally
            {
                queue.Turn.Release();
            }
        }

        // Another caller's post may have moved rows this context still tracks, as a post on it would have.
        ChainHeads.Forget(db);
        return await me.Outcome;
    }

    /// <summary>
    /// Posts <paramref name="group"/> and answers its callers once it is committed: on PostgreSQL the post commits its own
    /// transaction; on SQLite it is one member of the file's group commit (<see cref="SqliteGroupCommit"/>), which may
    /// carry other writes too, and its callers hear only when the file has committed.
    /// </summary>
    private static async Task PostAsync(MikoshiDb db, List<JournalPost.Member> group, HeadVersionFeed? feed)
    {
        try
        {
            if (SqliteGroupCommit.For(db) is { } file)
            {
                // Kept whatever its members' answers: a member that failed left nothing in the post's savepoint.
                await file.RunAsync(db, async () =>
                {
                    await JournalPost.RunAsync(db, group, feed, CancellationToken.None);
                    return group;
                }, keep: _ => true);
            }
            else
            {
                await JournalPost.RunAsync(db, group, feed, CancellationToken.None);
            }
        }
        catch (Exception exception)
        {
            // Not even posted alone (the connection could not be opened), or not committed: every caller of the group hears why.
            foreach (var member in group)
            {
                member.Throw(exception);
            }
        }

        foreach (var member in group)
        {
            member.Settle();
        }
    }

    private sealed class Queue
    {
        /// <summary>Posts not yet taken into a group, oldest first; each one's caller is in the loop above.</summary>
        private readonly List<JournalPost.Member> waiting = [];

        private (int Count, TaskCompletionSource Reached)? hold;

        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Count
        {
            get
            {
                lock (waiting)
                {
                    return waiting.Count;
                }
            }
        }

        public void Add(JournalPost.Member member)
        {
            lock (waiting)
            {
                waiting.Add(member);
                if (hold is { } held && waiting.Count >= held.Count)
                {
                    held.Reached.TrySetResult();
                }
            }
        }

        /// <summary>Completes once <paramref name="count"/> posts are waiting.</summary>
        public Task Reached(int count)
        {
            lock (waiting)
            {
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                hold = (count, reached);
                if (waiting.Count >= count)
                {
                    reached.TrySetResult();
                }

                return reached.Task;
            }
        }

        /// <summary>The next group: the oldest posts waiting, up to <see cref="MaxGroup"/>, skipping any whose key is in the group already.</summary>
        public List<JournalPost.Member> Take()
        {
            lock (waiting)
            {
                hold = null;
                var group = new List<JournalPost.Member>();
                var keys = new HashSet<(string Scope, string Key)>();
                for (var i = 0; i < waiting.Count && group.Count < MaxGroup;)
                {
                    var next = waiting[i];
                    if (next.Request.Idempotency is { } key && !keys.Add((next.Request.Caller.Actor, key.Key)))
                    {
                        i++;
                        continue;
                    }

                    waiting.RemoveAt(i);
                    group.Add(next);
                }

                return group;
            }
        }
    }
}
