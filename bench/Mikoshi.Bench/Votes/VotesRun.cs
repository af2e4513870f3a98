using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using Mikoshi.Bench.Ledger;
using Mikoshi.Domain.Governance;
using Nethereum.ABI.EIP712;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;

namespace Mikoshi.Bench.Votes;

/// <summary>What the votes part measured; <see cref="VotesSections"/> prints it.</summary>
public sealed record VotesResult(
    int Votes,
    int Keys,
    int Communities,
    int Repetitions,
    Samples OursVotesPerSecond,
    Samples NethereumVotesPerSecond,
    Samples VotesRatio,
    Samples OursRecoveriesPerSecond,
    Samples NethereumRecoveriesPerSecond,
    Samples RecoveriesRatio,
    int Ballots,
    Samples TallyMs,
    Samples BareSumMs,
    Samples TallyBallotsPerSecond);

/// <summary>
/// Signed votes verified per second on one thread — our <see cref="VoteTypedData.Digest"/> + <see cref="Signatures.Recover"/>
/// against Nethereum's <see cref="Eip712TypedDataSigner.RecoverFromSignatureV4{T, TDomain}"/> over the same votes, and recovery
/// alone against <see cref="EthECKey.RecoverFromSignature(EthECDSASignature, byte[])"/> — alternating, repetition by repetition;
/// then <see cref="Tally.Count"/> over 10^6 ballots against a bare summing loop. Every answer is checked before anything is timed.
/// </summary>
public static class VotesRun
{
    public const int Seed = 20_260_405;

