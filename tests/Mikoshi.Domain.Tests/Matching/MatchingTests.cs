using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Matching;

namespace Mikoshi.Domain.Tests.Matching;

public class MatchingTests
{
    private static readonly string[] SkillWords = ["video editing", "Illustration", "writing", "music", "photography", "web", "taiko", "cooking", "translation", "3D", "sound", "lighting"];
    private static readonly string[] ValueWords = ["joy", "craft", "honesty", "openness", "locality", "slowness"];

    private static readonly Gen<Candidate> Person =
        Gen.Select(Gen.Guid, Gen.Int[0, SkillWords.Length - 1].Array[0, 4], Gen.Int[0, ValueWords.Length - 1].Array[0, 3], Gen.Int[0, 4], Gen.Bool)
            .Select((id, skills, values, load, shout) => new Candidate(new PersonId(id),
                skills.Select(s => shout ? SkillWords[s].ToUpperInvariant() : SkillWords[s]).ToList(),
                values.Select(v => ValueWords[v]).ToList(), load));

    private static readonly Gen<(List<Candidate> People, TeamRequest Request)> World =
        Gen.Select(Person.List[0, 60], Gen.Int[0, SkillWords.Length + 1].Array[0, 6], Gen.Int[0, ValueWords.Length].Array[0, 3], Gen.Int[0, 3])
            .Select((people, needed, values, teamSize) => (people, new TeamRequest(
                needed.Select(n => n < SkillWords.Length ? SkillWords[n] : $"unknown-{n}").ToList(),
                values.Select(v => v < ValueWords.Length ? ValueWords[v] : "unheard-of").ToList(),
                people.Take(teamSize).Select(p => p.Person).ToList())));

    private static Candidate P(string skills, string values = "", int load = 0, int id = 0) =>
        new(new PersonId(new Guid(id, 0, 0, new byte[8])), Split(skills), Split(values), load);

    private static List<string> Split(string tags) => tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [Fact]
    public void Suggest_CoversTheNeededSkills_AndSaysWhyInData()
    {
        var people = new[]
        {
            P("video editing, sound", "joy, craft, honesty", load: 1, id: 1),
            P("illustration", "joy", id: 2),
            P("illustration, writing", "joy, craft", id: 3),
            P("cooking", "joy, craft, honesty", id: 4),
        };
        var index = PeopleIndex.Build(people);
        var suggestion = TeamSuggester.Suggest(index, new TeamRequest(["Video Editing", "illustration", "writing"], ["joy", "craft", "honesty"], []));

        Assert.Equal([people[0].Person, people[2].Person], suggestion.Members.Select(m => m.Person).OrderBy(p => p.Value));
        Assert.Empty(suggestion.Uncovered);
        var editor = suggestion.Members.Single(m => m.Person == people[0].Person);
        Assert.Equal(new Reason(ReasonKind.Covers, ["Video Editing"], 1), editor.Reasons[0], ReasonComparer.Instance);
        Assert.Equal(3, editor.Reasons.Single(r => r.Kind == ReasonKind.SharesValues).Count);
        Assert.Equal(1, editor.Reasons.Single(r => r.Kind == ReasonKind.ActiveProjects).Count);
        Assert.Equal(["sound"], editor.Reasons.Single(r => r.Kind == ReasonKind.AlsoBrings).Tags);
    }

    [Fact]
    public void EmptyInputs_GiveEmptyResults_WithTheirExplanation()
    {
        var empty = PeopleIndex.Build([]);
        Assert.Equal(NoteKind.NoNeededSkills, Assert.Single(TeamSuggester.Suggest(empty, new TeamRequest([], ["joy"], [])).Notes).Kind);
        var unknown = TeamSuggester.Suggest(empty, new TeamRequest(["knitting"], [], []));
        Assert.Empty(unknown.Members);
        Assert.Equal(new Note(NoteKind.NobodyHasSkills, ["knitting"]).Tags, Assert.Single(unknown.Notes).Tags);
        Assert.Equal(["knitting"], unknown.Uncovered);

        var one = P("taiko", "joy", id: 1);
        var index = PeopleIndex.Build([one]);
        Assert.Equal(NoteKind.AlreadyCovered, Assert.Single(TeamSuggester.Suggest(index, new TeamRequest(["Taiko"], [], [one.Person])).Notes).Kind);
        Assert.Equal(NoteKind.EmptyProfile, Assert.Single(CollaboratorSuggester.Suggest(index, P("", id: 9), []).Notes).Kind);
        Assert.Equal(NoteKind.NoValues, Assert.Single(CollaboratorSuggester.Suggest(index, P("web", id: 9), []).Notes).Kind);
        Assert.Equal(NoteKind.NoOneSharesValues, Assert.Single(CollaboratorSuggester.Suggest(index, P("web", "unheard-of", id: 9), []).Notes).Kind);
        Assert.Equal(NoteKind.NoOneSharesValues, Assert.Single(CollaboratorSuggester.Suggest(index, P("web", "joy", id: 9), [one.Person]).Notes).Kind);
    }

