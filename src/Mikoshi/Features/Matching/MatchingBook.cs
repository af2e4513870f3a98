using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Matching;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Features.Matching;

public sealed record ReasonView(string Kind, IReadOnlyList<string> Tags, int Count);

public sealed record NoteView(string Kind, IReadOnlyList<string> Tags);

public sealed record ScoreView(int Covers, double Values, double Relevance, double Diversity, int Load, double Quality, double Score);

public sealed record SuggestionView(string PersonId, string DisplayName, IReadOnlyList<ReasonView> Reasons, ScoreView Score, bool Invited);

/// <summary>
/// What matching reads from the store: the community's people (token holders and everyone who has been on one of
/// its teams) with their profiles and how many of its projects they are active on, and who has co-created with whom.
/// </summary>
public static class MatchingBook
{
    /// <summary>Project statuses that keep a person busy.</summary>
    public static readonly string[] ActiveStatuses = [ProjectRules.Name(ProjectStatus.Idea), ProjectRules.Name(ProjectStatus.Forming), ProjectRules.Name(ProjectStatus.Active)];

    public sealed record Teams(Dictionary<ProjectNumber, List<PersonId>> ByProject, Dictionary<ProjectNumber, string> Status);

    public static async Task<Teams> TeamsAsync(MikoshiDb db, CommunityId community)
    {
        var members = await db.TeamMembers.AsNoTracking().Where(m => m.CommunityId == community)
            .Select(m => new { m.ProjectNumber, m.PersonId }).ToListAsync();
        var status = await db.Projects.AsNoTracking().Where(p => p.CommunityId == community)
            .ToDictionaryAsync(p => p.Number, p => p.StatusWord);
        return new Teams(members.GroupBy(m => m.ProjectNumber).ToDictionary(g => g.Key, g => g.Select(m => m.PersonId).ToList()), status);
    }

    /// <summary>The community's people as matching sees them, and its teams.</summary>
    public static async Task<(PeopleIndex Index, Teams Teams)> IndexAsync(MikoshiDb db, CommunityId community)
    {
        var teams = await TeamsAsync(db, community);
        var holders = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community && t.OwnerId != null)
            .Select(t => t.OwnerId!.Value).Distinct().ToListAsync();
        var ids = holders.Concat(teams.ByProject.Values.SelectMany(t => t)).Select(p => p.Value).Distinct().ToList();
        // Ordered here, not in SQL: SQLite orders ids as text and PostgreSQL as uuids, and ties between equally good
        // people follow this order, so both stores suggest the same team.
        var users = (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Skills, u.Values }).ToListAsync()).OrderBy(u => u.Id).ToList();
        var load = teams.ByProject.Where(t => ActiveStatuses.Contains(teams.Status.GetValueOrDefault(t.Key)))
            .SelectMany(t => t.Value).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var index = PeopleIndex.Build(users.Select(u => new Candidate(new PersonId(u.Id), u.Skills, u.Values, load.GetValueOrDefault(new PersonId(u.Id)))));
        return (index, teams);
    }

    /// <summary>Everyone who has been on a team with the person.</summary>
    public static HashSet<PersonId> WorkedWith(Teams teams, PersonId person) =>
        teams.ByProject.Values.Where(t => t.Contains(person)).SelectMany(t => t).Where(p => p != person).ToHashSet();

    public static string Kind<T>(T kind)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static SuggestionView View(Suggestion s, Dictionary<PersonId, string> names, ISet<PersonId> invited) =>
        new(s.Person.ToString(), names.GetValueOrDefault(s.Person, string.Empty),
            s.Reasons.Select(r => new ReasonView(Kind(r.Kind), r.Tags, r.Count)).ToList(),
            new ScoreView(s.Score.Covers, Round(s.Score.Values), Round(s.Score.Relevance), Round(s.Score.Diversity), s.Score.Load, Round(s.Score.Quality), Round(s.Score.Score)),
            invited.Contains(s.Person));

    public static IReadOnlyList<NoteView> Notes(IEnumerable<Note> notes) => notes.Select(n => new NoteView(Kind(n.Kind), n.Tags)).ToList();

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.ToEven);
}
