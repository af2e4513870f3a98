using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Notifications;
using Mikoshi.Domain.Projects;
using Mikoshi.Domain.Revenue;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Projects;

namespace Mikoshi.Features.Revenue;

/// <summary>A party as proposed: a team member with a weight, or anyone with a fixed share in basis points.</summary>
public sealed record PartyRequest(string? PersonId, long? Weight, int? FixedBps);

/// <summary>
/// A new version of the split. With <c>basis</c> "contributions", team members' weights are their
/// acknowledged contributions (the preview explains them) and only fixed shares are taken from <c>parties</c>.
/// </summary>
public sealed record AgreementRequest(IReadOnlyList<PartyRequest>? Parties, string? Basis);

public sealed record PartyView(string PersonId, string DisplayName, long Weight, int FixedBps, int ShareBps, DateTimeOffset? AcceptedAt);

// Wire format: the project number stays a plain number.
public sealed record AgreementView(
    long Project,
    int Version,
    string State,
    string Basis,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    DateTimeOffset? InForceAt,
    IReadOnlyList<PartyView> Parties);

public sealed record AgreementList(IReadOnlyList<AgreementView> Items);

public sealed record PreviewLine(string PersonId, string DisplayName, long Weight, int ShareBps, IReadOnlyList<long> Contributions, string Reason);

// Wire format: the project number stays a plain number.
public sealed record AgreementPreview(long Project, long AcknowledgedContributions, IReadOnlyList<PreviewLine> Parties);

/// <summary>
/// Split agreements: a lead proposes a version; it comes into force when every named party has
/// accepted; revenue always uses the version that was in force when it arrived.
/// </summary>
public sealed class Agreements(Writer writer)
{
    public static readonly string InForce = SplitAgreement.Word(SplitAgreementState.InForce);

    public Task<Result<Committed<AgreementView>>> ProposeAsync(Caller caller, ProjectNumber project, AgreementRequest request) =>
        writer.RunAsync(caller, Access.SignedIn, null, async write =>
        {
            var community = caller.RequireCommunity();
            var lead = caller.RequirePerson();
            var db = write.Db;
            var found = await ProjectBook.FindAsync(db, community.Id, project);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            if (await ProjectBook.RequireLeadAsync(db, community.Id, project, lead) is { } notLead)
            {
                return notLead;
            }

            if (found.Value.IsArchived)
            {
                return ProjectErrors.ProjectArchived;
            }

            var basis = SplitAgreement.BasisOf(request.Basis);
            if (!basis.IsSuccess)
            {
                return basis.Error;
            }

            var team = await db.TeamMembers.Where(m => m.CommunityId == community.Id && m.ProjectNumber == project).Select(m => m.PersonId).ToListAsync();
            var parties = new List<SplitParty>();
            foreach (var party in request.Parties ?? [])
            {
                var person = await PeopleBook.FindAsync(db, party.PersonId);
                if (!person.IsSuccess)
                {
                    return person.Error;
                }

                var fixedShare = Bps.From(party.FixedBps ?? 0, RevenueErrors.InvalidSplit);
                if (!fixedShare.IsSuccess)
                {
                    return fixedShare.Error;
                }

                var isFixed = fixedShare.Value > Bps.Zero;
                if (basis.Value == SplitBasis.Contributions && !isFixed)
                {
                    continue;
                }

                if (!isFixed && !team.Contains(person.Value))
                {
                    return RevenueErrors.PartyNotOnTeam;
                }

                parties.Add(new SplitParty(person.Value, party.Weight ?? 0, fixedShare.Value));
            }

            if (basis.Value == SplitBasis.Contributions)
            {
                var preview = await PreviewAsync(db, community.Id, project);
                parties.InsertRange(0, preview.Parties.Where(p => p.Weight > 0 && parties.All(f => f.Person.ToString() != p.PersonId))
                    .Select(p => new SplitParty(new PersonId(Guid.Parse(p.PersonId)), p.Weight, Bps.Zero)));
            }

            var terms = SplitTerms.Of(parties);
            if (!terms.IsSuccess)
            {
                return terms.Error;
            }

            var version = checked((int)await ChainHeads.TakeAsync(db, community.Id.Value, $"agreements:{project}"));
            var proposed = SplitAgreement.Propose(community.Id, project, version, basis.Value, parties, lead, write.At);
            if (!proposed.IsSuccess)
            {
                return proposed.Error;
            }

            var agreement = proposed.Value;
            db.Agreements.Add(agreement);
            await write.AuditAsync("agreement.proposed", new
            {
                project,
                version,
                basis = BasisWord(agreement.Basis),
                parties = agreement.PartiesInOrder.Select(p => new { person = p.PersonId.ToString(), p.Weight, FixedBps = p.FixedBps.Value }),
            });
            write.AnnounceTo(EventCatalogue.SplitAwaitingAcceptance, new { project, version },
                agreement.PartiesInOrder.Where(p => p.AcceptedAtUnixMs is null).Select(p => p.PersonId));
            var inForce = await ComeIntoForceIfAcceptedAsync(write, agreement);
            return inForce.IsSuccess ? Result<AgreementView>.Ok((await ViewsAsync(db, [agreement])).Single()) : inForce.Error;
        });

