using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Notifications;
using Mikoshi.Domain.Projects;
using Mikoshi.Domain.Revenue;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Projects;

namespace Mikoshi.Features.Revenue;

/// <summary>Money a project's work earned: amount in minor units, where it came from, when it arrived.</summary>
public sealed record RevenueRequest(string? Asset, string? Amount, string? Source, DateTimeOffset? OccurredAt);

/// <summary>A treasury grant to a project; the treasury recovers up to the amount at <c>recoupRateBps</c> of each revenue event.</summary>
// Wire format: the rate stays a plain count of basis points; the use case makes it a Bps.
public sealed record GrantRequest(string? Asset, string? Amount, int? RecoupRateBps);

/// <summary>Where some of the revenue went: to an account, with a reason in words.</summary>
public sealed record RevenuePart(string Account, string Kind, string? PersonId, string? DisplayName, AmountView Amount);

// Wire format: the project number stays a plain number.
public sealed record RevenueView(
    long Id,
    long Project,
    AmountView Amount,
    string Source,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    int AgreementVersion,
    long HolderSupply,
    long Entry,
    IReadOnlyList<RevenuePart> Parts);

// Wire format: the rate as a plain count of basis points.
public sealed record FundingView(AmountView Granted, AmountView Outstanding, AmountView Recouped, int RecoupRateBps);

// Wire format: the rate as a plain count of basis points.
// Wire format: the project number stays a plain number.
public sealed record GrantView(long Id, long Project, AmountView Amount, int RecoupRateBps, DateTimeOffset At, long Entry);

// Wire format: the project number stays a plain number.
public sealed record ProjectMoneyView(long Project, IReadOnlyList<AmountView> Reserve, IReadOnlyList<FundingView> Funding, IReadOnlyList<GrantView> Grants, IReadOnlyList<RevenueView> Revenue);

/// <summary>
/// A project's money: treasury grants with recoupment, and revenue run through the waterfall —
/// recoupment → treasury → holders → reserve → contributors by the agreement in force — exact to the
/// unit, in one journal entry, with no per-holder write.
/// </summary>
public sealed class RecordRevenue(Writer writer)
{
    public Task<Result<Committed<GrantView>>> GrantAsync(Caller admin, ProjectNumber project, GrantRequest request) =>
        writer.RunAsync(admin, Access.Admin, null,
            async write => await GrantAsync(write, admin.RequirePerson(), admin.RequireCommunity(), project, request));

    /// <summary>
    /// A grant inside a write someone else runs (an admin's request, or an executed fund proposal). On a
    /// refusal (unknown project, overdraft, …) it has appended nothing to the audit chain.
    /// </summary>
    public static async Task<Result<GrantView>> GrantAsync(WriteScope write, PersonId grantedBy, Community community, ProjectNumber project, GrantRequest request)
    {
        var db = write.Db;
        var found = await OpenProjectAsync(db, community.Id, project);
        var asset = community.Accepts(request.Asset);
        if ((found.Error ?? asset.Error) is { } invalid)
        {
            return invalid;
        }

        var amount = Money.Parse(asset.Value, request.Amount);
        if (!amount.IsSuccess)
        {
            return amount.Error;
        }

        var rate = Bps.From(request.RecoupRateBps ?? 0, RevenueErrors.InvalidRecoupRate);
        if (!rate.IsSuccess)
        {
            return rate.Error;
        }

        var entry = JournalEntry.Move("grant", $"grant to project {project}", AccountId.Treasury, AccountId.ForProject(project), amount.Value);
        var posted = entry.IsSuccess ? await write.PostAsync(entry.Value) : entry.Error;
        if (!posted.IsSuccess)
        {
            return posted.Error;
        }

        // A grant with a recoupment rate sets the rate for everything still to recover.
        var funding = await FundingAsync(db, community.Id, project, asset.Value);
        var granted = funding.Grant(amount.Value, rate.Value);
        if (!granted.IsSuccess)
        {
            return granted.Error;
        }

        var number = await ChainHeads.TakeAsync(db, community.Id.Value, "grants");
        var grant = new GrantRow
        {
            CommunityId = community.Id,
            Number = number,
            ProjectNumber = project,
            Asset = asset.Value.Code,
            Amount = amount.Value.Units,
            RecoupRateBps = rate.Value,
            GrantedById = grantedBy,
            AtUnixMs = write.At.ToUnixTimeMilliseconds(),
            EntryNumber = posted.Value,
        };
        db.Grants.Add(grant);
        await write.AuditAsync("project.granted", new { project, grant = number, asset = grant.Asset, amount = Units(grant.Amount), recoupRateBps = rate.Value.Value });
        return GrantViewOf(grant);
    }

