using System.Text;
using System.Text.Json;
using Mikoshi.Bench.Ledger;

namespace Mikoshi.Bench.Matching;

/// <summary>The report's matching section: a suggested team among 10^5 people against brute force, and the coverage evaluation.</summary>
public static class MatchingSections
{
    public static void Write(StringBuilder text, string results)
    {
        var file = Path.Combine(results, "matching.json");
        if (!File.Exists(file))
        {
            return;
        }

        var m = JsonSerializer.Deserialize<MatchingResult>(File.ReadAllText(file), LedgerRun.Json)!;
        text.AppendLine(Fmt.Invariant($"## 11. Matching: a suggested team among {m.People:N0} people, and how often it covers the project"))
            .AppendLine()
            .AppendLine(Fmt.Invariant($"A generated community of {m.People:N0} people (skills from a vocabulary of 400 with a long tail, 1–5 each; 40 values, 1–4 each; 0–3 active projects) and {m.Queries:N0} projects needing 2–6 skills. ")
                + "**Indexed**: `TeamSuggester.Suggest` as the app calls it — only the holders of an uncovered needed skill are scored (through the skill postings of `PeopleIndex`), then the greedy weighted cover and local swaps. "
                + "**Brute force**, in the same run: `CandidatePool.Everyone`, every person scored (values, relevance, load) before the same cover. "
                + "Both suggest the same people for every project (checked before timing). The index is built once, as the app would keep it; the build is shown apart. One thread.")
            .AppendLine()
            .AppendLine("| | **brute force ÷ indexed** | indexed per project (wall) | indexed (CPU) | brute force per project (wall) | brute force (CPU) | holders of a needed skill (mean) | index build |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|")
            .AppendLine(Fmt.Invariant($"| suggested team | **{m.Ratio.Show(1)}** | {m.IndexedMs.Median:F2} ms ({m.IndexedMs.Min:F2} – {m.IndexedMs.Max:F2}) | {m.IndexedCpuMs.Median:F2} ms | {m.EveryoneMs.Median:F1} ms ({m.EveryoneMs.Min:F1} – {m.EveryoneMs.Max:F1}) | {m.EveryoneCpuMs.Median:F1} ms | {m.IndexedCandidates:N0} of {m.People:N0} | {m.IndexBuildMs:F0} ms |"))
            .AppendLine()
            .AppendLine("The index narrows the search to the holders of a needed skill; within them, values and relevance are computed only for the people whose upper bound (values and relevance at 1) could still win a round of the cover or a place among the swap candidates, so most holders cost a few array reads. The CPU column is the process's CPU time per project: on this shared machine it says what the work costs, the wall column what a caller waited.")
            .AppendLine()
            .AppendLine(Fmt.Invariant($"**Coverage evaluation**: a second generated community of {m.EvaluationPeople:N0} people and {m.EvaluationProjects:N0} projects, each with a lead already on its team. ")
                + Fmt.Invariant($"A project is *coverable* when someone in the community lists each of its needed skills: {m.Coverable:N0} of {m.EvaluationProjects:N0}. ")
                + Fmt.Invariant($"The suggested team covers every needed skill in **{m.Covered:N0} of {m.Coverable:N0} ({100.0 * m.Covered / Math.Max(1, m.Coverable):F1}%)** (target ≥ 95%), with {m.MeanTeam:F2} people suggested on average for {m.MeanNeeded:F2} skills the lead lacks; {m.EvaluationMs:F2} ms per project."))
            .AppendLine()
            .AppendLine(Fmt.Invariant($"{m.Repetitions} repetitions; brute force is timed on a tenth of the projects per repetition. Reproduce: `bench/run.sh matching` (`BENCH_MATCHING_PEOPLE`, default 100000)."))
            .AppendLine();
    }

    public static void WriteRepetitions(StringBuilder text, string results)
    {
        var file = Path.Combine(results, "matching.json");
        if (!File.Exists(file))
        {
            return;
        }

        var m = JsonSerializer.Deserialize<MatchingResult>(File.ReadAllText(file), LedgerRun.Json)!;
        text.AppendLine(Fmt.Invariant($"| matching | indexed ms per project | {Report.Values(m.IndexedMs, 2)} |"))
            .AppendLine(Fmt.Invariant($"| matching | brute force ms per project | {Report.Values(m.EveryoneMs, 1)} |"))
            .AppendLine(Fmt.Invariant($"| matching | indexed CPU ms per project | {Report.Values(m.IndexedCpuMs, 2)} |"));
    }
}