    [Fact]
    public void TeamCap_LeavesSkillsUncovered_AndSaysSo()
    {
        var people = Enumerable.Range(1, 4).Select(i => P(SkillWords[i], id: i)).ToList();
        var suggestion = TeamSuggester.Suggest(PeopleIndex.Build(people), new TeamRequest(SkillWords[1..5], [], []), MatchWeights.Default with { MaxTeam = 2 });
        Assert.Equal(2, suggestion.Members.Count);
        Assert.Equal(2, suggestion.Uncovered.Count);
        Assert.Equal(suggestion.Uncovered, Assert.Single(suggestion.Notes).Tags);
    }

    [Fact]
    public void Swaps_NeverMakeTheCoverWorse()
    {
        World.Sample(world =>
        {
            var index = PeopleIndex.Build(world.People);
            var greedy = MatchWeights.Default with { SwapPasses = 0 };
            var before = TeamSuggester.Suggest(index, world.Request, greedy);
            var after = TeamSuggester.Suggest(index, world.Request);
            Assert.True(after.CoveredBySuggestions.Count >= before.CoveredBySuggestions.Count);
            Assert.True(TeamSuggester.Evaluate(index, world.Request, after) >= TeamSuggester.Evaluate(index, world.Request, before, greedy));
            Assert.True(after.Members.Count <= before.Members.Count || after.CoveredBySuggestions.Count > before.CoveredBySuggestions.Count);
        });
    }

    [Fact]
    public void EveryCoverableSkill_IsCovered_WhenTheTeamIsNotCapped()
    {
        World.Sample(world =>
        {
            var index = PeopleIndex.Build(world.People);
            var suggestion = TeamSuggester.Suggest(index, world.Request, MatchWeights.Default with { MaxTeam = 100 });
            var team = world.Request.Team.ToHashSet();
            foreach (var skill in suggestion.Uncovered)
            {
                Assert.DoesNotContain(world.People, p => !team.Contains(p.Person) && p.Skills.Any(s => TagKey.Of(s) == TagKey.Of(skill)));
            }

            Assert.Equal(suggestion.Needed.Count, suggestion.CoveredByTeam.Count + suggestion.CoveredBySuggestions.Count + suggestion.Uncovered.Count);
        });
    }

    [Fact]
    public void Reasons_AgreeWithTheScores()
    {
        World.Sample(world =>
        {
            var index = PeopleIndex.Build(world.People);
            var suggestion = TeamSuggester.Suggest(index, world.Request);
            var byId = world.People.GroupBy(p => p.Person).ToDictionary(g => g.Key, g => g.First());
            var projectValues = world.Request.Values.Select(TagKey.Of).ToHashSet();
            var covered = new HashSet<string>();
            foreach (var member in suggestion.Members)
            {
                var person = byId[member.Person];
                Assert.DoesNotContain(member.Person, world.Request.Team);
                var covers = member.Reasons.Single(r => r.Kind == ReasonKind.Covers);
                Assert.Equal(member.Score.Covers, covers.Count);
                Assert.Equal(covers.Count, covers.Tags.Count);
                Assert.True(covers.Count > 0);
                Assert.All(covers.Tags, t => Assert.Contains(person.Skills, s => TagKey.Of(s) == TagKey.Of(t)));
                covered.UnionWith(covers.Tags);
                var sharedValues = person.Values.Select(TagKey.Of).Distinct().Count(projectValues.Contains);
                var shares = member.Reasons.SingleOrDefault(r => r.Kind == ReasonKind.SharesValues);
                Assert.Equal(sharedValues, shares?.Count ?? 0);
                Assert.Equal(sharedValues > 0, member.Score.Values > 0);
                Assert.Equal(person.ActiveProjects, member.Reasons.Single(r => r.Kind == ReasonKind.ActiveProjects).Count);
                Assert.Equal(MatchWeights.Default.Quality(member.Score.Values, member.Score.Relevance, member.Score.Diversity, member.Score.Load), member.Score.Quality, 12);
                Assert.Equal(member.Score.Covers * member.Score.Quality, member.Score.Score, 12);
            }

            Assert.Equal(suggestion.CoveredBySuggestions.ToHashSet(), covered);
            var scores = suggestion.Members.Select(m => m.Score.Score).ToList();
            Assert.Equal(scores.OrderByDescending(s => s), scores);
        });
    }

