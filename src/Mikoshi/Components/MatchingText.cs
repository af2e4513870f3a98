using Microsoft.Extensions.Localization;
using Mikoshi.Features.Matching;
using Mikoshi.Resources;

namespace Mikoshi.Components;

/// <summary>Matching's reasons and notes, which the API gives as data, in the reader's language.</summary>
public static class MatchingText
{
    /// <summary>One reason as a phrase: "covers video editing", "shares 3 of Aki's values (joy、craft、honesty)".</summary>
    /// <param name="t">The UI's words.</param>
    /// <param name="reason">The reason as the API gives it.</param>
    /// <param name="person">
    /// On a person's collaborators, that person's name (whoever reads the page): the values are theirs, the skills
    /// ones they don't list. On a project's suggestions, null: the values are the project's.
    /// </param>
    public static string Reason(IStringLocalizer<Ui> t, ReasonView reason, string? person = null)
    {
        var tags = string.Join(t["ListSeparator"].Value, reason.Tags);
        return reason.Kind switch
        {
            "activeProjects" => reason.Count switch
            {
                0 => t["Reason_activeProjects_0"],
                1 => t["Reason_activeProjects_1"],
                _ => t["Reason_activeProjects", tags, reason.Count],
            },
            "sharesValues" when person is not null => t["Reason_sharesValuesOf", tags, reason.Count, person],
            _ => t[$"Reason_{reason.Kind}", tags, reason.Count, person ?? string.Empty],
        };
    }

    /// <summary>Why a list is empty or partial.</summary>
    public static string Note(IStringLocalizer<Ui> t, NoteView note) =>
        t[$"Note_{note.Kind}", string.Join(t["ListSeparator"].Value, note.Tags)];
}
