using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Identity;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Domain.Tests;

public class BoundedTextTests
{
    private static readonly Error Refusal = ProjectErrors.InvalidProject;

    [Fact]
    public void Line_TakesOneToMaxCharacters_CountedAfterTrimming()
    {
        Assert.Equal("あ", BoundedText.Line("あ", 3, Refusal).Value.Value);
        Assert.Equal("あいう", BoundedText.Line("  あいう\u3000", 3, Refusal).Value.Value);
        Assert.Equal(Refusal, BoundedText.Line("あいうえ", 3, Refusal).Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Line_RefusesNothing_WithTheCallersError(string? text) =>
        Assert.Same(Refusal, BoundedText.Line(text, 10, Refusal).Error);

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\tb")]
    [InlineData("a\u0000b")]
    [InlineData("bell\u0007")]
    [InlineData("esc\u001B[31m")]
    [InlineData("del\u007F")]
    [InlineData("c1\u0085next")]
    public void Line_RefusesControlCharacters(string text) =>
        Assert.Same(Refusal, BoundedText.Line(text, 100, Refusal).Error);

    [Fact]
    public void Block_KeepsLineBreaksAndTabs_ButRefusesOtherControlCharacters()
    {
        Assert.Equal("one\r\n\ttwo", BoundedText.Block("\n one\r\n\ttwo \n", 100, Refusal).Value.Value);
        Assert.Same(Refusal, BoundedText.Block("one\u0000two", 100, Refusal).Error);
        Assert.Same(Refusal, BoundedText.Block("one\u001Btwo", 100, Refusal).Error);
        Assert.Same(Refusal, BoundedText.Block(" \n ", 100, Refusal).Error);
    }

    [Fact]
    public void Optional_TakesBlankAsEmpty_AndStillHoldsTheMaximum()
    {
        Assert.Equal(string.Empty, BoundedText.OptionalLine(null, 5, Refusal).Value.Value);
        Assert.Equal(string.Empty, BoundedText.OptionalBlock("  \n ", 5, Refusal).Value.Value);
        Assert.Equal("12345", BoundedText.OptionalLine(" 12345 ", 5, Refusal).Value.Value);
        Assert.Same(Refusal, BoundedText.OptionalLine("123456", 5, Refusal).Error);
        Assert.Same(Refusal, BoundedText.OptionalBlock("123456", 5, Refusal).Error);
        Assert.Same(Refusal, BoundedText.OptionalLine("a\nb", 5, Refusal).Error);
    }

    [Fact]
    public void ABoundThatAdmitsNothing_IsABug() =>
        Assert.Throws<InvariantViolatedException>(() => BoundedText.Line("x", 0, Refusal));

    [Fact]
    public void DefaultValue_IsEmptyNotNull() => Assert.Equal(string.Empty, default(BoundedText).Value);

    /// <summary>Each area's rule answers with its own code and holds the limit the store and the form use.</summary>
    [Fact]
    public void TheAreasRules_AnswerWithTheirOwnErrors_AtTheirOwnLimits()
    {
        Assert.Equal(IdentityErrors.Codes.InvalidDisplayName, DisplayNameRules.Check(new string('名', DisplayNameRules.MaxLength + 1)).Error?.Code);
        Assert.Equal(new string('名', DisplayNameRules.MaxLength), DisplayNameRules.Check(new string('名', DisplayNameRules.MaxLength)).Value);
        Assert.Equal(ProjectErrors.Codes.InvalidProject, ProjectRules.Title("title\u0000").Error?.Code);
        Assert.Equal(new string('題', ProjectRules.MaxTitleLength), ProjectRules.Title($" {new string('題', ProjectRules.MaxTitleLength)} ").Value);
        Assert.Equal(ProjectErrors.Codes.InvalidProject, ProjectRules.Title(new string('題', ProjectRules.MaxTitleLength + 1)).Error?.Code);
        Assert.Equal("line one\nline two", ProjectRules.Description("line one\nline two").Value);
        Assert.Equal(ProjectErrors.Codes.InvalidTeamRole, ProjectRules.Role("lead\u0007").Error?.Code);
        Assert.Equal(ProjectErrors.Codes.InvalidWork, WorkRules.Title("a\nb").Error?.Code);
        Assert.Equal(ProjectErrors.Codes.InvalidContribution, ContributionRules.Summary(new string('x', ContributionRules.MaxSummaryLength + 1)).Error?.Code);
        Assert.Equal(GovernanceErrors.Codes.InvalidProposal, Proposal.CheckText("title\r\nsmuggled", "body").Error?.Code);
        Assert.Equal(GovernanceErrors.Codes.InvalidProposal, Proposal.CheckText("title", new string('x', Proposal.MaxBodyLength + 1)).Error?.Code);
        Assert.Equal(("title", "para one\n\npara two"), Proposal.CheckText(" title ", "para one\n\npara two\n").Value);
        Assert.Equal(CommunityErrors.Codes.InvalidCharter, Community.CheckCharter("charter", ["fair\u0000"]).Error?.Code);
        Assert.Equal(CommunityErrors.Codes.InvalidCharter, Community.CheckCharter("bad\u001Bcharter", []).Error?.Code);
        Assert.Equal(ProjectErrors.Codes.InvalidProject, TagList.Clean(["illu\nstration"], ProjectErrors.InvalidProject).Error?.Code);
    }
}
