using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Domain.Payments;

/// <summary>Where a payment is.</summary>
public enum PaymentState
{
    /// <summary>Opened (a checkout, an invoice, a bank line); no money is booked yet.</summary>
    Pending,

    /// <summary>The money is booked (credited); refunds and chargebacks may follow.</summary>
    Paid,

    /// <summary>The checkout expired or its delayed payment failed: nothing came in.</summary>
    Expired,

    /// <summary>The money came in but what it was for could not be booked (a sale whose revenue was refused): it waits for a treasurer.</summary>
    Flagged,
}

/// <summary>
/// Money that came in from outside through a payment channel (Stripe or a bank transfer), numbered per community. It
/// moves pending → paid, pending → expired, or (a sale the books refused) pending → flagged; a flagged or expired
/// payment may still be credited by a later event, a paid one never twice. Refunds and chargebacks apply only to a
/// paid payment and never take back more than it brought in. Amounts are minor units of <see cref="Asset"/>.
/// </summary>
public sealed class Payment
{
    /// <summary>Longest purpose, method or state word.</summary>
    public const int MaxWordLength = 16;

    /// <summary>Longest problem code a flag keeps.</summary>
    public const int MaxFlagLength = 40;

    /// <summary>Longest provider reference or payment intent.</summary>
    public const int MaxReferenceLength = 200;

