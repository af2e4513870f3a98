using System.Numerics;
using Mikoshi.Domain;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Chain;

/// <summary>A community's two contracts on one chain.</summary>
public sealed record Deployment(long ChainId, EthAddress Membership, EthAddress Claims, long Block);

/// <summary>
/// The operations Mikoshi performs on a community's contracts: deploy them, mint and burn membership
/// tokens, publish a claims epoch with its funding, and read what the contracts say.
/// </summary>
public static class CommunityContracts
{
    /// <summary>The native coin's asset address in the claims contract.</summary>
    public static EthAddress NativeCoin => default;

    public static async Task<Deployment> DeployAsync(ChainClient chain, string name, string symbol, EthAddress treasury, Bps royaltyBps, CancellationToken cancellationToken = default)
    {
        var membership = await chain.DeployAsync(Contracts.Membership, 0, cancellationToken, name, symbol, chain.Operator.ToString(), treasury.ToString(), (BigInteger)royaltyBps.Value);
        var claims = await chain.DeployAsync(Contracts.Claims, 0, cancellationToken, chain.Operator.ToString());
        return new Deployment(
            chain.Endpoint.ChainId,
            EthAddress.Parse(membership.ContractAddress!.ToLowerInvariant()).Value,
            EthAddress.Parse(claims.ContractAddress!.ToLowerInvariant()).Value,
            membership.BlockNumber);
    }

    public static Task<MinedTransaction> MintAsync(ChainClient chain, Deployment deployment, EthAddress to, long tokenId, CancellationToken cancellationToken = default) =>
        chain.TransactAsync(Contracts.Membership, deployment.Membership, "mint", 0, cancellationToken, to.ToString(), (BigInteger)tokenId);

    /// <summary>Burns token <paramref name="tokenId"/> if <paramref name="expectedOwner"/> still holds it; the contract reverts (<c>OwnerChanged</c>) otherwise.</summary>
    public static Task<MinedTransaction> BurnAsync(ChainClient chain, Deployment deployment, long tokenId, EthAddress expectedOwner, CancellationToken cancellationToken = default) =>
        chain.TransactAsync(Contracts.Membership, deployment.Membership, "burn", 0, cancellationToken, (BigInteger)tokenId, expectedOwner.ToString());

    /// <summary>Publishes epoch <paramref name="epoch"/> of <paramref name="asset"/> and pays in <paramref name="funding"/> (native coin).</summary>
    public static Task<MinedTransaction> PublishAsync(ChainClient chain, Deployment deployment, EthAddress asset, long epoch, byte[] root, BigInteger total, BigInteger funding, CancellationToken cancellationToken = default) =>
        chain.TransactAsync(Contracts.Claims, deployment.Claims, "publish", asset == NativeCoin ? funding : 0, cancellationToken, asset.ToString(), (BigInteger)epoch, root, total);

    /// <summary>
    /// The owner of a token, or null if it does not exist (never minted, or burned): only the contract's
    /// <c>ERC721NonexistentToken</c> says so. Any other failure is <see cref="ChainUnavailableException"/>,
    /// since "no owner" would let a caller believe a mint or burn already happened.
    /// </summary>
    public static async Task<EthAddress?> OwnerOfAsync(ChainClient chain, Deployment deployment, long tokenId, CancellationToken cancellationToken = default)
    {
        try
        {
            var owner = (string)(await chain.CallAsync(Contracts.Membership, deployment.Membership, "ownerOf", cancellationToken, (BigInteger)tokenId))[0];
            return EthAddress.Parse(owner.ToLowerInvariant()).Value;
        }
        catch (ChainRefusedException e) when (e.IsError(NonexistentToken))
        {
            return null;
        }
        catch (ChainRefusedException e)
        {
            throw new ChainUnavailableException($"The chain did not say who owns token #{tokenId}: {e.Message}", e);
        }
    }

    /// <summary>OpenZeppelin's ERC-721 revert for a token that does not exist.</summary>
    public const string NonexistentToken = "ERC721NonexistentToken(uint256)";

    /// <summary>MikoshiMembership's revert when a redemption's burn finds the token held by someone else.</summary>
    public const string OwnerChanged = "OwnerChanged(uint256,address,address)";

    public static async Task<long> LatestEpochAsync(ChainClient chain, Deployment deployment, EthAddress asset, CancellationToken cancellationToken = default) =>
        (long)(BigInteger)(await chain.CallAsync(Contracts.Claims, deployment.Claims, "latestEpoch", cancellationToken, asset.ToString()))[0];

    public static async Task<BigInteger> ClaimedAsync(ChainClient chain, Deployment deployment, EthAddress asset, EthAddress account, CancellationToken cancellationToken = default) =>
        (BigInteger)(await chain.CallAsync(Contracts.Claims, deployment.Claims, "claimed", cancellationToken, asset.ToString(), account.ToString()))[0];

    /// <summary>ERC-2981: who receives a sale's royalty and how much, for a sale at <paramref name="salePrice"/>.</summary>
    public static async Task<(EthAddress Receiver, BigInteger Amount)> RoyaltyInfoAsync(ChainClient chain, Deployment deployment, long tokenId, BigInteger salePrice, CancellationToken cancellationToken = default)
    {
        var outputs = await chain.CallAsync(Contracts.Membership, deployment.Membership, "royaltyInfo", cancellationToken, (BigInteger)tokenId, salePrice);
        return (EthAddress.Parse(((string)outputs[0]).ToLowerInvariant()).Value, (BigInteger)outputs[1]);
    }

    /// <summary>Votes that <paramref name="account"/> can cast now.</summary>
    public static async Task<BigInteger> VotesAsync(ChainClient chain, Deployment deployment, EthAddress account, CancellationToken cancellationToken = default) =>
        (BigInteger)(await chain.CallAsync(Contracts.Membership, deployment.Membership, "getVotes", cancellationToken, account.ToString()))[0];
}
