using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Projects;

/// <summary>Which way onto a team an invitation is.</summary>
public enum InvitationKind
{
    /// <summary>A lead invited the person; the invitee answers.</summary>
    Invitation,

    /// <summary>The person asked to join; a lead answers.</summary>
    Request,
}

/// <summary>Where an invitation or join request stands.</summary>
public enum InvitationState
{
    /// <summary>Waiting for its answer.</summary>
    Pending,

    /// <summary>Accepted: the person joined the team.</summary>
    Accepted,

    /// <summary>Declined.</summary>
    Declined,
}

/// <summary>
/// A way onto a project's team, numbered within the community: an invitation from a lead (the invitee answers) or a
/// join request from a member (a lead answers). Nobody already on the team is invited or asks again, one person has at
/// most one pending way onto a team, and it is answered once, accepted or declined (<c>invitation_closed</c>).
/// </summary>
public sealed class Invitation
{
    /// <summary>Longest stored kind or state word.</summary>
    public const int MaxWordLength = 12;

    private Invitation()
    {
        Role = string.Empty;
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The invitation's number in the community.</summary>
    public long Number { get; private set; }

    /// <summary>The project whose team it is.</summary>
    public ProjectNumber ProjectNumber { get; private set; }

    /// <summary>An invitation or a join request.</summary>
    public InvitationKind Kind { get; private set; }

    /// <summary>Who would join the team.</summary>
    public PersonId PersonId { get; private set; }

    /// <summary>The team role they would have.</summary>
    public string Role { get; private set; }

    /// <summary>Who asked: the lead for an invitation, the person themselves for a request.</summary>
    public PersonId AskedById { get; private set; }

    /// <summary>Where it stands.</summary>
    public InvitationState State { get; private set; }

    /// <summary>When it was opened (Unix milliseconds).</summary>
    public long CreatedAtUnixMs { get; private set; }

    /// <summary>When it was answered (Unix milliseconds).</summary>
    public long? ClosedAtUnixMs { get; private set; }

    /// <summary>The kind's stored word (<c>invitation</c>, <c>request</c>).</summary>
    public string KindWord => Kind.Word();

    /// <summary>The state's stored word (<c>pending</c>, <c>accepted</c>, <c>declined</c>).</summary>
    public string StateWord => State.Word();

    /// <summary>
    /// Opens way <paramref name="number"/> onto project <paramref name="project"/>'s team for <paramref name="person"/>
    /// in <paramref name="role"/> (trimmed, lower-cased; <c>invalid_team_role</c>), asked by <paramref name="askedBy"/>.
    /// Refused when the person is on the team already (<c>already_on_team</c>) or has a pending way onto it
    /// (<c>already_pending</c>).
    /// </summary>
    public static Result<Invitation> Open(
        CommunityId community,
        long number,
        ProjectNumber project,
        InvitationKind kind,
        PersonId person,
        string? role,
        PersonId askedBy,
        bool personOnTeam,
        bool personPending,
        DateTimeOffset at)
    {
        var checkedRole = ProjectRules.Role(role);
        if (!checkedRole.IsSuccess)
        {
            return checkedRole.Error;
        }

        if (personOnTeam)
        {
            return ProjectErrors.AlreadyOnTeam;
        }

        if (personPending)
        {
            return ProjectErrors.AlreadyPending;
        }

        return new Invitation
        {
            CommunityId = community,
            Number = number,
            ProjectNumber = project,
            Kind = kind,
            PersonId = person,
            Role = checkedRole.Value,
            AskedById = askedBy,
            State = InvitationState.Pending,
            CreatedAtUnixMs = at.ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>
    /// <paramref name="answerer"/> accepts: the invitee their invitation, or a lead a join request. Refused to anyone
    /// else (<c>not_invited</c>, <c>not_project_lead</c>), once answered (<c>invitation_closed</c>), and when the person
    /// is on the team already (<c>already_on_team</c>). The caller then puts the person on the team.
    /// </summary>
    public Result<Invitation> Accept(PersonId answerer, bool answererLeads, bool personOnTeam, DateTimeOffset at) =>
        Answer(answerer, answererLeads, personOnTeam, InvitationState.Accepted, at);

    /// <summary><paramref name="answerer"/> declines; refused as <see cref="Accept"/> is, but for a person already on the team.</summary>
    public Result<Invitation> Decline(PersonId answerer, bool answererLeads, DateTimeOffset at) =>
        Answer(answerer, answererLeads, personOnTeam: false, InvitationState.Declined, at);

    private Result<Invitation> Answer(PersonId answerer, bool answererLeads, bool personOnTeam, InvitationState answer, DateTimeOffset at)
    {
        if (Kind == InvitationKind.Invitation && PersonId != answerer)
        {
            return ProjectErrors.NotInvited;
        }

        if (Kind == InvitationKind.Request && !answererLeads)
        {
            return ProjectErrors.NotProjectLead;
        }

        if (State != InvitationState.Pending)
        {
            return ProjectErrors.InvitationClosed;
        }

        if (answer == InvitationState.Accepted && personOnTeam)
        {
            return ProjectErrors.AlreadyOnTeam;
        }

        State = answer;
        ClosedAtUnixMs = at.ToUnixTimeMilliseconds();
        return this;
    }
}
