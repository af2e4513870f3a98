using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Payments;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Membership;
using Mikoshi.Features.Revenue;

namespace Mikoshi.Features.Payments;

// Wire format: the project and token numbers stay plain numbers.
public sealed record PaymentView(
    long Number,
    string Purpose,
    string Method,
    string State,
    string? Flag,
    AmountView Amount,
    AmountView Fee,
    AmountView Refunded,
    AmountView Disputed,
    string? PersonId,
    long? Project,
    long? Token,
    long? Entry,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt);

public sealed record SubscriptionView(string Subscription, string PersonId, string Status, DateTimeOffset UpdatedAt);

public sealed record PaymentsView(IReadOnlyList<PaymentView> Items, IReadOnlyList<SubscriptionView> Subscriptions);

/// <summary>A receipt: what was paid, for what, when (in Japan time), to which community.</summary>
// Wire format: the token and project numbers stay plain numbers.
public sealed record ReceiptView(long Number, string Community, string Purpose, string Method, string State, AmountView Amount, AmountView Refunded, string PaidAtJst, long? Token, long? Project);

/// <summary>
/// Payments as the books see them: crediting money that came in (and what it bought), taking fees and
/// reversals from the accounts that hold it, and reading payments and receipts back.
/// </summary>
public static class PaymentBook
{
    public const string Join = "join";
    public const string TopUp = "topup";
    public const string Dues = "dues";
    public const string Sale = "sale";
    public const string Transfer = "transfer";

