using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Matching;

/// <summary>People a person might make something with, and notes when there are none.</summary>
/// <param name="People">Best first.</param>
/// <param name="Notes">Why the list is empty.</param>
public sealed record CollaboratorSuggestion(IReadOnlyList<Suggestion> People, IReadOnlyList<Note> Notes);

/// <summary>
/// Collaborators for a person (異業種コラボ): people who share their values (weighted Jaccard), bring skills
/// they do not list (complementarity: the TF-IDF weight of those skills over all of the other person's), and
/// have never been on a team with them. Only holders of one of the person's values are scored.
/// </summary>
public static class CollaboratorSuggester
{
    /// <summary>Suggests collaborators.</summary>
    /// <param name="index">The community's people.</param>
    /// <param name="person">The person asking, with their profile.</param>
    /// <param name="workedWith">Everyone who has been on a team with them.</param>
    /// <param name="weights">How the score weighs; the defaults when null.</param>
    public static CollaboratorSuggestion Suggest(PeopleIndex index, Candidate person, IReadOnlyCollection<PersonId> workedWith, MatchWeights? weights = null)
    {
        var w = weights ?? MatchWeights.Default;
        var values = TeamSuggester.ValueIds(index, person.Values, out var valueNames);
        if (values.Length == 0)
        {
            return new CollaboratorSuggestion([], [new Note(TeamSuggester.Distinct(person.Skills).Count == 0 ? NoteKind.EmptyProfile : NoteKind.NoValues, [])]);
        }

        var mine = person.Skills.Select(index.SkillId).OfType<int>().ToHashSet();
        var excluded = workedWith.Select(index.PositionOf).OfType<int>().ToHashSet();
        if (index.PositionOf(person.Person) is { } self)
        {
            excluded.Add(self);
        }

        var valueCount = index.ValueHolders.Length;
        double ValueIdf(int id) => id < valueCount ? index.ValueIdf(id) : index.UnheldIdf;
        var pool = new SortedSet<int>();
        foreach (var v in values.Where(v => v < valueCount))
        {
            foreach (var p in index.ValueHolders[v])
            {
                if (!excluded.Contains(p))
                {
                    pool.Add(p);
                }
            }
        }

        var found = new List<(Suggestion Suggestion, int Load)>();
        foreach (var p in pool)
        {
            var skills = index.Skills[p];
            var brings = skills.Where(s => !mine.Contains(s)).ToList();
            if (brings.Count == 0)
            {
                continue;
            }

            var jaccard = Similarity.WeightedJaccard(values, index.Values[p], ValueIdf);
            var complementarity = brings.Sum(index.SkillIdf) / skills.Sum(index.SkillIdf);
            var load = index.People[p].ActiveProjects;
            var quality = w.Quality(jaccard, complementarity, 0, load);
            var shared = Similarity.Common(values, index.Values[p]);
            var reasons = new List<Reason>
            {
                new(ReasonKind.SharesValues, shared.Select(v => valueNames[v]).ToList(), shared.Count),
                new(ReasonKind.BringsSkills, brings.Select(index.SkillName).ToList(), brings.Count),
                new(ReasonKind.ActiveProjects, [], load),
                new(ReasonKind.NotWorkedTogether, [], 0),
            };
            found.Add((new Suggestion(index.People[p].Person, reasons, new ScoreParts(brings.Count, jaccard, complementarity, 0, load, quality, quality)), load));
        }

        var best = found.OrderByDescending(f => f.Suggestion.Score.Score).ThenBy(f => f.Load).ThenBy(f => f.Suggestion.Person.Value)
            .Take(w.MaxCollaborators).Select(f => f.Suggestion).ToList();
        return new CollaboratorSuggestion(best, best.Count == 0 ? [new Note(NoteKind.NoOneSharesValues, valueNames.Values.ToList())] : []);
    }
}
