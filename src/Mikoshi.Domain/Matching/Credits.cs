using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Matching;

/// <summary>Someone on a project's team, for its credits.</summary>
/// <param name="Person">Who.</param>
/// <param name="Name">Their display name.</param>
/// <param name="Role">Their role on the team.</param>
/// <param name="JoinedAtUnixMs">When they joined.</param>
/// <param name="Contributions">Contributions they recorded for the project.</param>
/// <param name="Acknowledged">Of those, how many a team-mate acknowledged.</param>
public sealed record CreditedPerson(PersonId Person, string Name, string Role, long JoinedAtUnixMs, int Contributions, int Acknowledged);

/// <summary>One block of the credits: a role and the people in it.</summary>
/// <param name="Role">The role ("lead", "writer").</param>
/// <param name="People">In order of acknowledged contributions, then of joining.</param>
public sealed record CreditBlock(string Role, IReadOnlyList<CreditedPerson> People);

/// <summary>The credits (エンドロール) of a released work: everyone on the team, by role, leads first.</summary>
public static class Credits
{
    /// <summary>Rolls the credits.</summary>
    /// <param name="team">The team.</param>
    /// <param name="lead">The lead role's name, which rolls first.</param>
    public static IReadOnlyList<CreditBlock> Roll(IEnumerable<CreditedPerson> team, string lead) =>
        team.GroupBy(p => p.Role, StringComparer.Ordinal)
            .OrderBy(g => g.Key == lead ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CreditBlock(g.Key, g.OrderByDescending(p => p.Acknowledged).ThenBy(p => p.JoinedAtUnixMs).ThenBy(p => p.Person.Value).ToList()))
            .ToList();
}

/// <summary>A person on the contribution map.</summary>
/// <param name="Person">Who.</param>
/// <param name="Projects">How many projects they were on.</param>
/// <param name="Partners">How many people they co-created with.</param>
public sealed record MapNode(PersonId Person, int Projects, int Partners);

/// <summary>Two people who co-created, and on how many projects.</summary>
/// <param name="A">One (the smaller id).</param>
/// <param name="B">The other.</param>
/// <param name="Projects">Projects they were both on.</param>
public sealed record MapEdge(PersonId A, PersonId B, int Projects);

/// <summary>The community's contribution map: who co-created with whom.</summary>
/// <param name="Nodes">The people shown, most connected first.</param>
/// <param name="Edges">The pairs among them.</param>
/// <param name="HiddenPeople">People left out to keep the map readable.</param>
public sealed record ContributionMap(IReadOnlyList<MapNode> Nodes, IReadOnlyList<MapEdge> Edges, int HiddenPeople);

/// <summary>Builds the co-creation graph from teams: an edge for every two people on a team together.</summary>
public static class CoCreation
{
    /// <summary>The graph, limited to the <paramref name="maxPeople"/> most connected people.</summary>
    /// <param name="teams">Each project's team.</param>
    /// <param name="maxPeople">The most people drawn.</param>
    public static ContributionMap Map(IEnumerable<IReadOnlyCollection<PersonId>> teams, int maxPeople)
    {
        var projects = new Dictionary<PersonId, int>();
        var pairs = new Dictionary<(PersonId, PersonId), int>();
        foreach (var team in teams)
        {
            var people = team.Distinct().OrderBy(p => p.Value).ToList();
            foreach (var p in people)
            {
                projects[p] = projects.GetValueOrDefault(p) + 1;
            }

            for (var i = 0; i < people.Count; i++)
            {
                for (var j = i + 1; j < people.Count; j++)
                {
                    pairs[(people[i], people[j])] = pairs.GetValueOrDefault((people[i], people[j])) + 1;
                }
            }
        }

        var partners = new Dictionary<PersonId, int>();
        foreach (var (a, b) in pairs.Keys)
        {
            partners[a] = partners.GetValueOrDefault(a) + 1;
            partners[b] = partners.GetValueOrDefault(b) + 1;
        }

        var nodes = projects.Select(p => new MapNode(p.Key, p.Value, partners.GetValueOrDefault(p.Key)))
            .OrderByDescending(n => n.Partners).ThenByDescending(n => n.Projects).ThenBy(n => n.Person.Value)
            .ToList();
        var shown = nodes.Take(Math.Max(0, maxPeople)).ToList();
        var kept = shown.Select(n => n.Person).ToHashSet();
        var edges = pairs.Where(p => kept.Contains(p.Key.Item1) && kept.Contains(p.Key.Item2))
            .Select(p => new MapEdge(p.Key.Item1, p.Key.Item2, p.Value))
            .OrderBy(e => e.A.Value).ThenBy(e => e.B.Value).ToList();
        return new ContributionMap(shown, edges, nodes.Count - shown.Count);
    }
}
