using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Mikoshi.Data;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Chain;

/// <summary>
/// What mirroring one event did, kept with it so a reorganisation can undo it. For a burn, <c>Paid</c> is
/// the redemption paid to <c>ToPerson</c> (journal entry <c>Entry</c>), reversed if the burn is undone.
/// </summary>
// Wire format (stored with each mirrored chain event): the token number stays the plain number the chain gave.
public sealed record ChainEffect(
    string Kind, string Transaction, long? Serial = null, string? From = null, string? To = null,
    Guid? FromPerson = null, Guid? ToPerson = null, bool Moved = false, bool Burned = false,
    string? Asset = null, long? Epoch = null, string? Account = null, string? Amount = null, long? Entry = null,
    IReadOnlyList<AmountView>? Paid = null)
{
    /// <summary>The account, asset and amount a stored claim effect paid out.</summary>
    public static (string Account, string Asset, BigInteger Amount) ClaimOf(string json)
    {
        var effect = JsonSerializer.Deserialize<ChainEffect>(json, Writer.Json)!;
        return (effect.Account ?? string.Empty, effect.Asset ?? string.Empty, BigInteger.Parse(effect.Amount ?? "0", CultureInfo.InvariantCulture));
    }
}
