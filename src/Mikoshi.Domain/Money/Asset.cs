
namespace Mikoshi.Domain;

/// <summary>
/// Something a community counts money in: a code (2–12 upper-case letters or digits, such as
/// <c>JPY</c> or <c>USDC</c>) and the number of decimals of its minor unit (0 to 18).
/// </summary>
public readonly record struct Asset
{
    private Asset(string code, int decimals)
    {
        Code = code;
        Decimals = decimals;
    }

    /// <summary>The asset's code, such as <c>JPY</c>.</summary>
    public string Code { get; }

    /// <summary>How many decimals a minor unit has: 0 for yen, 6 for USDC, 18 for ether.</summary>
    public int Decimals { get; }

    /// <summary>Japanese yen: the minor unit is one yen.</summary>
    public static Asset Jpy { get; } = new("JPY", 0);

    /// <summary>US dollar: the minor unit is one cent.</summary>
    public static Asset Usd { get; } = new("USD", 2);

    /// <summary>USD Coin: six decimals.</summary>
    public static Asset Usdc { get; } = new("USDC", 6);

    /// <summary>Ether: the minor unit is one wei.</summary>
    public static Asset Eth { get; } = new("ETH", 18);

    /// <summary>The assets every community may enable without saying their decimals.</summary>
    public static IReadOnlyList<Asset> Known { get; } = [Jpy, Usd, Usdc, Eth];

    /// <summary>The longest asset code (<c>JPY</c>, <c>USDC</c>…), in characters; the shortest is two.</summary>
    public const int MaxCodeLength = 12;

    /// <summary>Makes an asset from a code and decimals, checking both.</summary>
    public static Result<Asset> Of(string? code, int decimals)
    {
        if (code is null || code.Length is < 2 or > MaxCodeLength || !code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
        {
            return MoneyErrors.InvalidAsset;
        }

        if (decimals is < 0 or > 18)
        {
            return MoneyErrors.InvalidAsset;
        }

        return new Asset(code, decimals);
    }

    /// <summary>A known asset by its code (JPY, USD, USDC, ETH).</summary>
    public static Result<Asset> FromKnownCode(string? code)
    {
        foreach (var asset in Known)
        {
            if (string.Equals(asset.Code, code, StringComparison.Ordinal))
            {
                return asset;
            }
        }

        return MoneyErrors.UnknownAsset;
    }

    /// <inheritdoc />
    public override string ToString() => Code;
}
