using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Mikoshi.Features.Pages;

namespace Mikoshi.Components.ProjectSections;

/// <summary>
/// One form's state beside its model: the refusal shown above it (the use case's code in the reader's words)
/// and the field that refusal is about, which the inputs mark <c>aria-invalid</c>.
/// </summary>
public sealed class FormState
{
    private readonly ValidationMessageStore messages;

    public FormState(object model)
    {
        Context = new EditContext(model);
        messages = new ValidationMessageStore(Context);
    }

    public EditContext Context { get; }

    public string? Error { get; private set; }

    public void Refuse(string text, string? field = null)
    {
        if (field is null)
        {
            Error = text;
            return;
        }

        RefuseAt(text, Context.Field(field));
    }

    /// <summary>A refusal about one field, also of a row inside the model (a split's weight).</summary>
    public void RefuseAt(string text, FieldIdentifier field)
    {
        Error = text;
        messages.Add(field, text);
        Context.NotifyValidationStateChanged();
    }
}

/// <summary>How a section ends a write that succeeded: back to its own address, with the notice to show.</summary>
public static class SectionNavigation
{
    public static void Done(this NavigationManager navigation, ProjectPageView view, ProjectSection section, string notice, string anchor) =>
        navigation.NavigateTo($"{view.Link(section)}?done={notice}#{anchor}");
}

public sealed class StatusForm
{
    public string? Status { get; set; }
}

/// <summary>An answer to an invitation (by the invitee) or to a join request (by a lead).</summary>
public sealed class AnswerForm
{
    public long Invitation { get; set; }

    /// <summary>The button pressed: <c>accept</c> or <c>decline</c>.</summary>
    public string? Decision { get; set; }
}

public sealed class InviteForm
{
    public string? Person { get; set; }

    /// <summary>Someone in no list yet (no token): the id from their account page.</summary>
    public string? OtherPerson { get; set; }

    public string? Role { get; set; }
}

public sealed class JoinForm
{
    public string? Role { get; set; }
}

public sealed class SuggestedInviteForm
{
    public string? Person { get; set; }

    public string? Role { get; set; }
}

public sealed class ContributionForm
{
    /// <summary>Made once when the form is drawn: a second send of the same form records nothing new.</summary>
    public string? Key { get; set; }

    public string? Summary { get; set; }

    public string? Evidence { get; set; }

    public DateOnly? OccurredOn { get; set; }
}

public sealed class AcknowledgeForm
{
    public long Contribution { get; set; }
}

public sealed class WorkForm
{
    public string? Key { get; set; }

    public string? Title { get; set; }

    public string? Url { get; set; }
}

public sealed class ThanksForm
{
    public string? Key { get; set; }

    public string? To { get; set; }

    public string? Message { get; set; }
}

public sealed class SplitForm
{
    public string Basis { get; set; } = "manual";

    public List<WeightRow> Weights { get; set; } = [];

    public List<OutsideRow> Outside { get; set; } = [];
}

/// <summary>A team member's weight in a proposed split; blank leaves them out.</summary>
public sealed class WeightRow
{
    public string? Member { get; set; }

    public string? Weight { get; set; }
}

/// <summary>Someone outside the team, paid a fixed percent of the contributors' part.</summary>
public sealed class OutsideRow
{
    public string? Person { get; set; }

    public string? Percent { get; set; }
}

public sealed class AcceptSplitForm
{
    public int Version { get; set; }
}

public sealed class GrantForm
{
    public string? Asset { get; set; }

    public string? Amount { get; set; }

    public string? RecoupRate { get; set; } = "0";
}

public sealed class RevenueForm
{
    public string? Key { get; set; }

    public string? Asset { get; set; }

    public string? Amount { get; set; }

    public string? Source { get; set; }

    public DateOnly? OccurredOn { get; set; }
}
