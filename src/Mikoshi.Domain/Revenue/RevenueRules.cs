namespace Mikoshi.Domain.Revenue;

/// <summary>What a revenue event records besides its amount.</summary>
public static class RevenueRules
{
    /// <summary>The longest source ("Steam sales 2026-11", an order id), in characters.</summary>
    public const int MaxSourceLength = 200;
}
