using Mikoshi.Domain.Governance;

namespace Mikoshi.Domain.Tests.Governance;

public class DelegationTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = Guid.Parse("00000000-0000-0000-0000-00000000000d");

    [Fact]
    public void Resolve_GivesADelegateTheirOwnPowerPlusTheirDelegators()
    {
        var power = Delegation.Resolve(
            new Dictionary<Guid, long> { [A] = 10, [B] = 20, [C] = 5 },
            new Dictionary<Guid, Guid> { [A] = C, [B] = C },
            new HashSet<Guid>());
        Assert.Equal(35, power[C]);
        Assert.Equal(0, power[A]);
        Assert.Equal(0, power[B]);
    }

    [Fact]
    public void Resolve_ADelegatorsOwnVoteOverridesTheDelegation()
    {
        var power = Delegation.Resolve(
            new Dictionary<Guid, long> { [A] = 10, [B] = 20, [C] = 5 },
            new Dictionary<Guid, Guid> { [A] = C, [B] = C },
            new HashSet<Guid> { A });
        Assert.Equal(10, power[A]);
        Assert.Equal(25, power[C]);
    }

    [Fact]
    public void Resolve_DoesNotFollowChains()
    {
        // A → B → C: C gets B's own power; A's stays with B, A's direct choice.
        var ownPower = new Dictionary<Guid, long> { [A] = 1, [B] = 10, [C] = 100 };
        var chain = new Dictionary<Guid, Guid> { [A] = B, [B] = C };

        var nobodyVoted = Delegation.Resolve(ownPower, chain, new HashSet<Guid>());
        Assert.Equal(110, nobodyVoted[C]);
        Assert.Equal(1, nobodyVoted[B]);
        Assert.Equal(0, nobodyVoted[A]);

        var bVoted = Delegation.Resolve(ownPower, chain, new HashSet<Guid> { B });
        Assert.Equal(100, bVoted[C]);
        Assert.Equal(11, bVoted[B]);
    }

    [Fact]
    public void Resolve_IncludesADelegateWithNoPowerOfTheirOwn_AndIgnoresSelfDelegation()
    {
        var power = Delegation.Resolve(
            new Dictionary<Guid, long> { [A] = 7, [B] = 3 },
            new Dictionary<Guid, Guid> { [A] = D, [B] = B },
            new HashSet<Guid>());
        Assert.Equal(7, power[D]);
        Assert.Equal(3, power[B]);
    }

    [Fact]
    public void Resolve_ConservesPower_AndEveryVotersOwnPowerStaysWithThem()
    {
        var people = Gen.Guid.Array[1, 30];
        Gen.Select(people, Gen.Int[0, 1_000].Array[30], Gen.Int[0, 29].Array[30], Gen.Bool.Array[30], Gen.Bool.Array[30]).Sample((ids, powers, targets, delegates, voted) =>
        {
            var ownPower = ids.Select((id, i) => (id, (long)powers[i])).ToDictionary(p => p.id, p => p.Item2);
            var delegateOf = ids.Select((id, i) => (id, i)).Where(p => delegates[p.i]).ToDictionary(p => p.id, p => ids[targets[p.i] % ids.Length]);
            var votedThemselves = ids.Where((_, i) => voted[i]).ToHashSet();

            var power = Delegation.Resolve(ownPower, delegateOf, votedThemselves);

            Assert.Equal(ownPower.Values.Sum(), power.Values.Sum());
            foreach (var id in ownPower.Keys)
            {
                var received = ownPower.Keys
                    .Where(other => other != id && delegateOf.TryGetValue(other, out var to) && to == id && !votedThemselves.Contains(other))
                    .Sum(other => ownPower[other]);
                var keepsOwn = votedThemselves.Contains(id) || !delegateOf.TryGetValue(id, out var chosen) || chosen == id;
                Assert.Equal((keepsOwn ? ownPower[id] : 0) + received, power[id]);
            }
        }, iter: 300);
    }

    [Fact]
    public void WouldLoop_WhenTheTargetsChainReachesTheDelegator()
    {
        var delegateOf = new Dictionary<Guid, Guid> { [B] = C, [C] = A };
        Assert.True(Delegation.WouldLoop(delegateOf, A, B)); // B → C → A
        Assert.True(Delegation.WouldLoop(delegateOf, A, A)); // oneself
        Assert.True(Delegation.WouldLoop(delegateOf, C, B)); // B → C
        Assert.False(Delegation.WouldLoop(delegateOf, D, B));
        Assert.False(Delegation.WouldLoop(delegateOf, B, D));
    }

    [Fact]
    public void WouldLoop_StopsOnAnExistingLoopThatDoesNotInvolveTheDelegator()
    {
        var delegateOf = new Dictionary<Guid, Guid> { [B] = C, [C] = B };
        Assert.False(Delegation.WouldLoop(delegateOf, A, B));
    }
}
