using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Domain.Tests.Membership;

/// <summary>The <see cref="Listing"/> aggregate: open until sold, cancelled or stale, and only an open listing changes.</summary>
public class ListingAggregateTests
{
    private static readonly CommunityId Community = new(Guid.Parse("0192f1a0-0000-7000-8000-000000000002"));
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Seller = new(new Guid(1, 0, 0, new byte[8]));
    private static readonly PersonId Buyer = new(new Guid(2, 0, 0, new byte[8]));

    private static (Token Token, Listing Listing) Listed()
    {
        var token = Token.Mint(Community, TokenId.Of(3).Value, Seller, 10_000, Start);
        return (token, Listing.Open(Community, 1, token, Seller, Money.Of(Asset.Jpy, 15_000), Start.AddHours(1)).Value!);
    }

    [Fact]
    public void Open_ByItsOwner_IsOnOfferAtThePrice()
    {
        var (_, listing) = Listed();

        Assert.Equal(ListingState.Open, listing.State);
        Assert.Equal((15_000, "JPY", TokenId.Of(3).Value), ((long)listing.Price, listing.Asset, listing.Serial));
        Assert.Equal(Seller, listing.SellableTo(Buyer, Token.Mint(Community, TokenId.Of(3).Value, Seller, 0, Start)).Value);
    }

    [Fact]
    public void Open_BySomeoneElse_IsRefusedAsNotTheOwner()
    {
        var token = Token.Mint(Community, TokenId.Of(3).Value, Seller, 10_000, Start);

        var refused = Listing.Open(Community, 1, token, Buyer, Money.Of(Asset.Jpy, 15_000), Start);

        Assert.Equal(MembershipErrors.Codes.NotTokenOwner, refused.Error?.Code);
    }

    [Fact]
    public void Open_AtNothing_IsRefusedAsAnInvalidAmount()
    {
        var token = Token.Mint(Community, TokenId.Of(3).Value, Seller, 10_000, Start);

        Assert.Equal(MoneyErrors.Codes.InvalidAmount, Listing.Open(Community, 1, token, Seller, Money.Of(Asset.Jpy, 0), Start).Error?.Code);
    }

    [Fact]
    public void SellableTo_ItsSeller_IsRefusedAsTheirOwnListing()
    {
        var (token, listing) = Listed();

        Assert.Equal(MembershipErrors.Codes.OwnListing, listing.SellableTo(Seller, token).Error?.Code);
    }

    [Fact]
    public void SellableTo_AfterTheTokenMovedAnotherWay_IsStale()
    {
        var (token, listing) = Listed();
        token.Transfer(Buyer, LineageKind.Gifted, Start.AddDays(1));

        Assert.Equal(MembershipErrors.Codes.ListingStale, listing.SellableTo(Buyer, token).Error?.Code);
        listing.GoStale(Start.AddDays(1));
        Assert.Equal(ListingState.Stale, listing.State);
        Assert.Equal(MembershipErrors.Codes.ListingStale, listing.OnOffer().Error?.Code);
    }

    [Fact]
    public void Cancel_BySomeoneElse_IsRefused_AndByTheSeller_ClosesIt()
    {
        var (_, listing) = Listed();

        Assert.Equal(MembershipErrors.Codes.NotTokenOwner, listing.Cancel(Buyer, Start.AddDays(1)).Error?.Code);
        Assert.True(listing.Cancel(Seller, Start.AddDays(1)).IsSuccess);
        Assert.Equal(ListingState.Cancelled, listing.State);
        Assert.Equal(Start.AddDays(1).ToUnixTimeMilliseconds(), listing.ClosedAtUnixMs);
        Assert.Equal(MembershipErrors.Codes.ListingClosed, listing.Cancel(Seller, Start.AddDays(2)).Error?.Code);
    }

    [Fact]
    public void Closed_Listing_KeepsItsStateAndTime_WhateverComesAfter()
    {
        var (_, listing) = Listed();
        listing.Sell(Start.AddDays(1));

        listing.GoStale(Start.AddDays(2));
        listing.Replace(Start.AddDays(3));

        Assert.Equal(ListingState.Sold, listing.State);
        Assert.Equal(Start.AddDays(1).ToUnixTimeMilliseconds(), listing.ClosedAtUnixMs);
        Assert.Equal(MembershipErrors.Codes.ListingClosed, listing.OnOffer().Error?.Code);
    }
}