    public Task<Result<Committed<AgreementView>>> AcceptAsync(Caller caller, ProjectNumber project, int version) =>
        writer.RunAsync(caller, Access.SignedIn, null, async write =>
        {
            var community = caller.RequireCommunity();
            var person = caller.RequirePerson();
            var db = write.Db;
            var row = await db.Agreements.Include(a => a.Parties)
                .FirstOrDefaultAsync(a => a.CommunityId == community.Id && a.ProjectNumber == project && a.Version == version);
            if (row is null)
            {
                return RevenueErrors.AgreementNotFound;
            }

            var accepted = row.Accept(person, write.At);
            if (!accepted.IsSuccess)
            {
                return accepted.Error;
            }

            await write.AuditAsync("agreement.accepted", new { project, version, by = person.ToString() });
            var inForce = await ComeIntoForceIfAcceptedAsync(write, row);
            return inForce.IsSuccess ? Result<AgreementView>.Ok((await ViewsAsync(db, [row])).Single()) : inForce.Error;
        });

    /// <summary>The version in force at <paramref name="at"/>, or null when none was.</summary>
    public static async Task<SplitAgreement?> InForceAtAsync(MikoshiDb db, CommunityId community, ProjectNumber project, DateTimeOffset at)
    {
        var instant = at.ToUnixTimeMilliseconds();
        return await db.Agreements.AsNoTracking().Include(a => a.Parties)
            .Where(a => a.CommunityId == community && a.ProjectNumber == project && a.InForceAtUnixMs != null && a.InForceAtUnixMs <= instant)
            .OrderByDescending(a => a.InForceAtUnixMs).ThenByDescending(a => a.Version)
            .FirstOrDefaultAsync();
    }

    /// <summary>Every version of a project's split, newest first.</summary>
    public static async Task<List<AgreementView>> ViewsAsync(MikoshiDb db, CommunityId community, ProjectNumber project) =>
        await ViewsAsync(db, await db.Agreements.AsNoTracking().Include(a => a.Parties)
            .Where(a => a.CommunityId == community && a.ProjectNumber == project)
            .OrderByDescending(a => a.Version).ToListAsync());

    /// <summary>Versions as the API shows them, with each party's share in basis points of the contributors' part.</summary>
    public static async Task<List<AgreementView>> ViewsAsync(MikoshiDb db, IReadOnlyList<SplitAgreement> rows)
    {
        var names = await PeopleBook.NamesAsync(db, rows.SelectMany(r => r.Parties.Select(p => p.PersonId)));
        return rows.Select(r =>
        {
            var parties = r.PartiesInOrder;
            var shares = r.Terms.Split(Domain.Revenue.RevenuePolicy.Whole);
            return new AgreementView(r.ProjectNumber.Value, r.Version, SplitAgreement.Word(r.State), BasisWord(r.Basis), r.ProposedById.ToString(), ProjectBook.Instant(r.ProposedAtUnixMs),
                r.InForceAtUnixMs is { } inForce ? ProjectBook.Instant(inForce) : null,
                parties.Select((p, i) => new PartyView(p.PersonId.ToString(), names.GetValueOrDefault(p.PersonId, string.Empty), p.Weight, p.FixedBps.Value,
                    (int)shares[i], p.AcceptedAtUnixMs is { } accepted ? ProjectBook.Instant(accepted) : null)).ToList());
        }).ToList();
    }

    /// <summary>
    /// Weights from acknowledged contributions: each team member's weight is the number of their
    /// contributions to the project that a team-mate acknowledged, with the reason in words.
    /// </summary>
    public static async Task<AgreementPreview> PreviewAsync(MikoshiDb db, CommunityId community, ProjectNumber project)
    {
        var team = await db.TeamMembers.AsNoTracking().Where(m => m.CommunityId == community && m.ProjectNumber == project)
            .OrderBy(m => m.JoinedAtUnixMs).Select(m => m.PersonId).ToListAsync();
        var acknowledged = await db.Contributions.AsNoTracking()
            .Where(c => c.CommunityId == community && c.ProjectNumber == project
                && db.Acknowledgements.Any(a => a.CommunityId == community && a.ContributionNumber == c.Number))
            .Select(c => new { c.AuthorId, c.Number }).ToListAsync();
        var byAuthor = acknowledged.ToLookup(c => c.AuthorId, c => c.Number);
        var weights = team.Select(p => (long)byAuthor[p].Count()).ToList();
        var total = weights.Sum();
        var shares = total > 0 ? Allocation.Allocate(Domain.Revenue.RevenuePolicy.Whole, weights).Value : new Int128[team.Count];
        var names = await PeopleBook.NamesAsync(db, team);
        var lines = team.Select((person, i) =>
        {
            var numbers = byAuthor[person].Order().ToList();
            var reason = total == 0
                ? "No acknowledged contribution yet."
                : $"{numbers.Count} of {total} acknowledged contributions → {(int)shares[i] / 100m:0.##}%";
            return new PreviewLine(person.ToString(), names.GetValueOrDefault(person, string.Empty), weights[i], (int)shares[i], numbers, reason);
        }).ToList();
        return new AgreementPreview(project.Value, total, lines);
    }