    public async Task<Result<Committed<RevenueView>>> RecordAsync(Caller treasurer, ProjectNumber project, RevenueRequest request, IdempotencyKey? idempotency)
    {
        var community = treasurer.RequireCommunity();
        if (idempotency is null)
        {
            return ApiErrors.IdempotencyKeyRequired;
        }

        var asset = community.Accepts(request.Asset);
        if (!asset.IsSuccess)
        {
            return asset.Error;
        }

        var amount = Money.Parse(asset.Value, request.Amount);
        if (!amount.IsSuccess)
        {
            return amount.Error;
        }

        var source = request.Source?.Trim() ?? string.Empty;
        if (source.Length is 0 or > RevenueRules.MaxSourceLength)
        {
            return RevenueErrors.InvalidSource(RevenueRules.MaxSourceLength);
        }

        return await writer.RunAsync(treasurer, Access.Treasurer, idempotency,
            write => RecordInAsync(write, treasurer.RequirePerson(), community, project, amount.Value, source, request.OccurredAt));
    }

    /// <summary>
    /// Revenue inside a write someone else runs (a treasurer's request, or a paid sale reported by Stripe):
    /// the waterfall, its journal entry and its audit link; refused before anything is posted.
    /// </summary>
    public static async Task<Result<RevenueView>> RecordInAsync(WriteScope write, PersonId recordedBy, Community community, ProjectNumber project, Money amount, string source, DateTimeOffset? occurredAt)
    {
        var db = write.Db;
        var found = await OpenProjectAsync(db, community.Id, project);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var occurred = occurredAt ?? write.At;
        if (occurred > write.At)
        {
            return RevenueErrors.InvalidOccurredAt;
        }

        var agreement = await Agreements.InForceAtAsync(db, community.Id, project, occurred);
        if (agreement is null)
        {
            return RevenueErrors.NoSplitAgreement;
        }

        var funding = await FundingAsync(db, community.Id, project, amount.Asset);
        var supply = await TokenBook.SupplyAsync(db, community.Id);
        var split = agreement.Terms;
        var policy = (await TokenBook.CurrentAsync(db, community.Id)).Revenue;
        var result = Waterfall.Run(amount.Units, funding.Outstanding, funding.RecoupRateBps, policy, split, supply > 0);
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        // The holders' share goes to the tokens in circulation now; it may not be dated back past a change of
        // holdings, or today's holders would be paid for an instant when others held the tokens.
        var parts = result.Value;
        var holdingsChanged = (await TokenBook.CurrentAsync(db, community.Id)).HoldingsChangedAtUnixMs;
        if (parts.Holders > Int128.Zero && occurred.ToUnixTimeMilliseconds() < holdingsChanged)
        {
            return RevenueErrors.RevenueBeforeHoldingsChange;
        }

        Money Of(Int128 units) => Money.Of(amount.Asset, units);
        var postings = new List<Posting>
        {
            new(AccountId.External, Of(-amount.Units)),
            new(AccountId.Treasury, Of(parts.Recouped + parts.Treasury)),
            new(AccountId.HolderPool, Of(parts.Holders)),
            new(AccountId.ForProject(project), Of(parts.Reserve)),
        };
        postings.AddRange(split.Parties.Select((p, i) => new Posting(AccountId.ForPerson(p.Person.Value), Of(parts.Contributors[i]))));
        var posted = await write.PostAsync(JournalEntry.CreateWithoutZeroLegs("revenue", $"revenue of project {project}: {source}", [.. postings]).Value, source);
        if (!posted.IsSuccess)
        {
            return posted.Error;
        }

        if (parts.Holders > Int128.Zero)
        {
            await HolderShares.DistributeAsync(write, community.Id, amount.Asset.Code, parts.Holders, supply);
        }

        // The waterfall took the recoupment the funding allows; the funding records it, and can take no more than is outstanding.
        var recouped = funding.Recoup(amount);
        if (!recouped.IsSuccess || recouped.Value.Units != parts.Recouped)
        {
            throw new InvariantViolatedException("The waterfall recouped another amount than the project's funding allows.");
        }

        var number = await ChainHeads.TakeAsync(db, community.Id.Value, "revenue");
        var row = new RevenueRow
        {
            CommunityId = community.Id,
            Number = number,
            ProjectNumber = project,
            Asset = amount.Asset.Code,
            Amount = amount.Units,
            Source = source,
            OccurredAtUnixMs = occurred.ToUnixTimeMilliseconds(),
            RecordedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
            RecordedById = recordedBy,
            AgreementVersion = agreement.Version,
            Recouped = parts.Recouped,
            Treasury = parts.Treasury,
            Holders = parts.Holders,
            Reserve = parts.Reserve,
            Contributors = parts.Contributors.Aggregate(Int128.Zero, (a, b) => a + b),
            HolderSupply = supply,
            EntryNumber = posted.Value,
        };
        db.Revenue.Add(row);
        await write.AuditAsync("project.revenue", new
        {
            project,
            revenue = number,
            asset = row.Asset,
            amount = Units(row.Amount),
            source,
            occurredAt = occurred,
            agreementVersion = agreement.Version,
            recouped = Units(row.Recouped),
            treasury = Units(row.Treasury),
            holders = Units(row.Holders),
            reserve = Units(row.Reserve),
            contributors = Units(row.Contributors),
            holderSupply = supply,
        });
        var yourParts = split.Parties.Select((p, i) => (p.Person, Part: parts.Contributors[i])).Where(p => p.Part > Int128.Zero).ToList();
        write.AnnounceToMembers(EventCatalogue.RevenueRecorded, new
        {
            project,
            revenue = number,
            asset = row.Asset,
            amount = Units(row.Amount),
            holders = Units(row.Holders),
            holderSupply = supply,
            parts = yourParts.ToDictionary(p => p.Person.ToString(), p => Units(p.Part)),
        });
        write.AnnounceTo(EventCatalogue.EarningsClaimable, new
        {
            project,
            revenue = number,
            asset = row.Asset,
            parts = yourParts.ToDictionary(p => p.Person.ToString(), p => Units(p.Part)),
        }, yourParts.Select(p => p.Person));
        var names = await PeopleBook.NamesAsync(db, split.Parties.Select(p => p.Person));
        return Result<RevenueView>.Ok(View(row, split.Parties.Select((p, i) => (p.Person, parts.Contributors[i])).ToList(), names));
    }

