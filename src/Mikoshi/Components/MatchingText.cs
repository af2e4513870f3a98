using Microsoft.Extensions.Localization;
using Mikoshi.Features.Matching;
using Mikoshi.Resources;

namespace Mikoshi.Components;

/// <summary>Matching's reasons and notes, which the API gives as data, in the reader's language.</summary>
public static class MatchingText
{
    /// <summary>One reason as a phrase: "covers video editing", "shares 3 of your values (joy、craft、honesty)".</summary>
    /// <param name="t">The UI's words.</param>
    /// <param name="reason">The reason as the API gives it.</param>
    /// <param name="yours">On a person's own suggestions the values are "yours", on a project's the project's.</param>
    public static string Reason(IStringLocalizer<Ui> t, ReasonView reason, bool yours = false)
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
            "sharesValues" when yours => t["Reason_sharesValuesYours", tags, reason.Count],
            _ => t[$"Reason_{reason.Kind}", tags, reason.Count],
        };
    }

    /// <summary>Why a list is empty or partial.</summary>
    public static string Note(IStringLocalizer<Ui> t, NoteView note) =>
        t[$"Note_{note.Kind}", string.Join(t["ListSeparator"].Value, note.Tags)];
}
