using System.Numerics;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Domain.Tests.Membership;

/// <summary>
/// Membership pricing and redemption as rules of the domain, without HTTP: a treasury of two assets built by a
/// random history of mints at the next primary price, inflows and outflows, then checked against exact
/// BigInteger arithmetic. The primary price is the policy's, raised to the mint floor (what the features do,
/// <c>TokenBook.NextMintAsync</c>): <c>Treasury.NextPrice</c> restates that one line.
/// </summary>
public class PricingAndRedemptionTests
{
    private const string Base = "JPY";
    private const string Other = "USDC";
    private static readonly string[] Assets = [Base, Other];

    private abstract record Step;

    private sealed record MintNext : Step;

    private sealed record Inflow(int Asset, long Amount) : Step;

    private sealed record Outflow(int Asset, int Percent) : Step;

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (5, Gen.Const((Step)new MintNext())),
        (3, Gen.Select(Gen.Int[0, 1], Gen.Frequency((3, Gen.Long[1, 1_000_000]), (1, Gen.Long[1, 9]), (1, Gen.Long[1_000_000_000_000, 1_000_000_000_000_000_000]))).Select((a, x) => (Step)new Inflow(a, x))),
        (1, Gen.Select(Gen.Int[0, 1], Gen.Int[1, 100]).Select((a, p) => (Step)new Outflow(a, p))));

    /// <summary>Base price, slope, royalty and rate: a free first token, a fixed price, a steep curve.</summary>
    private static readonly Gen<MembershipPolicy> Policies = Gen.Select(
        Gen.Frequency((1, Gen.Const(0L)), (3, Gen.Long[1, 1_000_000]), (1, Gen.Long[1_000_000_000_000, 1_000_000_000_000_000_000])),
        Gen.Frequency((2, Gen.Const(0L)), (2, Gen.Long[1, 10_000])),
        Gen.Int[0, MembershipPolicy.Whole / 2],
        Gen.Frequency((2, Gen.Const(MembershipPolicy.Whole)), (2, Gen.Int[1, MembershipPolicy.Whole])))
        .Select((basePrice, slope, royalty, rate) => MembershipPolicy.Of(basePrice, slope, null, Bps.From(royalty).Value, Bps.From(rate).Value).Value!);

    private static readonly Gen<(Step[] History, MembershipPolicy Policy)> Histories = Gen.Select(Steps.Array[0, 40], Policies);

    private static int Iterations => Environment.GetEnvironmentVariable("MIKOSHI_LONG") == "1" ? 5_000 : 300;

    /// <summary>
    /// Whatever the history and the policy, the next primary price is at least what the new token's units are
    /// worth once its price is in the treasury, and redeeming it at once, at any rate, returns no more than it
    /// paid in the base asset and nothing of any other asset: minting and redeeming never profits.
    /// </summary>
    [Fact]
    public void NextPrice_IsAtLeastTheShareTheNewTokenTakesOut_SoMintThenRedeemNeverProfits()
    {
        Histories.Sample((history, policy) =>
        {
            var treasury = Treasury.After(history, policy);
            var price = treasury.NextPrice(policy);
            Assert.True(price >= policy.PriceAt(treasury.Supply), "the price fell below the policy's");

            var token = treasury.Mint(price);
            Assert.True(treasury.ValueOf(token, Base) <= price, $"a token bought for {price} is worth {treasury.ValueOf(token, Base)}");
            var pays = treasury.RedemptionOf(token, policy.RedemptionRateBps.Value);
            Assert.True(pays[Base] <= price, $"a token bought for {price} redeems at once for {pays[Base]}");
            Assert.Equal(Int128.Zero, pays[Other]);
        }, iter: Iterations);
    }

    /// <summary>
    /// At a 100% rate a token redeems for exactly the floor of its pro-rata share of every asset's owned balance
    /// (its units over all units, computed here as an exact fraction); the shares of all tokens at one moment
    /// never add up to more than the owned balance, and the rounding leaves less than one minor unit per token.
    /// </summary>
    [Fact]
    public void FullRateRedemption_PaysEachAssetsExactProRataShare_AndRoundingCreatesNothing()
    {
        Histories.Sample((history, policy) =>
        {
            var treasury = Treasury.After(history, policy);
            foreach (var asset in Assets)
            {
                var owned = treasury.Owned(asset);
                var allUnits = treasury.Tokens.Aggregate(BigInteger.Zero, (sum, t) => sum + treasury.UnitsOf(t, asset));
                var paid = BigInteger.Zero;
                foreach (var token in treasury.Tokens)
                {
                    var exact = allUnits.IsZero ? BigInteger.Zero : treasury.UnitsOf(token, asset) * owned / allUnits;
                    var pays = (BigInteger)treasury.RedemptionOf(token, MembershipPolicy.Whole)[asset];
                    Assert.Equal(exact, pays);
                    paid += pays;
                }

                Assert.True(paid <= owned, $"{asset}: the tokens' shares come to {paid} of an owned {owned}");
                Assert.True(allUnits.IsZero || owned - paid < treasury.Supply, $"{asset}: {owned - paid} of {owned} left over among {treasury.Supply} tokens");
            }
        }, iter: Iterations);
    }

    /// <summary>
    /// Redeeming every token one by one, in any order and at any rate, never pays more than the owned treasury and
    /// no redemption more than the token's value. It pays out the whole owned balance to the last minor unit at a
    /// 100% rate, and at any rate for an asset every token holds units of (the base asset always): what a
    /// redemption leaves behind goes to those who stay, and the last token takes the rest. What is left once the
    /// last units are gone belongs to no token (unowned).
    /// </summary>
    [Fact]
    public void RedeemingEveryToken_PaysOutTheWholeOwnedTreasury_ToTheLastUnit()
    {
        Gen.Select(Histories, Gen.Frequency((1, Gen.Const(MembershipPolicy.Whole)), (2, Gen.Int[1, MembershipPolicy.Whole])), Gen.Int[0, int.MaxValue].Array[40]).Sample((drawn, rateBps, order) =>
        {
            var (history, policy) = drawn;
            var treasury = Treasury.After(history, policy);
            var owned = Assets.ToDictionary(a => a, treasury.Owned);
            var unowned = Assets.ToDictionary(a => a, a => (BigInteger)treasury.Pools[a].Unowned);
            var paid = Assets.ToDictionary(a => a, _ => BigInteger.Zero);
            var everyTokenHolds = Assets.ToDictionary(a => a, a => treasury.Tokens.All(t => treasury.UnitsOf(t, a) > Int128.Zero));
            var i = 0;
            while (treasury.Supply > 0)
            {
                var token = treasury.Tokens[order[i++ % order.Length] % treasury.Supply];
                var values = Assets.ToDictionary(a => a, a => treasury.ValueOf(token, a));
                foreach (var (asset, pays) in treasury.Redeem(token, rateBps))
                {
                    Assert.True(pays <= values[asset], $"{asset}: a token worth {values[asset]} redeemed for {pays}");
                    paid[asset] += pays;
                }
            }

            foreach (var asset in Assets)
            {
                Assert.True(paid[asset] <= owned[asset], $"{asset}: paid {paid[asset]} of an owned {owned[asset]}");
                if (rateBps == MembershipPolicy.Whole || everyTokenHolds[asset])
                {
                    Assert.Equal(owned[asset], paid[asset]);
                    Assert.Equal(unowned[asset], (BigInteger)treasury.Balances[asset]);
                }

                Assert.Equal(Int128.Zero, treasury.Pools[asset].Units);
                Assert.Equal(treasury.Balances[asset], treasury.Pools[asset].Unowned);
            }
        }, iter: Iterations);
    }

    /// <summary>A sale splits into the royalty and the seller's proceeds that sum to the price, the royalty the rate's share to the nearest unit.</summary>
    [Fact]
    public void SaleSplit_RoyaltyAndProceeds_SumToThePrice_AndTheRoyaltyIsTheRatesShare()
    {
        Gen.Select(Policies, Gen.Frequency((3, Gen.Long[0, 1_000_000]), (1, Gen.Long[0, long.MaxValue]))).Sample((policy, price) =>
        {
            var (royalty, seller) = policy.SplitSale(price);
            Assert.Equal((Int128)price, royalty + seller);
            Assert.True(royalty >= Int128.Zero && seller >= Int128.Zero);
            var exact = (BigInteger)price * policy.RoyaltyBps.Value;
            Assert.True(BigInteger.Abs(((BigInteger)royalty * MembershipPolicy.Whole) - exact) < MembershipPolicy.Whole,
                $"{policy.RoyaltyBps} bps of {price} split as {royalty}");
        }, iter: Iterations);
    }

    /// <summary>
    /// The legacy reclaim formula: redeeming x of s tokens takes at most their pro-rata part of the free balance,
    /// at least the rate's part of it, everything when x = s, and more when more are redeemed.
    /// </summary>
    [Fact]
    public void Reclaim_LiesBetweenTheRatesPartAndTheProRataPart_AndAllTokensTakeEverything()
    {
        Gen.Select(Policies, Gen.Long[0, 1_000_000_000_000], Gen.Long[1, 1_000], Gen.Long[1, 1_000]).Sample((policy, free, a, b) =>
        {
            var (redeemed, supply) = (Math.Min(a, b), Math.Max(a, b));
            var reclaim = (BigInteger)policy.Reclaim(free, redeemed, supply).Value;
            var proRata = (BigInteger)free * redeemed / supply;
            Assert.True(reclaim <= proRata, $"{redeemed} of {supply} reclaimed {reclaim} of {free}, more than {proRata}");
            Assert.True(reclaim >= (BigInteger)free * redeemed * policy.RedemptionRateBps.Value / ((BigInteger)supply * MembershipPolicy.Whole));
            Assert.Equal((BigInteger)free, (BigInteger)policy.Reclaim(free, supply, supply).Value);
            if (redeemed < supply)
            {
                Assert.True((BigInteger)policy.Reclaim(free, redeemed + 1, supply).Value >= reclaim);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void NextPrice_OnAFreshTreasury_IsThePolicysPrice_AndOnACurveRisesBySlopePerToken()
    {
        var policy = MembershipPolicy.Of(1_000, 250, 3, Bps.From(500).Value, Bps.Whole).Value!;
        var treasury = new Treasury();
        Assert.Equal(1_000, treasury.NextPrice(policy));
        treasury.Mint(treasury.NextPrice(policy));
        Assert.Equal(1_250, treasury.NextPrice(policy));
        treasury.Mint(treasury.NextPrice(policy));
        treasury.Mint(treasury.NextPrice(policy));
        Assert.Equal("supply_cap_reached", policy.MayMint(treasury.Supply).Error?.Code);

        // Revenue raised every token's value past the curve: the floor, rounded up, prices the next one.
        treasury.Receive(Base, 10_000);
        Assert.Equal((1_000 + 1_250 + 1_500 + 10_000 + 2) / 3, treasury.NextPrice(policy));
    }

    /// <summary>A treasury of two assets with its tokens, driven through the domain's <see cref="TreasuryPool"/>.</summary>
    private sealed class Treasury
    {
        public Dictionary<string, TreasuryPool> Pools { get; } = Assets.ToDictionary(a => a, _ => TreasuryPool.Empty);

        public Dictionary<string, Int128> Balances { get; } = Assets.ToDictionary(a => a, _ => Int128.Zero);

        public List<Token> Tokens { get; } = [];

        public int Supply => Tokens.Count;

        public static Treasury After(Step[] history, MembershipPolicy policy)
        {
            var treasury = new Treasury();
            foreach (var step in history)
            {
                switch (step)
                {
                    case MintNext:
                        treasury.Mint(treasury.NextPrice(policy));
                        break;
                    case Inflow inflow:
                        treasury.Receive(Assets[inflow.Asset], inflow.Amount);
                        break;
                    case Outflow outflow:
                        var asset = Assets[outflow.Asset];
                        var amount = treasury.Balances[asset] * outflow.Percent / 100;
                        treasury.Balances[asset] -= amount;
                        treasury.Pools[asset] = treasury.Pools[asset].Spent(amount, treasury.Balances[asset]);
                        break;
                }
            }

            return treasury;
        }

        /// <summary>The next primary price: the policy's, raised to the floor (as the features price a mint).</summary>
        public Int128 NextPrice(MembershipPolicy policy) =>
            Int128.Max(policy.PriceAt(Supply), Pools[Base].MintTerms(Balances[Base], Supply).Floor);

        public Token Mint(Int128 price)
        {
            var terms = Pools[Base].MintTerms(Balances[Base], Supply);
            Balances[Base] += price;
            Pools[Base] = Pools[Base].Minted(terms.Units);
            var token = new Token(Assets.ToDictionary(a => a, a => a == Base ? terms.Units : Int128.Zero), Assets.ToDictionary(a => a, a => Pools[a].IssuedPerToken));
            Tokens.Add(token);
            return token;
        }

        public void Receive(string asset, Int128 amount)
        {
            Balances[asset] += amount;
            Pools[asset] = Pools[asset].Received(amount, Supply);
        }

        public Int128 UnitsOf(Token token, string asset) => Pools[asset].UnitsOf(token.Holds[asset], token.Mark[asset]);

        public Int128 ValueOf(Token token, string asset) => Pools[asset].ValueOf(UnitsOf(token, asset), Balances[asset]);

        public BigInteger Owned(string asset) => (BigInteger)Balances[asset] - (BigInteger)Pools[asset].Unowned;

        public Dictionary<string, Int128> RedemptionOf(Token token, int rateBps) =>
            Assets.ToDictionary(a => a, a => Pools[a].Redemption(UnitsOf(token, a), Balances[a], Supply, Bps.From(rateBps).Value));

        /// <summary>Burns the token and pays its redemption out of every asset.</summary>
        public Dictionary<string, Int128> Redeem(Token token, int rateBps)
        {
            var pays = RedemptionOf(token, rateBps);
            foreach (var asset in Assets)
            {
                var units = UnitsOf(token, asset);
                Balances[asset] -= pays[asset];
                Pools[asset] = Pools[asset].Burned(units, Balances[asset]);
            }

            Tokens.Remove(token);
            return pays;
        }
    }

    /// <summary>A token's stored figures per asset: the units it holds and the pool's issuance at its mark.</summary>
    private sealed class Token(Dictionary<string, Int128> holds, Dictionary<string, Int128> mark)
    {
        public Dictionary<string, Int128> Holds { get; } = holds;

        public Dictionary<string, Int128> Mark { get; } = mark;
    }
}
