using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Projects;

/// <summary>
/// A co-creation project, numbered within its community. A member starts it as an idea; its lead moves it only
/// forward (idea → forming → active → released) or archives it from any status but archived
/// (<c>invalid_status_change</c>). An archived project takes no more works, splits or revenue.
/// </summary>
public sealed class Project
{
    /// <summary>Longest stored status word.</summary>
    public const int MaxStatusLength = 12;

    private List<string> neededSkills = [];
    private List<string> values = [];

    private Project()
    {
        Title = string.Empty;
        Description = string.Empty;
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The project's number in the community.</summary>
    public ProjectNumber Number { get; private set; }

    /// <summary>The title (1 to <see cref="ProjectRules.MaxTitleLength"/> characters).</summary>
    public string Title { get; private set; }

    /// <summary>The description (at most <see cref="ProjectRules.MaxDescriptionLength"/> characters).</summary>
    public string Description { get; private set; }

    /// <summary>The skills the project is looking for.</summary>
    public IReadOnlyList<string> NeededSkills => neededSkills;

    /// <summary>The values the project stands for.</summary>
    public IReadOnlyList<string> Values => values;

    /// <summary>Where the project stands.</summary>
    public ProjectStatus Status { get; private set; }

    /// <summary>Who started it (its first lead).</summary>
    public PersonId CreatedById { get; private set; }

    /// <summary>When it was started (Unix milliseconds).</summary>
    public long CreatedAtUnixMs { get; private set; }

    /// <summary>The status's stored word, as the API shows it (<c>idea</c>, <c>forming</c>, …).</summary>
    public string StatusWord => ProjectRules.Name(Status);

    /// <summary>Whether the project is archived (closed for works, splits and revenue).</summary>
    public bool IsArchived => Status == ProjectStatus.Archived;

    /// <summary>
    /// Starts project <paramref name="number"/> as an idea; the title and description are trimmed and checked
    /// (<c>invalid_project</c>), the skills and values are taken as cleaned by the caller.
    /// </summary>
    public static Result<Project> Start(
        CommunityId community,
        ProjectNumber number,
        string? title,
        string? description,
        IReadOnlyList<string> neededSkills,
        IReadOnlyList<string> values,
        PersonId creator,
        DateTimeOffset at)
    {
        var checkedTitle = ProjectRules.Title(title);
        var checkedDescription = ProjectRules.Description(description);
        if ((checkedTitle.Error ?? checkedDescription.Error) is { } error)
        {
            return error;
        }

        return new Project
        {
            CommunityId = community,
            Number = number,
            Title = checkedTitle.Value,
            Description = checkedDescription.Value,
            neededSkills = [.. neededSkills],
            values = [.. values],
            Status = ProjectStatus.Idea,
            CreatedById = creator,
            CreatedAtUnixMs = at.ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>
    /// The lead moves the project to <paramref name="to"/>: only forward, or to archived from any status but archived
    /// (<c>invalid_status_change</c>). Whether the mover leads the team is the caller's check.
    /// </summary>
    public Result<Project> MoveTo(ProjectStatus to)
    {
        var moved = ProjectRules.Move(Status, to);
        if (!moved.IsSuccess)
        {
            return moved.Error;
        }

        Status = moved.Value;
        return this;
    }
}
