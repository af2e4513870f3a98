using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Payments;

namespace Mikoshi.Domain.Tests.Payments;

/// <summary>An imported bank line is settled once: credited on import, or assigned or ignored by a treasurer.</summary>
public class BankLineTests
{
    private static readonly CommunityId Community = CommunityId.New();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    private static BankLine Imported(string payer = "MK1001 ﾔﾏﾀﾞ ﾊﾅｺ") =>
        BankLine.Import(Community, 3, new StatementDeposit(1, "zengin:1:20261206:1", new DateOnly(2026, 12, 6), 5_000, payer), Now);

    [Fact]
    public void Import_KeepsTheLineUnmatched_WithItsDay_AndCutsALongPayer()
    {
        var line = Imported(new string('ｱ', BankLine.MaxPayerLength + 10));
        Assert.Equal((BankLineState.Unmatched, "2026-12-06", BankLine.MaxPayerLength), (line.State, line.BookedOn, line.Payer.Length));
        Assert.Null(line.PersonId);
    }

    [Fact]
    public void EachSettlement_HappensOnce_AndASettledLineIsRefusedWithItsState()
    {
        var person = PersonId.New();
        var credited = Imported();
        Assert.True(credited.Credit(person, 7).IsSuccess);
        Assert.Equal((BankLineState.Credited, (PersonId?)person, (long?)7), (credited.State, credited.PersonId, credited.PaymentNumber));

        var refused = credited.Assign(PersonId.New(), 8);
        Assert.Equal(PaymentErrors.Codes.BankLineSettled, refused.Error?.Code);
        Assert.Equal(new object[] { 3L, "credited" }, refused.Error?.Arguments);
        Assert.Equal(PaymentErrors.Codes.BankLineSettled, credited.Ignore().Error?.Code);
        Assert.Equal(PaymentErrors.Codes.BankLineSettled, credited.Credit(person, 9).Error?.Code);
        Assert.Equal((long?)7, credited.PaymentNumber);

        var assigned = Imported();
        Assert.True(assigned.Assign(person, 8).IsSuccess);
        Assert.Equal(PaymentErrors.Codes.BankLineSettled, assigned.Ignore().Error?.Code);

        var ignored = Imported();
        Assert.True(ignored.Ignore().IsSuccess);
        Assert.Equal((BankLineState.Ignored, (PersonId?)null), (ignored.State, ignored.PersonId));
        Assert.Equal(PaymentErrors.Codes.BankLineSettled, ignored.Assign(person, 8).Error?.Code);
    }

    [Theory]
    [InlineData("unmatched", BankLineState.Unmatched)]
    [InlineData("credited", BankLineState.Credited)]
    [InlineData("assigned", BankLineState.Assigned)]
    [InlineData("ignored", BankLineState.Ignored)]
    [InlineData("Unmatched", null)]
    [InlineData("paid", null)]
    public void StateOf_ReadsOnlyTheStoredWords(string word, BankLineState? state) => Assert.Equal(state, BankLine.StateOf(word));
}