    private Payment()
    {
        Purpose = string.Empty;
        Method = string.Empty;
        Flag = string.Empty;
        Asset = string.Empty;
        Reference = string.Empty;
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The payment's number in the community.</summary>
    public long Number { get; private set; }

    /// <summary>Who paid (null for a sale of a work to the public).</summary>
    public PersonId? PersonId { get; private set; }

    /// <summary>join, topup, dues, sale or transfer.</summary>
    public string Purpose { get; private set; }

    /// <summary>card, konbini, subscription or bank.</summary>
    public string Method { get; private set; }

    /// <summary>Where the payment is.</summary>
    public PaymentState State { get; private set; }

    /// <summary>Why the payment was flagged (a problem code), empty otherwise.</summary>
    public string Flag { get; private set; }

    /// <summary>The asset's code.</summary>
    public string Asset { get; private set; }

    /// <summary>What came in, in minor units.</summary>
    public long Amount { get; private set; }

    /// <summary>The provider's fee the community bore.</summary>
    public long Fee { get; private set; }

    /// <summary>Refunded so far (Stripe reports the running total).</summary>
    public long Reversed { get; private set; }

    /// <summary>Taken back by a chargeback.</summary>
    public long Disputed { get; private set; }

    /// <summary>The provider's own reference: a Checkout Session, an invoice, a bank line; unique.</summary>
    public string Reference { get; private set; }

    /// <summary>Stripe's payment intent, which refunds and disputes name.</summary>
    public string? PaymentIntent { get; private set; }

    /// <summary>The project a sale is revenue of.</summary>
    public ProjectNumber? ProjectNumber { get; private set; }

    /// <summary>For a join: the most the person agreed to pay for the token.</summary>
    public long? MaxPrice { get; private set; }

    /// <summary>The token a join bought.</summary>
    public TokenId? TokenSerial { get; private set; }

    /// <summary>The journal entry that booked the money.</summary>
    public long? EntryNumber { get; private set; }

    /// <summary>When it was opened (Unix milliseconds).</summary>
    public long CreatedAtUnixMs { get; private set; }

    /// <summary>When it was credited (Unix milliseconds).</summary>
    public long? PaidAtUnixMs { get; private set; }

    /// <summary>Whether the money was already booked (a second delivery of the same news changes nothing).</summary>
    public bool IsCredited => State is PaymentState.Paid or PaymentState.Flagged && EntryNumber is not null;

    /// <summary>The state's stored word, as the API shows it (<c>pending</c>, <c>paid</c>, <c>expired</c>, <c>flagged</c>).</summary>
    public string StateWord => State.Word();

    /// <summary>A new pending payment of <paramref name="amount"/> by <paramref name="person"/> (none for a public sale).</summary>
    public static Payment Open(CommunityId community, long number, PersonId? person, string purpose, string method, string asset, long amount,
        string reference, DateTimeOffset at, string? paymentIntent = null, ProjectNumber? project = null, long? maxPrice = null) => new()
        {
            CommunityId = community,
            Number = number,
            PersonId = person,
            Purpose = purpose,
            Method = method,
            State = PaymentState.Pending,
            Asset = asset,
            Amount = amount,
            Reference = reference,
            PaymentIntent = paymentIntent,
            ProjectNumber = project,
            MaxPrice = maxPrice,
            CreatedAtUnixMs = at.ToUnixTimeMilliseconds(),
        };

    /// <summary>Notes the payment intent Stripe named, unless one is known already.</summary>
    public void NoteIntent(string? paymentIntent) => PaymentIntent ??= paymentIntent;

    /// <summary>Keeps a problem code (truncated to <see cref="MaxFlagLength"/>) without changing the state: the money or its purpose needs a look.</summary>
    public void Raise(string problem) => Flag = problem.Length > MaxFlagLength ? problem[..MaxFlagLength] : problem;

    /// <summary>
    /// The money came in and entry <paramref name="entry"/> booked it: the payment is paid at <paramref name="at"/>.
    /// <c>invalid_payment_state</c> for a payment already paid.
    /// </summary>
    public Result<Payment> MarkPaid(long entry, DateTimeOffset at)
    {
        if (State == PaymentState.Paid)
        {
            return PaymentErrors.InvalidPaymentState(Number, StateWord);
        }

        State = PaymentState.Paid;
        EntryNumber = entry;
        PaidAtUnixMs = at.ToUnixTimeMilliseconds();
        return this;
    }

    /// <summary>
    /// The money came in but what it pays for was refused with <paramref name="problem"/>: nothing is booked and the payment
    /// waits, flagged. <c>invalid_payment_state</c> for a payment already paid.
    /// </summary>
    public Result<Payment> Hold(string problem)
    {
        if (State == PaymentState.Paid)
        {
            return PaymentErrors.InvalidPaymentState(Number, StateWord);
        }

        State = PaymentState.Flagged;
        Raise(problem);
        return this;
    }

    /// <summary>The checkout expired or its delayed payment failed: <c>invalid_payment_state</c> unless pending.</summary>
    public Result<Payment> Expire()
    {
        if (State != PaymentState.Pending)
        {
            return PaymentErrors.InvalidPaymentState(Number, StateWord);
        }

        State = PaymentState.Expired;
        return this;
    }

    /// <summary>The token the payment bought.</summary>
    public Result<Payment> Bought(TokenId token)
    {
        if (State != PaymentState.Paid)
        {
            return PaymentErrors.InvalidPaymentState(Number, StateWord);
        }

        TokenSerial = token;
        return this;
    }

    /// <summary>The provider's fee, borne by the community: <c>invalid_payment_state</c> unless paid, <c>invalid_amount</c> below zero.</summary>
    public Result<Payment> ChargeFee(long fee)
    {
        if (State != PaymentState.Paid)
        {
            return PaymentErrors.InvalidPaymentState(Number, StateWord);
        }

        if (fee < 0)
        {
            return MoneyErrors.InvalidAmount;
        }

        Fee = fee;
        return this;
    }

    /// <summary>
    /// What a refund whose running total is <paramref name="refundedTotal"/> sends back now: the part of the total not yet
    /// applied, but never more than is left of the payment after earlier refunds and a chargeback. Zero or less: nothing.
    /// </summary>
    public long RefundDue(long refundedTotal) => refundedTotal - Reversed <= 0 ? 0 : Math.Min(refundedTotal - Reversed, Amount - Reversed - Disputed);

    /// <summary>
    /// A refund was applied: the running total becomes <paramref name="refundedTotal"/>. <c>invalid_payment_state</c>
    /// unless paid; <c>invalid_amount</c> unless the total grows.
    /// </summary>
    public Result<Payment> Refund(long refundedTotal)
    {
        if (State != PaymentState.Paid)
        {
            return PaymentErrors.InvalidPaymentState(Number, StateWord);
        }

        if (refundedTotal <= Reversed)
        {
            return MoneyErrors.InvalidAmount;
        }

        Reversed = refundedTotal;
        return this;
    }

    /// <summary>What a chargeback of <paramref name="disputed"/> takes back: at most what refunds left of the payment, nothing after a first chargeback.</summary>
    public long ChargebackDue(long disputed) => Disputed > 0 ? 0 : Math.Max(0, Math.Min(disputed, Amount - Reversed));

    /// <summary>
    /// A chargeback took back <paramref name="taken"/>. <c>invalid_payment_state</c> unless paid; <c>invalid_amount</c>
    /// for a second chargeback or more than <see cref="ChargebackDue"/> allows.
    /// </summary>
    public Result<Payment> Chargeback(long taken)
    {
        if (State != PaymentState.Paid)
        {
            return PaymentErrors.InvalidPaymentState(Number, StateWord);
        }

        if (taken <= 0 || taken > ChargebackDue(taken))
        {
            return MoneyErrors.InvalidAmount;
        }

        Disputed = taken;
        return this;
    }
}
