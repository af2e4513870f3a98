namespace Mikoshi.Domain.Governance;

/// <summary>
/// Revocable delegation of voting power, one level deep.
/// <para>
/// The rule: each person's own power goes to the person they delegate to directly, unless they vote themselves on
/// the proposal (their own vote overrides the delegation). Power that arrived by delegation never moves on: with
/// A → B → C, C receives B's own power (if B did not vote), while A's power stays with B and counts only if B votes.
/// So nobody's power travels further than the person they chose.
/// </para>
/// </summary>
public static class Delegation
{
    /// <summary>
    /// The power each person casts if they vote: their own (unless they delegated it away and did not vote) plus the
    /// own power of everyone who delegated directly to them and did not vote. A delegator who did not vote appears
    /// with 0; someone with no power of their own but with delegators appears with what they received. A delegation
    /// to oneself is no delegation. The powers sum to the sum of <paramref name="ownPower"/>.
    /// </summary>
    /// <param name="ownPower">Each person's own power at the snapshot (zero or more).</param>
    /// <param name="delegateOf">Who each delegator delegates to, at the snapshot.</param>
    /// <param name="votedThemselves">Those who voted on the proposal themselves.</param>
    /// <exception cref="ArgumentException">A power is negative.</exception>
    public static IReadOnlyDictionary<Guid, long> Resolve(
        IReadOnlyDictionary<Guid, long> ownPower,
        IReadOnlyDictionary<Guid, Guid> delegateOf,
        IReadOnlySet<Guid> votedThemselves)
    {
        ArgumentNullException.ThrowIfNull(ownPower);
        ArgumentNullException.ThrowIfNull(delegateOf);
        ArgumentNullException.ThrowIfNull(votedThemselves);

        var effective = new Dictionary<Guid, long>(ownPower.Count);
        foreach (var (person, power) in ownPower)
        {
            if (power < 0)
            {
                throw new ArgumentException($"{person} has negative power.", nameof(ownPower));
            }

            var holder = delegateOf.TryGetValue(person, out var chosen) && chosen != person && !votedThemselves.Contains(person)
                ? chosen
                : person;
            effective[person] = effective.GetValueOrDefault(person);
            effective[holder] = checked(effective.GetValueOrDefault(holder) + power);
        }

        return effective;
    }

    /// <summary>
    /// True when delegating from <paramref name="from"/> to <paramref name="to"/> would close a loop: following
    /// <paramref name="to"/>'s chain of delegations (including <paramref name="to"/> itself) reaches
    /// <paramref name="from"/>. Delegating to oneself is a loop.
    /// </summary>
    /// <param name="delegateOf">The delegations in force.</param>
    /// <param name="from">Who would delegate.</param>
    /// <param name="to">To whom.</param>
    public static bool WouldLoop(IReadOnlyDictionary<Guid, Guid> delegateOf, Guid from, Guid to)
    {
        ArgumentNullException.ThrowIfNull(delegateOf);
        var seen = new HashSet<Guid>();
        for (var current = to; seen.Add(current);)
        {
            if (current == from)
            {
                return true;
            }

            if (!delegateOf.TryGetValue(current, out current))
            {
                return false;
            }
        }

        // An existing loop that does not pass through from: not ours to close.
        return false;
    }
}
