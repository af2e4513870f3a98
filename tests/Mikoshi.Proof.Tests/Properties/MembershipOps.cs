using System.Globalization;
using System.Text;
using CsCheck;

namespace Mikoshi.Tests.Properties;

/// <summary>Which token an operation aims at: one in circulation, a burned one, or a serial never minted.</summary>
public enum TokenPick
{
    Live,
    Burned,
    Missing,
}

/// <summary>
/// One operation of a random sequence. Its fields are raw random choices (person indices, an
/// index into the tokens or listings the model knows, modes); the run interprets them against the
/// model at the moment the step runs, so every sequence is meaningful whatever came before it.
/// </summary>
public abstract record Op;

/// <summary>A change of the membership parameters by the admin; null fields are left as they are.</summary>
public sealed record ParameterChange(long? BasePrice, long? Slope, int? SupplyCap, int? RoyaltyBps, int? RedemptionRateBps);

// MaxPrice: 0: no limit; 1: exactly the current price; 2: one unit below it.
public sealed record MintOp(int Actor, ParameterChange? Change, int MaxPrice) : Op;

// By: 0: the owner; 1: the approved person; 2: Actor whoever they are.
public sealed record TransferOp(int Actor, TokenPick Pick, int Token, int To, int By) : Op;

// Spender: A person index, or -1 to clear the approval.
public sealed record ApproveOp(int Actor, TokenPick Pick, int Token, int Spender, bool ByOwner) : Op;

public sealed record ListOp(int Actor, TokenPick Pick, int Token, bool ByOwner, long Price) : Op;

public sealed record CancelOp(int Actor, int Listing, bool BySeller) : Op;

// OpenOnly: Aim at an open listing when there is one; otherwise any listing ever made, or one never made.
public sealed record BuyOp(int Actor, int Listing, bool OpenOnly, bool OwnListing, bool Retry) : Op;

public sealed record RedeemOp(int Actor, TokenPick Pick, int Token, bool ByOwner, bool Retry) : Op;

// Successors: A bit per person index: who is named, in index order.
// Shares: Each named successor's share, by person index (0 is out of range).
// Guardians: A bit per person index.
public sealed record PlanOp(int Actor, bool ByHolder, int Successors, int[] Shares, bool ByShares, int Guardians, int Threshold) : Op
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"PlanOp {{ Actor = {Actor}, ByHolder = {ByHolder}, Successors = {Successors}, Shares = [{string.Join(',', Shares)}], ByShares = {ByShares}, Guardians = {Guardians}, Threshold = {Threshold} }}");
}

public sealed record ExecuteOp(int Actor, bool ByHolder) : Op;

// Person: A person index, or -1 for the treasury.
public sealed record DepositOp(int Person, string Asset, long Amount) : Op;

// A member (mostly someone holding a token, when ByMember) asks the treasury to fund the community's project:
// voting from now for a day, a day of grace. Strategy: null for the default (token-weighted).
public sealed record ProposeOp(int Actor, bool ByMember, string Asset, long Amount, int RecoupRateBps, string? Strategy) : Op;

// Proposal: an index into the proposals open for votes (OpenOnly, when there are some), else into all, or one never made.
// ByVoter: the actor is someone who may vote on it, when there is one.
public sealed record VoteOp(int Actor, bool ByVoter, int Proposal, bool OpenOnly, string Choice) : Op;

// To: A person index, or -1 to revoke.
public sealed record DelegateOp(int Actor, bool ByMember, int To) : Op;

// The clock runs past the close (PastGrace false) or the end of grace of the earliest unsettled proposal, then the executor runs.
public sealed record ProcessOp(bool PastGrace, long ExtraMs) : Op;

// The treasurer records revenue of the community's project.
public sealed record ProjectRevenueOp(string Asset, long Amount) : Op;

/// <summary>An operation, how far the clock moves before it, and a seed for the past instants probed after it.</summary>
public sealed record Step(long AdvanceMs, Op Op, int Probe);

public static class MembershipGen
{
    public const int People = 5;