    public static async Task<ProjectMoneyView> MoneyAsync(MikoshiDb db, CommunityId community, ProjectNumber project)
    {
        var account = AccountId.ForProject(project).ToString();
        var reserve = await db.Balances.AsNoTracking()
            .Where(b => b.CommunityId == community && b.Account == account).ToListAsync();
        var funding = await db.Funding.AsNoTracking().Where(f => f.CommunityId == community && f.ProjectNumber == project).ToListAsync();
        var grants = await db.Grants.AsNoTracking().Where(g => g.CommunityId == community && g.ProjectNumber == project)
            .OrderByDescending(g => g.Number).ToListAsync();
        var revenue = await db.Revenue.AsNoTracking().Where(r => r.CommunityId == community && r.ProjectNumber == project)
            .OrderByDescending(r => r.Number).ToListAsync();
        var entries = revenue.Select(r => r.EntryNumber).ToList();
        var legs = (await db.Postings.AsNoTracking()
                .Where(p => p.CommunityId == community && entries.Contains(p.EntryNumber) && p.Account.StartsWith("person:"))
                .ToListAsync())
            .ToLookup(p => p.EntryNumber);

        // Every party of the version each event used, even one whose part rounded to nothing (the journal keeps no zero legs).
        var versions = (await db.Agreements.AsNoTracking().Include(a => a.Parties)
                .Where(a => a.CommunityId == community && a.ProjectNumber == project).ToListAsync())
            .ToDictionary(a => a.Version, a => a.Parties.OrderBy(p => p.Index).Select(p => p.PersonId).ToList());
        var names = await PeopleBook.NamesAsync(db, versions.Values.SelectMany(v => v));
        return new ProjectMoneyView(
            project.Value,
            reserve.OrderBy(b => b.Asset, StringComparer.Ordinal).Select(b => AmountView.Of(b.Asset, b.Units)).ToList(),
            funding.Select(f => new FundingView(AmountView.Of(f.Asset, f.Granted), AmountView.Of(f.Asset, f.Outstanding), AmountView.Of(f.Asset, f.Recouped), f.RecoupRateBps.Value)).ToList(),
            grants.Select(GrantViewOf).ToList(),
            revenue.Select(r =>
            {
                var paid = legs[r.EntryNumber].ToDictionary(p => p.Account, p => p.Units, StringComparer.Ordinal);
                var parties = versions.GetValueOrDefault(r.AgreementVersion) ?? [];
                return View(r, parties.Select(p => (p, paid.GetValueOrDefault(AccountId.ForPerson(p.Value).ToString()))).ToList(), names);
            }).ToList());
    }

