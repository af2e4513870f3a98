using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Domain.Tests.Revenue;

/// <summary>A split agreement version's life: proposed with the lead's acceptance, accepted once by each party, in force when all have.</summary>
public class SplitAgreementVersionTests
{
    private static readonly CommunityId Community = CommunityId.New();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Lead = PersonId.New();
    private static readonly PersonId Mate = PersonId.New();

    private static SplitAgreement Proposed(int version, params PersonId[] parties) =>
        SplitAgreement.Propose(Community, Domain.Projects.ProjectNumber.Stored(1), version, SplitBasis.Manual, parties.Select(p => new SplitParty(p, 1, Bps.Zero)).ToList(), Lead, Now).Value;

    [Fact]
    public void Propose_AcceptsTheLeadsOwnPart_AndRefusesInvalidTerms()
    {
        var agreement = Proposed(1, Lead, Mate);

        Assert.Equal(SplitAgreementState.Proposed, agreement.State);
        Assert.Equal(new long?[] { Now.ToUnixTimeMilliseconds(), null }, agreement.PartiesInOrder.Select(p => p.AcceptedAtUnixMs));
        Assert.False(agreement.IsAcceptedByAll);
        Assert.Equal(RevenueErrors.Codes.InvalidSplit,
            SplitAgreement.Propose(Community, Domain.Projects.ProjectNumber.Stored(1), 2, SplitBasis.Manual, [new SplitParty(Mate, 0, Bps.Zero)], Lead, Now).Error?.Code);
        Assert.Equal(RevenueErrors.Codes.InvalidSplit, SplitAgreement.BasisOf("equal").Error?.Code);
        Assert.Equal(SplitBasis.Contributions, SplitAgreement.BasisOf(" Contributions ").Value);
    }

    [Fact]
    public void Accept_RefusesAStranger_ASecondAcceptance_AndAVersionNoLongerProposed()
    {
        var agreement = Proposed(1, Lead, Mate);

        Assert.Equal(RevenueErrors.Codes.NotAParty, agreement.Accept(PersonId.New(), Now).Error?.Code);
        Assert.Equal(RevenueErrors.Codes.AlreadyAccepted, agreement.Accept(Lead, Now).Error?.Code);
        Assert.True(agreement.Accept(Mate, Now.AddHours(1)).IsSuccess);
        Assert.Equal(RevenueErrors.Codes.AlreadyAccepted, agreement.Accept(Mate, Now.AddHours(2)).Error?.Code);
        Assert.True(agreement.ComeIntoForce([], Now.AddHours(1)).IsSuccess);
        Assert.Equal(RevenueErrors.Codes.AgreementNotPending, agreement.Accept(Mate, Now.AddHours(2)).Error?.Code);
    }

    [Fact]
    public void ComeIntoForce_WaitsForEveryParty_ThenSupersedesTheVersionInForceAndOlderProposals_NotNewerOnes()
    {
        var inForce = Proposed(1, Lead);
        Assert.True(inForce.ComeIntoForce([], Now).IsSuccess);
        var older = Proposed(2, Lead, Mate);
        var current = Proposed(3, Lead, Mate);
        var newer = Proposed(4, Lead, Mate);

        Assert.Equal(RevenueErrors.Codes.AgreementNotPending, current.ComeIntoForce([inForce, older, newer], Now).Error?.Code);
        Assert.Equal(SplitAgreementState.InForce, inForce.State);

        current.Accept(Mate, Now.AddDays(1));
        Assert.True(current.ComeIntoForce([inForce, older, newer], Now.AddDays(1)).IsSuccess);

        Assert.Equal(
            [SplitAgreementState.Superseded, SplitAgreementState.Superseded, SplitAgreementState.InForce, SplitAgreementState.Proposed],
            new[] { inForce, older, current, newer }.Select(a => a.State));
        Assert.Equal(Now.AddDays(1).ToUnixTimeMilliseconds(), current.InForceAtUnixMs);
        Assert.Equal(RevenueErrors.Codes.AgreementNotPending, current.ComeIntoForce([], Now.AddDays(2)).Error?.Code);
        Assert.Equal(RevenueErrors.Codes.AgreementNotPending, older.Accept(Mate, Now.AddDays(2)).Error?.Code);
    }

    [Theory]
    [InlineData(SplitAgreementState.Proposed, "proposed")]
    [InlineData(SplitAgreementState.InForce, "in-force")]
    [InlineData(SplitAgreementState.Superseded, "superseded")]
    public void State_IsStoredAndShownAsItsOldWord(SplitAgreementState state, string word)
    {
        Assert.Equal(word, SplitAgreement.Word(state));
        Assert.Equal(state, SplitAgreement.StateOf(word));
    }
}
