using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Domain.Tests.Projects;

/// <summary>A project starts as an idea with a checked title and description; its status only moves forward or to archived.</summary>
public sealed class ProjectTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    private static Project Started() =>
        Project.Start(CommunityId.New(), ProjectNumber.Stored(4), "  Mikoshi song  ", " a song ", ["guitar"], ["kindness"], PersonId.New(), Now).Value;

    [Fact]
    public void Start_MakesATrimmedIdea()
    {
        var project = Started();
        Assert.Equal(("Mikoshi song", "a song", ProjectStatus.Idea, "idea", false), (project.Title, project.Description, project.Status, project.StatusWord, project.IsArchived));
        Assert.Equal(["guitar"], project.NeededSkills);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), project.CreatedAtUnixMs);
    }

    [Fact]
    public void Start_RefusesAMissingTitle_ATooLongTitle_OrATooLongDescription()
    {
        static string? Refusal(string? title, string? description) =>
            Project.Start(CommunityId.New(), ProjectNumber.Stored(1), title, description, [], [], PersonId.New(), Now).Error?.Code;

        Assert.Equal("invalid_project", Refusal("   ", ""));
        Assert.Equal("invalid_project", Refusal(null, ""));
        Assert.Equal("invalid_project", Refusal(new string('あ', ProjectRules.MaxTitleLength + 1), null));
        Assert.Equal("invalid_project", Refusal("t", new string('あ', ProjectRules.MaxDescriptionLength + 1)));
        Assert.Null(Refusal(new string('あ', ProjectRules.MaxTitleLength), new string('あ', ProjectRules.MaxDescriptionLength)));
    }

    [Fact]
    public void MoveTo_GoesForward_ThenArchives_AndNothingMovesAfter()
    {
        var project = Started();
        Assert.True(project.MoveTo(ProjectStatus.Active).IsSuccess);
        Assert.Equal("invalid_status_change", project.MoveTo(ProjectStatus.Forming).Error?.Code);
        Assert.Equal("invalid_status_change", project.MoveTo(ProjectStatus.Active).Error?.Code);
        Assert.Equal(ProjectStatus.Active, project.Status);
        Assert.True(project.MoveTo(ProjectStatus.Archived).IsSuccess);
        Assert.True(project.IsArchived);
        foreach (var to in Enum.GetValues<ProjectStatus>())
        {
            Assert.Equal("invalid_status_change", project.MoveTo(to).Error?.Code);
        }

        Assert.Equal(ProjectStatus.Archived, project.Status);
    }
}
