using Mikoshi.Features.Membership;

namespace Mikoshi.Components;

/// <summary>Where a succession stands, in the order it moves through.</summary>
public enum SuccessionStage
{
    /// <summary>The holder was active recently: guardians cannot confirm yet.</summary>
    HolderActive,

    /// <summary>The holder has been inactive long enough; guardians are confirming.</summary>
    Confirming,

    /// <summary>Enough guardians confirmed; the holder may still veto.</summary>
    VetoWindow,

    /// <summary>A successor or guardian may run it.</summary>
    Ready,
}

/// <summary>A plan's state at an instant, as the pages explain it and decide which buttons to show.</summary>
public sealed record SuccessionState(SuccessionStage Stage, DateTimeOffset InactiveFrom, int Confirmed, DateTimeOffset? RunsAfter)
{
    public static SuccessionState Of(SuccessionView plan, DateTimeOffset now)
    {
        var lastActive = plan.HolderLastActive ?? now;
        var inactiveFrom = lastActive.AddDays(plan.InactivityDays);
        var confirmed = plan.Confirmations.Count;
        var stage = plan.RunsAfter is { } runs
            ? now >= runs ? SuccessionStage.Ready : SuccessionStage.VetoWindow
            : now < inactiveFrom ? SuccessionStage.HolderActive : SuccessionStage.Confirming;
        return new SuccessionState(stage, inactiveFrom, confirmed, plan.RunsAfter);
    }
}
