using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Notifications;
using Mikoshi.Domain.Projects;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Projects;

public sealed record InviteRequest(string? PersonId, string? Role);

public sealed record JoinRequest(string? Role);

// Wire format: the project number stays a plain number.
public sealed record InvitationView(long Id, long Project, string Kind, string PersonId, string Role, string AskedBy, string State, DateTimeOffset CreatedAt);

/// <summary>
/// Getting onto a team: a lead invites a person (the invitee accepts or declines), or a member asks
/// to join (a lead accepts or declines). Nobody joins a team twice.
/// </summary>
public sealed class Teams(Writer writer)
{
    public Task<Result<Committed<InvitationView>>> InviteAsync(Caller caller, ProjectNumber project, InviteRequest request) =>
        writer.RunAsync(caller, Access.SignedIn, null, async write =>
        {
            var community = caller.RequireCommunity();
            var lead = caller.RequirePerson();
            var found = await ProjectBook.FindAsync(write.Db, community.Id, project);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            if (await ProjectBook.RequireLeadAsync(write.Db, community.Id, project, lead) is { } notLead)
            {
                return notLead;
            }

            var invitee = await PeopleBook.FindAsync(write.Db, request.PersonId);
            if (!invitee.IsSuccess)
            {
                return invitee.Error;
            }

            return await OpenAsync(write, community, project, InvitationKind.Invitation, invitee.Value, request.Role, lead);
        });

    public Task<Result<Committed<InvitationView>>> AskToJoinAsync(Caller caller, ProjectNumber project, JoinRequest request) =>
        writer.RunAsync(caller, Access.Member, null, async write =>
        {
            var community = caller.RequireCommunity();
            var person = caller.RequirePerson();
            var found = await ProjectBook.FindAsync(write.Db, community.Id, project);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            return await OpenAsync(write, community, project, InvitationKind.Request, person, request.Role, person);
        });

    /// <summary>Accepts an invitation (as the invitee) or a join request (as a lead): the person joins the team.</summary>
    public Task<Result<Committed<InvitationView>>> AnswerAsync(Caller caller, long number, bool accept) =>
        writer.RunAsync(caller, Access.SignedIn, null, async write =>
        {
            var community = caller.RequireCommunity();
            var answerer = caller.RequirePerson();
            var db = write.Db;
            var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.CommunityId == community.Id && i.Number == number);
            if (invitation is null)
            {
                return ProjectErrors.InvitationNotFound;
            }

            var answererLeads = invitation.Kind == InvitationKind.Request
                && await ProjectBook.RoleAsync(db, community.Id, invitation.ProjectNumber, answerer) == ProjectRules.Lead;
            var at = write.At;
            var answered = accept
                ? invitation.Accept(answerer, answererLeads, await ProjectBook.RoleAsync(db, community.Id, invitation.ProjectNumber, invitation.PersonId) is not null, at)
                : invitation.Decline(answerer, answererLeads, at);
            if (!answered.IsSuccess)
            {
                return answered.Error;
            }

            if (accept)
            {
                db.TeamMembers.Add(new TeamMemberRow
                {
                    CommunityId = community.Id,
                    ProjectNumber = invitation.ProjectNumber,
                    PersonId = invitation.PersonId,
                    Role = invitation.Role,
                    JoinedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
                });
            }

            await write.AuditAsync($"project.{invitation.KindWord}.{invitation.StateWord}",
                new { project = invitation.ProjectNumber, invitation = number, person = invitation.PersonId.ToString(), role = invitation.Role });
            write.AnnounceTo(EventCatalogue.InvitationAnswered,
                new { project = invitation.ProjectNumber, invitation = number, person = invitation.PersonId.ToString(), state = invitation.StateWord }, [invitation.AskedById]);
            return Result<InvitationView>.Ok(View(invitation));
        });

    private static async Task<Result<InvitationView>> OpenAsync(WriteScope write, Community community, ProjectNumber project, InvitationKind kind, PersonId person, string? role, PersonId askedBy)
    {
        var db = write.Db;
        var onTeam = await ProjectBook.RoleAsync(db, community.Id, project, person) is not null;
        var pending = await db.Invitations.AnyAsync(i => i.CommunityId == community.Id && i.ProjectNumber == project && i.PersonId == person && i.State == InvitationState.Pending);
        var number = await ChainHeads.TakeAsync(db, community.Id.Value, "invitations");
        var opened = Invitation.Open(community.Id, number, project, kind, person, role, askedBy, onTeam, pending, write.At);
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        var invitation = opened.Value;
        db.Invitations.Add(invitation);
        await write.AuditAsync($"project.{invitation.KindWord}", new { project, invitation = number, person = person.ToString(), role = invitation.Role });
        if (kind == InvitationKind.Invitation)
        {
            write.AnnounceTo(EventCatalogue.InvitationReceived, new { project, invitation = number, role = invitation.Role, by = askedBy.ToString() }, [person]);
        }

        return View(invitation);
    }

    public static InvitationView View(Invitation i) =>
        new(i.Number, i.ProjectNumber.Value, i.KindWord, i.PersonId.ToString(), i.Role, i.AskedById.ToString(), i.StateWord, ProjectBook.Instant(i.CreatedAtUnixMs));

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/projects/{projectId:long}/invitations", async (long projectId, InviteRequest request, Teams teams, HttpContext http) =>
            {
                var project = ProjectNumber.Of(projectId);
                if (!project.IsSuccess)
                {
                    return Problems.For(project.Error);
                }

                var caller = http.Caller();
                return Problems.From(await teams.InviteAsync(caller, project.Value, request), StatusCodes.Status201Created, http);
            })
            .Allow(Access.SignedIn)
            .WithSummary("A lead invites a signed-up person onto the team with a role; no token needed to join.")
            .Produces<InvitationView>(StatusCodes.Status201Created);
        api.MapPost("/communities/{slug}/projects/{projectId:long}/join-requests", async (long projectId, JoinRequest request, Teams teams, HttpContext http) =>
            {
                var project = ProjectNumber.Of(projectId);
                if (!project.IsSuccess)
                {
                    return Problems.For(project.Error);
                }

                var caller = http.Caller();
                return Problems.From(await teams.AskToJoinAsync(caller, project.Value, request), StatusCodes.Status201Created, http);
            })
            .Allow(Access.Member)
            .WithSummary("Ask to join a project's team in a role; a lead answers.")
            .Produces<InvitationView>(StatusCodes.Status201Created);
        api.MapPost("/communities/{slug}/invitations/{invitationId:long}/accept", async (long invitationId, Teams teams, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await teams.AnswerAsync(caller, invitationId, accept: true), StatusCodes.Status200OK, http);
            })
            .Allow(Access.SignedIn)
            .WithSummary("Accept: the invitee their invitation, or a lead a join request. The person joins the team.")
            .Produces<InvitationView>();
        api.MapPost("/communities/{slug}/invitations/{invitationId:long}/decline", async (long invitationId, Teams teams, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await teams.AnswerAsync(caller, invitationId, accept: false), StatusCodes.Status200OK, http);
            })
            .Allow(Access.SignedIn)
            .WithSummary("Decline: the invitee their invitation, or a lead a join request.")
            .Produces<InvitationView>();
    }
}
