using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Matching;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Projects;

namespace Mikoshi.Features.Matching;

public sealed record HalfLifeRequest(long? HalfLifeDays);

public sealed record MatchingSettingsView(int HalfLifeDays, int MinDays, int MaxDays);

// Wire format: the project number stays a plain number.
public sealed record ReputationPartView(long Contribution, long Project, string ProjectTitle, string Summary, DateTimeOffset OccurredAt, int Acknowledgements, long AgeDays, long BasePoints, long Points);

public sealed record SkillReputationView(string Skill, long Points, IReadOnlyList<ReputationPartView> Parts);

public sealed record ReputationView(string PersonId, int HalfLifeDays, IReadOnlyList<SkillReputationView> Skills, IReadOnlyList<ReputationPartView> Unattributed);

/// <summary>
/// Reputation per skill from acknowledged contributions, fading with the community's half-life; every total is
/// the exact sum of the parts listed under it ("why do I have this?"). A contribution counts for the project's
/// needed skills that its author lists. An admin sets the half-life.
/// </summary>
public sealed class ReputationBoard(Writer writer)
{
    public static async Task<HalfLife> HalfLifeAsync(MikoshiDb db, CommunityId community)
    {
        var days = await db.MatchingSettings.AsNoTracking().Where(s => s.CommunityId == community).Select(s => (int?)s.HalfLifeDays).FirstOrDefaultAsync();
        return days is { } d && HalfLife.FromDays(d) is { IsSuccess: true } set ? set.Value : HalfLife.Default;
    }

    public static MatchingSettingsView View(HalfLife halfLife) => new(halfLife.Days, HalfLife.MinDays, HalfLife.MaxDays);

    public Task<Result<Committed<MatchingSettingsView>>> SetHalfLifeAsync(Caller admin, HalfLifeRequest request) =>
        writer.RunAsync(admin, Access.Admin, null, async write =>
        {
            var community = admin.RequireCommunity();
            var halfLife = HalfLife.FromDays(request.HalfLifeDays);
            if (!halfLife.IsSuccess)
            {
                return halfLife.Error;
            }

            var row = await write.Db.MatchingSettings.FirstOrDefaultAsync(s => s.CommunityId == community.Id);
            if (row is null)
            {
                write.Db.MatchingSettings.Add(new MatchingSettingsRow { CommunityId = community.Id, HalfLifeDays = halfLife.Value.Days });
            }
            else
            {
                row.HalfLifeDays = halfLife.Value.Days;
            }

            await write.AuditAsync("matching-settings.changed", new { halfLifeDays = halfLife.Value.Days });
            return Result<MatchingSettingsView>.Ok(View(halfLife.Value));
        });

    public static async Task<Result<ReputationView>> ReputationAsync(MikoshiDb db, Community community, string? personId, DateTimeOffset now)
    {
        var person = await PeopleBook.FindAsync(db, personId);
        if (!person.IsSuccess)
        {
            return person.Error;
        }

        var author = person.Value;
        var skills = await db.Users.AsNoTracking().Where(u => u.Id == author.Value).Select(u => u.Skills).SingleAsync();
        var mine = skills.Select(SkillVocabulary.Key).ToHashSet();
        var contributions = await db.Contributions.AsNoTracking().Where(c => c.CommunityId == community.Id && c.AuthorId == author).ToListAsync();
        var numbers = contributions.Select(c => c.Number).ToList();
        var acknowledgements = (await db.Acknowledgements.AsNoTracking()
                .Where(a => a.CommunityId == community.Id && numbers.Contains(a.ContributionNumber)).Select(a => a.ContributionNumber).ToListAsync())
            .GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        var projectNumbers = contributions.Select(c => c.ProjectNumber).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => p.CommunityId == community.Id && projectNumbers.Contains(p.Number))
            .ToDictionaryAsync(p => p.Number, p => new { p.Title, p.NeededSkills });
        var halfLife = await HalfLifeAsync(db, community.Id);
        var evidence = contributions.Select(c => new ContributionEvidence(c.Number, c.ProjectNumber,
            projects.TryGetValue(c.ProjectNumber, out var p) ? p.NeededSkills.Where(s => mine.Contains(SkillVocabulary.Key(s))).ToList() : [],
            c.OccurredAtUnixMs, acknowledgements.GetValueOrDefault(c.Number)));
        var report = Reputation.Compute(evidence, halfLife, now.ToUnixTimeMilliseconds());
        var byNumber = contributions.ToDictionary(c => c.Number);
        ReputationPartView Part(ReputationPart part)
        {
            var c = byNumber[part.Contribution];
            return new ReputationPartView(part.Contribution, part.Project.Value, projects.TryGetValue(part.Project, out var p) ? p.Title : string.Empty, c.Summary,
                ProjectBook.Instant(c.OccurredAtUnixMs), acknowledgements.GetValueOrDefault(c.Number), part.AgeDays, part.BasePoints, part.Points);
        }

        return new ReputationView(author.ToString(), report.HalfLifeDays,
            report.Skills.Select(s => new SkillReputationView(s.Skill, s.Points, s.Parts.Select(Part).ToList())).ToList(),
            report.Unattributed.Select(Part).ToList());
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/people/{personId}/reputation", async (string personId, HttpContext http, MikoshiDb db, TimeProvider clock) =>
                Problems.From(await ReputationAsync(db, http.Caller().RequireCommunity(), personId, clock.GetUtcNow())))
            .Allow(Access.Anyone)
            .WithSummary("A person's reputation per skill from acknowledged contributions, fading with the community's half-life; each total with the contributions it is the exact sum of.")
            .Produces<ReputationView>();
        api.MapGet("/communities/{slug}/matching-settings", async (HttpContext http, MikoshiDb db) =>
                Results.Ok(View(await HalfLifeAsync(db, http.Caller().RequireCommunity().Id))))
            .Allow(Access.Anyone)
            .WithSummary("The reputation half-life in days, and its allowed range.")
            .Produces<MatchingSettingsView>();
        api.MapPut("/communities/{slug}/matching-settings", async (HalfLifeRequest request, ReputationBoard board, HttpContext http) =>
            {
                return Problems.From(await board.SetHalfLifeAsync(http.Caller(), request), StatusCodes.Status200OK, http);
            })
            .Allow(Access.Admin)
            .WithSummary("Set the reputation half-life: {halfLifeDays}, 7 to 3650; outside the range is invalid_half_life and changes nothing.")
            .Produces<MatchingSettingsView>();
    }
}
