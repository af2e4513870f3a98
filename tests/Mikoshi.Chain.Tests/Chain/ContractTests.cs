using System.Numerics;
using Mikoshi.Chain;
using Mikoshi.Domain;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Tests.Chain;

/// <summary>The contracts as compiled by the build, on a real anvil node, driven by Mikoshi.Chain.</summary>
public sealed class ContractTests : IClassFixture<AnvilFixture>
{
    private readonly Anvil anvil;

    public ContractTests(AnvilFixture fixture) => anvil = fixture.Node;

    private static EthAddress Address(int n) => EthAddress.Parse("0x" + n.ToString("x40", System.Globalization.CultureInfo.InvariantCulture)).Value;

    private static EthAddress RandomAddress(Random random)
    {
        var bytes = new byte[20];
        random.NextBytes(bytes);
        return EthAddress.Parse("0x" + Convert.ToHexStringLower(bytes)).Value;
    }

    [Fact]
    public async Task Deploy_ThenMint_OwnerHoldsTokenAndVotesWithoutDelegating()
    {
        using var chain = anvil.Client();
        var treasury = Address(0x7ea5);
        var deployment = await CommunityContracts.DeployAsync(chain, "Matsuri", "MTR", treasury, Bps.From(500).Value);
        var member = Address(0xa11ce);

        await CommunityContracts.MintAsync(chain, deployment, member, 7);

        Assert.Equal(member, await CommunityContracts.OwnerOfAsync(chain, deployment, 7));
        Assert.Null(await CommunityContracts.OwnerOfAsync(chain, deployment, 8));
        Assert.Equal(BigInteger.One, await CommunityContracts.VotesAsync(chain, deployment, member));
    }

    [Fact]
    public async Task Votes_CountWithoutSelfDelegation_AndFollowADelegationAndItsUndoing()
    {
        using var chain = anvil.Client();
        var deployment = await CommunityContracts.DeployAsync(chain, "Matsuri", "MTR", Address(2), Bps.From(500).Value);
        using var holder = anvil.Client(key: Anvil.OutsiderKey);
        var friend = Address(0xf00d);
        await CommunityContracts.MintAsync(chain, deployment, holder.Operator, 1);
        await CommunityContracts.MintAsync(chain, deployment, holder.Operator, 2);
        Assert.Equal(new BigInteger(2), await CommunityContracts.VotesAsync(chain, deployment, holder.Operator));

        await holder.TransactAsync(Contracts.Membership, deployment.Membership, "delegate", 0, CancellationToken.None, friend.ToString());
        Assert.Equal(BigInteger.Zero, await CommunityContracts.VotesAsync(chain, deployment, holder.Operator));
        Assert.Equal(new BigInteger(2), await CommunityContracts.VotesAsync(chain, deployment, friend));

        // Delegating to nobody means back to oneself, never votes lost.
        await holder.TransactAsync(Contracts.Membership, deployment.Membership, "delegate", 0, CancellationToken.None, default(EthAddress).ToString());
        Assert.Equal(new BigInteger(2), await CommunityContracts.VotesAsync(chain, deployment, holder.Operator));
        Assert.Equal(BigInteger.Zero, await CommunityContracts.VotesAsync(chain, deployment, friend));

        // A burn by the operator takes the vote with it.
        await CommunityContracts.BurnAsync(chain, deployment, 2, holder.Operator);
        Assert.Equal(BigInteger.One, await CommunityContracts.VotesAsync(chain, deployment, holder.Operator));
    }

    [Fact]
    public async Task Burn_FromAnAddressThatNoLongerHoldsTheToken_RevertsWithOwnerChanged_AndTheBuyerKeepsIt()
    {
        using var chain = anvil.Client();
        var deployment = await CommunityContracts.DeployAsync(chain, "Matsuri", "MTR", Address(2), Bps.From(500).Value);
        using var seller = anvil.Client(key: Anvil.OutsiderKey);
        var buyer = Address(0xb0b);
        await CommunityContracts.MintAsync(chain, deployment, seller.Operator, 1);
        await seller.TransactAsync(Contracts.Membership, deployment.Membership, "transferFrom", 0, CancellationToken.None, seller.Operator.ToString(), buyer.ToString(), BigInteger.One);

        // The operator burns for the seller's redemption: the token is the buyer's now, so nothing burns.
        var refused = await Assert.ThrowsAsync<ChainRefusedException>(() => CommunityContracts.BurnAsync(chain, deployment, 1, seller.Operator));
        Assert.True(refused.IsError(CommunityContracts.OwnerChanged), refused.RevertData);
        Assert.Equal(buyer, await CommunityContracts.OwnerOfAsync(chain, deployment, 1));

        await CommunityContracts.BurnAsync(chain, deployment, 1, buyer);
        Assert.Null(await CommunityContracts.OwnerOfAsync(chain, deployment, 1));
    }

