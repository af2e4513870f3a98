using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Matching;

/// <summary>What a project asks for.</summary>
/// <param name="NeededSkills">The skills it needs, as written.</param>
/// <param name="Values">The values it holds (the lead's when the project lists none).</param>
/// <param name="Team">Who is on the team already: they cover what they can and are not suggested.</param>
public sealed record TeamRequest(IReadOnlyList<string> NeededSkills, IReadOnlyList<string> Values, IReadOnlyCollection<PersonId> Team);

/// <summary>A suggested team: who, why, what it covers and what is left, and notes when it is empty or partial.</summary>
/// <param name="Members">The people suggested, best first.</param>
/// <param name="Needed">The needed skills, de-duplicated.</param>
/// <param name="CoveredByTeam">Needed skills someone on the team already lists.</param>
/// <param name="CoveredBySuggestions">Needed skills the suggested people add.</param>
/// <param name="Uncovered">Needed skills nobody covers.</param>
/// <param name="Notes">Why the result is empty or partial.</param>
public sealed record TeamSuggestion(
    IReadOnlyList<Suggestion> Members,
    IReadOnlyList<string> Needed,
    IReadOnlyList<string> CoveredByTeam,
    IReadOnlyList<string> CoveredBySuggestions,
    IReadOnlyList<string> Uncovered,
    IReadOnlyList<Note> Notes);

/// <summary>Which people a suggestion scores.</summary>
public enum CandidatePool
{
    /// <summary>Only holders of an uncovered skill, found through the index.</summary>
    Indexed,

    /// <summary>Everyone, scored in full: the brute-force baseline the benchmark compares against.</summary>
    Everyone,
}

/// <summary>
/// A team for a project: a greedy weighted cover of the needed skills (each step takes the person with
/// the most uncovered skills times their quality — shared values, skill relevance, a new discipline,
/// divided by load), then local swaps: a member is replaced by, or dropped for, someone who keeps at
/// least the same cover with a better team. Ties break on fewer active projects, then the person id.
/// </summary>
public static class TeamSuggester
{
    private const double Epsilon = 1e-12;

    /// <summary>Suggests people to complete a project's team.</summary>
    /// <param name="index">The community's people.</param>
    /// <param name="request">What the project needs.</param>
    /// <param name="weights">How the score weighs; the defaults when null.</param>
    /// <param name="pool">Whom to score; <see cref="CandidatePool.Everyone"/> only for comparison.</param>
    public static TeamSuggestion Suggest(PeopleIndex index, TeamRequest request, MatchWeights? weights = null, CandidatePool pool = CandidatePool.Indexed)
    {
        var w = weights ?? MatchWeights.Default;
        var needed = Distinct(request.NeededSkills);
        if (needed.Count == 0)
        {
            return new TeamSuggestion([], [], [], [], [], [new Note(NoteKind.NoNeededSkills, [])]);
        }

        var team = request.Team.Select(index.PositionOf).OfType<int>().ToHashSet();
        var teamSkills = Counts(team.Select(p => index.Skills[p]));
        var neededName = new Dictionary<int, string>();
        var unknown = new List<string>();
        foreach (var tag in needed)
        {
            if (index.SkillId(tag) is { } id)
            {
                neededName.TryAdd(id, tag);
            }
            else
            {
                unknown.Add(tag);
            }
        }

        var coveredByTeam = neededName.Where(n => teamSkills.ContainsKey(n.Key)).Select(n => n.Key).ToHashSet();
        var uncovered = neededName.Keys.Where(id => !coveredByTeam.Contains(id)).Order().ToArray();
        var notes = new List<Note>();
        if (unknown.Count > 0)
        {
            notes.Add(new Note(NoteKind.NobodyHasSkills, unknown));
        }

        // Needed skills by id, in the order the project lists them.
        List<string> Names(IEnumerable<int> ids)
        {
            var set = ids.ToHashSet();
            return needed.Where(t => index.SkillId(t) is { } id && set.Contains(id)).ToList();
        }

        var teamCovers = Names(coveredByTeam);
        if (uncovered.Length == 0)
        {
            if (unknown.Count == 0)
            {
                notes.Add(new Note(NoteKind.AlreadyCovered, []));
            }

            return new TeamSuggestion([], needed, teamCovers, [], unknown, notes);
        }

        // Relevance compares with every needed skill; one nobody lists still counts in the norm, as rare as can be.
        var skillCount = index.SkillHolders.Length;
        var neededVector = neededName.Keys.Order().Concat(Enumerable.Range(skillCount, unknown.Count)).ToArray();
        double SkillIdf(int id) => id < skillCount ? index.SkillIdf(id) : index.UnheldIdf;
        var valueCount = index.ValueHolders.Length;
        var projectValues = ValueIds(index, request.Values, out var valueNames);
        double ValueIdf(int id) => id < valueCount ? index.ValueIdf(id) : index.UnheldIdf;

        var candidates = new Candidates(index, Gather(index, uncovered, team), p =>
            (Similarity.WeightedJaccard(projectValues, index.Values[p], ValueIdf), Similarity.TfIdfCosine(neededVector, index.Skills[p], SkillIdf)),
            everyone: pool == CandidatePool.Everyone);

        if (candidates.Count == 0)
        {
            var left = Names(uncovered);
            notes.Add(new Note(NoteKind.NoCandidates, left));
            return new TeamSuggestion([], needed, teamCovers, [], [.. unknown, .. left], notes);
        }

        var uncoveredSet = uncovered.ToHashSet();
        var chosen = Greedy(index, candidates, uncoveredSet, teamSkills, w);
        if (w.SwapPasses > 0)
        {
            chosen = Swap(index, candidates, chosen, uncoveredSet, teamSkills, w);
        }

        var members = Describe(index, candidates, chosen, uncoveredSet, teamSkills, neededName, projectValues, valueNames, w);
        var coveredNow = chosen.SelectMany(k => index.Skills[candidates.Position(k)]).Where(uncoveredSet.Contains).ToHashSet();
        var added = Names(coveredNow);
        var still = Names(uncovered.Where(id => !coveredNow.Contains(id)));
        if (still.Count > 0)
        {
            notes.Add(new Note(NoteKind.TeamCapReached, still));
        }

        return new TeamSuggestion(members, needed, teamCovers, added, [.. unknown, .. still], notes);
    }

