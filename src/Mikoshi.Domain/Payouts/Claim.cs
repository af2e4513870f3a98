using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Domain.Payouts;

/// <summary>Where a claim is: waiting for a batch, in a batch the bank is to pay, or paid.</summary>
public enum ClaimState
{
    /// <summary>Claimed, waiting for the next batch.</summary>
    Pending,

    /// <summary>In a batch, waiting for the bank.</summary>
    Batched,

    /// <summary>Paid by the bank; the batch was confirmed.</summary>
    Paid,
}

/// <summary>
/// A person's claim on what they earned in one asset: their whole balance moved to the payout escrow, exactly once. It
/// goes into one batch, and is paid when that batch is confirmed — never batched twice, never paid outside its batch.
/// </summary>
public sealed class Claim
{
    /// <summary>Longest asset code a claim stores.</summary>
    public const int MaxAssetLength = 12;

    private Claim()
    {
        Asset = string.Empty;
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The claim's number in the community.</summary>
    public long Number { get; private set; }

    /// <summary>Who claimed.</summary>
    public PersonId PersonId { get; private set; }

    /// <summary>The asset's code.</summary>
    public string Asset { get; private set; }

    /// <summary>The amount claimed, in minor units (more than zero).</summary>
    public Int128 Amount { get; private set; }

    /// <summary>Where the claim is.</summary>
    public ClaimState State { get; private set; }

    /// <summary>The batch it is in, once batched.</summary>
    public long? BatchNumber { get; private set; }

    /// <summary>When it was claimed (Unix milliseconds).</summary>
    public long AtUnixMs { get; private set; }

    /// <summary>The journal entry that moved the money to the payout escrow.</summary>
    public long EntryNumber { get; private set; }

    /// <summary>A new pending claim of <paramref name="amount"/>; <c>nothing_to_claim</c> unless the amount is above zero.</summary>
    public static Result<Claim> Make(CommunityId community, long number, PersonId person, Money amount, DateTimeOffset at, long entry) =>
        amount.Units <= Int128.Zero
            ? RevenueErrors.NothingToClaim
            : new Claim
            {
                CommunityId = community,
                Number = number,
                PersonId = person,
                Asset = amount.Asset.Code,
                Amount = amount.Units,
                State = ClaimState.Pending,
                AtUnixMs = at.ToUnixTimeMilliseconds(),
                EntryNumber = entry,
            };

    /// <summary>Puts the claim into batch <paramref name="batch"/>; <c>no_pending_claims</c> unless it is pending.</summary>
    public Result<Claim> Batch(long batch)
    {
        if (State != ClaimState.Pending)
        {
            return RevenueErrors.NoPendingClaims;
        }

        State = ClaimState.Batched;
        BatchNumber = batch;
        return this;
    }

    /// <summary>Marks the claim paid with its batch; <c>batch_already_paid</c> unless it waits in batch <paramref name="batch"/>.</summary>
    public Result<Claim> Pay(long batch)
    {
        if (State != ClaimState.Batched || BatchNumber != batch)
        {
            return RevenueErrors.BatchAlreadyPaid;
        }

        State = ClaimState.Paid;
        return this;
    }
}
