using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Matching;

/// <summary>Why someone is suggested: each kind is one phrase the UI writes in the reader's language.</summary>
public enum ReasonKind
{
    /// <summary>Holds needed skills the team lacks ("covers video editing").</summary>
    Covers,

    /// <summary>Holds values in common ("shares 3 of the project's values", "shares 3 of Aki's values").</summary>
    SharesValues,

    /// <summary>How many active projects the person is on ("on 1 active project").</summary>
    ActiveProjects,

    /// <summary>Skills nobody else on the team has: another discipline ("also brings photography").</summary>
    AlsoBrings,

    /// <summary>Skills the person asking does not list ("brings music, which Aki doesn't list").</summary>
    BringsSkills,

    /// <summary>The two have never been on a team together.</summary>
    NotWorkedTogether,
}

/// <summary>One reason, as data: its kind, the tags it names and the count it states.</summary>
/// <param name="Kind">Which phrase.</param>
/// <param name="Tags">The tags named, as the community wrote them.</param>
/// <param name="Count">The number stated (values shared, active projects, tags named).</param>
public sealed record Reason(ReasonKind Kind, IReadOnlyList<string> Tags, int Count);

/// <summary>Why a result is empty or partial, so a page explains instead of showing nothing.</summary>
public enum NoteKind
{
    /// <summary>The project lists no needed skills.</summary>
    NoNeededSkills,

    /// <summary>The team already covers every needed skill.</summary>
    AlreadyCovered,

    /// <summary>Nobody in the community lists these skills (unknown tags).</summary>
    NobodyHasSkills,

    /// <summary>Everyone who holds a needed skill is already on the team.</summary>
    NoCandidates,

    /// <summary>The person's profile lists no values and no skills.</summary>
    EmptyProfile,

    /// <summary>The person lists no values, and suggestions start from shared values.</summary>
    NoValues,

    /// <summary>Nobody else shares the person's values (unknown tags), or all who do have worked with them.</summary>
    NoOneSharesValues,

    /// <summary>The team is capped; these needed skills are left for later.</summary>
    TeamCapReached,
}

/// <summary>A note on a result: its kind and the tags it concerns.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Tags">The tags concerned, as written.</param>
public sealed record Note(NoteKind Kind, IReadOnlyList<string> Tags);

/// <summary>
/// The parts a suggestion's score is made of, each in [0, 1] except the cover count and the score:
/// quality = (1 + values·wV + relevance·wR + diversity·wD) ÷ (1 + load·wL); score = covers × quality
/// (for collaborators, covers is the number of complementary skills).
/// </summary>
/// <param name="Covers">Needed skills covered (or complementary skills brought).</param>
/// <param name="Values">Weighted Jaccard of the values.</param>
/// <param name="Relevance">TF-IDF cosine of the skills against what is needed (or complementarity for collaborators).</param>
/// <param name="Diversity">Share of the person's skills nobody else on the team has.</param>
/// <param name="Load">Active projects.</param>
/// <param name="Quality">The combined quality.</param>
/// <param name="Score">What ranking uses.</param>
public sealed record ScoreParts(int Covers, double Values, double Relevance, double Diversity, int Load, double Quality, double Score);

/// <summary>A suggested person with the reasons and the parts of the score.</summary>
/// <param name="Person">Who.</param>
/// <param name="Reasons">Why, as data.</param>
/// <param name="Score">How the score was made.</param>
public sealed record Suggestion(PersonId Person, IReadOnlyList<Reason> Reasons, ScoreParts Score);

/// <summary>How the parts of a score weigh; the defaults are what the app uses.</summary>
/// <param name="Values">Weight of shared values.</param>
/// <param name="Relevance">Weight of skill relevance.</param>
/// <param name="Diversity">Weight of a new discipline.</param>
/// <param name="LoadPenalty">How much each active project divides the quality by.</param>
/// <param name="MaxTeam">The most people a suggested team adds.</param>
/// <param name="SwapPoolPerSkill">Per uncovered skill, how many of the best holders local swaps try.</param>
/// <param name="SwapPasses">How many passes of local swaps; 0 is the greedy cover alone.</param>
/// <param name="MaxCollaborators">The most collaborators suggested.</param>
public sealed record MatchWeights(
    double Values = 1.0,
    double Relevance = 0.5,
    double Diversity = 0.5,
    double LoadPenalty = 0.25,
    int MaxTeam = 10,
    int SwapPoolPerSkill = 25,
    int SwapPasses = 3,
    int MaxCollaborators = 10)
{
    /// <summary>The defaults.</summary>
    public static MatchWeights Default { get; } = new();

    /// <summary>The combined quality of the parts.</summary>
    /// <param name="values">Weighted Jaccard of values.</param>
    /// <param name="relevance">Relevance.</param>
    /// <param name="diversity">Diversity.</param>
    /// <param name="load">Active projects.</param>
    public double Quality(double values, double relevance, double diversity, int load) =>
        (1 + (Values * values) + (Relevance * relevance) + (Diversity * diversity)) / (1 + (LoadPenalty * load));
}