    [Fact]
    public async Task OwnerOf_WhenTheCallFailsForAnotherReason_IsUnavailable_NotNoOwner()
    {
        using var chain = anvil.Client();
        var deployment = await CommunityContracts.DeployAsync(chain, "Matsuri", "MTR", Address(2), Bps.From(500).Value);

        // The claims contract has no ownerOf: a revert, but not "no such token".
        var wrong = deployment with { Membership = deployment.Claims };
        await Assert.ThrowsAsync<ChainUnavailableException>(() => CommunityContracts.OwnerOfAsync(chain, wrong, 1));
    }

    [Fact]
    public async Task Transaction_FromAnAccountWithoutFunds_IsUnavailable_NotRefused()
    {
        using var chain = anvil.Client();
        var deployment = await CommunityContracts.DeployAsync(chain, "Matsuri", "MTR", Address(2), Bps.From(500).Value);
        using var broke = anvil.Client(key: Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());

        // Paying costs gas the account does not have: the node cannot take it now, and would once funded.
        await Assert.ThrowsAsync<ChainUnavailableException>(() => broke.PayAsync(Address(3), 1));
        Assert.Null(await CommunityContracts.OwnerOfAsync(chain, deployment, 1));
    }

    [Fact]
    public async Task RoyaltyInfo_PaysTheTreasuryThePolicyBps()
    {
        using var chain = anvil.Client();
        var treasury = Address(0x7ea5);
        var deployment = await CommunityContracts.DeployAsync(chain, "Matsuri", "MTR", treasury, Bps.From(750).Value);
        await CommunityContracts.MintAsync(chain, deployment, Address(1), 1);

        var (receiver, amount) = await CommunityContracts.RoyaltyInfoAsync(chain, deployment, 1, 2_000_000);

        Assert.Equal(treasury, receiver);
        Assert.Equal(new BigInteger(150_000), amount);
    }

