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

/// <summary>
/// The chain refused a transaction or a call: it would revert, or it reverted. Retrying the same thing
/// gives the same answer, unlike <see cref="ChainUnavailableException"/>.
/// </summary>
public sealed class ChainRefusedException(string message, Exception? inner = null, string? revertData = null) : Exception(message, inner)
{
    public const string Code = "chain_refused";

    /// <summary>The revert's ABI-encoded data (0x-hex: a custom error's selector and arguments), when the node gave it.</summary>
    public string? RevertData { get; } = revertData;

    /// <summary>Whether the revert was the custom error <paramref name="signature"/>, say <c>ERC721NonexistentToken(uint256)</c>.</summary>
    public bool IsError(string signature) =>
        RevertData is { Length: >= 10 } data && data.StartsWith(ChainEvents.Topic(signature)[..10], StringComparison.OrdinalIgnoreCase);
}
