using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Identity;
using Mikoshi.Domain.Matching;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Membership;

namespace Mikoshi.Features.People;

public sealed record ProfileRequest(string? DisplayName, string? Bio, IReadOnlyList<string>? Skills, IReadOnlyList<string>? Loves, IReadOnlyList<string>? Values);

public sealed record ProfileView(string PersonId, string DisplayName, string Bio, IReadOnlyList<string> Skills, IReadOnlyList<string> Loves, IReadOnlyList<string> Values);

public sealed record MembershipPeriod(DateTimeOffset From, DateTimeOffset? Until);

/// <summary>A token a person holds: its lineage, and the pending proposal that locks it (its "for" vote), if any.</summary>
// Wire format: the token number stays a plain number.
public sealed record HeldToken(long Id, IReadOnlyList<LineageView> Lineage, long? LockedByProposal = null);

public sealed record PersonPage(ProfileView Profile, IReadOnlyList<string> Roles, IReadOnlyList<HeldToken> Tokens, IReadOnlyList<MembershipPeriod> MembershipPeriods);

public sealed record MemberList(IReadOnlyList<ProfileView> Items, int Total);

/// <summary>
/// People: a profile (skills 得意, loves 好き, values) that outlives any token; the member directory;
/// a person page with their tokens, lineage and every period of membership; the community's skill vocabulary.
/// </summary>
public static class Profiles
{
    public const int MaxTags = TagList.MaxTags;
    public const int MaxTagLength = TagList.MaxTagLength;

    public static ProfileView View(MikoshiUser user) =>
        new(user.PersonId.ToString(), user.DisplayName, user.Bio, user.Skills, user.Loves, user.Values);

    /// <summary>Tags trimmed, de-duplicated ignoring case, in the order given.</summary>
    public static Result<List<string>> Tags(IReadOnlyList<string>? tags, string what) => TagList.Clean(tags, PeopleErrors.InvalidProfile);

    public static async Task<Result<ProfileView>> UpdateAsync(MikoshiDb db, Writer writer, PersonId person, ProfileRequest request)
    {
        string? name = null;
        if (request.DisplayName is not null)
        {
            var checkedName = Domain.Identity.DisplayNameRules.Check(request.DisplayName);
            if (!checkedName.IsSuccess)
            {
                return checkedName.Error;
            }

            name = checkedName.Value;
        }

        if (request.Bio is { Length: > ProfileRules.MaxBioLength })
        {
            return PeopleErrors.InvalidProfile;
        }

        var skills = Tags(request.Skills, "skills");
        var loves = Tags(request.Loves, "loves");
        var values = Tags(request.Values, "values");
        foreach (var tags in new[] { skills, loves, values })
        {
            if (!tags.IsSuccess)
            {
                return tags.Error;
            }
        }

        // A value is one of the person's communities' charter values; anything else they typed is kept as a love (issue #20).
        var placed = InCharter(new ProfileView(string.Empty, string.Empty, string.Empty, [], loves.Value, values.Value), await CharterValuesAsync(db, person));
        var allLoves = Tags(placed.Loves, "loves");
        if (!allLoves.IsSuccess)
        {
            return allLoves.Error;
        }

        var written = await writer.RunAsync(Guid.Empty, person.ToString(), null, async write =>
        {
            var user = await write.Db.Users.SingleAsync(u => u.Id == person.Value);
            user.DisplayName = name ?? user.DisplayName;
            user.Bio = request.Bio?.Trim() ?? user.Bio;
            user.Skills = skills.Value;
            user.Loves = allLoves.Value;
            user.Values = [.. placed.Values];
            await write.AuditAsync("person.profile", new { personId = person.ToString(), user.DisplayName });
            return Result<ProfileView>.Ok(View(user));
        });
        return written.IsSuccess ? written.Value.Value : written.Error;
    }

