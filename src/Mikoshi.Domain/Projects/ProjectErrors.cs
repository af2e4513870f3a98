using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Projects;

/// <summary>
/// The errors of projects, teams, contributions and works: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class ProjectErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>already_acknowledged</c></summary>
        public const string AlreadyAcknowledged = "already_acknowledged";

        /// <summary><c>already_on_team</c></summary>
        public const string AlreadyOnTeam = "already_on_team";

        /// <summary><c>already_pending</c></summary>
        public const string AlreadyPending = "already_pending";

        /// <summary><c>cannot_acknowledge_own</c></summary>
        public const string CannotAcknowledgeOwn = "cannot_acknowledge_own";

        /// <summary><c>cannot_thank_yourself</c></summary>
        public const string CannotThankYourself = "cannot_thank_yourself";

        /// <summary><c>contribution_not_found</c></summary>
        public const string ContributionNotFound = "contribution_not_found";

        /// <summary><c>invalid_contribution</c></summary>
        public const string InvalidContribution = "invalid_contribution";

        /// <summary><c>invalid_evidence</c></summary>
        public const string InvalidEvidence = "invalid_evidence";

        /// <summary><c>invalid_project</c></summary>
        public const string InvalidProject = "invalid_project";

        /// <summary><c>invalid_status</c></summary>
        public const string InvalidStatus = "invalid_status";

        /// <summary><c>invalid_status_change</c></summary>
        public const string InvalidStatusChange = "invalid_status_change";

        /// <summary><c>invalid_team_role</c></summary>
        public const string InvalidTeamRole = "invalid_team_role";

        /// <summary><c>invalid_thanks</c></summary>
        public const string InvalidThanks = "invalid_thanks";

        /// <summary><c>invalid_work</c></summary>
        public const string InvalidWork = "invalid_work";

        /// <summary><c>invitation_closed</c></summary>
        public const string InvitationClosed = "invitation_closed";

        /// <summary><c>invitation_not_found</c></summary>
        public const string InvitationNotFound = "invitation_not_found";

        /// <summary><c>not_a_member</c></summary>
        public const string NotAMember = "not_a_member";

        /// <summary><c>not_invited</c></summary>
        public const string NotInvited = "not_invited";

        /// <summary><c>not_project_lead</c></summary>
        public const string NotProjectLead = "not_project_lead";

        /// <summary><c>not_team_member</c></summary>
        public const string NotTeamMember = "not_team_member";

        /// <summary><c>project_archived</c></summary>
        public const string ProjectArchived = "project_archived";

        /// <summary><c>project_not_found</c></summary>
        public const string ProjectNotFound = "project_not_found";
    }

    /// <summary>You already acknowledged this contribution.</summary>
    public static Error AlreadyAcknowledged { get; } = new(Codes.AlreadyAcknowledged, ErrorKind.Invalid);

    /// <summary>That person is already on the team.</summary>
    public static Error AlreadyOnTeam { get; } = new(Codes.AlreadyOnTeam, ErrorKind.Invalid);

    /// <summary>An invitation or a request to join for that person is already waiting for an answer.</summary>
    public static Error AlreadyPending { get; } = new(Codes.AlreadyPending, ErrorKind.Invalid);

    /// <summary>Another team member acknowledges your contribution, not you.</summary>
    public static Error CannotAcknowledgeOwn { get; } = new(Codes.CannotAcknowledgeOwn, ErrorKind.Invalid);

    /// <summary>Thank someone else.</summary>
    public static Error CannotThankYourself { get; } = new(Codes.CannotThankYourself, ErrorKind.Invalid);

    /// <summary>That contribution does not exist.</summary>
    public static Error ContributionNotFound { get; } = new(Codes.ContributionNotFound, ErrorKind.NotFound);

    /// <summary>Describe what you did in 1 to {0} characters; it cannot have happened in the future.</summary>
    public static Error InvalidContribution { get; } = new(Codes.InvalidContribution, ErrorKind.Invalid, ContributionRules.MaxSummaryLength);

    /// <summary>Evidence is a link starting with http:// or https://, at most {0} characters.</summary>
    public static Error InvalidEvidence { get; } = new(Codes.InvalidEvidence, ErrorKind.Invalid, ContributionRules.MaxEvidenceLength);

    /// <summary>A project needs a title of 1 to {0} characters; its description is at most {1} characters; each needed skill or value is 1 to {2} characters, at most {3} of each.</summary>
    public static Error InvalidProject { get; } = new(Codes.InvalidProject, ErrorKind.Invalid, ProjectRules.MaxTitleLength, ProjectRules.MaxDescriptionLength, TagList.MaxTagLength, TagList.MaxTags);

    /// <summary>That is not a project status.</summary>
    public static Error InvalidStatus { get; } = new(Codes.InvalidStatus, ErrorKind.Invalid);

    /// <summary>A project only moves forward (idea → forming → active → released), or is archived; an archived project stays archived.</summary>
    public static Error InvalidStatusChange { get; } = new(Codes.InvalidStatusChange, ErrorKind.Invalid);

    /// <summary>A team role is 1 to {0} characters, for example “illustrator”.</summary>
    public static Error InvalidTeamRole { get; } = new(Codes.InvalidTeamRole, ErrorKind.Invalid, ProjectRules.MaxRoleLength);

    /// <summary>Choose who to thank and write a message of 1 to {0} characters.</summary>
    public static Error InvalidThanks { get; } = new(Codes.InvalidThanks, ErrorKind.Invalid, ThanksRules.MaxMessageLength);

    /// <summary>A work has a title of 1 to {0} characters and a link starting with http:// or https://, at most {1} characters.</summary>
    public static Error InvalidWork { get; } = new(Codes.InvalidWork, ErrorKind.Invalid, WorkRules.MaxTitleLength, ContributionRules.MaxEvidenceLength);

    /// <summary>This was already answered.</summary>
    public static Error InvitationClosed { get; } = new(Codes.InvitationClosed, ErrorKind.Invalid);

    /// <summary>That invitation or request to join does not exist.</summary>
    public static Error InvitationNotFound { get; } = new(Codes.InvitationNotFound, ErrorKind.NotFound);

    /// <summary>Only members of this community can do this.</summary>
    public static Error NotAMember { get; } = new(Codes.NotAMember, ErrorKind.Forbidden);

    /// <summary>Only the person invited may answer this invitation.</summary>
    public static Error NotInvited { get; } = new(Codes.NotInvited, ErrorKind.Invalid);

    /// <summary>Only a lead of the project may do this.</summary>
    public static Error NotProjectLead { get; } = new(Codes.NotProjectLead, ErrorKind.Invalid);

    /// <summary>Only a member of the project's team may do this.</summary>
    public static Error NotTeamMember { get; } = new(Codes.NotTeamMember, ErrorKind.Invalid);

    /// <summary>This project is archived: it takes no new split or money.</summary>
    public static Error ProjectArchived { get; } = new(Codes.ProjectArchived, ErrorKind.Invalid);

    /// <summary>There is no such project in this community.</summary>
    public static Error ProjectNotFound { get; } = new(Codes.ProjectNotFound, ErrorKind.NotFound);
}
