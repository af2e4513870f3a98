using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mikoshi.Domain.Projects;

/// <summary>
/// A project's number in its community: 1, 2, 3, … in the order projects were started. In JSON (audit payloads,
/// events) it is the plain number, as it always was.
/// </summary>
[JsonConverter(typeof(ProjectNumberJson))]
public readonly record struct ProjectNumber : IComparable<ProjectNumber>
{
    private ProjectNumber(long value) => Value = value;

    /// <summary>The number, 1 or more.</summary>
    public long Value { get; }

    /// <summary>A project number; <c>project_not_found</c> for anything below 1, since no project has one.</summary>
    public static Result<ProjectNumber> Of(long value) => value >= 1 ? new ProjectNumber(value) : ProjectErrors.ProjectNotFound;

    /// <summary>A number the store gave a project row (always 1 or more).</summary>
    public static ProjectNumber Stored(long value) =>
        value >= 1 ? new ProjectNumber(value) : throw new InvariantViolatedException("A stored project number is below 1.");

    /// <summary>Started earlier.</summary>
    public static bool operator <(ProjectNumber left, ProjectNumber right) => left.Value < right.Value;

    /// <summary>Started later.</summary>
    public static bool operator >(ProjectNumber left, ProjectNumber right) => left.Value > right.Value;

    /// <summary>Not started later.</summary>
    public static bool operator <=(ProjectNumber left, ProjectNumber right) => left.Value <= right.Value;

    /// <summary>Not started earlier.</summary>
    public static bool operator >=(ProjectNumber left, ProjectNumber right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(ProjectNumber other) => Value.CompareTo(other.Value);

    /// <summary>The number as digits.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The plain number in JSON; a number below 1 is not a project's.</summary>
    private sealed class ProjectNumberJson : JsonConverter<ProjectNumber>
    {
        public override ProjectNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Of(reader.GetInt64()) is { IsSuccess: true } number ? number.Value : throw new JsonException("A project number is 1 or more.");

        public override void Write(Utf8JsonWriter writer, ProjectNumber value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }
}
