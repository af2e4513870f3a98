using System.Globalization;
using System.Numerics;
using System.Text;
using CsCheck;

namespace Mikoshi.Tests.Properties;

/// <summary>
/// One operation of a random revenue sequence. Like the membership operations, its fields are raw
/// random choices that the run interprets against the model when the step runs, so that every
/// sequence means something whatever came before it, and shrinking keeps it meaningful.
/// </summary>
public abstract record RevenueOp
{
    /// <summary>
    /// Revenue recorded by the treasurer. When: 0 now; 1 anywhere between the first version's coming
    /// into force and now; 2 exactly when a version came into force, or 1 ms before; 3 before any
    /// version (refused); 4 in the future (refused). Retry: 0 once; 1 again with the same key (a
    /// replay); 2 the same key with another amount (refused).
    /// </summary>
    public sealed record Record(string Asset, BigInteger Amount, int When, int Pick, int Retry) : RevenueOp;

    public sealed record Mint(int Actor) : RevenueOp;

    public sealed record Gift(int Token, int To) : RevenueOp;

    /// <summary>The owner lists the token and the buyer buys it at once.</summary>
    public sealed record Sale(int Token, int Buyer, long Price) : RevenueOp;

    public sealed record Redeem(int Token) : RevenueOp;

    /// <summary>A member names an heir and runs the succession on their own instruction.</summary>
    public sealed record Inherit(int Holder, int Heir) : RevenueOp;

    /// <summary>A claim of everything claimable in an asset; Twice claims again at once; Retry resends with the same key.</summary>
    public sealed record Claim(int Actor, string Asset, bool Twice, bool Retry) : RevenueOp;

    /// <summary>
    /// The lead (p1) proposes a new version. Weights: p1, p2, p3 (−1: not a party). Fixed: outside
    /// shares in basis points of p4 and p0 (0: not a party). Rotate: where the list starts, since
    /// ties go to the earlier party. Accepting: a bit per party after the lead, who accepts at once.
    /// </summary>
    public sealed record Propose(int[] Weights, int[] Fixed, int Rotate, int Accepting) : RevenueOp
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"Propose {{ Weights = [{string.Join(',', Weights)}], Fixed = [{string.Join(',', Fixed)}], Rotate = {Rotate}, Accepting = {Accepting} }}");
    }

    /// <summary>A party of a proposed version accepts; a Stranger (no party) tries to.</summary>
    public sealed record Accept(int Version, int Party, bool Stranger) : RevenueOp;

    /// <summary>An admin grants a share (per mille, above 1000 is more than the treasury has) of the treasury to the project.</summary>
    public sealed record Grant(string Asset, int Permille, int RecoupRateBps) : RevenueOp;

    public sealed record Policy(int? TreasuryBps, int? HolderBps, int? ReserveBps, bool? ToTreasury, bool? Cap) : RevenueOp;

    public sealed record TopUp(int Person, long Amount) : RevenueOp;
}

/// <summary>An operation and how far the clock moves before it.</summary>
public sealed record RevenueStep(long AdvanceMs, RevenueOp Op);

public static class RevenueGen
{
    public const int People = 5;

    private static readonly Gen<int> Person = Gen.Int[0, People - 1];
    private static readonly Gen<int> Index = Gen.Int[0, 1_000];
    private static readonly Gen<bool> Rarely = Gen.Frequency((1, Gen.Const(true)), (4, Gen.Const(false)));
    private static readonly Gen<string> Asset = Gen.Frequency((4, Gen.Const(RevenueModel.Yen)), (1, Gen.Const(RevenueModel.Ether)));

    private static Gen<T?> Sometimes<T>(Gen<T> gen)
        where T : struct =>
        Gen.Frequency((1, Gen.Const((T?)null)), (2, gen.Select(v => (T?)v)));

    // One unit often (every part but one rounds to nothing), everyday sums, and sums up to 10^27.
    private static readonly Gen<BigInteger> Amount = Gen.Frequency(
        (3, Gen.Const(BigInteger.One)),
        (2, Gen.Long[2, 99].Select(v => (BigInteger)v)),
        (5, Gen.Long[100, 3_000_000].Select(v => (BigInteger)v)),
        (2, Gen.Select(Gen.Long[1, 999_999_999], Gen.Int[9, 18], (m, e) => m * BigInteger.Pow(10, e))));

    private static readonly Gen<RevenueOp> Record = Gen.Select(Asset, Amount,
        Gen.Frequency((4, Gen.Const(0)), (4, Gen.Const(1)), (3, Gen.Const(2)), (1, Gen.Const(3)), (1, Gen.Const(4))),
        Gen.Int[0, 1_000_000], Gen.Frequency((6, Gen.Const(0)), (2, Gen.Const(1)), (1, Gen.Const(2))),
        (asset, amount, when, pick, retry) => (RevenueOp)new RevenueOp.Record(asset, amount, when, pick, retry));