    /// <summary>
    /// How good a team is, compared in order: more needed skills covered, then fewer people, then more quality
    /// (each member's quality with diversity counted against everyone else on the team).
    /// </summary>
    /// <param name="Covered">Uncovered needed skills the members cover.</param>
    /// <param name="Size">How many people.</param>
    /// <param name="Quality">The sum of the members' qualities.</param>
    public readonly record struct Objective(int Covered, int Size, double Quality) : IComparable<Objective>
    {
        /// <inheritdoc />
        public int CompareTo(Objective other) =>
            Covered != other.Covered ? Covered.CompareTo(other.Covered)
            : Size != other.Size ? other.Size.CompareTo(Size)
            : Math.Abs(Quality - other.Quality) <= Epsilon ? 0
            : Quality.CompareTo(other.Quality);

        /// <summary>True when this team is strictly better.</summary>
        /// <param name="left">One team.</param>
        /// <param name="right">The other.</param>
        public static bool operator >(Objective left, Objective right) => left.CompareTo(right) > 0;

        /// <summary>True when this team is strictly worse.</summary>
        /// <param name="left">One team.</param>
        /// <param name="right">The other.</param>
        public static bool operator <(Objective left, Objective right) => left.CompareTo(right) < 0;

        /// <summary>True when this team is at least as good.</summary>
        /// <param name="left">One team.</param>
        /// <param name="right">The other.</param>
        public static bool operator >=(Objective left, Objective right) => left.CompareTo(right) >= 0;

        /// <summary>True when this team is at most as good.</summary>
        /// <param name="left">One team.</param>
        /// <param name="right">The other.</param>
        public static bool operator <=(Objective left, Objective right) => left.CompareTo(right) <= 0;
    }

