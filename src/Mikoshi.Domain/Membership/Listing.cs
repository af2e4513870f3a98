using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Membership;

/// <summary>Where a listing stands. Stored as the lowercase name (<c>open</c>, <c>sold</c>, <c>cancelled</c>, <c>stale</c>).</summary>
public enum ListingState
{
    /// <summary>On offer.</summary>
    Open,

    /// <summary>Bought.</summary>
    Sold,

    /// <summary>Withdrawn by its seller, or replaced by their newer listing of the token.</summary>
    Cancelled,

    /// <summary>The token moved another way (a gift, an inheritance, a redemption): the offer no longer stands.</summary>
    Stale,
}

/// <summary>
/// A token offered for sale by its owner at a price in the community's base asset: open until it is sold,
/// cancelled, or goes stale because the token moved another way. Only an open listing changes.
/// </summary>
public sealed class Listing
{
    /// <summary>The longest state name stored.</summary>
    public const int MaxStateLength = 12;

    private Listing()
    {
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The listing's number within the community (1, 2, 3…).</summary>
    public long Number { get; private set; }

    /// <summary>The token offered.</summary>
    public TokenId Serial { get; private set; }

    /// <summary>Who offers it (its owner when it was listed).</summary>
    public PersonId SellerId { get; private set; }

    /// <summary>The price, in minor units of <see cref="Asset"/>.</summary>
    public Int128 Price { get; private set; }

    /// <summary>The asset of the price: the community's base asset.</summary>
    public string Asset { get; private set; } = string.Empty;

    /// <summary>When it was listed, in Unix milliseconds.</summary>
    public long CreatedAtUnixMs { get; private set; }

    /// <summary>Where it stands.</summary>
    public ListingState State { get; private set; }

    /// <summary>When it stopped being open, in Unix milliseconds.</summary>
    public long? ClosedAtUnixMs { get; private set; }

    /// <summary>Whether it is still on offer.</summary>
    public bool IsOpen => State == ListingState.Open;

    /// <summary>
    /// <paramref name="seller"/> offers <paramref name="token"/> at <paramref name="price"/>: it must be theirs and
    /// still in circulation, and the price more than nothing.
    /// </summary>
    public static Result<Listing> Open(CommunityId community, long number, Token token, PersonId seller, Money price, DateTimeOffset at)
    {
        var owned = token.OwnedBy(seller);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        if (price.Units <= Int128.Zero)
        {
            return MoneyErrors.InvalidAmount;
        }

        return new Listing
        {
            CommunityId = community,
            Number = number,
            Serial = token.Serial,
            SellerId = seller,
            Price = price.Units,
            Asset = price.Asset.Code,
            CreatedAtUnixMs = at.ToUnixTimeMilliseconds(),
            State = ListingState.Open,
        };
    }

    /// <summary>Whether it may still be bought: open (a stale one says so).</summary>
    public Result<Listing> OnOffer() => State switch
    {
        ListingState.Open => this,
        ListingState.Stale => MembershipErrors.ListingStale,
        _ => MembershipErrors.ListingClosed,
    };

    /// <summary>
    /// The seller, when <paramref name="buyer"/> may buy <paramref name="token"/> through this listing: it is on offer,
    /// the seller still holds the token (else the offer went stale), and the buyer is someone else.
    /// </summary>
    public Result<PersonId> SellableTo(PersonId buyer, Token token)
    {
        var open = OnOffer();
        if (!open.IsSuccess)
        {
            return open.Error;
        }

        if (token.Serial != Serial || token.OwnerId != SellerId)
        {
            return MembershipErrors.ListingStale;
        }

        return buyer == SellerId ? MembershipErrors.OwnListing : SellerId;
    }

    /// <summary>Its seller withdraws it.</summary>
    public Result<Listing> Cancel(PersonId by, DateTimeOffset at)
    {
        var open = OnOffer();
        if (!open.IsSuccess)
        {
            return open;
        }

        if (by != SellerId)
        {
            return MembershipErrors.NotTokenOwner;
        }

        Close(ListingState.Cancelled, at);
        return this;
    }

    /// <summary>Its seller lists the token again: this older offer gives way.</summary>
    public void Replace(DateTimeOffset at) => CloseIfOpen(ListingState.Cancelled, at);

    /// <summary>The token was bought through it.</summary>
    public void Sell(DateTimeOffset at) => CloseIfOpen(ListingState.Sold, at);

    /// <summary>The token moved another way: the offer no longer stands.</summary>
    public void GoStale(DateTimeOffset at) => CloseIfOpen(ListingState.Stale, at);

    private void CloseIfOpen(ListingState state, DateTimeOffset at)
    {
        if (IsOpen)
        {
            Close(state, at);
        }
    }

    private void Close(ListingState state, DateTimeOffset at)
    {
        State = state;
        ClosedAtUnixMs = at.ToUnixTimeMilliseconds();
    }
}