    /// <summary>The values a person may hold: the charter values of every community where they hold a token or a role.</summary>
    public static async Task<List<string>> CharterValuesAsync(MikoshiDb db, PersonId person)
    {
        var ids = await db.CommunityRoles.AsNoTracking().Where(r => r.PersonId == person).Select(r => r.CommunityId)
            .Concat(db.Tokens.AsNoTracking().Where(t => t.OwnerId == person).Select(t => t.CommunityId)).Distinct().ToListAsync();
        var communities = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync();
        return communities.SelectMany(c => c.Values).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// A profile as a charter reads it: its values are the charter's (in the charter's spelling), and any other value
    /// (typed before values were limited to the charter, or struck from the charter since) is shown among the loves.
    /// </summary>
    public static ProfileView InCharter(ProfileView view, IReadOnlyCollection<string> charter)
    {
        var values = new List<string>();
        var loves = view.Loves.ToList();
        foreach (var value in view.Values)
        {
            if (charter.FirstOrDefault(c => c.Equals(value, StringComparison.OrdinalIgnoreCase)) is { } chartered)
            {
                values.Add(chartered);
            }
            else if (!loves.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                loves.Add(value);
            }
        }

        return view with { Values = values, Loves = loves };
    }

    /// <summary>Members (holding a token now), filtered by skill (any spelling of it, <see cref="SkillVocabulary"/>), value and free text over name, bio, skills and loves.</summary>
    public static async Task<MemberList> MembersAsync(MikoshiDb db, Community community, string? skill, string? value, string? q)
    {
        var holders = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id && t.OwnerId != null)
            .Select(t => t.OwnerId!.Value).Distinct().ToListAsync();
        var ids = holders.Select(h => h.Value).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync();
        bool Has(IEnumerable<string> tags, string? wanted) => wanted is null || tags.Any(t => t.Equals(wanted.Trim(), StringComparison.OrdinalIgnoreCase));
        bool Matches(MikoshiUser u) => q is null || new[] { u.DisplayName, u.Bio }.Concat(u.Skills).Concat(u.Loves)
            .Any(t => t.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase));
        bool HasSkill(IEnumerable<string> tags) => skill is null || tags.Any(t => SkillVocabulary.Same(t, skill));
        var found = users.Where(u => HasSkill(u.Skills) && Matches(u)).Select(u => InCharter(View(u), community.Values))
            .Where(p => Has(p.Values, value)).OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
        return new MemberList(found, users.Count);
    }

    public static async Task<Result<PersonPage>> PageAsync(MikoshiDb db, Community community, string? personId, DateTimeOffset now)
    {
        var person = await PeopleBook.FindAsync(db, personId);
        if (!person.IsSuccess)
        {
            return person.Error;
        }

        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Value.Value);
        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.CommunityId == community.Id && r.PersonId == person.Value)
            .Select(r => r.Role).ToListAsync();
        var tokens = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id && t.OwnerId == person.Value)
            .OrderBy(t => t.Serial).Select(t => t.Serial).ToListAsync();
        var held = new List<HeldToken>();
        foreach (var serial in tokens)
        {
            var view = await ReadTokens.FindAsync(db, community, serial, now);
            held.Add(new HeldToken(serial.Value, view.Value.Lineage, view.Value.LockedByProposal));
        }

        var checkpoints = await db.Checkpoints.AsNoTracking().Where(c => c.CommunityId == community.Id && c.PersonId == person.Value)
            .OrderBy(c => c.Sequence).Select(c => new Checkpoint(c.AtUnixMs, c.Count)).ToListAsync();
        var periods = HoldingsHistory.Periods(checkpoints).Select(p => new MembershipPeriod(
            DateTimeOffset.FromUnixTimeMilliseconds(p.From), p.Until is { } u ? DateTimeOffset.FromUnixTimeMilliseconds(u) : null)).ToList();
        var roleNames = roles.Select(r => r.ToString().ToLowerInvariant()).ToList();
        if (tokens.Count > 0)
        {
            roleNames.Add("member");
        }

        return new PersonPage(InCharter(View(user), community.Values), roleNames.Order(StringComparer.Ordinal).ToList(), held, periods);
    }

    /// <summary>How many tokens a person held at an instant: their voting power then, read in O(log n) from the checkpoint index.</summary>
    public static async Task<long> HeldAtAsync(MikoshiDb db, CommunityId community, PersonId person, DateTimeOffset at)
    {
        var ms = at.ToUnixTimeMilliseconds();
        return await db.Checkpoints.AsNoTracking()
            .Where(c => c.CommunityId == community && c.PersonId == person && c.AtUnixMs <= ms)
            .OrderByDescending(c => c.AtUnixMs).ThenByDescending(c => c.Sequence)
            .Select(c => (long?)c.Count).FirstOrDefaultAsync() ?? 0;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("/me/profile", async (ProfileRequest request, MikoshiDb db, Writer writer, HttpContext http) =>
                Problems.From(await UpdateAsync(db, writer, http.Caller().RequirePerson(), request)))
            .Allow(Access.SignedIn)
            .WithSummary("Your display name, bio, skills (得意), loves (好き) and values.")
            .Produces<ProfileView>();
        api.MapGet("/communities/{slug}/members", async (HttpContext http, MikoshiDb db, string? skill, string? value, string? q) =>
                Results.Ok(await MembersAsync(db, http.Caller().RequireCommunity(), skill, value, q)))
            .Allow(Access.Anyone)
            .WithSummary("Members, filterable by skill, value and free text.")
            .Produces<MemberList>();
        api.MapGet("/communities/{slug}/people/{personId}", async (string personId, HttpContext http, MikoshiDb db, TimeProvider clock) =>
                Problems.From(await PageAsync(db, http.Caller().RequireCommunity(), personId, clock.GetUtcNow())))
            .Allow(Access.Anyone)
            .WithSummary("A person: profile, roles, tokens with lineage, and every period of membership.")
            .Produces<PersonPage>();
        api.MapGet("/communities/{slug}/people/{personId}/holdings", async (string personId, DateTimeOffset? at, HttpContext http, MikoshiDb db, TimeProvider clock) =>
            {
                var community = http.Caller().RequireCommunity();
                var person = await PeopleBook.FindAsync(db, personId);
                if (!person.IsSuccess)
                {
                    return Problems.For(person.Error);
                }

                var instant = at ?? clock.GetUtcNow();
                return Results.Ok(new { personId, at = instant, tokens = await HeldAtAsync(db, community.Id, person.Value, instant) });
            })
            .Allow(Access.Anyone)
            .WithSummary("How many tokens a person held at an instant (?at=ISO-8601; default now): their voting power then.");
        api.MapGet("/communities/{slug}/skills", async (HttpContext http, MikoshiDb db) =>
            {
                var community = http.Caller().RequireCommunity();
                return Results.Ok(new { items = await db.Skills.AsNoTracking().Where(s => s.CommunityId == community.Id).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync() });
            })
            .Allow(Access.Anyone)
            .WithSummary("The community's skill vocabulary.");
        api.MapPost("/communities/{slug}/skills", async (SkillRequest request, Writer writer, HttpContext http) =>
            {
                var caller = http.Caller();
                var community = caller.RequireCommunity();
                var name = Tags(request.Name is null ? [] : [request.Name], "skills");
                if (!name.IsSuccess || name.Value.Count != 1)
                {
                    return Problems.For(name.Error ?? PeopleErrors.InvalidProfile);
                }

                return Problems.From(await writer.RunAsync(caller, Access.Admin, null, async write =>
                {
                    if (await write.Db.Skills.AnyAsync(s => s.CommunityId == community.Id && s.Name == name.Value[0]))
                    {
                        return PeopleErrors.SkillExists;
                    }

                    write.Db.Skills.Add(new SkillRow { CommunityId = community.Id, Name = name.Value[0] });
                    await write.AuditAsync("skill.added", new { name = name.Value[0] });
                    return Result<SkillView>.Ok(new SkillView(name.Value[0]));
                }), StatusCodes.Status201Created, http);
            })
            .Allow(Access.Admin)
            .WithSummary("Add a skill to the community's vocabulary.");
    }
}

public sealed record SkillRequest(string? Name);

/// <summary>A skill added to a community's vocabulary.</summary>
public sealed record SkillView(string Name);
