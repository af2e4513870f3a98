using System.Numerics;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Domain.Tests.Membership;

public class TreasuryPoolTests
{
    private static readonly string[] Assets = ["JPY", "ETH", "USDC"];

    private abstract record Step;

    // Price: the policy's price as a share of the floor, in percent (0: free, 100: exactly the floor, 300: a premium).
    private sealed record Mint(int Person, int PricePercent) : Step;

    private sealed record Redeem(int Token) : Step;

    private sealed record Inflow(int Asset, long Amount) : Step;

    private sealed record Outflow(int Asset, int Percent) : Step;

    private sealed record Transfer(int Token, int To) : Step;

    private sealed record Rate(int Bps) : Step;

    private const int People = 5;

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (5, Gen.Select(Gen.Int[0, People - 1], Gen.Frequency((1, Gen.Const(0)), (3, Gen.Int[1, 99]), (3, Gen.Int[100, 400]))).Select((p, price) => (Step)new Mint(p, price))),
        (3, Gen.Int[0, 100].Select(t => (Step)new Redeem(t))),
        (4, Gen.Select(Gen.Int[0, 2], Gen.Frequency((3, Gen.Long[1, 1_000_000]), (1, Gen.Long[1, 9]), (1, Gen.Long[1_000_000_000_000, 1_000_000_000_000_000_000]))).Select((a, x) => (Step)new Inflow(a, x))),
        (1, Gen.Select(Gen.Int[0, 2], Gen.Int[1, 100]).Select((a, p) => (Step)new Outflow(a, p))),
        (2, Gen.Select(Gen.Int[0, 100], Gen.Int[0, People - 1]).Select((t, to) => (Step)new Transfer(t, to))),
        (1, Gen.Frequency((2, Gen.Const(10_000)), (2, Gen.Int[1, 10_000])).Select(r => (Step)new Rate(r))));

    /// <summary>
    /// Random sequences of mints at any price, redemptions at any rate, inflows and outflows of three assets and
    /// transfers, with a coalition of one to three of five people, against an exact model that writes every
    /// token's units out one by one and values them as exact fractions. After every step: the pools' O(1)
    /// bookkeeping gives every token exactly the model's units and the floor of its exact value; conservation
    /// (the treasury is the unowned part plus the tokens' exact values, to the last fraction); no dilution (no
    /// step but an outflow lowers a token's exact value, and an outflow lowers every token's by the same factor);
    /// and no free lunch (a step the coalition takes never raises its cash plus the exact value of its tokens, in
    /// any asset). Ten thousand sequences with MIKOSHI_LONG=1.
    /// </summary>
    [Fact]
    public void AnySequence_KeepsEveryUnitAccounted_DilutesNobody_AndGivesTheCoalitionNoFreeLunch()
    {
        var sequences = Environment.GetEnvironmentVariable("MIKOSHI_LONG") == "1" ? 10_000 : 400;
        Gen.Select(Steps.Array[1, 60], Gen.Int[1, 3]).Sample((steps, coalitionSize) => new Community(coalitionSize).Play(steps), iter: sequences);
    }

    [Fact]
    public void InflowWithNoTokens_IsNobodys_AndTheFirstMintOwnsOnlyWhatItPaid()
    {
        var pool = TreasuryPool.Empty.Received(100_000, supply: 0);
        Assert.Equal(100_000, pool.Unowned);
        var terms = pool.MintTerms(100_000, supply: 0);
        Assert.Equal(TreasuryPool.UnitsPerToken, terms.Units);
        Assert.Equal(0, terms.Floor);
        pool = pool.Minted(terms.Units);
        Assert.Equal(10_000, pool.ValueOf(terms.Units, 110_000));
    }

    [Fact]
    public void MintFloor_IsTheAverageTokensValue_RoundedUp()
    {
        var pool = TreasuryPool.Opened(100, supply: 3);
        var terms = pool.MintTerms(100, supply: 3);
        Assert.Equal(TreasuryPool.UnitsPerToken, terms.Units);
        Assert.Equal(34, terms.Floor);
    }

    [Fact]
    public void Redemption_AtAHalfRate_PaysValueTimesTheCurve_AndTheLastTokenTakesItAll()
    {
        var pool = TreasuryPool.Opened(1_000, supply: 4);
        Assert.Equal(1_000 / 4 * 5 / 8, pool.Redemption(TreasuryPool.UnitsPerToken, 1_000, 4, Bps.From(5_000).Value));
        var last = TreasuryPool.Opened(999, supply: 1);
        Assert.Equal(999, last.Redemption(TreasuryPool.UnitsPerToken, 999, 1, Bps.From(1).Value));
        var burned = last.Burned(TreasuryPool.UnitsPerToken, balanceAfter: 0);
        Assert.Equal(0, burned.Units);
        Assert.Equal(0, burned.Unowned);
    }

    /// <summary>The community the test plays: pools from the product, and the model's own token-by-token picture.</summary>
    private sealed class Community(int coalitionSize)
    {
        private readonly Dictionary<string, TreasuryPool> pools = Assets.ToDictionary(a => a, _ => TreasuryPool.Empty);
        private readonly Dictionary<string, Int128> treasury = Assets.ToDictionary(a => a, _ => Int128.Zero);
        private readonly List<Token> tokens = [];
        private readonly Dictionary<(int Person, string Asset), BigInteger> cash = [];

        // The model's own unowned part of each asset: what came while no token existed, less what was spent.
        private readonly Dictionary<string, BigInteger> unowned = Assets.ToDictionary(a => a, _ => BigInteger.Zero);
        private int rateBps = 10_000;

        private IEnumerable<Token> Live => tokens.Where(t => t.Owner is not null);

        private bool InCoalition(int person) => person < coalitionSize;

        public void Play(Step[] steps)
        {
            foreach (var step in steps)
            {
                var values = Live.ToDictionary(t => t, t => Assets.ToDictionary(a => a, a => ExactValue(t, a)));
                var wealth = CoalitionWealth();
                var actor = Apply(step);
                Check();
                CheckNoDilution(values, step);
                if (actor is { } person && InCoalition(person))
                {
                    foreach (var asset in Assets)
                    {
                        var (now, was) = (CoalitionWealth()[asset], wealth[asset]);
                        Assert.True(now.Numerator * was.Denominator <= was.Numerator * now.Denominator, $"{step}: the coalition gained {asset}: {was} → {now}");
                    }
                }
            }
        }

        /// <summary>Applies a step; who took it, when a person did.</summary>
        private int? Apply(Step step)
        {
            switch (step)
            {
                case Mint mint:
                    {
                        var supply = Live.Count();
                        var pool = pools["JPY"];
                        var terms = pool.MintTerms(treasury["JPY"], supply);
                        var price = BigInteger.Max(terms.Floor, (BigInteger)terms.Floor * mint.PricePercent / 100);
                        if (terms.Floor == Int128.Zero)
                        {
                            price = 1_000 * mint.PricePercent / 100;
                        }

                        Pay(mint.Person, "JPY", -price);
                        treasury["JPY"] += (Int128)price;
                        pools["JPY"] = pool.Minted(terms.Units);
                        var token = new Token(mint.Person);
                        foreach (var asset in Assets)
                        {
                            token.Units[asset] = asset == "JPY" ? (BigInteger)terms.Units : BigInteger.Zero;
                            token.Holds[asset] = asset == "JPY" ? terms.Units : Int128.Zero;
                            token.Mark[asset] = pools[asset].IssuedPerToken;
                        }

                        tokens.Add(token);
                        return mint.Person;
                    }

                case Redeem redeem when Live.Any():
                    {
                        var token = Live.ElementAt(redeem.Token % Live.Count());
                        var supply = Live.Count();
                        var owner = token.Owner!.Value;
                        foreach (var asset in Assets)
                        {
                            var pool = pools[asset];
                            var units = pool.UnitsOf(token.Holds[asset], token.Mark[asset]);
                            var pays = pool.Redemption(units, treasury[asset], supply, Bps.From(rateBps).Value);

                            // The model's own reckoning of what redemption pays: the exact value × (r + (1 − r) / s), rounded down.
                            var exact = ExactValue(token, asset);
                            var expected = exact.Numerator * ((rateBps * (BigInteger)supply) + (10_000 - rateBps)) / (exact.Denominator * 10_000 * supply);
                            Assert.Equal(expected, (BigInteger)pays);
                            treasury[asset] -= pays;
                            Pay(owner, asset, pays);
                            pools[asset] = pool.Burned(units, treasury[asset]);
                            token.Units[asset] = 0;
                            if (Live.Where(t => t != token).All(t => t.Units[asset].IsZero))
                            {
                                unowned[asset] = (BigInteger)treasury[asset];
                            }
                        }

                        token.Owner = null;
                        return owner;
                    }

                case Inflow inflow:
                    {
                        var asset = Assets[inflow.Asset];
                        var supply = Live.Count();
                        var before = pools[asset];
                        treasury[asset] += inflow.Amount;
                        pools[asset] = before.Received(inflow.Amount, supply);
                        if (before.Units == Int128.Zero && supply == 0)
                        {
                            unowned[asset] += inflow.Amount;
                        }

                        if (before.Units == Int128.Zero && supply > 0)
                        {
                            // Issued to every token in circulation: the model writes each one.
                            foreach (var token in Live)
                            {
                                token.Units[asset] += TreasuryPool.UnitsPerToken;
                            }
                        }

                        return null;
                    }

                case Outflow outflow:
                    {
                        var asset = Assets[outflow.Asset];
                        var amount = treasury[asset] * outflow.Percent / 100;
                        treasury[asset] -= amount;
                        pools[asset] = pools[asset].Spent(amount, treasury[asset]);
                        unowned[asset] = Live.All(t => t.Units[asset].IsZero) ? (BigInteger)treasury[asset] : BigInteger.Max(0, unowned[asset] - (BigInteger)amount);
                        return null;
                    }

                case Transfer transfer when Live.Any():
                    {
                        var token = Live.ElementAt(transfer.Token % Live.Count());
                        var from = token.Owner!.Value;
                        token.Owner = transfer.To;
                        return from;
                    }

                case Rate rate:
                    rateBps = rate.Bps;
                    return null;

                default:
                    return null;
            }
        }

        private void Check()
        {
            foreach (var asset in Assets)
            {
                var pool = pools[asset];
                var sum = BigInteger.Zero;
                var values = (Numerator: BigInteger.Zero, Denominator: BigInteger.One);
                foreach (var token in Live)
                {
                    var units = pool.UnitsOf(token.Holds[asset], token.Mark[asset]);
                    Assert.Equal(Units(token, asset), (BigInteger)units);
                    sum += units;
                    var exact = ExactValue(token, asset);
                    Assert.Equal(exact.Numerator / exact.Denominator, (BigInteger)pool.ValueOf(units, treasury[asset]));
                    values = ((values.Numerator * exact.Denominator) + (exact.Numerator * values.Denominator), values.Denominator * exact.Denominator);
                }

                Assert.Equal(sum, (BigInteger)pool.Units);
                Assert.Equal(unowned[asset], (BigInteger)pool.Unowned);
                Assert.True(pool.Unowned <= treasury[asset], $"{asset}: {pool.Unowned} unowned of {treasury[asset]}");
                var owned = (BigInteger)treasury[asset] - unowned[asset];
                Assert.True(pool.Units == Int128.Zero ? owned.IsZero : values.Numerator == owned * values.Denominator,
                    $"{asset}: the tokens' exact values come to {values.Numerator}/{values.Denominator}, the owned treasury is {owned}");
            }
        }

        private void CheckNoDilution(Dictionary<Token, Dictionary<string, (BigInteger Numerator, BigInteger Denominator)>> before, Step step)
        {
            foreach (var asset in Assets)
            {
                (BigInteger, BigInteger)? factor = null;
                foreach (var (token, values) in before.Where(b => b.Key.Owner is not null))
                {
                    var was = values[asset];
                    var now = ExactValue(token, asset);
                    if (step is not Outflow)
                    {
                        Assert.True(now.Numerator * was.Denominator >= was.Numerator * now.Denominator, $"{step}: a token lost {asset}: {was} → {now}");
                    }
                    else if (!was.Numerator.IsZero)
                    {
                        // Alike for everyone: the same ratio now / was for every token that had any.
                        var ratio = (now.Numerator * was.Denominator, now.Denominator * was.Numerator);
                        factor ??= ratio;
                        Assert.True(ratio.Item1 * factor.Value.Item2 == factor.Value.Item1 * ratio.Item2, $"{step}: an outflow of {asset} hit tokens unequally");
                    }
                }
            }
        }

        private Dictionary<string, (BigInteger Numerator, BigInteger Denominator)> CoalitionWealth() => Assets.ToDictionary(a => a, a =>
        {
            var total = (Numerator: Enumerable.Range(0, coalitionSize).Aggregate(BigInteger.Zero, (s, p) => s + cash.GetValueOrDefault((p, a))), Denominator: BigInteger.One);
            foreach (var token in Live.Where(t => InCoalition(t.Owner!.Value)))
            {
                var (n, d) = ExactValue(token, a);
                total = ((total.Numerator * d) + (n * total.Denominator), total.Denominator * d);
            }

            return total;
        });

        private void Pay(int person, string asset, BigInteger amount) => cash[(person, asset)] = cash.GetValueOrDefault((person, asset)) + amount;

        private static BigInteger Units(Token token, string asset) => token.Units[asset];

        private (BigInteger Numerator, BigInteger Denominator) ExactValue(Token token, string asset)
        {
            var pool = pools[asset];
            return pool.Units == Int128.Zero || token.Owner is null || Live.All(t => t.Units[asset].IsZero)
                ? (BigInteger.Zero, BigInteger.One)
                : (token.Units[asset] * ((BigInteger)treasury[asset] - unowned[asset]), Live.Aggregate(BigInteger.Zero, (sum, t) => sum + t.Units[asset]));
        }
    }

    /// <summary>A token: its owner, the model's units (issuance written in), and what the product stores (held units, mark).</summary>
    private sealed class Token(int owner)
    {
        public int? Owner { get; set; } = owner;

        public Dictionary<string, BigInteger> Units { get; } = [];

        public Dictionary<string, Int128> Holds { get; } = [];

        public Dictionary<string, Int128> Mark { get; } = [];
    }
}
