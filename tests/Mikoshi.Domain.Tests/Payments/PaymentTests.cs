using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Payments;

namespace Mikoshi.Domain.Tests.Payments;

/// <summary>A payment's transitions: credited once, expired only while pending, reversed only when paid and never beyond what came in.</summary>
public class PaymentTests
{
    private static readonly CommunityId Community = CommunityId.New();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    private static Payment Opened(long amount = 10_000) =>
        Payment.Open(Community, 1, PersonId.New(), "topup", "card", "JPY", amount, "cs_test_1", Now);

    private static Payment Paid(long amount = 10_000)
    {
        var payment = Opened(amount);
        payment.MarkPaid(5, Now);
        return payment;
    }

    [Fact]
    public void MarkPaid_CreditsOnce_AndIsRefusedForAPaidPayment()
    {
        var payment = Opened();
        Assert.False(payment.IsCredited);

        Assert.True(payment.MarkPaid(5, Now.AddMinutes(1)).IsSuccess);

        Assert.Equal((PaymentState.Paid, (long?)5, (long?)Now.AddMinutes(1).ToUnixTimeMilliseconds()), (payment.State, payment.EntryNumber, payment.PaidAtUnixMs));
        Assert.True(payment.IsCredited);
        Assert.Equal(PaymentErrors.Codes.InvalidPaymentState, payment.MarkPaid(6, Now.AddMinutes(2)).Error?.Code);
        Assert.Equal(PaymentErrors.Codes.InvalidPaymentState, payment.Hold("project_archived").Error?.Code);
        Assert.Equal((long?)5, payment.EntryNumber);
    }

    [Fact]
    public void Hold_FlagsASaleTheBooksRefused_WhichALaterEventMayStillCredit()
    {
        var payment = Opened();
        Assert.True(payment.Hold("project_archived").IsSuccess);
        Assert.Equal((PaymentState.Flagged, "project_archived", false), (payment.State, payment.Flag, payment.IsCredited));
        Assert.Equal(PaymentErrors.Codes.InvalidPaymentState, payment.Expire().Error?.Code);

        Assert.True(payment.MarkPaid(8, Now).IsSuccess);
        Assert.Equal(PaymentState.Paid, payment.State);
    }

    [Fact]
    public void Expire_OnlyWhilePending()
    {
        var payment = Opened();
        Assert.True(payment.Expire().IsSuccess);
        Assert.Equal("expired", payment.StateWord);
        Assert.Equal(PaymentErrors.Codes.InvalidPaymentState, payment.Expire().Error?.Code);
        Assert.Equal(PaymentErrors.Codes.InvalidPaymentState, Paid().Expire().Error?.Code);
    }

    [Fact]
    public void WhatAPaidPaymentBought_AndItsFee_AreRefusedBeforeItIsPaid()
    {
        var pending = Opened();
        Assert.Equal(PaymentErrors.Codes.InvalidPaymentState, pending.Bought(Domain.Membership.TokenId.Stored(3)).Error?.Code);
        Assert.Equal(PaymentErrors.Codes.InvalidPaymentState, pending.ChargeFee(100).Error?.Code);

        var paid = Paid();
        Assert.Equal(MoneyErrors.Codes.InvalidAmount, paid.ChargeFee(-1).Error?.Code);
        Assert.True(paid.Bought(Domain.Membership.TokenId.Stored(3)).IsSuccess);
        Assert.True(paid.ChargeFee(100).IsSuccess);
        Assert.Equal(((Domain.Membership.TokenId?)Domain.Membership.TokenId.Stored(3), 100L), (paid.TokenSerial, paid.Fee));
    }

    [Fact]
    public void Raise_KeepsTheProblem_CutToItsColumn_WithoutChangingTheState()
    {
        var payment = Opened();
        payment.Raise(new string('x', Payment.MaxFlagLength + 5));
        Assert.Equal((PaymentState.Pending, Payment.MaxFlagLength), (payment.State, payment.Flag.Length));
    }

    [Fact]
    public void Refund_And_Chargeback_AreRefusedBeforePayment_OnAStaleTotal_AndTwice()
    {
        var pending = Opened();
        Assert.Equal(PaymentErrors.Codes.InvalidPaymentState, pending.Refund(100).Error?.Code);
        Assert.Equal(PaymentErrors.Codes.InvalidPaymentState, pending.Chargeback(100).Error?.Code);

        var paid = Paid(1_000);
        Assert.Equal(400, paid.RefundDue(400));
        Assert.True(paid.Refund(400).IsSuccess);
        Assert.Equal(MoneyErrors.Codes.InvalidAmount, paid.Refund(400).Error?.Code);
        Assert.Equal(0, paid.RefundDue(300));

        Assert.Equal(600, paid.ChargebackDue(5_000));
        Assert.Equal(MoneyErrors.Codes.InvalidAmount, paid.Chargeback(601).Error?.Code);
        Assert.True(paid.Chargeback(600).IsSuccess);
        Assert.Equal(0, paid.ChargebackDue(10));
        Assert.Equal(MoneyErrors.Codes.InvalidAmount, paid.Chargeback(1).Error?.Code);
        Assert.Equal(0, paid.RefundDue(1_000));
    }

    /// <summary>
    /// Whatever Stripe reports, in whatever order — running refund totals, late or repeated, and a dispute — the money the
    /// payment sends back (each refund's due, the chargeback's due) is never negative and never adds up to more than came in.
    /// </summary>
    [Fact]
    public void Reversals_NeverTakeBackMoreThanCameIn()
    {
        var step = Gen.Select(Gen.Bool, Gen.Long[0, 20_000]);
        Gen.Select(Gen.Long[1, 10_000], step.Array[1, 12]).Sample((amount, steps) =>
        {
            var payment = Paid(amount);
            long sent = 0;
            foreach (var (dispute, value) in steps)
            {
                if (dispute)
                {
                    var taken = payment.ChargebackDue(value);
                    Assert.True(taken >= 0);
                    if (taken > 0)
                    {
                        Assert.True(payment.Chargeback(taken).IsSuccess);
                        sent += taken;
                    }
                }
                else if (value > payment.Reversed)
                {
                    var due = Math.Max(0, payment.RefundDue(value));
                    Assert.True(payment.Refund(value).IsSuccess);
                    sent += due;
                }
                else
                {
                    Assert.False(payment.Refund(value).IsSuccess);
                }

                Assert.True(sent <= amount, $"sent back {sent} of {amount}");
            }
        });
    }
}