    [Fact]
    public void TheIndex_FindsTheSameTeam_AsScoringEveryone()
    {
        World.Sample(world =>
        {
            var index = PeopleIndex.Build(world.People);
            var indexed = TeamSuggester.Suggest(index, world.Request);
            var everyone = TeamSuggester.Suggest(index, world.Request, pool: CandidatePool.Everyone);
            Assert.Equal(everyone.Members.Select(m => m.Person), indexed.Members.Select(m => m.Person));
            Assert.Equal(everyone.Uncovered, indexed.Uncovered);
        });
    }

    [Fact]
    public void Collaborators_ShareAValue_BringASkill_AndAreNew()
    {
        Gen.Select(Person.List[1, 60], Gen.Int[0, 5]).Sample((people, worked) =>
        {
            var index = PeopleIndex.Build(people);
            var me = people[0];
            var workedWith = people.Skip(1).Take(worked).Select(p => p.Person).ToList();
            var found = CollaboratorSuggester.Suggest(index, me, workedWith);
            var mine = me.Skills.Select(TagKey.Of).ToHashSet();
            var myValues = me.Values.Select(TagKey.Of).ToHashSet();
            Assert.Equal(found.People.Count == 0, found.Notes.Count > 0);
            foreach (var suggestion in found.People)
            {
                var person = people.First(p => p.Person == suggestion.Person);
                Assert.NotEqual(me.Person, suggestion.Person);
                Assert.DoesNotContain(suggestion.Person, workedWith);
                var shares = suggestion.Reasons.Single(r => r.Kind == ReasonKind.SharesValues);
                Assert.Equal(person.Values.Select(TagKey.Of).Distinct().Count(myValues.Contains), shares.Count);
                Assert.True(shares.Count > 0);
                var brings = suggestion.Reasons.Single(r => r.Kind == ReasonKind.BringsSkills);
                Assert.Equal(person.Skills.Select(TagKey.Of).Distinct().Count(s => !mine.Contains(s)), brings.Count);
                Assert.True(brings.Count > 0);
                Assert.Equal(brings.Count, suggestion.Score.Covers);
            }
        });
    }

    [Fact]
    public void Similarities_AreBetweenZeroAndOne_AndOneForTheSameTags()
    {
        Gen.Int[0, 20].Array[0, 8].Select(a => a.Distinct().Order().ToArray()).Array[2].Sample(pair =>
        {
            var (a, b) = (pair[0], pair[1]);
            var jaccard = Similarity.WeightedJaccard(a, b, t => 1 + (t % 3));
            var cosine = Similarity.TfIdfCosine(a, b, t => 1 + (t % 5));
            Assert.InRange(jaccard, 0, 1);
            Assert.InRange(cosine, 0, 1);
            Assert.Equal(a.Length > 0 ? 1 : 0, Similarity.WeightedJaccard(a, a, _ => 1), 12);
            Assert.Equal(a.Length > 0 ? 1 : 0, Similarity.TfIdfCosine(a, a, t => 1 + t), 12);
            Assert.Equal(a.Intersect(b).Any(), jaccard > 0);
        });
    }

    private sealed class ReasonComparer : IEqualityComparer<Reason>
    {
        public static readonly ReasonComparer Instance = new();

        public bool Equals(Reason? x, Reason? y) => x is not null && y is not null && x.Kind == y.Kind && x.Count == y.Count && x.Tags.SequenceEqual(y.Tags);

        public int GetHashCode(Reason obj) => obj.Kind.GetHashCode();
    }
}
