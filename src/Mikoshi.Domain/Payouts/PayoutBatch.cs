using System.Globalization;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Domain.Payouts;

/// <summary>Where a batch is: exported and awaiting the bank, or paid.</summary>
public enum PayoutBatchState
{
    /// <summary>Made (and exported); the bank has not paid it yet.</summary>
    Open,

    /// <summary>Confirmed paid: the money left the books.</summary>
    Paid,
}

/// <summary>
/// A payout batch: every pending claim of one asset gathered for one transfer date, confirmed once the bank has paid —
/// only then are its claims paid. Confirming twice is refused.
/// </summary>
public sealed class PayoutBatch
{
    /// <summary>Longest asset code a batch stores.</summary>
    public const int MaxAssetLength = 12;

    /// <summary>The transfer date's stored form, yyyy-MM-dd.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    private PayoutBatch()
    {
        Asset = string.Empty;
        TransferDate = string.Empty;
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The batch's number in the community.</summary>
    public long Number { get; private set; }

    /// <summary>The asset's code.</summary>
    public string Asset { get; private set; }

    /// <summary>The claims' gross total, in minor units.</summary>
    public Int128 Total { get; private set; }

    /// <summary>How many people the batch pays.</summary>
    public int Count { get; private set; }

    /// <summary>Where the batch is.</summary>
    public PayoutBatchState State { get; private set; }

    /// <summary>The day the bank is asked to transfer, yyyy-MM-dd.</summary>
    public string TransferDate { get; private set; }

    /// <summary>Who made it.</summary>
    public PersonId CreatedById { get; private set; }

    /// <summary>When it was made (Unix milliseconds).</summary>
    public long CreatedAtUnixMs { get; private set; }

    /// <summary>Who confirmed it paid.</summary>
    public PersonId? PaidById { get; private set; }

    /// <summary>When it was confirmed paid (Unix milliseconds).</summary>
    public long? PaidAtUnixMs { get; private set; }

    /// <summary>The transfer date as a day.</summary>
    public DateOnly TransferDay => DateOnly.ParseExact(TransferDate, DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Gathers <paramref name="claims"/> (every pending claim of one asset) into batch <paramref name="number"/> for
    /// <paramref name="transferDate"/>: <c>invalid_transfer_date</c> for a day before <paramref name="at"/>'s,
    /// <c>no_pending_claims</c> without a claim; each claim is batched.
    /// </summary>
    public static Result<PayoutBatch> Gather(CommunityId community, long number, Asset asset, DateOnly transferDate, IReadOnlyList<Claim> claims, PersonId by, DateTimeOffset at)
    {
        if (transferDate < DateOnly.FromDateTime(at.UtcDateTime))
        {
            return RevenueErrors.InvalidTransferDate;
        }

        if (claims.Count == 0 || claims.Any(c => c.Asset != asset.Code))
        {
            return RevenueErrors.NoPendingClaims;
        }

        foreach (var claim in claims)
        {
            var batched = claim.Batch(number);
            if (!batched.IsSuccess)
            {
                return batched.Error;
            }
        }

        return new PayoutBatch
        {
            CommunityId = community,
            Number = number,
            Asset = asset.Code,
            Total = claims.Aggregate(Int128.Zero, (sum, c) => checked(sum + c.Amount)),
            Count = claims.Select(c => c.PersonId).Distinct().Count(),
            State = PayoutBatchState.Open,
            TransferDate = transferDate.ToString(DateFormat, CultureInfo.InvariantCulture),
            CreatedById = by,
            CreatedAtUnixMs = at.ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>
    /// Confirms the bank paid the batch: its claims (<paramref name="claims"/>, every claim of this batch) are paid;
    /// <c>batch_already_paid</c> the second time.
    /// </summary>
    public Result<PayoutBatch> Confirm(IReadOnlyList<Claim> claims, PersonId by, DateTimeOffset at)
    {
        if (State == PayoutBatchState.Paid)
        {
            return RevenueErrors.BatchAlreadyPaid;
        }

        foreach (var claim in claims)
        {
            var paid = claim.Pay(Number);
            if (!paid.IsSuccess)
            {
                return paid.Error;
            }
        }

        State = PayoutBatchState.Paid;
        PaidById = by;
        PaidAtUnixMs = at.ToUnixTimeMilliseconds();
        return this;
    }
}
