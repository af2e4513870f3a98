namespace Mikoshi.Domain.Matching;

/// <summary>
/// Skills across languages: a small curated list of skills, each a set of Japanese and English spellings of the
/// same thing (作曲 = Music composition = 作曲・編曲). Matching and the member directory compare skills by
/// <see cref="Key"/>, so a member who lists "Music composition" is found by 作曲 and a project that needs
/// 映像編集 finds "Video editing". A skill outside the list compares as its own normalized spelling, as before.
/// Extend by adding a line to <see cref="Synonyms"/>: the first spelling names the concept.
/// </summary>
public static class SkillVocabulary
{
    /// <summary>Each concept's spellings; the first one is the concept's name (Japanese, the product's first language).</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Synonyms =
    [
        ["作曲", "作曲・編曲", "作編曲", "編曲", "Music composition", "Composition", "Composing", "Songwriting", "Music", "Arrangement"],
        ["映像編集", "動画編集", "Video editing", "Video editor", "Film editing"],
        ["イラスト", "イラストレーション", "Illustration", "Drawing"],
        ["文章", "ライティング", "執筆", "Writing", "Copywriting"],
        ["Web開発", "ウェブ開発", "Web development", "Web dev", "Frontend development"],
        ["写真", "写真撮影", "撮影", "Photography", "Photo"],
        ["企画", "プランニング", "Planning", "Project planning"],
        ["翻訳", "Translation", "Translating", "Localization"],
        ["デザイン", "Design", "Graphic design", "グラフィックデザイン"],
        ["イベント運営", "Event management", "Event planning", "Events"],
        ["マーケティング", "Marketing"],
        ["3DCG", "3D", "3D modeling", "3Dモデリング"],
        ["アニメーション", "作画", "Animation"],
        ["歌", "ボーカル", "Singing", "Vocals"],
        ["演奏", "Performance", "Musical performance"],
        ["字幕", "字幕制作", "Subtitles", "Subtitling"],
    ];

    private static readonly Dictionary<string, int> ConceptOf = BuildIndex();

    /// <summary>The key a skill compares by: its concept's name when the list knows it, else its normalized spelling.</summary>
    /// <param name="tag">A skill as written.</param>
    public static string Key(string tag)
    {
        var key = TagKey.Of(tag);
        return ConceptOf.TryGetValue(key, out var concept) ? "concept:" + TagKey.Of(Synonyms[concept][0]) : key;
    }

    /// <summary>True when two spellings name the same skill.</summary>
    /// <param name="left">One skill as written.</param>
    /// <param name="right">The other.</param>
    public static bool Same(string left, string right) => Key(left) == Key(right);

    /// <summary>Every spelling of a skill's concept (the skill itself alone when the list does not know it).</summary>
    /// <param name="tag">A skill as written.</param>
    public static IReadOnlyList<string> SpellingsOf(string tag) =>
        ConceptOf.TryGetValue(TagKey.Of(tag), out var concept) ? Synonyms[concept] : [tag.Trim()];

    private static Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var concept = 0; concept < Synonyms.Count; concept++)
        {
            foreach (var spelling in Synonyms[concept])
            {
                if (!index.TryAdd(TagKey.Of(spelling), concept))
                {
                    throw new InvalidOperationException($"The skill vocabulary lists '{spelling}' twice.");
                }
            }
        }

        return index;
    }
}
