namespace Mikoshi.Chain;

/// <summary>The chain's node could not be reached or did not answer in time. Retry later; nothing was mirrored.</summary>
public sealed class ChainUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const string Code = "chain_unavailable";
}

/// <summary>A transaction was sent but no receipt came within the wait allowed.</summary>
public sealed class ReceiptTimeoutException(string transactionHash, TimeSpan waited)
    : Exception($"No receipt for {transactionHash} after {waited.TotalSeconds:0.#} s.")
{
    public const string Code = "chain_receipt_timeout";

    public string TransactionHash { get; } = transactionHash;
}

/// <summary>The chain refused a transaction (it would revert, or it reverted).</summary>
public sealed class ChainRefusedException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const string Code = "chain_refused";
}
