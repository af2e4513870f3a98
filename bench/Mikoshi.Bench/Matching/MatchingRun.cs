using System.Diagnostics;
using System.Text.Json;
using Mikoshi.Bench.Ledger;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Matching;

namespace Mikoshi.Bench.Matching;

/// <summary>What the matching part measured; <see cref="MatchingSections"/> prints it.</summary>
public sealed record MatchingResult(
    int People,
    int Queries,
    int Repetitions,
    double IndexBuildMs,
    Samples IndexedMs,
    Samples EveryoneMs,
    Samples Ratio,
    Samples IndexedCpuMs,
    Samples EveryoneCpuMs,
    double IndexedCandidates,
    int EvaluationPeople,
    int EvaluationProjects,
    int Coverable,
    int Covered,
    double MeanTeam,
    double MeanNeeded,
    double EvaluationMs);

/// <summary>
/// A suggested team for one project among 10^5 people, through the skill index against the brute-force scorer
/// (<see cref="CandidatePool.Everyone"/>: every person scored), the two alternating per repetition over the
/// same projects and checked to suggest the same people; then the coverage evaluation: a generated community
/// of 10^4 people and 10^3 projects, counting the projects whose needed skills can be covered and those the
/// suggested team covers in full.
/// </summary>
public static class MatchingRun
{
    public const int Seed = 20_261_127;

    public static int Run(string resultFile, int people, int queries, int repetitions, int evaluationPeople, int evaluationProjects)
    {
        Console.WriteLine($"[matching] generating {people:N0} people (seed {Seed})");
        var world = new MatchingWorld(Seed);
        var community = world.People(people);
        var clock = Stopwatch.StartNew();
        var index = PeopleIndex.Build(community);
        var buildMs = clock.Elapsed.TotalMilliseconds;
        var requests = Enumerable.Range(0, queries).Select(_ => world.Project([])).ToList();

        // Correctness and warm-up: both ways suggest the same people for every project.
        var candidates = 0L;
        foreach (var request in requests)
        {
            var indexed = TeamSuggester.Suggest(index, request);
            var everyone = TeamSuggester.Suggest(index, request, pool: CandidatePool.Everyone);
            if (!indexed.Members.Select(m => m.Person).SequenceEqual(everyone.Members.Select(m => m.Person)))
            {
                throw new InvalidOperationException("The index and the brute-force scorer disagree.");
            }

            candidates += request.NeededSkills.Select(index.SkillId).OfType<int>().SelectMany(s => index.SkillHolders[s]).Distinct().Count();
        }

        var indexedMs = new List<double>();
        var everyoneMs = new List<double>();
        var ratios = new List<double>();
        var indexedCpu = new List<double>();
        var everyoneCpu = new List<double>();
        var bruteQueries = requests.Take(Math.Max(1, queries / 10)).ToList();
        for (var rep = 0; rep < repetitions; rep++)
        {
            var (ours, oursCpu) = Time(() => requests.ForEach(r => TeamSuggester.Suggest(index, r)));
            var (brute, bruteCpu) = Time(() => bruteQueries.ForEach(r => TeamSuggester.Suggest(index, r, pool: CandidatePool.Everyone)));
            indexedMs.Add(ours / queries);
            everyoneMs.Add(brute / bruteQueries.Count);
            indexedCpu.Add(oursCpu / queries);
            everyoneCpu.Add(bruteCpu / bruteQueries.Count);
            ratios.Add(brute / bruteQueries.Count / (ours / queries));
            Console.WriteLine($"[matching] rep {rep + 1}: indexed {ours / queries:F2} ms (CPU {oursCpu / queries:F2}), brute force {brute / bruteQueries.Count:F2} ms (CPU {bruteCpu / bruteQueries.Count:F2}) per project");
        }

        Console.WriteLine($"[matching] evaluation: {evaluationPeople:N0} people, {evaluationProjects:N0} projects");
        var evaluation = new MatchingWorld(Seed + 1);
        var evaluationCommunity = evaluation.People(evaluationPeople);
        var evaluationIndex = PeopleIndex.Build(evaluationCommunity);
        int coverable = 0, covered = 0;
        long teamSize = 0, needed = 0;
        clock.Restart();
        for (var i = 0; i < evaluationProjects; i++)
        {
            // Each project has a lead already, as a real one does; the lead covers what they can.
            var lead = evaluationCommunity[evaluation.Next(evaluationCommunity.Count)].Person;
            var request = evaluation.Project([lead]);
            var suggestion = TeamSuggester.Suggest(evaluationIndex, request);
            var canCover = request.NeededSkills.All(s => evaluationIndex.SkillId(s) is { } id && evaluationIndex.SkillHolders[id].Length > 0);
            if (!canCover)
            {
                continue;
            }

            coverable++;
            covered += suggestion.Uncovered.Count == 0 ? 1 : 0;
            teamSize += suggestion.Members.Count;
            needed += suggestion.Needed.Count - suggestion.CoveredByTeam.Count;
        }

        var evaluationMs = clock.Elapsed.TotalMilliseconds / evaluationProjects;
        Console.WriteLine($"[matching] covered {covered:N0} of {coverable:N0} coverable projects ({100.0 * covered / Math.Max(1, coverable):F1}%)");
        var result = new MatchingResult(people, queries, repetitions, buildMs, Samples.Of(indexedMs), Samples.Of(everyoneMs), Samples.Of(ratios),
            Samples.Of(indexedCpu), Samples.Of(everyoneCpu), candidates / (double)queries, evaluationPeople, evaluationProjects, coverable, covered,
            teamSize / (double)Math.Max(1, coverable), needed / (double)Math.Max(1, coverable), evaluationMs);
        File.WriteAllText(resultFile, JsonSerializer.Serialize(result, LedgerRun.Json));
        return covered * 100 >= coverable * 95 ? 0 : 1;
    }

    /// <summary>Wall time and the process's CPU time: on a shared machine the CPU time says what the work costs, the wall time what a caller waits.</summary>
    private static (double WallMs, double CpuMs) Time(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }
}

/// <summary>
/// A generated community: skills from a vocabulary of 400 with a long tail (a few common, most rare — Zipf-like),
/// 40 values likewise; each person lists 1–5 skills and 1–4 values and is on 0–3 active projects; a project
/// needs 2–6 skills drawn the same way and holds 1–3 values.
/// </summary>
public sealed class MatchingWorld(int seed)
{
    private const int SkillVocabulary = 400;
    private const int ValueVocabulary = 40;
    private readonly Random random = new(seed);

    public int Next(int below) => random.Next(below);

    public List<Candidate> People(int count) =>
        Enumerable.Range(0, count).Select(i => new Candidate(
            new PersonId(new Guid(i, (short)(i >> 16), 7, [1, 2, 3, 4, 5, 6, 7, 8])),
            Tags("skill", SkillVocabulary, 1 + random.Next(5)),
            Tags("value", ValueVocabulary, 1 + random.Next(4)),
            random.Next(4))).ToList();

    public TeamRequest Project(IReadOnlyCollection<PersonId> team) =>
        new(Tags("skill", SkillVocabulary, 2 + random.Next(5)), Tags("value", ValueVocabulary, 1 + random.Next(3)), team);

    private List<string> Tags(string prefix, int vocabulary, int count)
    {
        var tags = new List<string>();
        while (tags.Count < count)
        {
            // Zipf-like: rank r with weight about 1/r, drawn by inverting a continuous approximation.
            var rank = (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(vocabulary + 1))) - 1;
            var tag = $"{prefix}-{Math.Clamp(rank, 0, vocabulary - 1)}";
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }
}
