using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Bench.Membership;

/// <summary>
/// A synthetic token history, in time order: <c>tokens</c> mints to random people and
/// <c>transfers</c> moves of random minted tokens from their owner to another random person, mixed
/// at random (a token is always minted before it moves), each at its own instant, 1–10,000 ms after
/// the one before. Fixed seed: the same arguments give the same history on every machine.
/// Struct-of-arrays, person indices rather than ids, so that the scan baselines read as little as possible.
/// </summary>
public sealed class HoldingsLog
{
    /// <summary>2024-01-01T00:00Z, where the history starts.</summary>
    public const long StartUnixMs = 1_704_067_200_000;

    private HoldingsLog(PersonId[] people, long[] at, int[] from, int[] to, int tokens)
    {
        People = people;
        At = at;
        From = from;
        To = to;
        Tokens = tokens;
    }

    public PersonId[] People { get; }

    /// <summary>When each event happened, strictly increasing.</summary>
    public long[] At { get; }

    /// <summary>Who gave the token up (an index into <see cref="People"/>), or -1 for a mint.</summary>
    public int[] From { get; }

    /// <summary>Who received the token.</summary>
    public int[] To { get; }

    public int Tokens { get; }

    public int Events => At.Length;

    public int Transfers => At.Length - Tokens;

    public static HoldingsLog Generate(int people, int tokens, int transfers, int seed)
    {
        var random = new Random(seed);
        var ids = new PersonId[people];
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < people; i++)
        {
            random.NextBytes(bytes);
            ids[i] = new PersonId(new Guid(bytes));
        }

        var events = checked(tokens + transfers);
        var at = new long[events];
        var from = new int[events];
        var to = new int[events];
        var owner = new int[tokens];
        var minted = 0;
        var now = StartUnixMs;
        for (var i = 0; i < events; i++)
        {
            now += 1 + random.Next(10_000);
            at[i] = now;

            // Exactly `tokens` mints, spread at random over the history; the first event is a mint.
            if (minted == 0 || random.NextInt64(events - i) < tokens - minted)
            {
                from[i] = -1;
                to[i] = random.Next(people);
                owner[minted++] = to[i];
            }
            else
            {
                var token = random.Next(minted);
                var recipient = random.Next(people - 1);
                from[i] = owner[token];
                to[i] = recipient >= owner[token] ? recipient + 1 : recipient;
                owner[token] = to[i];
            }
        }

        return new HoldingsLog(ids, at, from, to, tokens);
    }

    /// <summary>The history as Mikoshi keeps it in memory: one checkpoint per person per event.</summary>
    public HoldingsHistory ToHistory()
    {
        var history = new HoldingsHistory();
        for (var i = 0; i < At.Length; i++)
        {
            if (From[i] >= 0)
            {
                history.Change(People[From[i]], At[i], -1);
            }

            history.Change(People[To[i]], At[i], +1);
        }

        return history;
    }

    /// <summary>Random (person, instant) pairs: any person, any instant from just before the first event to just after the last.</summary>
    public (int Person, long AtUnixMs)[] Queries(int count, int seed)
    {
        var random = new Random(seed);
        var first = At[0] - 10_000;
        var last = At[^1] + 10_000;
        var queries = new (int, long)[count];
        for (var i = 0; i < count; i++)
        {
            queries[i] = (random.Next(People.Length), first + random.NextInt64(last - first + 1));
        }

        return queries;
    }

    /// <summary>
    /// The answers to many queries from one pass over the log (queries in time order, a running
    /// count per person): the reference every other method is checked against.
    /// </summary>
    public long[] Sweep((int Person, long AtUnixMs)[] queries)
    {
        var order = Enumerable.Range(0, queries.Length).OrderBy(q => queries[q].AtUnixMs).ToArray();
        var counts = new long[People.Length];
        var answers = new long[queries.Length];
        var next = 0;
        foreach (var q in order)
        {
            while (next < At.Length && At[next] <= queries[q].AtUnixMs)
            {
                if (From[next] >= 0)
                {
                    counts[From[next]]--;
                }

                counts[To[next]]++;
                next++;
            }

            answers[q] = counts[queries[q].Person];
        }

        return answers;
    }

    /// <summary>The baseline: read the log from the start, stopping at the first event after the instant (the log is in time order).</summary>
    public long ScanUntil(int person, long atUnixMs, out int read)
    {
        long count = 0;
        var i = 0;
        for (; i < At.Length && At[i] <= atUnixMs; i++)
        {
            if (To[i] == person)
            {
                count++;
            }
            else if (From[i] == person)
            {
                count--;
            }
        }

        read = i;
        return count;
    }

    /// <summary>The baseline as the issue words it: every event in the log, filtered by instant.</summary>
    public long ScanAll(int person, long atUnixMs)
    {
        long count = 0;
        for (var i = 0; i < At.Length; i++)
        {
            if (At[i] <= atUnixMs)
            {
                if (To[i] == person)
                {
                    count++;
                }
                else if (From[i] == person)
                {
                    count--;
                }
            }
        }

        return count;
    }

    /// <summary>Each person's checkpoints as the store keeps them: (person, sequence from 1, instant, count from then on).</summary>
    public IEnumerable<(int Person, long Sequence, long AtUnixMs, long Count)> CheckpointRows()
    {
        var perPerson = new List<(long At, long Count)>[People.Length];
        var counts = new long[People.Length];
        for (var i = 0; i < At.Length; i++)
        {
            if (From[i] >= 0)
            {
                Add(From[i], At[i], --counts[From[i]]);
            }

            Add(To[i], At[i], ++counts[To[i]]);
        }

        for (var person = 0; person < People.Length; person++)
        {
            var list = perPerson[person];
            for (var s = 0; list is not null && s < list.Count; s++)
            {
                yield return (person, s + 1, list[s].At, list[s].Count);
            }
        }

        void Add(int person, long at, long count) => (perPerson[person] ??= []).Add((at, count));
    }
}
