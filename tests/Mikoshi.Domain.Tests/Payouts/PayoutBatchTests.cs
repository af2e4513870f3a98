using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Payouts;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Domain.Tests.Payouts;

public class PayoutBatchTests
{
    private static readonly CommunityId Community = CommunityId.New();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static Claim Claimed(long number, PersonId person, long yen, string asset = "JPY") =>
        Claim.Make(Community, number, person, Money.Of(Asset.FromKnownCode(asset).Value, yen), Now, number).Value;

    [Fact]
    public void Gather_BatchesEveryClaim_WithItsTotalAndPeople()
    {
        var (aki, ben) = (PersonId.New(), PersonId.New());
        var claims = new[] { Claimed(1, aki, 1000), Claimed(2, ben, 250), Claimed(3, aki, 5) };

        var batch = PayoutBatch.Gather(Community, 7, Asset.Jpy, Today.AddDays(2), claims, ben, Now).Value;

        Assert.Equal(PayoutBatchState.Open, batch.State);
        Assert.Equal((Int128)1255, batch.Total);
        Assert.Equal(2, batch.Count);
        Assert.Equal(Today.AddDays(2), batch.TransferDay);
        Assert.All(claims, c => Assert.Equal((ClaimState.Batched, (long?)7), (c.State, c.BatchNumber)));
    }

    [Fact]
    public void Gather_RefusesAPastDay_NoClaims_AClaimOfAnotherAsset_OrOneAlreadyBatched()
    {
        var aki = PersonId.New();
        Assert.Equal(RevenueErrors.Codes.InvalidTransferDate, PayoutBatch.Gather(Community, 1, Asset.Jpy, Today.AddDays(-1), [Claimed(1, aki, 1)], aki, Now).Error?.Code);
        Assert.Equal(RevenueErrors.Codes.NoPendingClaims, PayoutBatch.Gather(Community, 1, Asset.Jpy, Today, [], aki, Now).Error?.Code);
        Assert.Equal(RevenueErrors.Codes.NoPendingClaims, PayoutBatch.Gather(Community, 1, Asset.Jpy, Today, [Claimed(1, aki, 1, "USDC")], aki, Now).Error?.Code);
        var once = Claimed(2, aki, 1);
        Assert.True(PayoutBatch.Gather(Community, 1, Asset.Jpy, Today, [once], aki, Now).IsSuccess);
        Assert.Equal(RevenueErrors.Codes.NoPendingClaims, PayoutBatch.Gather(Community, 2, Asset.Jpy, Today, [once], aki, Now).Error?.Code);
    }

    [Fact]
    public void Confirm_PaysItsClaimsOnce_AndIsRefusedTheSecondTime()
    {
        var aki = PersonId.New();
        var claims = new[] { Claimed(1, aki, 1000) };
        var batch = PayoutBatch.Gather(Community, 3, Asset.Jpy, Today, claims, aki, Now).Value;

        Assert.True(batch.Confirm(claims, aki, Now.AddHours(1)).IsSuccess);
        Assert.Equal(PayoutBatchState.Paid, batch.State);
        Assert.Equal(ClaimState.Paid, claims[0].State);
        Assert.Equal(aki, batch.PaidById);
        Assert.Equal(RevenueErrors.Codes.BatchAlreadyPaid, batch.Confirm(claims, aki, Now.AddHours(2)).Error?.Code);
    }

    [Fact]
    public void Claim_IsMadeOnlyOfSomething_AndPaidOnlyWithItsOwnBatch()
    {
        var aki = PersonId.New();
        Assert.Equal(RevenueErrors.Codes.NothingToClaim, Claim.Make(Community, 1, aki, Money.Of(Asset.Jpy, 0), Now, 1).Error?.Code);
        var claim = Claimed(1, aki, 10);
        Assert.Equal(RevenueErrors.Codes.BatchAlreadyPaid, claim.Pay(1).Error?.Code);   // not in a batch yet
        Assert.True(claim.Batch(4).IsSuccess);
        Assert.Equal(RevenueErrors.Codes.BatchAlreadyPaid, claim.Pay(5).Error?.Code);   // another batch
        Assert.True(claim.Pay(4).IsSuccess);
        Assert.Equal(ClaimState.Paid, claim.State);
    }
}