    [Fact]
    public async Task Mint_ByAnyoneButTheOperator_IsRefused()
    {
        using var chain = anvil.Client();
        var deployment = await CommunityContracts.DeployAsync(chain, "Matsuri", "MTR", Address(2), Bps.From(500).Value);
        using var outsider = anvil.Client(key: Anvil.OutsiderKey);

        await Assert.ThrowsAsync<ChainRefusedException>(() => CommunityContracts.MintAsync(outsider, deployment, outsider.Operator, 1));
        Assert.Null(await CommunityContracts.OwnerOfAsync(chain, deployment, 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task ClaimTree_EveryProofOfAnOddOrEvenTree_IsAcceptedByTheContract(int holders)
    {
        using var chain = anvil.Client();
        var deployment = await CommunityContracts.DeployAsync(chain, "Matsuri", "MTR", Address(2), Bps.From(500).Value);
        var random = new Random(holders);
        var leaves = Enumerable.Range(0, holders).Select(_ => new ClaimLeaf(CommunityContracts.NativeCoin, RandomAddress(random), random.Next(1, 1_000_000))).ToList();
        var tree = ClaimTree.Build(leaves);
        await CommunityContracts.PublishAsync(chain, deployment, CommunityContracts.NativeCoin, 1, tree.Root, tree.Total, tree.Total);

        foreach (var leaf in leaves)
        {
            await Claim(chain, deployment, 1, leaf, tree.ProofOf(leaf.Account));
            Assert.Equal(leaf.Cumulative, await chain.BalanceAsync(leaf.Account));
        }

        Assert.Equal(BigInteger.Zero, await chain.BalanceAsync(deployment.Claims));
    }

    [Fact]
    public async Task Claims_ForAThousandHolders_PayEachOnceAndRefuseWrongProofsAndAmounts()
    {
        using var chain = anvil.Client();
        var deployment = await CommunityContracts.DeployAsync(chain, "Matsuri", "MTR", Address(2), Bps.From(500).Value);
        var random = new Random(1000);
        var leaves = Enumerable.Range(0, 1000)
            .Select(_ => new ClaimLeaf(CommunityContracts.NativeCoin, RandomAddress(random), new BigInteger(random.NextInt64(1, 1_000_000_000_000_000))))
            .ToList();
        var tree = ClaimTree.Build(leaves);
        Assert.All(leaves, l => Assert.True(ClaimTree.Verify(tree.Root, l, tree.ProofOf(l.Account))));
        await CommunityContracts.PublishAsync(chain, deployment, CommunityContracts.NativeCoin, 1, tree.Root, tree.Total, tree.Total);
        Assert.Equal(tree.Total, await chain.BalanceAsync(deployment.Claims));

        var sample = leaves.OrderBy(_ => random.Next()).Take(12).ToList();
        foreach (var leaf in sample)
        {
            await Claim(chain, deployment, 1, leaf, tree.ProofOf(leaf.Account));
            Assert.Equal(leaf.Cumulative, await chain.BalanceAsync(leaf.Account));
            Assert.Equal(leaf.Cumulative, await CommunityContracts.ClaimedAsync(chain, deployment, CommunityContracts.NativeCoin, leaf.Account));
        }

        var other = sample[0];
        var next = leaves.First(l => !sample.Contains(l));
        // Someone else's proof, an inflated amount, and a second claim: all refused, nothing paid.
        await Assert.ThrowsAsync<ChainRefusedException>(() => Claim(chain, deployment, 1, next, tree.ProofOf(other.Account)));
        await Assert.ThrowsAsync<ChainRefusedException>(() => Claim(chain, deployment, 1, next with { Cumulative = next.Cumulative + 1 }, tree.ProofOf(next.Account)));
        await Assert.ThrowsAsync<ChainRefusedException>(() => Claim(chain, deployment, 1, other, tree.ProofOf(other.Account)));
        Assert.Equal(BigInteger.Zero, await chain.BalanceAsync(next.Account));
        Assert.Equal(other.Cumulative, await chain.BalanceAsync(other.Account));
        var paid = sample.Aggregate(BigInteger.Zero, (s, l) => s + l.Cumulative);
        Assert.Equal(tree.Total - paid, await chain.BalanceAsync(deployment.Claims));

        // Epoch 2 is cumulative: one proof pays only what was added since the last claim.
        var grown = leaves.Select(l => l == other ? l with { Cumulative = l.Cumulative + 5 } : l).ToList();
        var tree2 = ClaimTree.Build(grown);
        await CommunityContracts.PublishAsync(chain, deployment, CommunityContracts.NativeCoin, 2, tree2.Root, tree2.Total, 5);
        await Claim(chain, deployment, 2, grown.Single(l => l.Account == other.Account), tree2.ProofOf(other.Account));
        Assert.Equal(other.Cumulative + 5, await chain.BalanceAsync(other.Account));
    }

    [Fact]
    public async Task Publish_WithFundingOtherThanTheGrowthOfTheTotal_IsRefused()
    {
        using var chain = anvil.Client();
        var deployment = await CommunityContracts.DeployAsync(chain, "Matsuri", "MTR", Address(2), Bps.From(500).Value);
        var tree = ClaimTree.Build([new ClaimLeaf(CommunityContracts.NativeCoin, Address(9), 100)]);

        await Assert.ThrowsAsync<ChainRefusedException>(() => CommunityContracts.PublishAsync(chain, deployment, CommunityContracts.NativeCoin, 1, tree.Root, tree.Total, 99));
        await Assert.ThrowsAsync<ChainRefusedException>(() => CommunityContracts.PublishAsync(chain, deployment, CommunityContracts.NativeCoin, 2, tree.Root, tree.Total, 100));
        Assert.Equal(0, await CommunityContracts.LatestEpochAsync(chain, deployment, CommunityContracts.NativeCoin));
    }

    [Fact]
    public async Task ReceiptWait_WhenNothingIsMined_TimesOutInsteadOfHanging()
    {
        using var chain = anvil.Client(receiptTimeout: TimeSpan.FromMilliseconds(500));
        var deployment = await CommunityContracts.DeployAsync(chain, "Matsuri", "MTR", Address(2), Bps.From(500).Value);
        await chain.RequestAsync<object>("evm_setAutomine", false);
        try
        {
            var timeout = await Assert.ThrowsAsync<ReceiptTimeoutException>(() => CommunityContracts.MintAsync(chain, deployment, Address(3), 1));
            Assert.StartsWith("0x", timeout.TransactionHash, StringComparison.Ordinal);
        }
        finally
        {
            await chain.RequestAsync<object>("evm_setAutomine", true);
        }
    }

    [Fact]
    public async Task Client_WhenTheNodeIsUnreachable_SaysSo()
    {
        var closed = new ChainEndpoint($"http://127.0.0.1:{Anvil.FreePort()}", Anvil.OperatorKey, Anvil.ChainId, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        using var chain = new ChainClient(closed);

        var refused = await Assert.ThrowsAsync<ChainUnavailableException>(() => chain.HeadAsync());
        Assert.Equal("chain_unavailable", ChainUnavailableException.Code);
        Assert.NotEmpty(refused.Message);
    }

    private static Task<MinedTransaction> Claim(ChainClient chain, Deployment deployment, long epoch, ClaimLeaf leaf, IReadOnlyList<byte[]> proof) =>
        chain.TransactAsync(Contracts.Claims, deployment.Claims, "claim", 0, CancellationToken.None,
            leaf.Asset.ToString(), (BigInteger)epoch, leaf.Account.ToString(), leaf.Cumulative, proof.ToList());
}