    /// <summary>Japan has one offset and no daylight saving: a JST instant is UTC+9, always.</summary>
    public static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    /// <summary>An instant as a receipt says it: the minute in Japan time, <c>2026-11-27 18:00 JST</c>.</summary>
    public static string JstText(DateTimeOffset at) => at.ToOffset(Jst).ToString("yyyy-MM-dd HH:mm 'JST'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Takes the community's next payment number (inside a write to its chain).</summary>
    public static Task<long> NextNumberAsync(MikoshiDb db, CommunityId community) =>
        ChainHeads.TakeAsync(db, community.Value, "payments");

    /// <summary>
    /// Books money that arrived for <paramref name="payment"/>: the gross from outside into the account it is for,
    /// then what it buys (a token for a join, the waterfall for a sale), then the provider's fee into the fee account.
    /// Returns the outcome: <c>applied</c>, or a problem code when part of it could not be done (the payment is flagged).
    /// </summary>
    public static async Task<string> CreditAsync(WriteScope write, Community community, Payment payment, long fee, PersonId recordedBy, Mail.MailText links)
    {
        var gross = Money.Of(community.Base, payment.Amount);
        var outcome = "applied";
        AccountId credited;
        switch (payment.Purpose)
        {
            case Sale:
                var revenue = await RecordRevenue.RecordInAsync(write, recordedBy, community, payment.ProjectNumber!.Value, gross,
                    $"stripe {payment.PaymentIntent ?? payment.Reference}", null);
                if (!revenue.IsSuccess)
                {
                    // Nothing was posted: the sale waits, flagged, for a treasurer to record by hand.
                    Settled(payment.Hold(revenue.Error.Code));
                    return revenue.Error.Code;
                }

                Settled(payment.MarkPaid(revenue.Value.Entry, write.At));
                credited = AccountId.ForProject(payment.ProjectNumber!.Value);
                break;
            case Dues:
                credited = AccountId.Treasury;
                Settled(payment.MarkPaid(await PostAsync(write, JournalEntry.Move("dues", Memo(payment), AccountId.External, credited, gross).Value, payment.Reference), write.At));
                break;
            default:
                credited = AccountId.ForPerson(payment.PersonId!.Value.Value);
                Settled(payment.MarkPaid(await PostAsync(write, JournalEntry.Move("payment", Memo(payment), AccountId.External, credited, gross).Value, payment.Reference), write.At));
                if (payment.Purpose == Join)
                {
                    var max = payment.MaxPrice?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var minted = await MintToken.MintInAsync(write, payment.PersonId.Value, community, new MintRequest(max));
                    if (minted.IsSuccess)
                    {
                        Settled(payment.Bought(TokenId.Stored(minted.Value.Token)));
                    }
                    else
                    {
                        // The money stays in the person's account; the token waits for them (or a refund).
                        payment.Raise(minted.Error.Code);
                        outcome = minted.Error.Code;
                    }
                }

                break;
        }
        if (payment.PersonId is { } payer)
        {
            // The payer hears of it (mail at once unless they chose a digest), written in this same transaction; the notice
            // carries the receipt: the amount, what it bought, the date in JST, the community, and a link to the receipt page.
            var receipt = new Notifications.PaymentReceipt(
                Components.Amounts.Display(community.Base.Code, payment.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                payment.Purpose,
                payment.TokenSerial?.Value,
                payment.ProjectNumber?.Value,
                JstText(write.At),
                community.Name,
                links.Link($"/c/{community.Slug}/payments/{payment.Number}"));
            Notifications.PaymentEvents.Received(write, payer, community.Base.Code, payment.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), $"payment #{payment.Number}", receipt);
        }

        if (fee > 0)
        {
            // The community bears the fee: from the treasury, or the account the money went to when the treasury cannot.
            AccountId[] from = payment.Purpose == Sale ? [credited, AccountId.Treasury] : [AccountId.Treasury, credited];
            var taken = await MoveAsync(write, community, from, AccountId.Fees, fee, "fee", $"payment fee of payment #{payment.Number}", payment.Reference);
            if (taken.IsSuccess)
            {
                Settled(payment.ChargeFee(fee));
            }
            else
            {
                payment.Raise(taken.Error.Code);
                outcome = taken.Error.Code;
            }
        }

        return outcome;
    }

    /// <summary>
    /// A refund or chargeback: a reversing entry that sends <paramref name="amount"/> back outside, taken from the
    /// account the payment credited (a person's, or the project's reserve) and then from the treasury. Refused
    /// (<c>reversal_uncovered</c>) with nothing moved when those accounts do not hold enough.
    /// </summary>
    public static Task<Result<long>> ReverseAsync(WriteScope write, Community community, Payment payment, long amount, string kind, string reason)
    {
        AccountId[] from = payment.Purpose switch
        {
            Sale => [AccountId.ForProject(payment.ProjectNumber!.Value), AccountId.Treasury],
            Dues => [AccountId.Treasury],
            _ => [AccountId.ForPerson(payment.PersonId!.Value.Value), AccountId.Treasury],
        };
        return MoveAsync(write, community, from, AccountId.External, amount, kind, $"{kind} of payment #{payment.Number}: {reason}", payment.Reference);
    }

    private static async Task<Result<long>> MoveAsync(WriteScope write, Community community, AccountId[] from, AccountId to, long units, string kind, string memo, string reference)
    {
        var postings = new List<Posting>();
        Int128 left = units;
        foreach (var account in from.Distinct())
        {
            var name = account.ToString();
            var row = write.Db.Balances.Local.FirstOrDefault(b => b.CommunityId == community.Id && b.Account == name && b.Asset == community.BaseAsset)
                ?? await write.Db.Balances.FirstOrDefaultAsync(b => b.CommunityId == community.Id && b.Account == name && b.Asset == community.BaseAsset);
            var take = Int128.Min(left, row?.Units ?? Int128.Zero);
            if (take > Int128.Zero)
            {
                postings.Add(new Posting(account, Money.Of(community.Base, -take)));
                left -= take;
            }
        }

        if (left > Int128.Zero)
        {
            return PaymentErrors.ReversalUncovered(Money.Of(community.Base, units - left), Money.Of(community.Base, units));
        }

        postings.Add(new Posting(to, Money.Of(community.Base, units)));
        var entry = JournalEntry.CreateWithoutZeroLegs(kind, memo, [.. postings]);
        return entry.IsSuccess ? await write.PostAsync(entry.Value, reference) : entry.Error;
    }

    private static async Task<long> PostAsync(WriteScope write, JournalEntry entry, string reference)
    {
        var posted = await write.PostAsync(entry, reference);

        // Money only comes in from outside here, which no balance rule refuses.
        return posted.IsSuccess ? posted.Value : throw new InvariantViolatedException($"A credit from outside was refused: {posted.Error.Code}.");
    }

    /// <summary>A step the caller checked may be taken (a payment is credited once: every door asks <see cref="Payment.IsCredited"/> first).</summary>
    private static void Settled(Result<Payment> step)
    {
        if (!step.IsSuccess)
        {
            throw new InvariantViolatedException($"A payment step was refused after the books moved: {step.Error.Code}.");
        }
    }

    private static string Memo(Payment payment) => $"{payment.Method} payment #{payment.Number}: {payment.Purpose}";

    public static PaymentView View(Payment p, Asset asset) => new(
        p.Number, p.Purpose, p.Method, p.StateWord, p.Flag.Length == 0 ? null : p.Flag,
        AmountView.Of(Money.Of(asset, p.Amount)), AmountView.Of(Money.Of(asset, p.Fee)), AmountView.Of(Money.Of(asset, p.Reversed)), AmountView.Of(Money.Of(asset, p.Disputed)),
        p.PersonId?.ToString(), p.ProjectNumber?.Value, p.TokenSerial?.Value, p.EntryNumber,
        DateTimeOffset.FromUnixTimeMilliseconds(p.CreatedAtUnixMs), p.PaidAtUnixMs is { } paid ? DateTimeOffset.FromUnixTimeMilliseconds(paid) : null);

    /// <summary>A treasurer sees every payment of the community; anyone else their own.</summary>
    public static async Task<PaymentsView> ListAsync(MikoshiDb db, Caller caller)
    {
        var community = caller.RequireCommunity();
        var person = caller.RequirePerson();
        var all = caller.CanKeepTheBooks;
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.CommunityId == community.Id && (all || p.PersonId == person))
            .OrderByDescending(p => p.Number).Take(500).ToListAsync();
        var subscriptions = await db.DuesSubscriptions.AsNoTracking()
            .Where(s => s.CommunityId == community.Id && (all || s.PersonId == person)).ToListAsync();
        return new PaymentsView(
            payments.Select(p => View(p, community.Base)).ToList(),
            subscriptions.Select(s => new SubscriptionView(s.SubscriptionId, s.PersonId.ToString(), s.Status, DateTimeOffset.FromUnixTimeMilliseconds(s.UpdatedAtUnixMs))).ToList());
    }

