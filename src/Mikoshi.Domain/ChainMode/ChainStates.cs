namespace Mikoshi.Domain.ChainMode;

/// <summary>Where an on-chain effect the books queued stands; stored and shown as its lower-case name.</summary>
public enum ChainOutboxState
{
    /// <summary>Queued (or sent again after a reorganisation): the sender will send it.</summary>
    Pending,

    /// <summary>The chain took the transaction; the indexer has not seen its event yet.</summary>
    Sent,

    /// <summary>The chain refused it (a redemption of a token that had moved, say); the books undo their side.</summary>
    Failed,

    /// <summary>The indexer saw the event the effect caused.</summary>
    Confirmed,
}

/// <summary>Where a claims epoch stands; stored and shown as its lower-case name.</summary>
public enum ChainEpochState
{
    /// <summary>The books prepared its root and total; not on chain yet.</summary>
    Prepared,

    /// <summary>The root is published on chain and claims against it may be paid.</summary>
    Published,
}
