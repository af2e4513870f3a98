using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Matching;

namespace Mikoshi.Domain.Tests.Matching;

public class SkillVocabularyTests
{
    [Theory]
    [InlineData("作曲", "Music composition")]
    [InlineData("作曲・編曲", "music COMPOSITION")]
    [InlineData("作曲", "Music")]
    [InlineData("映像編集", "Video editing")]
    [InlineData(" 動画編集 ", "video Editing")]
    [InlineData("３ＤＣＧ", "3D modeling")]
    public void Spellings_OfOneSkill_CompareEqual(string left, string right) => Assert.True(SkillVocabulary.Same(left, right));

    [Theory]
    [InlineData("作曲", "映像編集")]
    [InlineData("taiko", "太鼓")]
    [InlineData("Music composition", "cooking")]
    public void DifferentSkills_AndSkillsTheListDoesNotKnow_StayApart(string left, string right) => Assert.False(SkillVocabulary.Same(left, right));

    [Fact]
    public void EverySpelling_NamesOneConceptOnly()
    {
        var keys = SkillVocabulary.Synonyms.SelectMany(s => s).Select(TagKey.Of).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("Music composition", SkillVocabulary.SpellingsOf("作曲"));
        Assert.Equal(["taiko"], SkillVocabulary.SpellingsOf(" taiko "));
    }

    [Fact]
    public void Matching_FindsAPersonWhoWritesTheSkillInTheOtherLanguage()
    {
        var composer = new Candidate(new PersonId(Guid.NewGuid()), ["Music composition"], ["joy"], 0);
        var editor = new Candidate(new PersonId(Guid.NewGuid()), ["Video editing"], ["joy"], 0);
        var cook = new Candidate(new PersonId(Guid.NewGuid()), ["cooking"], ["joy"], 0);
        var index = PeopleIndex.Build([composer, editor, cook]);

        var team = TeamSuggester.Suggest(index, new TeamRequest(["作曲", "映像編集"], ["joy"], []));

        Assert.Equal(new[] { composer.Person, editor.Person }.OrderBy(p => p.Value), team.Members.Select(m => m.Person).OrderBy(p => p.Value));
        Assert.Empty(team.Uncovered);
        Assert.Equal(["作曲", "映像編集"], team.CoveredBySuggestions);
    }
}