    public static int Run(string resultFile, int votes, int repetitions, int ballots)
    {
        Console.WriteLine(Fmt.Invariant($"[votes] signing {votes:N0} votes (seed {Seed})"));
        var world = VoteWorld.Create(votes, Seed);

        // Correctness, and the warm-up: every side recovers every voter.
        for (var i = 0; i < votes; i++)
        {
            var vote = world.Votes[i];
            var ours = Signatures.Recover(VoteTypedData.Digest(vote.Domain, vote.Message), vote.Signature);
            var theirs = Eip712TypedDataSigner.Current.RecoverFromSignatureV4(vote.Nethereum, world.TypedData[vote.Community], vote.Signature);
            var oursAlone = Signatures.Recover(vote.Digest, vote.Signature);
            var theirsAlone = EthECKey.RecoverFromSignature(EthECDSASignatureFactory.ExtractECDSASignature(vote.Signature), vote.Digest).GetPublicAddress();
            if (!ours.IsSuccess || ours.Value != vote.Message.Voter || !oursAlone.IsSuccess || oursAlone.Value != vote.Message.Voter
                || EthAddress.Parse(theirs).Value != vote.Message.Voter || EthAddress.Parse(theirsAlone).Value != vote.Message.Voter)
            {
                throw new InvalidOperationException(Fmt.Invariant($"Vote {i} does not recover to its voter on every side."));
            }
        }

        var oursVotes = new List<double>();
        var theirsVotes = new List<double>();
        var oursRecoveries = new List<double>();
        var theirsRecoveries = new List<double>();
        for (var rep = 0; rep < repetitions; rep++)
        {
            // Alternate which side goes first, so neither always runs on a warmer (or busier) machine.
            if (rep % 2 == 0)
            {
                oursVotes.Add(PerSecond(votes, () => VerifyOurs(world)));
                theirsVotes.Add(PerSecond(votes, () => VerifyNethereum(world)));
                oursRecoveries.Add(PerSecond(votes, () => RecoverOurs(world)));
                theirsRecoveries.Add(PerSecond(votes, () => RecoverNethereum(world)));
            }
            else
            {
                theirsVotes.Add(PerSecond(votes, () => VerifyNethereum(world)));
                oursVotes.Add(PerSecond(votes, () => VerifyOurs(world)));
                theirsRecoveries.Add(PerSecond(votes, () => RecoverNethereum(world)));
                oursRecoveries.Add(PerSecond(votes, () => RecoverOurs(world)));
            }

            Console.WriteLine(Fmt.Invariant($"  rep {rep + 1}: votes/s ours {oursVotes[^1]:N0}, Nethereum {theirsVotes[^1]:N0}; recoveries/s ours {oursRecoveries[^1]:N0}, Nethereum {theirsRecoveries[^1]:N0}"));
        }

        Console.WriteLine(Fmt.Invariant($"[votes] tallying {ballots:N0} ballots"));
        var (ballotArray, total) = MakeBallots(ballots, Seed + 1);
        var tally = Tally.Count(ballotArray, total, ProposalRulesFor.DefaultQuorumBps, ProposalRulesFor.MajorityBps);
        var bare = BareSum(ballotArray);
        if ((tally.For, tally.Against, tally.Abstain) != bare)
        {
            throw new InvalidOperationException("Tally.Count and the bare sum disagree.");
        }

        var tallyMs = new List<double>();
        var bareMs = new List<double>();
        for (var rep = 0; rep < repetitions; rep++)
        {
            tallyMs.Add(Milliseconds(() => Tally.Count(ballotArray, total, ProposalRulesFor.DefaultQuorumBps, ProposalRulesFor.MajorityBps).For));
            bareMs.Add(Milliseconds(() => BareSum(ballotArray).For));
            Console.WriteLine(Fmt.Invariant($"  rep {rep + 1}: Tally.Count {tallyMs[^1]:F1} ms, bare sum {bareMs[^1]:F1} ms"));
        }

        var result = new VotesResult(
            votes,
            world.Keys,
            world.TypedData.Length,
            repetitions,
            Samples.Of(oursVotes),
            Samples.Of(theirsVotes),
            Samples.Of(oursVotes.Zip(theirsVotes, (o, t) => o / t).ToList()),
            Samples.Of(oursRecoveries),
            Samples.Of(theirsRecoveries),
            Samples.Of(oursRecoveries.Zip(theirsRecoveries, (o, t) => o / t).ToList()),
            ballots,
            Samples.Of(tallyMs),
            Samples.Of(bareMs),
            Samples.Of(tallyMs.Select(ms => ballots / (ms / 1000)).ToList()));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(resultFile))!);
        File.WriteAllText(resultFile, JsonSerializer.Serialize(result, LedgerRun.Json));
        Console.WriteLine(Fmt.Invariant($"[votes] ours {result.OursVotesPerSecond.Median:N0} votes/s, {result.VotesRatio.Median:F1}× Nethereum; Tally.Count of {ballots:N0} in {result.TallyMs.Median:F1} ms"));
        return 0;
    }

    private static int VerifyOurs(VoteWorld world)
    {
        var verified = 0;
        foreach (var vote in world.Votes)
        {
            var recovered = Signatures.Recover(VoteTypedData.Digest(vote.Domain, vote.Message), vote.Signature);
            verified += recovered.IsSuccess && recovered.Value == vote.Message.Voter ? 1 : 0;
        }

        return verified;
    }

    private static int VerifyNethereum(VoteWorld world)
    {
        var verified = 0;
        foreach (var vote in world.Votes)
        {
            var recovered = Eip712TypedDataSigner.Current.RecoverFromSignatureV4(vote.Nethereum, world.TypedData[vote.Community], vote.Signature);
            verified += string.Equals(recovered, vote.Nethereum.Voter, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        return verified;
    }

    private static int RecoverOurs(VoteWorld world)
    {
        var verified = 0;
        foreach (var vote in world.Votes)
        {
            var recovered = Signatures.Recover(vote.Digest, vote.Signature);
            verified += recovered.IsSuccess && recovered.Value == vote.Message.Voter ? 1 : 0;
        }

        return verified;
    }

    private static int RecoverNethereum(VoteWorld world)
    {
        var verified = 0;
        foreach (var vote in world.Votes)
        {
            var recovered = EthECKey.RecoverFromSignature(EthECDSASignatureFactory.ExtractECDSASignature(vote.Signature), vote.Digest).GetPublicAddress();
            verified += string.Equals(recovered, vote.Nethereum.Voter, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        return verified;
    }

    private static double PerSecond(int expected, Func<int> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        var verified = run();
        var seconds = clock.Elapsed.TotalSeconds;
        return verified == expected ? expected / seconds : throw new InvalidOperationException(Fmt.Invariant($"{verified} of {expected} votes verified."));
    }

    private static double Milliseconds(Func<long> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(run());
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Ballots as a proposal's export would give them: one per voter, quadratic power of 1 to 10^6 tokens.</summary>
    private static (Ballot[] Ballots, long Total) MakeBallots(int count, int seed)
    {
        var random = new Random(seed);
        var ballots = new Ballot[count];
        Span<byte> id = stackalloc byte[16];
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(id);
            var power = VotingPower.Of(VotingStrategy.Quadratic, random.NextInt64(1, 1_000_001));
            var choice = random.Next(10) switch
            {
                < 5 => VoteChoices.For,
                < 9 => VoteChoices.Against,
                _ => VoteChoices.Abstain,
            };
            ballots[i] = new Ballot(new Guid(id), choice, power);
            total += power;
        }

        // A third of the power stayed home.
        return (ballots, total + (total / 2));
    }

    /// <summary>The floor: sums by choice with no checks at all.</summary>
    private static (long For, long Against, long Abstain) BareSum(Ballot[] ballots)
    {
        long inFavour = 0, against = 0, abstain = 0;
        foreach (var ballot in ballots)
        {
            switch (ballot.Choice)
            {
                case VoteChoices.For:
                    inFavour += ballot.Power;
                    break;
                case VoteChoices.Against:
                    against += ballot.Power;
                    break;
                default:
                    abstain += ballot.Power;
                    break;
            }
        }

        return (inFavour, against, abstain);
    }
}

/// <summary>Pre-signed votes, each with what both sides need to verify it.</summary>
internal sealed class VoteWorld
{
    private VoteWorld(PreSigned[] votes, TypedData<SaltedDomain>[] typedData, int keys)
    {
        Votes = votes;
        TypedData = typedData;
        Keys = keys;
    }

    public PreSigned[] Votes { get; }

    /// <summary>Nethereum's typed data per community (domain and types), as a server would keep it.</summary>
    public TypedData<SaltedDomain>[] TypedData { get; }

    public int Keys { get; }

    public static VoteWorld Create(int count, int seed)
    {
        var random = new Random(seed);
        var secret = new byte[32];
        var keys = Enumerable.Range(0, Math.Clamp(count / 4, 1, 500)).Select(_ =>
        {
            while (true)
            {
                random.NextBytes(secret);
                if (CustodialKey.FromSecret(secret) is { IsSuccess: true } key)
                {
                    return key.Value;
                }
            }
        }).ToArray();
        var communities = Enumerable.Range(0, 3).Select(_ =>
        {
            var id = new byte[16];
            random.NextBytes(id);
            return VoteDomain.For(new Guid(id), 1);
        }).ToArray();
        var typedData = communities.Select(d => new TypedData<SaltedDomain>
        {
            Domain = new SaltedDomain { Name = d.Name, Version = d.Version, ChainId = d.ChainId, Salt = d.Salt },
            Types = MemberDescriptionFactory.GetTypesMemberDescription(typeof(SaltedDomain), typeof(NethereumVote)),
            PrimaryType = "Vote",
        }).ToArray();
        string[] reasons = ["", "Agreed.", "予算が大きすぎると思います。", "This funds the second volume; the recoupment terms are fair and the team has shipped before."];
        string[] choices = [VoteChoices.For, VoteChoices.Against, VoteChoices.Abstain];

        var votes = new PreSigned[count];
        for (var i = 0; i < count; i++)
        {
            var key = keys[random.Next(keys.Length)];
            var community = random.Next(communities.Length);
            var message = new VoteMessage(random.NextInt64(1, 10_000), choices[random.Next(choices.Length)], key.Address, i, reasons[random.Next(reasons.Length)]);
            var digest = VoteTypedData.Digest(communities[community], message);
            var nethereum = new NethereumVote
            {
                ProposalId = message.ProposalId,
                Choice = message.Choice,
                Voter = message.Voter.ToString(),
                Nonce = message.Nonce,
                Reason = message.Reason,
            };
            votes[i] = new PreSigned(community, communities[community], message, nethereum, digest, key.Sign(digest));
        }

        return new VoteWorld(votes, typedData, keys.Length);
    }
}

internal sealed record PreSigned(int Community, VoteDomain Domain, VoteMessage Message, NethereumVote Nethereum, byte[] Digest, string Signature);

/// <summary>The vote domain as Nethereum models it: name, version, chainId, salt.</summary>
[Struct("EIP712Domain")]
internal sealed class SaltedDomain : IDomain
{
    [Parameter("string", "name", 1)]
    public string Name { get; set; } = string.Empty;

    [Parameter("string", "version", 2)]
    public string Version { get; set; } = string.Empty;

    [Parameter("uint256", "chainId", 3)]
    public BigInteger ChainId { get; set; }

    [Parameter("bytes32", "salt", 4)]
    public byte[] Salt { get; set; } = [];
}

[Struct("Vote")]
internal sealed class NethereumVote
{
    [Parameter("uint256", "proposalId", 1)]
    public BigInteger ProposalId { get; set; }

    [Parameter("string", "choice", 2)]
    public string Choice { get; set; } = string.Empty;

    [Parameter("address", "voter", 3)]
    public string Voter { get; set; } = string.Empty;

    [Parameter("uint256", "nonce", 4)]
    public BigInteger Nonce { get; set; }

    [Parameter("string", "reason", 5)]
    public string Reason { get; set; } = string.Empty;
}
