using Mikoshi.Domain.Projects;

namespace Mikoshi.Components;

/// <summary>What the project pages share that is not a read: the statuses in order.</summary>
public static class ProjectData
{
    /// <summary>Every status, in the order a project moves through them.</summary>
    public static IReadOnlyList<string> Statuses { get; } = Enum.GetValues<ProjectStatus>().Select(ProjectRules.Name).ToList();
}