    /// <summary>The word the API shows for a basis: <c>manual</c> or <c>contributions</c>.</summary>
    public static string BasisWord(SplitBasis basis) => basis.ToString().ToLowerInvariant();

    private static async Task<Result<SplitAgreement>> ComeIntoForceIfAcceptedAsync(WriteScope write, SplitAgreement agreement)
    {
        if (!agreement.IsAcceptedByAll)
        {
            return agreement;
        }

        var db = write.Db;
        var earlier = await db.Agreements
            .Where(a => a.CommunityId == agreement.CommunityId && a.ProjectNumber == agreement.ProjectNumber && a.Version != agreement.Version
                && (a.State == SplitAgreementState.InForce || (a.State == SplitAgreementState.Proposed && a.Version < agreement.Version)))
            .ToListAsync();
        var inForce = agreement.ComeIntoForce(earlier, write.At);
        if (!inForce.IsSuccess)
        {
            return inForce.Error;
        }

        await write.AuditAsync("agreement.in-force", new { project = agreement.ProjectNumber, version = agreement.Version });
        write.AnnounceTo(EventCatalogue.SplitInForce, new { project = agreement.ProjectNumber, version = agreement.Version }, agreement.PartiesInOrder.Select(p => p.PersonId));
        return agreement;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/projects/{projectId:long}/agreements", async (long projectId, HttpContext http, MikoshiDb db) =>
                Results.Ok(new AgreementList(ProjectNumber.Of(projectId) is { IsSuccess: true } project
                    ? await ViewsAsync(db, http.Caller().RequireCommunity().Id, project.Value)
                    : [])))
            .Allow(Access.Anyone)
            .WithSummary("Every version of the project's split agreement, newest first: parties, weights or fixed shares, acceptances, and which is in force.")
            .Produces<AgreementList>();
        api.MapGet("/communities/{slug}/projects/{projectId:long}/agreements/preview", async (long projectId, HttpContext http, MikoshiDb db) =>
            {
                var project = ProjectNumber.Of(projectId);
                if (!project.IsSuccess)
                {
                    return Problems.For(project.Error);
                }

                var community = http.Caller().RequireCommunity();
                var found = await ProjectBook.FindAsync(db, community.Id, project.Value);
                return found.IsSuccess ? Results.Ok(await PreviewAsync(db, community.Id, project.Value)) : Problems.For(found.Error);
            })
            .Allow(Access.Anyone)
            .WithSummary("Weights derived from acknowledged contributions, each explained in words.")
            .Produces<AgreementPreview>();
        api.MapPost("/communities/{slug}/projects/{projectId:long}/agreements", async (long projectId, AgreementRequest request, Agreements agreements, HttpContext http) =>
            {
                var project = ProjectNumber.Of(projectId);
                if (!project.IsSuccess)
                {
                    return Problems.For(project.Error);
                }

                var caller = http.Caller();
                return Problems.From(await agreements.ProposeAsync(caller, project.Value, request), StatusCodes.Status201Created, http);
            })
            .Allow(Access.SignedIn)
            .WithSummary("A lead proposes a new version of the split: team members by weight, outside parties by fixed share (basis points). In force once every party accepts.")
            .Produces<AgreementView>(StatusCodes.Status201Created);
        api.MapPost("/communities/{slug}/projects/{projectId:long}/agreements/{version:int}/accept", async (long projectId, int version, Agreements agreements, HttpContext http) =>
            {
                var project = ProjectNumber.Of(projectId);
                if (!project.IsSuccess)
                {
                    return Problems.For(project.Error);
                }

                var caller = http.Caller();
                return Problems.From(await agreements.AcceptAsync(caller, project.Value, version), StatusCodes.Status200OK, http);
            })
            .Allow(Access.SignedIn)
            .WithSummary("A named party accepts a proposed version; the last acceptance puts it in force.")
            .Produces<AgreementView>();
    }
}
