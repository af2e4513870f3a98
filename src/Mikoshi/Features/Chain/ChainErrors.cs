using Mikoshi.Chain;
using Mikoshi.Domain;

namespace Mikoshi.Features.Chain;

/// <summary>
/// The errors of chain mode: deployment, the outbox, the indexer and claims: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class ChainErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>already_deployed</c></summary>
        public const string AlreadyDeployed = "already_deployed";

        /// <summary><c>already_indexed</c></summary>
        public const string AlreadyIndexed = "already_indexed";

        /// <summary><c>asset_not_on_chain</c></summary>
        public const string AssetNotOnChain = "asset_not_on_chain";

        /// <summary><c>books_disagree</c></summary>
        public const string BooksDisagree = "books_disagree";

        /// <summary><c>chain_not_configured</c></summary>
        public const string ChainNotConfigured = "chain_not_configured";

        /// <summary><c>chain_receipt_timeout</c></summary>
        public const string ChainReceiptTimeout = ReceiptTimeoutException.Code;

        /// <summary><c>chain_refused</c></summary>
        public const string ChainRefused = ChainRefusedException.Code;

        /// <summary><c>chain_unavailable</c></summary>
        public const string ChainUnavailable = ChainUnavailableException.Code;

        /// <summary><c>no_claim</c></summary>
        public const string NoClaim = "no_claim";

        /// <summary><c>not_in_chain_mode</c></summary>
        public const string NotInChainMode = "not_in_chain_mode";

        /// <summary><c>nothing_to_publish</c></summary>
        public const string NothingToPublish = "nothing_to_publish";

        /// <summary><c>on_chain_ownership</c></summary>
        public const string OnChainOwnership = "on_chain_ownership";
    }

    /// <summary>This community's contracts are already on chain.</summary>
    public static Error AlreadyDeployed { get; } = new(Codes.AlreadyDeployed, ErrorKind.Conflict);

    /// <summary>Another indexer moved the cursor.</summary>
    public static Error AlreadyIndexed { get; } = new(Codes.AlreadyIndexed, ErrorKind.Conflict);

    /// <summary>Only {0} (the chain's native coin) is claimed on chain.</summary>
    public static Error AssetNotOnChain(string nativeAsset) => new(Codes.AssetNotOnChain, ErrorKind.Invalid, nativeAsset);

    /// <summary>The chain and Mikoshi's books disagree: {0}</summary>
    public static Error BooksDisagree(string finding) => new(Codes.BooksDisagree, ErrorKind.Invalid, finding);

    /// <summary>Chain mode needs Mikoshi:Chain:RpcUrl (mikoshi serve --chain-rpc) and Mikoshi:Chain:OperatorKey.</summary>
    public static Error ChainNotConfigured { get; } = new(Codes.ChainNotConfigured, ErrorKind.Conflict);

    /// <summary>The chain did not confirm the transaction in time: {0}</summary>
    public static Error ChainReceiptTimeout(string reason) => new(Codes.ChainReceiptTimeout, ErrorKind.UpstreamTimeout, reason);

    /// <summary>The chain refused the transaction: {0}</summary>
    public static Error ChainRefused(string reason) => new(Codes.ChainRefused, ErrorKind.UpstreamRefused, reason);

    /// <summary>The chain node did not answer: {0}</summary>
    public static Error ChainUnavailable(string reason) => new(Codes.ChainUnavailable, ErrorKind.Unavailable, reason);

    /// <summary>{0} has nothing to claim in {1} yet.</summary>
    public static Error NoClaim(object claimant, object asset) => new(Codes.NoClaim, ErrorKind.NotFound, claimant, asset);

    /// <summary>This community has no contracts on chain.</summary>
    public static Error NotInChainMode { get; } = new(Codes.NotInChainMode, ErrorKind.Conflict);

    /// <summary>Nobody has {0} to claim since the last epoch.</summary>
    public static Error NothingToPublish(object asset) => new(Codes.NothingToPublish, ErrorKind.Invalid, asset);

    /// <summary>This community's tokens live on chain: move them there, with your wallet or any marketplace; Mikoshi follows.</summary>
    public static Error OnChainOwnership { get; } = new(Codes.OnChainOwnership, ErrorKind.Conflict);
}
