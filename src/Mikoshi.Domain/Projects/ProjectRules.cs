namespace Mikoshi.Domain.Projects;

/// <summary>Where a co-creation project stands. It only moves forward, or is archived from anywhere.</summary>
public enum ProjectStatus
{
    /// <summary>Someone has an idea and is looking for people.</summary>
    Idea,

    /// <summary>A team is coming together.</summary>
    Forming,

    /// <summary>The team is making the work.</summary>
    Active,

    /// <summary>The work is out.</summary>
    Released,

    /// <summary>Closed; nothing moves after this.</summary>
    Archived,
}

/// <summary>What a project's title, description and status may be, and when one may move to another.</summary>
public static class ProjectRules
{
    /// <summary>The longest title, in characters (at least one).</summary>
    public const int MaxTitleLength = 120;

    /// <summary>The longest description, in characters.</summary>
    public const int MaxDescriptionLength = 5000;

    /// <summary>The longest team role ("lead", "illustrator"), in characters (at least one).</summary>
    public const int MaxRoleLength = 40;

    /// <summary>The role of the person who started the project; a lead runs the team and the status.</summary>
    public const string Lead = "lead";

    /// <summary>A title trimmed and checked (1 to <see cref="MaxTitleLength"/> characters).</summary>
    /// <param name="title">The title as given.</param>
    public static Result<string> Title(string? title) =>
        BoundedText.Line(title, MaxTitleLength, ProjectErrors.InvalidProject).Map(text => text.Value);

    /// <summary>A description trimmed and checked (at most <see cref="MaxDescriptionLength"/> characters; empty is fine).</summary>
    /// <param name="description">The description as given; null is empty.</param>
    public static Result<string> Description(string? description) =>
        BoundedText.OptionalBlock(description, MaxDescriptionLength, ProjectErrors.InvalidProject).Map(text => text.Value);

    /// <summary>A team role trimmed and lower-cased (1 to <see cref="MaxRoleLength"/> characters).</summary>
    /// <param name="role">The role as given.</param>
    public static Result<string> Role(string? role) =>
        BoundedText.Line(role, MaxRoleLength, ProjectErrors.InvalidTeamRole).Map(text => text.Value.ToLowerInvariant());

    /// <summary>A status named in the API ("forming").</summary>
    /// <param name="name">The name, any case.</param>
    public static Result<ProjectStatus> ParseStatus(string? name) =>
        Enum.TryParse<ProjectStatus>(name, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(name, out _)
            ? status
            : ProjectErrors.InvalidStatus;

    /// <summary>The status after a move: only forward, or to archived from any status but archived.</summary>
    /// <param name="from">The status now.</param>
    /// <param name="to">The status asked for.</param>
    public static Result<ProjectStatus> Move(ProjectStatus from, ProjectStatus to) =>
        from != ProjectStatus.Archived && to > from
            ? to
            : ProjectErrors.InvalidStatusChange;

    /// <summary>The status as the API writes it.</summary>
    /// <param name="status">The status.</param>
    public static string Name(ProjectStatus status) => status.ToString().ToLowerInvariant();
}
