using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Membership;

/// <summary>A person's token count from an instant on.</summary>
/// <param name="AtUnixMs">When the count changed.</param>
/// <param name="Count">How many tokens they held from then on.</param>
public readonly record struct Checkpoint(long AtUnixMs, long Count);

/// <summary>
/// Holdings over time, per person: an append-only list of checkpoints in time order, so the number
/// of tokens anyone held at any past instant is a binary search, O(log n). Holding counts as voting
/// power with no self-delegation step. The store keeps the same checkpoints in an indexed table.
/// </summary>
public sealed class HoldingsHistory
{
    private readonly Dictionary<PersonId, List<Checkpoint>> checkpoints = [];

    /// <summary>Records that <paramref name="person"/>'s count changed by <paramref name="delta"/> at an instant not before the last.</summary>
    public void Change(PersonId person, long atUnixMs, long delta)
    {
        if (!checkpoints.TryGetValue(person, out var list))
        {
            list = [];
            checkpoints[person] = list;
        }

        var current = list.Count == 0 ? 0 : list[^1].Count;
        if (list.Count > 0 && atUnixMs < list[^1].AtUnixMs)
        {
            throw new InvariantViolatedException("Checkpoints are appended in time order.");
        }

        var next = checked(current + delta);
        if (next < 0)
        {
            throw new InvariantViolatedException($"{person} would hold {next} tokens.");
        }

        if (list.Count > 0 && list[^1].AtUnixMs == atUnixMs)
        {
            list[^1] = new Checkpoint(atUnixMs, next);
        }
        else
        {
            list.Add(new Checkpoint(atUnixMs, next));
        }
    }

    /// <summary>How many tokens <paramref name="person"/> held at <paramref name="atUnixMs"/> (changes at that instant included).</summary>
    public long HeldAt(PersonId person, long atUnixMs) =>
        checkpoints.TryGetValue(person, out var list) ? CountAt(list, atUnixMs) : 0;

    /// <summary>The count at an instant in a time-ordered checkpoint list, by binary search.</summary>
    public static long CountAt(IReadOnlyList<Checkpoint> list, long atUnixMs)
    {
        int low = 0, high = list.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (list[middle].AtUnixMs <= atUnixMs)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? 0 : list[found].Count;
    }

    /// <summary>The periods in which a count was above zero: (from, until-or-null) in time order.</summary>
    public static IReadOnlyList<(long From, long? Until)> Periods(IReadOnlyList<Checkpoint> list)
    {
        var periods = new List<(long, long?)>();
        long? start = null;
        foreach (var checkpoint in list)
        {
            if (checkpoint.Count > 0 && start is null)
            {
                start = checkpoint.AtUnixMs;
            }
            else if (checkpoint.Count == 0 && start is not null)
            {
                periods.Add((start.Value, checkpoint.AtUnixMs));
                start = null;
            }
        }

        if (start is not null)
        {
            periods.Add((start.Value, null));
        }

        return periods;
    }
}