    public static async Task<Result<ReceiptView>> ReceiptAsync(MikoshiDb db, Caller caller, long number)
    {
        var community = caller.RequireCommunity();
        var person = caller.RequirePerson();
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.CommunityId == community.Id && p.Number == number);
        if (payment is null || (!caller.CanKeepTheBooks && payment.PersonId != person))
        {
            return PaymentErrors.PaymentNotFound(number);
        }

        return new ReceiptView(payment.Number, community.Name, payment.Purpose, payment.Method, payment.StateWord,
            AmountView.Of(Money.Of(community.Base, payment.Amount)), AmountView.Of(Money.Of(community.Base, payment.Reversed + payment.Disputed)),
            JstText(DateTimeOffset.FromUnixTimeMilliseconds(payment.PaidAtUnixMs ?? payment.CreatedAtUnixMs)), payment.TokenSerial?.Value, payment.ProjectNumber?.Value);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/payments", async (MikoshiDb db, HttpContext http) => Results.Ok(await ListAsync(db, http.Caller())))
            .Allow(Access.SignedIn)
            .WithSummary("Payments: a treasurer sees the community's, anyone else their own; with dues subscriptions and their status.")
            .Produces<PaymentsView>();
        api.MapGet("/communities/{slug}/payments/{paymentId:long}/receipt", async (long paymentId, MikoshiDb db, HttpContext http) =>
                Problems.From(await ReceiptAsync(db, http.Caller(), paymentId)))
            .Allow(Access.SignedIn)
            .WithSummary("The receipt of one payment: amount, what it bought, the date in JST, the community's name.")
            .Produces<ReceiptView>();
    }
}
