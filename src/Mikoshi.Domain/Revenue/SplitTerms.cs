using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Revenue;

/// <summary>
/// One party of a split agreement: a team member with a weight, or anyone (an outside party) with a
/// fixed share in basis points taken before the weights split the rest.
/// </summary>
/// <param name="Person">Who is paid.</param>
/// <param name="Weight">A relative weight (0 or more); 0 when the party has a fixed share.</param>
/// <param name="FixedBps">A fixed share of the contributors' part in basis points; 0 when the party has a weight.</param>
public sealed record SplitParty(PersonId Person, long Weight, Bps FixedBps)
{
    /// <summary>Whether the party is paid a fixed share rather than by weight.</summary>
    public bool IsFixed => FixedBps > Bps.Zero;
}

/// <summary>
/// How a project's contributors share their part of revenue: fixed shares first (outside parties),
/// then the rest by weight. Every split is exact: largest remainder, ties to the earlier party.
/// </summary>
public sealed record SplitTerms
{
    /// <summary>Most parties one agreement names.</summary>
    public const int MaxParties = 200;

    private SplitTerms(IReadOnlyList<SplitParty> parties) => Parties = parties;

    /// <summary>The parties, in the order the agreement lists them.</summary>
    public IReadOnlyList<SplitParty> Parties { get; }

    /// <summary>
    /// Checks an agreement: at least one party, each person once, weights 0 or more and not all zero
    /// unless fixed shares make the whole, fixed shares 1 to 10,000 basis points and together at most
    /// the whole, and a party has a weight or a fixed share, not both.
    /// </summary>
    public static Result<SplitTerms> Of(IReadOnlyList<SplitParty>? parties)
    {
        if (parties is null || parties.Count is 0 or > MaxParties)
        {
            return RevenueErrors.InvalidSplit;
        }

        if (parties.Select(p => p.Person).Distinct().Count() != parties.Count)
        {
            return RevenueErrors.InvalidSplit;
        }

        if (parties.Any(p => p.Weight < 0))
        {
            return RevenueErrors.InvalidSplit;
        }

        if (parties.Any(p => p.Weight > 0 && p.IsFixed))
        {
            return RevenueErrors.InvalidSplit;
        }

        var fixedTotal = parties.Sum(p => (long)p.FixedBps.Value);
        if (fixedTotal > RevenuePolicy.Whole)
        {
            return RevenueErrors.InvalidSplit;
        }

        var weightTotal = parties.Aggregate(Int128.Zero, (sum, p) => sum + p.Weight);
        if (weightTotal > long.MaxValue)
        {
            return RevenueErrors.InvalidSplit;
        }

        if (fixedTotal < RevenuePolicy.Whole && weightTotal == Int128.Zero)
        {
            return RevenueErrors.InvalidSplit;
        }

        return new SplitTerms(parties.ToList());
    }

    /// <summary>Splits <paramref name="amount"/> among the parties, in their order; the parts sum to the amount.</summary>
    public IReadOnlyList<Int128> Split(Int128 amount)
    {
        var fixedParties = Parties.Select((p, i) => (Party: p, Index: i)).Where(p => p.Party.IsFixed).ToList();
        var fixedTotal = fixedParties.Sum(p => (long)p.Party.FixedBps.Value);
        var parts = new Int128[Parties.Count];
        var rest = amount;
        if (fixedParties.Count > 0)
        {
            var fixedParts = Allocation.Allocate(amount, [.. fixedParties.Select(p => (long)p.Party.FixedBps.Value), RevenuePolicy.Whole - fixedTotal]).Value;
            for (var i = 0; i < fixedParties.Count; i++)
            {
                parts[fixedParties[i].Index] = fixedParts[i];
            }

            rest = fixedParts[^1];
        }

        if (rest > Int128.Zero)
        {
            var weighted = Parties.Select((p, i) => (Party: p, Index: i)).Where(p => !p.Party.IsFixed).ToList();
            var weightedParts = Allocation.Allocate(rest, weighted.Select(p => p.Party.Weight).ToList()).Value;
            for (var i = 0; i < weighted.Count; i++)
            {
                parts[weighted[i].Index] = weightedParts[i];
            }
        }

        return parts;
    }
}
