using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Domain.Tests.Projects;

public sealed class ProjectRulesTests
{
    [Theory]
    [InlineData(ProjectStatus.Idea, ProjectStatus.Forming, true)]
    [InlineData(ProjectStatus.Idea, ProjectStatus.Released, true)]
    [InlineData(ProjectStatus.Active, ProjectStatus.Released, true)]
    [InlineData(ProjectStatus.Released, ProjectStatus.Archived, true)]
    [InlineData(ProjectStatus.Idea, ProjectStatus.Archived, true)]
    [InlineData(ProjectStatus.Forming, ProjectStatus.Idea, false)]
    [InlineData(ProjectStatus.Active, ProjectStatus.Active, false)]
    [InlineData(ProjectStatus.Archived, ProjectStatus.Archived, false)]
    [InlineData(ProjectStatus.Released, ProjectStatus.Active, false)]
    public void Move_GoesOnlyForward_OrToArchived(ProjectStatus from, ProjectStatus to, bool allowed)
    {
        var moved = ProjectRules.Move(from, to);

        Assert.Equal(allowed, moved.IsSuccess);
        if (!allowed)
        {
            Assert.Equal("invalid_status_change", moved.Error?.Code);
        }
    }

    [Theory]
    [InlineData("http://example.jp/a", true)]
    [InlineData("https://例え.jp/作品", true)]
    [InlineData("", true)]
    [InlineData("ftp://example.jp/a", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/relative/path", false)]
    [InlineData("https://", false)]
    public void Evidence_IsAnHttpOrHttpsLink(string url, bool allowed) =>
        Assert.Equal(allowed, ContributionRules.Evidence(url).IsSuccess);

    [Fact]
    public void Acknowledge_RefusesOutsiders_TheAuthor_AndRepeats()
    {
        var author = PersonId.New();
        var mate = PersonId.New();

        Assert.Null(ContributionRules.Acknowledge(author, mate, onTeam: true, alreadyAcknowledged: false));
        Assert.Equal("not_team_member", ContributionRules.Acknowledge(author, mate, onTeam: false, alreadyAcknowledged: false)?.Code);
        Assert.Equal("cannot_acknowledge_own", ContributionRules.Acknowledge(author, author, onTeam: true, alreadyAcknowledged: false)?.Code);
        Assert.Equal("already_acknowledged", ContributionRules.Acknowledge(author, mate, onTeam: true, alreadyAcknowledged: true)?.Code);
    }

    [Fact]
    public void Thanks_RefusesYourself_AndKeeps280Characters()
    {
        var aki = PersonId.New();
        var ben = PersonId.New();

        Assert.Equal("cannot_thank_yourself", ThanksRules.Message(aki, aki, "me").Error?.Code);
        Assert.True(ThanksRules.Message(aki, ben, new string('あ', 280)).IsSuccess);
        Assert.Equal("invalid_thanks", ThanksRules.Message(aki, ben, new string('あ', 281)).Error?.Code);
    }
}
