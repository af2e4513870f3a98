using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Matching;

namespace Mikoshi.Domain.Tests.Matching;

public class ReputationTests
{
    private const long Day = 86_400_000;
    private static readonly HalfLife Half = HalfLife.FromDays(100).Value;

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(50, 750)]
    [InlineData(100, 500)]
    [InlineData(150, 375)]
    [InlineData(200, 250)]
    [InlineData(-5, 1000)]
    public void Faded_HalvesEachHalfLife_AndFallsLinearlyBetween(long age, long expected) =>
        Assert.Equal(expected, Reputation.Faded(1000, age, Half));

    [Theory]
    [InlineData(6L)]
    [InlineData(3651L)]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(null)]
    public void HalfLife_OutsideItsRange_IsRefused(long? days) =>
        Assert.Equal("invalid_half_life", HalfLife.FromDays(days).Error?.Code);

    [Fact]
    public void Faded_NeverGrowsWithAge()
    {
        Gen.Select(Gen.Long[0, 2000], Gen.Long[0, 40_000], Gen.Int[HalfLife.MinDays, HalfLife.MaxDays]).Sample((points, age, days) =>
        {
            var half = HalfLife.FromDays(days).Value;
            Assert.True(Reputation.Faded(points, age + 1, half) <= Reputation.Faded(points, age, half));
            Assert.InRange(Reputation.Faded(points, age, half), 0, points);
        });
    }

    [Fact]
    public void EverySkillsTotal_IsTheSumOfItsParts_AndUnacknowledgedWorkCountsForNothing()
    {
        var evidence = Gen.Select(Gen.Long[1, 1000], Gen.Int[0, 3].Array[0, 3], Gen.Long[0, 2000], Gen.Int[0, 6])
            .Select((n, skills, age, acks) => new ContributionEvidence(n, Domain.Projects.ProjectNumber.Stored(1 + (n % 7)), skills.Select(s => new[] { "video", "Music", "music", "web" }[s]).ToList(), 5000 * Day - (age * Day), acks));
        Gen.Select(evidence.List[0, 30], Gen.Int[HalfLife.MinDays, HalfLife.MaxDays]).Sample((contributions, days) =>
        {
            var report = Reputation.Compute(contributions, HalfLife.FromDays(days).Value, 5000 * Day);
            foreach (var skill in report.Skills)
            {
                Assert.Equal(skill.Parts.Sum(p => p.Points), skill.Points);
                Assert.All(skill.Parts, p => Assert.Equal(Reputation.Faded(p.BasePoints, p.AgeDays, HalfLife.FromDays(days).Value), p.Points));
            }

            Assert.Equal(report.Skills.Count, report.Skills.Select(s => TagKey.Of(s.Skill)).Distinct().Count());
            var counted = report.Skills.SelectMany(s => s.Parts).Concat(report.Unattributed).Select(p => p.Contribution).ToHashSet();
            Assert.Equal(contributions.Where(c => c.Acknowledgements > 0).Select(c => c.Contribution).ToHashSet(), counted);
        });
    }

    [Fact]
    public void Credits_RollLeadsFirst_ThenRolesAlphabetically_EveryoneOnce()
    {
        CreditedPerson Person(string role, int acknowledged, long joined) => new(new PersonId(Guid.NewGuid()), role, role, joined, acknowledged, acknowledged);
        var team = new[] { Person("writer", 1, 3), Person("lead", 0, 1), Person("camera", 2, 2), Person("writer", 3, 4) };
        var roll = Credits.Roll(team, "lead");
        Assert.Equal(["lead", "camera", "writer"], roll.Select(b => b.Role));
        Assert.Equal([3, 1], roll[2].People.Select(p => p.Acknowledged));
        Assert.Equal(team.Length, roll.Sum(b => b.People.Count));
    }

    [Fact]
    public void Map_LinksEveryTwoPeopleOnATeam_CountingSharedProjects()
    {
        var people = Enumerable.Range(0, 5).Select(_ => new PersonId(Guid.NewGuid())).ToArray();
        var map = CoCreation.Map([[people[0], people[1], people[2]], [people[0], people[1]], [people[3]]], 10);
        Assert.Equal(3, map.Edges.Count);
        Assert.Equal(2, map.Edges.Single(e => new[] { e.A, e.B }.ToHashSet().SetEquals([people[0], people[1]])).Projects);
        Assert.Equal(4, map.Nodes.Count);
        Assert.Equal(0, map.Nodes.Single(n => n.Person == people[3]).Partners);
        var small = CoCreation.Map([[people[0], people[1], people[2]]], 2);
        Assert.Equal(1, small.HiddenPeople);
        Assert.Single(small.Edges);
    }
}