    private static readonly Gen<int> Person = Gen.Int[0, People - 1];
    private static readonly Gen<int> Index = Gen.Int[0, 1_000];
    private static readonly Gen<bool> Mostly = Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false)));
    private static readonly Gen<bool> Rarely = Gen.Frequency((1, Gen.Const(true)), (4, Gen.Const(false)));
    private static readonly Gen<TokenPick> Pick = Gen.Frequency(
        (10, Gen.Const(TokenPick.Live)), (1, Gen.Const(TokenPick.Burned)), (1, Gen.Const(TokenPick.Missing)));

    private static Gen<T?> Sometimes<T>(Gen<T> gen, int weight = 1)
        where T : struct =>
        Gen.Frequency((2, Gen.Const((T?)null)), (weight, gen.Select(v => (T?)v)));

    // Prices mostly within what people were given, sometimes far beyond it.
    private static readonly Gen<long> Price = Gen.Frequency(
        (6, Gen.Long[1, 30_000]), (1, Gen.Long[1, 9]), (1, Gen.Long[1_000_000_000, 1_000_000_000_000]));

    public static readonly Gen<ParameterChange> Change = Gen.Select(
        Sometimes(Gen.Frequency((1, Gen.Const(0L)), (4, Gen.Long[1, 20_000]), (1, Gen.Long[10_000_000, 100_000_000]))),
        Sometimes(Gen.Frequency((1, Gen.Const(0L)), (2, Gen.Long[1, 3_000]))),
        Sometimes(Gen.Frequency((2, Gen.Int[1, 6]), (2, Gen.Const(1_000_000_000)), (1, Gen.Int[-1, 0]))),
        Sometimes(Gen.Frequency((1, Gen.Const(0)), (4, Gen.Int[1, 5_000]), (1, Gen.Int[5_001, 10_000]))),
        Sometimes(Gen.Frequency((2, Gen.Const(0)), (4, Gen.Int[1, 10_000]), (2, Gen.Const(10_000)), (1, Gen.Const(10_001)))),
        (basePrice, slope, cap, royalty, rate) => new ParameterChange(basePrice, slope, cap, royalty, rate));

    private static readonly Gen<Op> Mint = Gen.Select(Person, Gen.Frequency((2, Gen.Const((ParameterChange?)null)), (1, Change.Select(c => (ParameterChange?)c))),
        Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, 2])),
        (actor, change, max) => (Op)new MintOp(actor, change, max));

    private static readonly Gen<Op> Transfer = Gen.Select(Person, Pick, Index, Person, Gen.Frequency((5, Gen.Const(0)), (2, Gen.Const(1)), (2, Gen.Const(2))),
        (actor, pick, token, to, by) => (Op)new TransferOp(actor, pick, token, to, by));

    private static readonly Gen<Op> Approve = Gen.Select(Person, Pick, Index, Gen.Frequency((5, Person), (1, Gen.Const(-1))), Mostly,
        (actor, pick, token, spender, byOwner) => (Op)new ApproveOp(actor, pick, token, spender, byOwner));

    private static readonly Gen<Op> List = Gen.Select(Person, Pick, Index, Mostly, Price,
        (actor, pick, token, byOwner, price) => (Op)new ListOp(actor, pick, token, byOwner, price));

    private static readonly Gen<Op> Cancel = Gen.Select(Person, Index, Mostly,
        (actor, listing, bySeller) => (Op)new CancelOp(actor, listing, bySeller));

    private static readonly Gen<Op> Buy = Gen.Select(Person, Index, Mostly, Rarely, Rarely,
        (actor, listing, openOnly, own, retry) => (Op)new BuyOp(actor, listing, openOnly, own, retry));

    private static readonly Gen<Op> Redeem = Gen.Select(Person, Pick, Index, Mostly, Rarely,
        (actor, pick, token, byOwner, retry) => (Op)new RedeemOp(actor, pick, token, byOwner, retry));

    private static readonly Gen<Op> Plan = Gen.Select(Person, Mostly, Gen.Int[0, (1 << People) - 1],
        Gen.Frequency((8, Gen.Int[1, 5]), (1, Gen.Const(0))).Array[People], Gen.Bool,
        Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, (1 << People) - 1])), Gen.Frequency((4, Gen.Const(1)), (1, Gen.Int[0, 3])),
        (actor, byHolder, successors, shares, byShares, guardians, threshold) =>
            (Op)new PlanOp(actor, byHolder, successors, shares, byShares, guardians, guardians == 0 && threshold == 1 ? 0 : threshold));

    private static readonly Gen<Op> Execute = Gen.Select(Person, Mostly, (actor, byHolder) => (Op)new ExecuteOp(actor, byHolder));

    private static readonly Gen<Op> Deposit = Gen.Select(Gen.Frequency((4, Person), (1, Gen.Const(-1))),
        Gen.Frequency((3, Gen.Const("JPY")), (1, Gen.Const("ETH")), (1, Gen.Const("USDC"))), Gen.Long[1, 200_000],
        (person, asset, amount) => (Op)new DepositOp(person, asset, amount));

    private static readonly Gen<string> Asset = Gen.Frequency((3, Gen.Const("JPY")), (1, Gen.Const("ETH")), (1, Gen.Const("USDC")));

    // Mostly a small part of the treasury, sometimes more than it holds (the execution then fails).
    private static readonly Gen<Op> Propose = Gen.Select(Person, Mostly, Gen.Frequency((6, Gen.Const("JPY")), (1, Gen.Const("ETH")), (1, Gen.Const("USDC"))),
        Gen.Frequency((6, Gen.Long[1, 5_000]), (1, Gen.Long[100_000, 10_000_000])),
        Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, 10_000])),
        Gen.Frequency((4, Gen.Const((string?)null)), (1, Gen.Const((string?)"one-member-one-vote")), (1, Gen.Const((string?)"quadratic"))),
        (actor, byMember, asset, amount, recoup, strategy) => (Op)new ProposeOp(actor, byMember, asset, amount, recoup, strategy));

    private static readonly Gen<Op> Vote = Gen.Select(Person, Mostly, Index, Mostly,
        Gen.Frequency((5, Gen.Const("for")), (2, Gen.Const("against")), (1, Gen.Const("abstain"))),
        (actor, byVoter, proposal, openOnly, choice) => (Op)new VoteOp(actor, byVoter, proposal, openOnly, choice));

    private static readonly Gen<Op> Delegate = Gen.Select(Person, Mostly, Gen.Frequency((5, Person), (1, Gen.Const(-1))),
        (actor, byMember, to) => (Op)new DelegateOp(actor, byMember, to));

    private static readonly Gen<Op> Process = Gen.Select(Gen.Frequency((1, Gen.Const(false)), (3, Gen.Const(true))), Gen.Frequency((2, Gen.Const(0L)), (1, Gen.Long[1, 86_400_000])),
        (pastGrace, extra) => (Op)new ProcessOp(pastGrace, extra));

    private static readonly Gen<Op> Revenue = Gen.Select(Asset, Gen.Frequency((5, Gen.Long[1, 100_000]), (1, Gen.Long[1, 30])),
        (asset, amount) => (Op)new ProjectRevenueOp(asset, amount));

    public static readonly Gen<Op> Operation = Gen.Frequency(
        (8, Mint), (3, Transfer), (2, Approve), (7, List), (1, Cancel), (7, Buy), (3, Redeem), (3, Plan), (2, Execute), (1, Deposit),
        (2, Propose), (5, Vote), (2, Delegate), (3, Process), (2, Revenue));

    // Zero sometimes, so that several changes land on one instant.
    private static readonly Gen<long> Advance = Gen.Frequency(
        (1, Gen.Const(0L)), (2, Gen.Long[1, 1_000]), (3, Gen.Long[1_000, 86_400_000]), (1, Gen.Long[86_400_000, 60L * 86_400_000]));

    private static readonly Gen<Step> Step = Gen.Select(Advance, Operation, Gen.Int, (advance, op, probe) => new Step(advance, op, probe));

    // Within hours: votes that land while a proposal's day-long window is open.
    private static readonly Gen<long> Brief = Gen.Frequency(
        (1, Gen.Const(0L)), (2, Gen.Long[1, 1_000]), (2, Gen.Long[1_000, 3_600_000]), (1, Gen.Long[3_600_000, 6 * 3_600_000]));

    private static Gen<Step> BriefStep(Gen<Op> operation) => Gen.Select(Brief, operation, Gen.Int, (advance, op, probe) => new Step(advance, op, probe));

    /// <summary>
    /// A campaign: sometimes a delegation first, then a member's proposal and a few votes on it while it is open,
    /// sometimes processed at once (the rest are processed whenever a later step runs the executor).
    /// </summary>
    private static readonly Gen<Step[]> Campaign = Gen.Select(BriefStep(Delegate).Array[0, 1],
        BriefStep(Propose.Select(op => (Op)((ProposeOp)op with { ByMember = true }))),
        BriefStep(Vote.Select(op => (Op)((VoteOp)op with { OpenOnly = true }))).Array[1, 5],
        BriefStep(Process).Array[0, 1],
        (delegations, propose, votes, process) => delegations.Append(propose).Concat(votes).Concat(process).ToArray());

    private static readonly Gen<Step[]> Chunk = Gen.Frequency((10, Step.Select(step => new[] { step })), (1, Campaign));

    /// <summary>A few mints to start from (tokens to act on), often a campaign, then anything (campaigns now and then).</summary>
    public static Gen<Step[]> Sequence(int maxLength) =>
        Gen.Select(Gen.Select(Advance, Mint, Gen.Int, (advance, op, probe) => new Step(advance, op, probe)).Array[1, 4],
            Campaign.Array[0, 1],
            Chunk.Array[1, maxLength],
            (start, campaign, rest) => start.Concat(campaign.SelectMany(c => c)).Concat(rest.SelectMany(c => c).Take(rest.Length)).ToArray());

    public static string Describe(Step[] steps)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{steps.Length} steps (people p0..p{People - 1}, p0 is the admin):");
        for (var i = 0; i < steps.Length; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  [{i}] +{steps[i].AdvanceMs}ms {steps[i].Op} probe={steps[i].Probe}");
        }

        return text.ToString();
    }
}
