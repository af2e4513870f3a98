using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Matching;
using Mikoshi.Features.Projects;
using Mikoshi.Features.Revenue;

namespace Mikoshi.Features.Pages;

/// <summary>The sections of the project page, each at its own address (<c>/c/{slug}/projects/{n}/{section}</c>).</summary>
public enum ProjectSection
{
    /// <summary>What the project is and who is on it: the page's own address.</summary>
    Overview,
    Contributions,
    Split,
    Money,
    Works,
    Thanks,
}

/// <summary>A person a form may name: the id it sends and the name it shows.</summary>
public sealed record PersonOption(string Id, string Name);

/// <summary>
/// Who is reading, as the page decides what to offer. The use cases decide again when asked to act; the
/// page only leaves out what would be refused (a grant form for someone who is not an admin).
/// </summary>
public sealed record ProjectViewer(Caller Caller, PersonId Person, string? Role, bool IsMember, bool IsAdmin, bool CanKeepTheBooks, InvitationView? Invitation, bool Asked)
{
    public bool IsLead => Role == ProjectRules.Lead;

    public bool OnTeam => Role is not null;
}

/// <summary>The split agreement: the version in force, every other version, and (for a lead) the preview from acknowledged contributions.</summary>
public sealed record ProjectSplits(
    AgreementView? InForce, IReadOnlyList<AgreementView> Others, AgreementPreview? Preview, IReadOnlyList<PersonOption> PartyChoices, RevenuePolicyView Policy);

/// <summary>The project's money and the revenue policy its revenue runs through.</summary>
public sealed record ProjectMoney(ProjectMoneyView View, RevenuePolicyView Policy);

/// <summary>
/// Everything the project page shows, read once per request. The part a section alone needs (the split,
/// the money, the suggested team, the credits) is read only when that section is the one shown.
/// </summary>
public sealed record ProjectPageView(
    Community Community,
    ProjectNumber Number,
    ProjectView Project,
    ProjectSection Section,
    ProjectViewer? Viewer,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<string> NextStatuses,
    IReadOnlyList<PersonOption> Invitable,
    IReadOnlyList<PersonOption> Thankable,
    TeamSuggestionView? Suggestions,
    ProjectSplits? Splits,
    ProjectMoney? Money,
    IReadOnlyDictionary<long, CreditsView> Credits)
{
    /// <summary>A person's display name, or their id when nobody knows it.</summary>
    public string Name(string personId) => Names.GetValueOrDefault(personId) is { Length: > 0 } name ? name : personId;

    /// <summary>Where a section of this project lives.</summary>
    public string Link(ProjectSection section) => ProjectPage.Link(Community.Slug, Number, section);
}

/// <summary>
/// The project page's one query. It sits outside the slices it reads (projects, revenue, matching) so that
/// it may read all three without tying them into a cycle; nothing depends on it but the page, which gets it
/// from DI and so never holds the store itself.
/// </summary>
public sealed class ProjectPage(MikoshiDb db, Callers callers)
{
    /// <summary>The section an address names; the page's own address is the overview, anything unknown is null.</summary>
    public static ProjectSection? SectionOf(string? segment) => segment switch
    {
        null or "" => ProjectSection.Overview,
        "contributions" => ProjectSection.Contributions,
        "split" => ProjectSection.Split,
        "money" => ProjectSection.Money,
        "works" => ProjectSection.Works,
        "thanks" => ProjectSection.Thanks,
        _ => null,
    };

    public static string Link(string slug, ProjectNumber project, ProjectSection section) =>
        section == ProjectSection.Overview ? $"/c/{slug}/projects/{project}" : $"/c/{slug}/projects/{project}/{section.ToString().ToLowerInvariant()}";

    /// <summary>The page, or null when there is no such community or project.</summary>
    public async Task<ProjectPageView?> LoadAsync(string slug, ProjectNumber number, ProjectSection section, PersonId? reader)
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        if (community is null || await ProjectBoard.ViewAsync(db, community, number) is not { IsSuccess: true } found)
        {
            return null;
        }

        var project = found.Value;
        var viewer = reader is { } person ? await ViewerAsync(community, project, person) : null;
        var people = viewer is null ? [] : await PeopleAsync(community.Id);
        var splits = section == ProjectSection.Split ? await SplitsAsync(community, number, project, viewer, people) : null;
        var money = section == ProjectSection.Money
            ? new ProjectMoney(await RecordRevenue.MoneyAsync(db, community.Id, number), RevenuePolicyView.Of(community))
            : null;
        var suggestions = section == ProjectSection.Overview && project.Status is not ("released" or "archived")
            ? await Suggestions.TeamAsync(db, community, number) is { IsSuccess: true } suggested ? suggested.Value : null
            : null;
        var credits = new Dictionary<long, CreditsView>();
        if (section == ProjectSection.Works)
        {
            foreach (var work in project.Works)
            {
                if (await ContributionViews.CreditsAsync(db, community, work.Id) is { IsSuccess: true } roll)
                {
                    credits[work.Id] = roll.Value;
                }
            }
        }

