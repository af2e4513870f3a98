namespace Mikoshi.Domain.Matching;

/// <summary>
/// How long reputation takes to fade: after one half-life an acknowledged contribution counts half, after
/// two a quarter, and linearly in between. A community sets it; <see cref="MinDays"/> to <see cref="MaxDays"/> days.
/// </summary>
public readonly record struct HalfLife
{
    /// <summary>The shortest half-life: a week.</summary>
    public const int MinDays = 7;

    /// <summary>The longest half-life: ten years.</summary>
    public const int MaxDays = 3650;

    /// <summary>The half-life of a community that has not set one.</summary>
    public const int DefaultDays = 180;

    private HalfLife(int days) => Days = days;

    /// <summary>The half-life in days.</summary>
    public int Days { get; }

    /// <summary>The default half-life.</summary>
    public static HalfLife Default => new(DefaultDays);

    /// <summary>A half-life of <paramref name="days"/> days, or <c>invalid_half_life</c> outside the range.</summary>
    /// <param name="days">Days, <see cref="MinDays"/> to <see cref="MaxDays"/>.</param>
    public static Result<HalfLife> FromDays(long? days) =>
        days is >= MinDays and <= MaxDays
            ? new HalfLife((int)days.Value)
            : MatchingErrors.InvalidHalfLife;
}

/// <summary>An acknowledged contribution, with the skills it counts for.</summary>
/// <param name="Contribution">Its number in the community.</param>
/// <param name="Project">The project it was for.</param>
/// <param name="Skills">The skills it counts for (the project's needed skills the author lists); empty counts for none.</param>
/// <param name="OccurredAtUnixMs">When it happened.</param>
/// <param name="Acknowledgements">How many team-mates acknowledged it (at least one to count).</param>
public sealed record ContributionEvidence(long Contribution, Projects.ProjectNumber Project, IReadOnlyList<string> Skills, long OccurredAtUnixMs, int Acknowledgements);

/// <summary>What one contribution adds to one skill, and why.</summary>
/// <param name="Contribution">The contribution.</param>
/// <param name="Project">Its project.</param>
/// <param name="AgeDays">Whole days since it happened.</param>
/// <param name="BasePoints">Its points before fading: <see cref="Reputation.PointsPerContribution"/> plus a bonus per extra acknowledgement.</param>
/// <param name="Points">What it counts now.</param>
public sealed record ReputationPart(long Contribution, Projects.ProjectNumber Project, long AgeDays, long BasePoints, long Points);

/// <summary>Reputation in one skill: the exact sum of its parts.</summary>
/// <param name="Skill">The skill as written.</param>
/// <param name="Points">The total.</param>
/// <param name="Parts">Every contribution counted, newest first.</param>
public sealed record SkillReputation(string Skill, long Points, IReadOnlyList<ReputationPart> Parts);

/// <summary>A person's reputation per skill, and the acknowledged contributions that count for no skill.</summary>
/// <param name="Skills">Highest first.</param>
/// <param name="Unattributed">Acknowledged contributions whose project needed none of the author's skills.</param>
/// <param name="HalfLifeDays">The half-life used.</param>
public sealed record ReputationReport(IReadOnlyList<SkillReputation> Skills, IReadOnlyList<ReputationPart> Unattributed, int HalfLifeDays);

/// <summary>
/// Reputation per skill from acknowledged contributions, in whole points, fading with a half-life:
/// integer arithmetic only, so a total is exactly the sum of the parts shown and the same input always
/// gives the same number.
/// </summary>
public static class Reputation
{
    /// <summary>What a contribution acknowledged once is worth, fresh.</summary>
    public const long PointsPerContribution = 1000;

    /// <summary>What each further acknowledgement adds, fresh.</summary>
    public const long PointsPerExtraAcknowledgement = 250;

    /// <summary>Acknowledgements beyond the first that still add points.</summary>
    public const int MaxExtraAcknowledgements = 4;

    private const long DayMs = 86_400_000;

    /// <summary>A contribution's points before fading; 0 when nobody acknowledged it.</summary>
    /// <param name="acknowledgements">How many acknowledged it.</param>
    public static long BasePoints(int acknowledgements) =>
        acknowledgements <= 0 ? 0 : PointsPerContribution + (PointsPerExtraAcknowledgement * Math.Min(acknowledgements - 1, MaxExtraAcknowledgements));

    /// <summary>
    /// Points after <paramref name="ageDays"/> days: halved once per whole half-life, and within one
    /// falling linearly from the full amount to half of it (rounded down).
    /// </summary>
    /// <param name="points">Points fresh.</param>
    /// <param name="ageDays">Whole days old; negative counts as 0.</param>
    /// <param name="halfLife">The half-life.</param>
    public static long Faded(long points, long ageDays, HalfLife halfLife)
    {
        var age = Math.Max(0, ageDays);
        var h = halfLife.Days;
        var halvings = age / h;
        if (halvings >= 62)
        {
            return 0;
        }

        var within = age % h;
        return points * ((2 * h) - within) / (2 * h) >> (int)halvings;
    }

    /// <summary>Reputation per skill at an instant.</summary>
    /// <param name="contributions">The person's contributions (unacknowledged ones count for nothing and are left out).</param>
    /// <param name="halfLife">The community's half-life.</param>
    /// <param name="nowUnixMs">The instant.</param>
    public static ReputationReport Compute(IEnumerable<ContributionEvidence> contributions, HalfLife halfLife, long nowUnixMs)
    {
        var bySkill = new Dictionary<string, (string Name, List<ReputationPart> Parts)>(StringComparer.Ordinal);
        var unattributed = new List<ReputationPart>();
        foreach (var c in contributions.Where(c => c.Acknowledgements > 0)
            .OrderByDescending(c => c.OccurredAtUnixMs).ThenByDescending(c => c.Contribution))
        {
            var age = Math.Max(0, nowUnixMs - c.OccurredAtUnixMs) / DayMs;
            var basePoints = BasePoints(c.Acknowledgements);
            var part = new ReputationPart(c.Contribution, c.Project, age, basePoints, Faded(basePoints, age, halfLife));
            var skills = TeamSuggester.Distinct(c.Skills);
            if (skills.Count == 0)
            {
                unattributed.Add(part);
            }

            foreach (var skill in skills)
            {
                var key = SkillVocabulary.Key(skill);
                if (!bySkill.TryGetValue(key, out var entry))
                {
                    entry = (skill, []);
                    bySkill[key] = entry;
                }

                entry.Parts.Add(part);
            }
        }

        var report = bySkill.Values.Select(e => new SkillReputation(e.Name, e.Parts.Sum(p => p.Points), e.Parts))
            .OrderByDescending(s => s.Points).ThenBy(s => s.Skill, StringComparer.Ordinal).ToList();
        return new ReputationReport(report, unattributed, halfLife.Days);
    }
}