    private static RevenueView View(RevenueRow r, List<(PersonId Person, Int128 Units)> contributors, Dictionary<PersonId, string> names)
    {
        var parts = new List<RevenuePart>
        {
            new(AccountId.Treasury.ToString(), "recouped", null, null, AmountView.Of(r.Asset, r.Recouped)),
            new(AccountId.Treasury.ToString(), "treasury", null, null, AmountView.Of(r.Asset, r.Treasury)),
            new(AccountId.HolderPool.ToString(), "holders", null, null, AmountView.Of(r.Asset, r.Holders)),
            new(AccountId.ForProject(r.ProjectNumber).ToString(), "reserve", null, null, AmountView.Of(r.Asset, r.Reserve)),
        };
        parts.AddRange(contributors.Select(c => new RevenuePart(AccountId.ForPerson(c.Person.Value).ToString(), "contributor", c.Person.ToString(),
            names.GetValueOrDefault(c.Person, string.Empty), AmountView.Of(r.Asset, c.Units))));
        return new RevenueView(r.Number, r.ProjectNumber.Value, AmountView.Of(r.Asset, r.Amount), r.Source, ProjectBook.Instant(r.OccurredAtUnixMs),
            ProjectBook.Instant(r.RecordedAtUnixMs), r.AgreementVersion, r.HolderSupply, r.EntryNumber, parts);
    }

    private static GrantView GrantViewOf(GrantRow g) =>
        new(g.Number, g.ProjectNumber.Value, AmountView.Of(g.Asset, g.Amount), g.RecoupRateBps.Value, ProjectBook.Instant(g.AtUnixMs), g.EntryNumber);

    private static string Units(Int128 units) => units.ToString(CultureInfo.InvariantCulture);

    private static async Task<Result<Project>> OpenProjectAsync(MikoshiDb db, CommunityId community, ProjectNumber project)
    {
        var found = await ProjectBook.FindAsync(db, community, project);
        return found.IsSuccess && found.Value.IsArchived
            ? ProjectErrors.ProjectArchived
            : found;
    }

    private static async Task<ProjectFunding> FundingAsync(MikoshiDb db, CommunityId community, ProjectNumber project, Asset asset)
    {
        var funding = await db.Funding.FindAsync(community, project, asset.Code);
        if (funding is null)
        {
            funding = ProjectFunding.Open(community, project, asset);
            db.Funding.Add(funding);
        }

        return funding;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/projects/{projectId:long}/revenue", (long projectId, RevenueRequest request, RecordRevenue revenue, HttpContext http) =>
                ProjectNumber.Of(projectId) is { IsSuccess: true } project
                    ? Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => revenue.RecordAsync(caller, project.Value, request, key))
                    : Task.FromResult(Problems.For(ProjectErrors.ProjectNotFound)))
            .Allow(Access.Treasurer)
            .WithSummary("Record revenue (asset, amount in minor units, source, occurredAt) with a required Idempotency-Key; the response lists where every unit went.")
            .Produces<RevenueView>(StatusCodes.Status201Created);
        api.MapGet("/communities/{slug}/projects/{projectId:long}/revenue", async (long projectId, HttpContext http, MikoshiDb db) =>
            {
                var project = ProjectNumber.Of(projectId);
                if (!project.IsSuccess)
                {
                    return Problems.For(project.Error);
                }

                var community = http.Caller().RequireCommunity();
                var found = await ProjectBook.FindAsync(db, community.Id, project.Value);
                return found.IsSuccess ? Results.Ok(await MoneyAsync(db, community.Id, project.Value)) : Problems.For(found.Error);
            })
            .Allow(Access.Anyone)
            .WithSummary("The project's money: reserve, funding and recoupment, grants, and every revenue event with where its units went.")
            .Produces<ProjectMoneyView>();
        api.MapPost("/communities/{slug}/projects/{projectId:long}/grants", async (long projectId, GrantRequest request, RecordRevenue revenue, HttpContext http) =>
            {
                var project = ProjectNumber.Of(projectId);
                if (!project.IsSuccess)
                {
                    return Problems.For(project.Error);
                }

                var caller = http.Caller();
                return Problems.From(await revenue.GrantAsync(caller, project.Value, request), StatusCodes.Status201Created, http);
            })
            .Allow(Access.Admin)
            .WithSummary("An admin grants treasury money (原資) to a project, optionally recovered from its revenue at a rate in basis points.")
            .Produces<GrantView>(StatusCodes.Status201Created);
    }
}
