using Mikoshi.Domain;

namespace Mikoshi.Features.Kernel;

/// <summary>An amount as the API writes it: the asset's code and a string of minor units.</summary>
public sealed record AmountView(string Asset, string Amount, int Decimals)
{
    public static AmountView Of(Money money) => new(money.Asset.Code, money.UnitsText, money.Asset.Decimals);

    public static AmountView Of(string asset, Int128 units) =>
        Of(Money.Of(Domain.Asset.FromKnownCode(asset).Value, units));
}