    private static readonly Gen<RevenueOp> Mint = Person.Select(p => (RevenueOp)new RevenueOp.Mint(p));

    private static readonly Gen<RevenueOp> Gift = Gen.Select(Index, Person, (t, to) => (RevenueOp)new RevenueOp.Gift(t, to));

    private static readonly Gen<RevenueOp> Sale = Gen.Select(Index, Person, Gen.Frequency((4, Gen.Long[1, 30_000]), (1, Gen.Long[1_000_000, 10_000_000])),
        (t, buyer, price) => (RevenueOp)new RevenueOp.Sale(t, buyer, price));

    private static readonly Gen<RevenueOp> Redeem = Index.Select(t => (RevenueOp)new RevenueOp.Redeem(t));

    private static readonly Gen<RevenueOp> Inherit = Gen.Select(Index, Person, (h, heir) => (RevenueOp)new RevenueOp.Inherit(h, heir));

    private static readonly Gen<RevenueOp> Claim = Gen.Select(Person, Gen.Frequency((3, Gen.Const(RevenueModel.Yen)), (1, Gen.Const(RevenueModel.Ether))), Rarely, Rarely,
        (actor, asset, twice, retry) => (RevenueOp)new RevenueOp.Claim(actor, asset, twice, retry));

    private static readonly Gen<int> Weight = Gen.Frequency((2, Gen.Const(-1)), (1, Gen.Const(0)), (5, Gen.Int[1, 9]), (1, Gen.Int[1_000_000, 1_000_000_000]));

    private static readonly Gen<int> FixedShare = Gen.Frequency((5, Gen.Const(0)), (3, Gen.Int[1, 3_000]), (1, Gen.Const(10_000)), (1, Gen.Int[5_001, 9_999]));

    private static readonly Gen<RevenueOp> Propose = Gen.Select(Weight.Array[3], FixedShare.Array[2], Gen.Int[0, 4],
        Gen.Frequency((2, Gen.Const(15)), (1, Gen.Int[0, 15])),
        (weights, fixedShares, rotate, accepting) => (RevenueOp)new RevenueOp.Propose(weights, fixedShares, rotate, accepting));

    private static readonly Gen<RevenueOp> Accept = Gen.Select(Index, Index, Rarely, (v, p, stranger) => (RevenueOp)new RevenueOp.Accept(v, p, stranger));

    private static readonly Gen<RevenueOp> Grant = Gen.Select(Asset, Gen.Frequency((5, Gen.Int[1, 1_000]), (1, Gen.Int[1_001, 2_000])),
        Gen.Frequency((1, Gen.Const(0)), (3, Gen.Int[1, 10_000])),
        (asset, permille, rate) => (RevenueOp)new RevenueOp.Grant(asset, permille, rate));

    private static readonly Gen<int> Bps = Gen.Frequency((1, Gen.Const(0)), (4, Gen.Int[1, 4_000]), (1, Gen.Int[4_001, 10_000]));

    private static readonly Gen<RevenueOp> Policy = Gen.Select(Sometimes(Bps), Sometimes(Bps), Sometimes(Bps), Sometimes(Gen.Bool), Sometimes(Gen.Bool),
        (treasury, holders, reserve, routed, cap) => (RevenueOp)new RevenueOp.Policy(treasury, holders, reserve, routed, cap));

    private static readonly Gen<RevenueOp> TopUp = Gen.Select(Person, Gen.Long[1, 50_000], (p, amount) => (RevenueOp)new RevenueOp.TopUp(p, amount));

    public static readonly Gen<RevenueOp> Operation = Gen.Frequency(
        (10, Record), (3, Mint), (2, Gift), (2, Sale), (2, Redeem), (1, Inherit), (3, Claim), (2, Propose), (2, Accept), (1, Grant), (2, Policy), (1, TopUp));

    // Zero sometimes, so that several changes land on one instant.
    private static readonly Gen<long> Advance = Gen.Frequency(
        (1, Gen.Const(0L)), (2, Gen.Long[1, 1_000]), (3, Gen.Long[1_000, 86_400_000]), (1, Gen.Long[86_400_000, 30L * 86_400_000]));

    private static readonly Gen<RevenueStep> Step = Gen.Select(Advance, Operation, (advance, op) => new RevenueStep(advance, op));

    /// <summary>A few mints to start from (holders to pay), then anything.</summary>
    public static Gen<RevenueStep[]> Sequence(int maxLength) =>
        Gen.Select(Gen.Select(Advance, Mint, (advance, op) => new RevenueStep(advance, op)).Array[1, 3], Step.Array[1, maxLength],
            (start, rest) => start.Concat(rest).ToArray());

    public static string Describe(RevenueStep[] steps)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{steps.Length} steps (people p0..p{People - 1}; p0 admin and treasurer, p1 project lead, p2 p3 team, p4 outside):");
        for (var i = 0; i < steps.Length; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  [{i}] +{steps[i].AdvanceMs}ms {steps[i].Op}");
        }

        return text.ToString();
    }
}
