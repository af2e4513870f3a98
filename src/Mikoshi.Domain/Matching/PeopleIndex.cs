using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Matching;

/// <summary>
/// A community's people prepared for matching: every tag interned to an id, each person's skills and
/// values as sorted id arrays, and for each skill and value tag the people who hold it (postings), so a
/// suggestion scores only the people who hold something asked for instead of everyone.
/// </summary>
public sealed class PeopleIndex
{
    private readonly Dictionary<string, int> skillIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> valueIds = new(StringComparer.Ordinal);
    private readonly List<string> skillNames = [];
    private readonly List<string> valueNames = [];
    private readonly Dictionary<PersonId, int> byPerson = [];
    private readonly double[] skillIdf;
    private readonly double[] valueIdf;

    private PeopleIndex(IReadOnlyList<Candidate> people)
    {
        People = people;
        Skills = new int[people.Count][];
        Values = new int[people.Count][];
        var skillPostings = new List<List<int>>();
        var valuePostings = new List<List<int>>();
        for (var p = 0; p < people.Count; p++)
        {
            byPerson[people[p].Person] = p;
            Skills[p] = Intern(people[p].Skills, SkillVocabulary.Key, skillIds, skillNames, skillPostings, p);
            Values[p] = Intern(people[p].Values, TagKey.Of, valueIds, valueNames, valuePostings, p);
        }

        Loads = people.Select(p => p.ActiveProjects).ToArray();
        Ids = people.Select(p => p.Person.Value).ToArray();
        SkillHolders = skillPostings.Select(l => l.ToArray()).ToArray();
        ValueHolders = valuePostings.Select(l => l.ToArray()).ToArray();
        skillIdf = SkillHolders.Select(h => Idf(h.Length)).ToArray();
        valueIdf = ValueHolders.Select(h => Idf(h.Length)).ToArray();
    }

    /// <summary>Everyone indexed, in the order given; a person's position is their index.</summary>
    public IReadOnlyList<Candidate> People { get; }

    /// <summary>Each person's active projects, by position (flat, so scanning many people stays in cache).</summary>
    public int[] Loads { get; }

    /// <summary>Each person's id, by position.</summary>
    public Guid[] Ids { get; }

    /// <summary>Each person's skill ids, sorted ascending.</summary>
    public int[][] Skills { get; }

    /// <summary>Each person's value ids, sorted ascending.</summary>
    public int[][] Values { get; }

    /// <summary>For each skill id, the positions of the people who list it, ascending.</summary>
    public int[][] SkillHolders { get; }

    /// <summary>For each value id, the positions of the people who hold it, ascending.</summary>
    public int[][] ValueHolders { get; }

    /// <summary>Indexes people; a person listed twice keeps their first entry.</summary>
    /// <param name="people">The community's people.</param>
    public static PeopleIndex Build(IEnumerable<Candidate> people)
    {
        var seen = new HashSet<PersonId>();
        return new PeopleIndex(people.Where(p => seen.Add(p.Person)).ToList());
    }

    /// <summary>A person's position, or null when they are not indexed.</summary>
    /// <param name="person">Who.</param>
    public int? PositionOf(PersonId person) => byPerson.TryGetValue(person, out var p) ? p : null;

    /// <summary>A skill tag's id, or null when nobody lists it.</summary>
    /// <param name="tag">The tag as written.</param>
    public int? SkillId(string tag) => skillIds.TryGetValue(SkillVocabulary.Key(tag), out var id) ? id : null;

    /// <summary>A value tag's id, or null when nobody holds it.</summary>
    /// <param name="tag">The tag as written.</param>
    public int? ValueId(string tag) => valueIds.TryGetValue(TagKey.Of(tag), out var id) ? id : null;

    /// <summary>The first spelling seen of a skill.</summary>
    /// <param name="id">A skill id.</param>
    public string SkillName(int id) => skillNames[id];

    /// <summary>The first spelling seen of a value.</summary>
    /// <param name="id">A value id.</param>
    public string ValueName(int id) => valueNames[id];

    /// <summary>A skill's inverse document frequency: 1 + ln(N / holders); rare skills weigh more.</summary>
    /// <param name="id">A skill id.</param>
    public double SkillIdf(int id) => skillIdf[id];

    /// <summary>A value's inverse document frequency, as for skills.</summary>
    /// <param name="id">A value id.</param>
    public double ValueIdf(int id) => valueIdf[id];

    /// <summary>The weight of a tag nobody in the community holds: as rare as a tag can be.</summary>
    public double UnheldIdf => Idf(1);

    private double Idf(int holders) => 1 + Math.Log(Math.Max(1, People.Count) / (double)Math.Max(1, holders));

    private static int[] Intern(IReadOnlyList<string> tags, Func<string, string> keyOf, Dictionary<string, int> ids, List<string> names, List<List<int>> postings, int person)
    {
        var mine = new SortedSet<int>();
        foreach (var tag in tags)
        {
            var key = keyOf(tag);
            if (key.Length == 0)
            {
                continue;
            }

            if (!ids.TryGetValue(key, out var id))
            {
                id = ids.Count;
                ids[key] = id;
                names.Add(tag.Trim());
                postings.Add([]);
            }

            if (mine.Add(id))
            {
                postings[id].Add(person);
            }
        }

        return [.. mine];
    }
}