    /// <summary>The objective of a suggested team, recomputed from the index: what tests compare before and after swaps.</summary>
    /// <param name="index">The community's people.</param>
    /// <param name="request">The project's request.</param>
    /// <param name="suggestion">A suggestion for it.</param>
    /// <param name="weights">The weights it was made with.</param>
    public static Objective Evaluate(PeopleIndex index, TeamRequest request, TeamSuggestion suggestion, MatchWeights? weights = null)
    {
        var w = weights ?? MatchWeights.Default;
        var team = request.Team.Select(index.PositionOf).OfType<int>().ToHashSet();
        var teamSkills = Counts(team.Select(p => index.Skills[p]));
        var uncovered = Distinct(request.NeededSkills).Select(index.SkillId).OfType<int>().Where(id => !teamSkills.ContainsKey(id)).ToHashSet();
        var parts = suggestion.Members.Select(m => (Position: index.PositionOf(m.Person)!.Value, m.Score)).ToList();
        var given = parts.ToDictionary(p => p.Position, p => (p.Score.Values, p.Score.Relevance));
        var candidates = new Candidates(index, [.. parts.Select(p => p.Position)], p => given[p]);
        return Measure(index, candidates, Enumerable.Range(0, candidates.Count).ToList(), uncovered, teamSkills, w);
    }

    private readonly record struct Scored(int Position, double Values, double Relevance, int Load);

    /// <summary>The positions of everyone off the team who holds an uncovered skill, ascending, found through the skill postings.</summary>
    private static int[] Gather(PeopleIndex index, int[] uncovered, HashSet<int> team)
    {
        // A mark per person instead of a set: holders of several needed skills count once, in position order.
        var marked = new bool[index.People.Count];
        var count = 0;
        foreach (var skill in uncovered)
        {
            foreach (var p in index.SkillHolders[skill])
            {
                if (!marked[p] && !team.Contains(p))
                {
                    marked[p] = true;
                    count++;
                }
            }
        }

        var found = new int[count];
        var next = 0;
        for (var p = 0; p < marked.Length && next < count; p++)
        {
            if (marked[p])
            {
                found[next++] = p;
            }
        }

        return found;
    }

    /// <summary>The people a suggestion may choose, scored (values, relevance), with their load and id in flat arrays.</summary>
    private sealed class Candidates
    {
        private readonly int[] positions;
        private readonly double[] values;
        private readonly double[] relevance;
        private readonly int[] loads;
        private readonly Guid[] ids;

        public Candidates(PeopleIndex index, int[] positions, Func<int, (double Values, double Relevance)> score, bool everyone = false)
        {
            this.positions = positions;
            values = new double[positions.Length];
            relevance = new double[positions.Length];
            loads = new int[positions.Length];
            ids = new Guid[positions.Length];
            if (everyone)
            {
                // The brute-force baseline: every person in the community scored, then the candidates' scores kept.
                var all = new (double, double)[index.People.Count];
                for (var p = 0; p < all.Length; p++)
                {
                    all[p] = score(p);
                }

                score = p => all[p];
            }

            for (var k = 0; k < positions.Length; k++)
            {
                (values[k], relevance[k]) = score(positions[k]);
                loads[k] = index.Loads[positions[k]];
                ids[k] = index.Ids[positions[k]];
            }
        }

        public int Count => positions.Length;

        public Scored this[int k] => new(positions[k], values[k], relevance[k], loads[k]);

        public int Position(int k) => positions[k];

        public int Load(int k) => loads[k];

        public Guid Person(int k) => ids[k];

        public double Values(int k) => values[k];

        public double Relevance(int k) => relevance[k];
    }

    /// <summary>
    /// The greedy cover, evaluated lazily: a person's score can only fall as the team grows (fewer skills left to
    /// cover, fewer of theirs new), so a key computed in an earlier round is an upper bound. The best key is
    /// recomputed; if it still beats every other key it is the round's best. The same team as rescoring every
    /// candidate every round, for a fraction of the work.
    /// </summary>
    private static List<int> Greedy(PeopleIndex index, Candidates candidates, HashSet<int> uncovered, Dictionary<int, int> teamSkills, MatchWeights w)
    {
        var remaining = new bool[index.SkillHolders.Length];
        foreach (var s in uncovered)
        {
            remaining[s] = true;
        }

        var left = uncovered.Count;
        var held = new int[index.SkillHolders.Length];
        foreach (var (s, n) in teamSkills)
        {
            held[s] = n;
        }

        Rank Rank(int k)
        {
            var skills = index.Skills[candidates.Position(k)];
            var gain = 0;
            var fresh = 0;
            foreach (var s in skills)
            {
                gain += remaining[s] ? 1 : 0;
                fresh += held[s] == 0 ? 1 : 0;
            }

            var score = gain == 0 ? 0 : gain * w.Quality(candidates.Values(k), candidates.Relevance(k), fresh / (double)skills.Length, candidates.Load(k));
            return new Rank(score, candidates.Load(k), candidates.Person(k));
        }

        var keys = new (int, Rank)[candidates.Count];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = (k, Rank(k));
        }

