using System.Globalization;

namespace Mikoshi.Domain.Projects;

/// <summary>A project's number in its community: 1, 2, 3, … in the order projects were started.</summary>
public readonly record struct ProjectNumber
{
    private ProjectNumber(long value) => Value = value;

    /// <summary>The number, 1 or more.</summary>
    public long Value { get; }

    /// <summary>A project number; <c>project_not_found</c> for anything below 1, since no project has one.</summary>
    public static Result<ProjectNumber> Of(long value) => value >= 1 ? new ProjectNumber(value) : ProjectErrors.ProjectNotFound;

    /// <summary>A number the store gave a project row (always 1 or more).</summary>
    public static ProjectNumber Stored(long value) =>
        value >= 1 ? new ProjectNumber(value) : throw new InvariantViolatedException("A stored project number is below 1.");

    /// <summary>The number as digits.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
