using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Domain.Revenue;

/// <summary>
/// What the treasury put into one project in one asset, and what it may take back: each grant adds to what was granted;
/// a grant with a recoupment rate also adds to what is outstanding and sets the rate for all of it. Revenue then pays
/// the rate's share of itself back to the treasury, never more than is outstanding — so the treasury never recovers
/// more than it granted, and outstanding plus recouped is always exactly what was granted to be recovered.
/// </summary>
public sealed class ProjectFunding
{
    /// <summary>Longest asset code the funding row stores.</summary>
    public const int MaxAssetLength = 12;

    private ProjectFunding()
    {
        Asset = string.Empty;
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The project, by its number in the community.</summary>
    public ProjectNumber ProjectNumber { get; private set; }

    /// <summary>The asset's code.</summary>
    public string Asset { get; private set; }

    /// <summary>Everything granted, in minor units.</summary>
    public Int128 Granted { get; private set; }

    /// <summary>What the treasury may still recover from revenue.</summary>
    public Int128 Outstanding { get; private set; }

    /// <summary>What the treasury has recovered so far.</summary>
    public Int128 Recouped { get; private set; }

    /// <summary>The share of each revenue event that goes back to the treasury while something is outstanding.</summary>
    public Bps RecoupRateBps { get; private set; }

    /// <summary>A project's funding in <paramref name="asset"/> before any grant: nothing granted, nothing to recover.</summary>
    public static ProjectFunding Open(CommunityId community, ProjectNumber project, Asset asset) =>
        new() { CommunityId = community, ProjectNumber = project, Asset = asset.Code };

    /// <summary>
    /// Adds a grant: it counts as granted; with a rate above zero it is also to be recovered, and the rate becomes the
    /// rate of everything still outstanding. Refused for another asset or an amount that is not positive.
    /// </summary>
    public Result<ProjectFunding> Grant(Money amount, Bps recoupRate)
    {
        if (amount.Asset.Code != Asset || amount.Units <= Int128.Zero)
        {
            return MoneyErrors.InvalidAmount;
        }

        Granted = checked(Granted + amount.Units);
        if (recoupRate > Bps.Zero)
        {
            Outstanding = checked(Outstanding + amount.Units);
            RecoupRateBps = recoupRate;
        }

        return this;
    }

    /// <summary>What recoupment would take from <paramref name="revenue"/> now: the rate's share, at most what is outstanding.</summary>
    public Int128 RecoupableFrom(Int128 revenue) =>
        revenue <= Int128.Zero ? Int128.Zero : Int128.Min(Outstanding, RecoupRateBps.Of(revenue));

    /// <summary>
    /// Takes the treasury's recoupment from one revenue event of <paramref name="revenue"/>: the rate's share, never
    /// more than is outstanding. Refused for another asset or a revenue that is not positive. Answers what was recouped.
    /// </summary>
    public Result<Money> Recoup(Money revenue)
    {
        if (revenue.Asset.Code != Asset || revenue.Units <= Int128.Zero)
        {
            return MoneyErrors.InvalidAmount;
        }

        var recouped = RecoupableFrom(revenue.Units);
        Outstanding -= recouped;
        Recouped = checked(Recouped + recouped);
        return Money.Of(revenue.Asset, recouped);
    }
}