        var bounds = new PriorityQueue<int, Rank>(keys, BestFirst.Instance);
        var chosen = new List<int>();
        while (left > 0 && chosen.Count < w.MaxTeam && bounds.Count > 0)
        {
            var k = bounds.Dequeue();
            var rank = Rank(k);
            if (rank.Score <= 0)
            {
                continue;
            }

            if (bounds.TryPeek(out _, out var next) && BestFirst.Instance.Compare(rank, next) > 0)
            {
                bounds.Enqueue(k, rank);
                continue;
            }

            chosen.Add(k);
            foreach (var s in index.Skills[candidates.Position(k)])
            {
                left -= remaining[s] ? 1 : 0;
                remaining[s] = false;
                held[s]++;
            }
        }

        return chosen;
    }

    private readonly record struct Rank(double Score, int Load, Guid Person);

    /// <summary>Best first: higher score, then fewer active projects, then the smaller id — a total order, so ties break the same way every time.</summary>
    private sealed class BestFirst : IComparer<Rank>
    {
        public static readonly BestFirst Instance = new();

        public int Compare(Rank x, Rank y) =>
            x.Score != y.Score ? y.Score.CompareTo(x.Score)
            : x.Load != y.Load ? x.Load.CompareTo(y.Load)
            : x.Person.CompareTo(y.Person);
    }

    private static List<int> Swap(PeopleIndex index, Candidates candidates, List<int> chosen, HashSet<int> uncovered, Dictionary<int, int> teamSkills, MatchWeights w)
    {
        // The people swaps may bring in: per uncovered skill, its best holders on their own, kept in a short sorted buffer.
        var leaders = uncovered.ToDictionary(s => s, _ => new List<(Rank Rank, int K)>(w.SwapPoolPerSkill + 1));
        for (var k = 0; k < candidates.Count; k++)
        {
            var skills = index.Skills[candidates.Position(k)];
            var gain = 0;
            var fresh = 0;
            foreach (var s in skills)
            {
                gain += uncovered.Contains(s) ? 1 : 0;
                fresh += teamSkills.ContainsKey(s) ? 0 : 1;
            }

            var diversity = skills.Length == 0 ? 0 : fresh / (double)skills.Length;
            var rank = new Rank(gain * w.Quality(candidates.Values(k), candidates.Relevance(k), diversity, candidates.Load(k)), candidates.Load(k), candidates.Person(k));
            foreach (var s in skills)
            {
                if (!leaders.TryGetValue(s, out var best) || (best.Count == w.SwapPoolPerSkill && BestFirst.Instance.Compare(rank, best[^1].Rank) > 0))
                {
                    continue;
                }

                var at = best.Count;
                while (at > 0 && BestFirst.Instance.Compare(rank, best[at - 1].Rank) < 0)
                {
                    at--;
                }

                best.Insert(at, (rank, k));
                if (best.Count > w.SwapPoolPerSkill)
                {
                    best.RemoveAt(best.Count - 1);
                }
            }
        }

        var pool = new SortedSet<int>(leaders.Values.SelectMany(l => l.Select(x => x.K)));
        var team = new List<int>(chosen);
        var current = Measure(index, candidates, team, uncovered, teamSkills, w);
        for (var pass = 0; pass < w.SwapPasses; pass++)
        {
            var improved = false;
            for (var i = 0; i < team.Count; i++)
            {
                List<int>? bestTeam = null;
                var best = current;
                var without = team.Where((_, j) => j != i).ToList();
                var dropped = Measure(index, candidates, without, uncovered, teamSkills, w);
                if (dropped > best)
                {
                    best = dropped;
                    bestTeam = without;
                }

                foreach (var k in pool)
                {
                    if (team.Contains(k))
                    {
                        continue;
                    }

                    var swapped = new List<int>(team) { [i] = k };
                    var measured = Measure(index, candidates, swapped, uncovered, teamSkills, w);
                    if (measured > best)
                    {
                        best = measured;
                        bestTeam = swapped;
                    }
                }

                if (bestTeam is not null)
                {
                    team = bestTeam;
                    current = best;
                    improved = true;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return team;
    }

    private static Objective Measure(PeopleIndex index, Candidates candidates, List<int> team, HashSet<int> uncovered, Dictionary<int, int> teamSkills, MatchWeights w)
    {
        var held = new Dictionary<int, int>(teamSkills);
        foreach (var k in team)
        {
            foreach (var s in index.Skills[candidates.Position(k)])
            {
                held[s] = held.GetValueOrDefault(s) + 1;
            }
        }

        var covered = uncovered.Count(held.ContainsKey);
        var quality = 0.0;
        foreach (var k in team)
        {
            var c = candidates[k];
            quality += w.Quality(c.Values, c.Relevance, Exclusive(index.Skills[c.Position], held), c.Load);
        }

        return new Objective(covered, team.Count, quality);
    }

    /// <summary>Share of a member's skills nobody else holds (the member counted once in <paramref name="held"/>).</summary>
    private static double Exclusive(int[] skills, Dictionary<int, int> held) =>
        skills.Length == 0 ? 0 : skills.Count(s => held[s] == 1) / (double)skills.Length;

    private static List<Suggestion> Describe(PeopleIndex index, Candidates candidates, List<int> team, HashSet<int> uncovered, Dictionary<int, int> teamSkills,
        Dictionary<int, string> neededName, int[] projectValues, Dictionary<int, string> valueNames, MatchWeights w)
    {
        var held = new Dictionary<int, int>(teamSkills);
        foreach (var s in team.SelectMany(k => index.Skills[candidates.Position(k)]))
        {
            held[s] = held.GetValueOrDefault(s) + 1;
        }

        var members = new List<(Suggestion Suggestion, Scored Scored)>();
        foreach (var k in team)
        {
            var c = candidates[k];
            var skills = index.Skills[c.Position];
            var covers = skills.Where(uncovered.Contains).ToList();
            var diversity = Exclusive(skills, held);
            var quality = w.Quality(c.Values, c.Relevance, diversity, c.Load);
            var shared = Similarity.Common(projectValues, index.Values[c.Position]);
            var brings = skills.Where(s => !neededName.ContainsKey(s) && held[s] == 1).Select(index.SkillName).ToList();
            var reasons = new List<Reason> { new(ReasonKind.Covers, covers.Select(s => neededName[s]).ToList(), covers.Count) };
            if (shared.Count > 0)
            {
                reasons.Add(new Reason(ReasonKind.SharesValues, shared.Select(v => valueNames[v]).ToList(), shared.Count));
            }

            if (brings.Count > 0)
            {
                reasons.Add(new Reason(ReasonKind.AlsoBrings, brings, brings.Count));
            }

            reasons.Add(new Reason(ReasonKind.ActiveProjects, [], c.Load));
            var parts = new ScoreParts(covers.Count, c.Values, c.Relevance, diversity, c.Load, quality, covers.Count * quality);
            members.Add((new Suggestion(index.People[c.Position].Person, reasons, parts), c));
        }

        return members.OrderByDescending(m => m.Suggestion.Score.Score).ThenBy(m => m.Scored.Load).ThenBy(m => m.Suggestion.Person.Value)
            .Select(m => m.Suggestion).ToList();
    }

    internal static List<string> Distinct(IReadOnlyList<string> tags)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return tags.Where(t => !string.IsNullOrWhiteSpace(t) && seen.Add(TagKey.Of(t))).Select(t => t.Trim()).ToList();
    }

    internal static Dictionary<int, int> Counts(IEnumerable<int[]> sets)
    {
        var counts = new Dictionary<int, int>();
        foreach (var s in sets.SelectMany(x => x))
        {
            counts[s] = counts.GetValueOrDefault(s) + 1;
        }

        return counts;
    }

    /// <summary>Value ids, sorted; a value nobody holds gets an id past the index's, so it still weighs in Jaccard's union.</summary>
    internal static int[] ValueIds(PeopleIndex index, IReadOnlyList<string> values, out Dictionary<int, string> names)
    {
        names = [];
        var next = index.ValueHolders.Length;
        foreach (var tag in Distinct(values))
        {
            names.TryAdd(index.ValueId(tag) ?? next++, tag);
        }

        return [.. names.Keys.Order()];
    }
}
