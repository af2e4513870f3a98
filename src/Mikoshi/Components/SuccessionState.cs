using Mikoshi.Domain.Membership;
using Mikoshi.Features.Membership;

namespace Mikoshi.Components;

/// <summary>A plan's state at an instant, as the pages explain it and decide which buttons to show.</summary>
public sealed record SuccessionState(SuccessionStage Stage, DateTimeOffset InactiveFrom, int Confirmed, DateTimeOffset? RunsAfter)
{
    public static SuccessionState Of(SuccessionView plan, DateTimeOffset now)
    {
        var lastActive = plan.HolderLastActive ?? now;
        var inactiveFrom = lastActive.AddDays(plan.InactivityDays);
        var confirmed = plan.Confirmations.Count;
        var stage = SuccessionPlan.Stage(now, inactiveFrom, plan.RunsAfter);
        return new SuccessionState(stage, inactiveFrom, confirmed, plan.RunsAfter);
    }
}