        var names = await NamesAsync(project, splits);
        var team = project.Team.Select(m => m.PersonId).ToHashSet();
        var busy = team.Concat(project.Pending.Select(p => p.PersonId)).ToHashSet();
        var mine = viewer?.Person.ToString();

        // The team first (the people a project's thanks are mostly for), then everyone else the community knows.
        var thankable = project.Team.Select(m => new PersonOption(m.PersonId, m.DisplayName))
            .Concat(people.Where(p => !team.Contains(p.Id))).Where(p => p.Id != mine).ToList();
        return new ProjectPageView(community, number, project, section, viewer, names,
            viewer is { IsLead: true } ? NextStatuses(project.Status) : [],
            viewer is { IsLead: true } ? people.Where(p => !busy.Contains(p.Id)).ToList() : [],
            thankable, suggestions, splits, money, credits);
    }

    /// <summary>The statuses a lead may move a project to (the domain decides each).</summary>
    public static IReadOnlyList<string> NextStatuses(string status) =>
        ProjectRules.ParseStatus(status) is { IsSuccess: true } from
            ? Enum.GetValues<ProjectStatus>().Where(to => ProjectRules.Move(from.Value, to).IsSuccess).Select(ProjectRules.Name).ToList()
            : [];

    private async Task<ProjectViewer> ViewerAsync(Community community, ProjectView project, PersonId person)
    {
        var caller = await callers.InAsync(community, person);
        var mine = person.ToString();
        return new ProjectViewer(caller, person, project.Team.FirstOrDefault(m => m.PersonId == mine)?.Role, caller.Is(Role.Member), caller.Is(Role.Admin), caller.CanKeepTheBooks,
            project.Pending.FirstOrDefault(p => p.Kind == "invitation" && p.PersonId == mine),
            project.Pending.Any(p => p.Kind == "request" && p.PersonId == mine));
    }

    private async Task<ProjectSplits> SplitsAsync(Community community, ProjectNumber number, ProjectView project, ProjectViewer? viewer, IReadOnlyList<PersonOption> people)
    {
        var versions = await Agreements.ViewsAsync(db, community.Id, number);
        var inForce = versions.FirstOrDefault(v => v.State == Agreements.InForce);
        var lead = viewer is { IsLead: true };
        return new ProjectSplits(inForce, versions.Where(v => v != inForce).ToList(),
            lead ? await Agreements.PreviewAsync(db, community.Id, number) : null,
            lead ? people.Where(p => project.Team.All(m => m.PersonId != p.Id)).ToList() : [],
            RevenuePolicyView.Of(community));
    }

    /// <summary>People a form may name: holders past and present and role holders of the community, by name.</summary>
    private async Task<IReadOnlyList<PersonOption>> PeopleAsync(CommunityId community)
    {
        var holders = await db.Lineage.AsNoTracking().Where(l => l.CommunityId == community && l.ToId != null).Select(l => l.ToId!.Value).Distinct().ToListAsync();
        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.CommunityId == community).Select(r => r.PersonId).Distinct().ToListAsync();
        var names = await PeopleBook.NamesAsync(db, holders.Concat(roles).Distinct());
        return names.OrderBy(n => n.Value, StringComparer.CurrentCulture).ThenBy(n => n.Key.Value)
            .Select(n => new PersonOption(n.Key.ToString(), n.Value)).ToList();
    }

    private async Task<Dictionary<string, string>> NamesAsync(ProjectView project, ProjectSplits? splits)
    {
        var ids = project.Pending.SelectMany(p => new[] { p.PersonId, p.AskedBy }).Append(project.CreatedBy)
            .Concat(splits is null ? [] : splits.Others.Append(splits.InForce).OfType<AgreementView>().Select(v => v.ProposedBy))
            .Select(id => Guid.TryParse(id, out var guid) ? new PersonId(guid) : (PersonId?)null).OfType<PersonId>();
        var names = (await PeopleBook.NamesAsync(db, ids)).ToDictionary(n => n.Key.ToString(), n => n.Value);
        foreach (var member in project.Team)
        {
            names[member.PersonId] = member.DisplayName;
        }

        foreach (var party in splits is null ? [] : splits.Others.Append(splits.InForce).OfType<AgreementView>().SelectMany(v => v.Parties))
        {
            names.TryAdd(party.PersonId, party.DisplayName);
        }

        return names;
    }
}
