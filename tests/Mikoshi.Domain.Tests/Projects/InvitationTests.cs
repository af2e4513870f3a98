using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Domain.Tests.Projects;

/// <summary>A way onto a team is opened once per person, answered once, by the invitee (an invitation) or a lead (a request).</summary>
public sealed class InvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Lead = PersonId.New();
    private static readonly PersonId Aki = PersonId.New();

    private static Result<Invitation> Open(InvitationKind kind, string? role = " Illustrator ", bool onTeam = false, bool pending = false) =>
        Invitation.Open(CommunityId.New(), 5, ProjectNumber.Stored(2), kind, Aki, role, kind == InvitationKind.Invitation ? Lead : Aki, onTeam, pending, Now);

    [Fact]
    public void Open_KeepsALowerCaseRole_Pending_AndRefusesABadRole_ATeamMember_AndASecondPendingWay()
    {
        var opened = Open(InvitationKind.Invitation).Value;
        Assert.Equal(("illustrator", InvitationState.Pending, "pending", "invitation", (long?)null), (opened.Role, opened.State, opened.StateWord, opened.KindWord, opened.ClosedAtUnixMs));
        Assert.Equal("invalid_team_role", Open(InvitationKind.Request, role: " ").Error?.Code);
        Assert.Equal("invalid_team_role", Open(InvitationKind.Request, role: new string('a', ProjectRules.MaxRoleLength + 1)).Error?.Code);
        Assert.Equal("already_on_team", Open(InvitationKind.Invitation, onTeam: true).Error?.Code);
        Assert.Equal("already_pending", Open(InvitationKind.Request, pending: true).Error?.Code);
    }

    [Fact]
    public void AnInvitation_IsAnsweredOnlyByTheInvitee_Once()
    {
        var invitation = Open(InvitationKind.Invitation).Value;
        Assert.Equal("not_invited", invitation.Accept(Lead, answererLeads: true, personOnTeam: false, Now).Error?.Code);
        Assert.Equal("not_invited", invitation.Decline(Lead, answererLeads: true, Now).Error?.Code);
        Assert.Equal("already_on_team", invitation.Accept(Aki, answererLeads: false, personOnTeam: true, Now).Error?.Code);
        Assert.Equal(InvitationState.Pending, invitation.State);

        Assert.True(invitation.Accept(Aki, answererLeads: false, personOnTeam: false, Now).IsSuccess);
        Assert.Equal((InvitationState.Accepted, (long?)Now.ToUnixTimeMilliseconds()), (invitation.State, invitation.ClosedAtUnixMs));
        Assert.Equal("invitation_closed", invitation.Decline(Aki, answererLeads: false, Now).Error?.Code);
        Assert.Equal("invitation_closed", invitation.Accept(Aki, answererLeads: false, personOnTeam: false, Now).Error?.Code);
        Assert.Equal(InvitationState.Accepted, invitation.State);
    }

    [Fact]
    public void ARequest_IsAnsweredOnlyByALead_Once()
    {
        var request = Open(InvitationKind.Request).Value;
        Assert.Equal("not_project_lead", request.Accept(Aki, answererLeads: false, personOnTeam: false, Now).Error?.Code);
        Assert.Equal("not_project_lead", request.Decline(Aki, answererLeads: false, Now).Error?.Code);

        Assert.True(request.Decline(Lead, answererLeads: true, Now).IsSuccess);
        Assert.Equal(("declined", "request"), (request.StateWord, request.KindWord));
        Assert.Equal("invitation_closed", request.Accept(Lead, answererLeads: true, personOnTeam: false, Now).Error?.Code);
        Assert.Equal(InvitationState.Declined, request.State);
    }
}
