using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Notifications;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Projects;

namespace Mikoshi.Features.Governance;

/// <summary>
/// A new proposal. <c>payload</c> by kind — fund: <c>{projectId, asset, amount, recoupRateBps}</c>; parameter:
/// <c>{name, value}</c>; charter: <c>{text, values}</c>; signal: nothing. Without <c>opensAt</c> it opens now;
/// without <c>closesAt</c> or <c>graceHours</c> the community's periods for the kind apply.
/// </summary>
public sealed record ProposalRequest(
    string? Kind,
    string? Title,
    string? Body,
    string? Strategy,
    JsonElement? Payload,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    int? GraceHours);

// Wire format (and the stored payload): the rate stays a plain count of basis points.
public sealed record FundPayload(long? ProjectId, string? Asset, string? Amount, int? RecoupRateBps);

public sealed record ParameterPayload(string? Name, JsonElement? Value);

public sealed record CharterPayload(string? Text, IReadOnlyList<string>? Values);

public sealed record TallyView(long For, long Against, long Abstain, long TotalPower, bool QuorumReached, bool Passed)
{
    public static TallyView Of(TallyResult t) => new(t.For, t.Against, t.Abstain, t.TotalPower, t.QuorumReached, t.Passed);
}

/// <summary>The signed-in caller's standing on a proposal: tokens and power at the snapshot, delegation, latest vote.</summary>
public sealed record YourPowerView(long Tokens, long OwnPower, long DelegatedPower, string? DelegatedTo, string? Choice, long? Nonce, long NextNonce, bool CanVote);

public sealed record ExecutionView(string Outcome, DateTimeOffset At, string? FailureCode, string? FailureDetail, long? Entry);

// Wire format: quorum and threshold as plain counts of basis points.
public sealed record ProposalView(
    long Id,
    string Kind,
    string Title,
    string Body,
    JsonElement Payload,
    string Strategy,
    int QuorumBps,
    int ThresholdBps,
    string ProposerId,
    string ProposerName,
    DateTimeOffset CreatedAt,
    DateTimeOffset SnapshotAt,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    DateTimeOffset GraceEndsAt,
    string State,
    DateTimeOffset? NextChangeAt,
    DateTimeOffset Now,
    TallyView Tally,
    int Votes,
    DateTimeOffset? CancelledAt,
    ExecutionView? Execution,
    YourPowerView? You);

public sealed record ProposalPage(IReadOnlyList<ProposalView> Items, string? NextCursor);

/// <summary>
/// Proposals: a member opens one with its rules frozen (strategy, quorum, threshold, window, grace; the
/// snapshot is the instant it opens); anyone reads its state under the clock and its live tally; the proposer
/// may cancel it until it is queued.
/// </summary>
public sealed class Proposals(Writer writer, TimeProvider clock)
{
    public const int MaxTitleLength = Proposal.MaxTitleLength;
    public const int MaxBodyLength = Proposal.MaxBodyLength;

    public Task<Result<Committed<ProposalView>>> CreateAsync(Caller member, ProposalRequest request, IdempotencyKey? idempotency) =>
        writer.RunAsync(member, Access.Member, idempotency, async write =>
        {
            var db = write.Db;
            var community = member.RequireCommunity();
            var proposer = member.RequirePerson();
            var kind = GovernanceRules.Kind(request.Kind);
            var strategy = GovernanceRules.Strategy(request.Strategy);
            if ((kind.Error ?? strategy.Error) is { } invalid)
            {
                return invalid;
            }

            var text = Proposal.CheckText(request.Title, request.Body);
            if (!text.IsSuccess)
            {
                return text.Error;
            }

            var tracked = await db.Communities.SingleAsync(c => c.Id == community.Id);
            var payload = await PayloadAsync(write, tracked, kind.Value, request.Payload);
            if (!payload.IsSuccess)
            {
                return payload.Error;
            }

            var rules = (await GovernanceRules.InForceAsync(db, community.Id))[kind.Value];
            var opensAt = request.OpensAt ?? write.At;
            var closesAt = request.ClosesAt ?? opensAt.AddHours(rules.VotingPeriodHours);
            var grace = request.GraceHours is { } hours ? TimeSpan.FromHours(hours) : TimeSpan.FromHours(rules.GracePeriodHours);
            var number = await ChainHeads.TakeAsync(db, community.Id.Value, "proposals");
            var opened = Proposal.Open(community.Id, number, kind.Value, text.Value.Title, text.Value.Body, payload.Value, GovernanceRules.Name(strategy.Value),
                new ProposalRulesFor(kind.Value, rules.QuorumBps, rules.ThresholdBps), proposer, write.At, opensAt, closesAt, grace);
            if (!opened.IsSuccess)
            {
                return opened.Error;
            }

            var row = opened.Value;
            var title = row.Title;
            db.Proposals.Add(row);
            await write.AuditAsync("proposal.created", new
            {
                proposal = number,
                kind = row.Kind,
                title,
                payload = JsonDocument.Parse(row.PayloadJson).RootElement,
                strategy = row.Strategy,
                quorumBps = row.QuorumBps.Value,
                thresholdBps = row.ThresholdBps.Value,
                opensAt,
                closesAt,
                graceEndsAt = closesAt + grace,
            });
            write.AnnounceToMembers(EventCatalogue.ProposalOpened, new
            {
                proposal = number,
                kind = row.Kind,
                title,
                opensAt,
                closesAt,
            });
            return Result<ProposalView>.Ok(await ViewAsync(db, row, write.At, proposer));
        });

    public Task<Result<Committed<ProposalView>>> CancelAsync(Caller by, long number) =>
        writer.RunAsync(by, Access.SignedIn, null, async write =>
        {
            var community = by.RequireCommunity();
            var caller = by.RequirePerson();
            var row = await write.Db.Proposals.FirstOrDefaultAsync(p => p.CommunityId == community.Id && p.Number == number);
            if (row is null)
            {
                return NotFound(number);
            }

            var cancelled = row.Cancel(caller, write.At, row.HasClosedAt(write.At) ? await TallyAsync(write.Db, row) : null);
            if (!cancelled.IsSuccess)
            {
                return cancelled.Error;
            }
            await write.AuditAsync("proposal.cancelled", new { proposal = number });

            // Members heard it opened: they hear it closed; the tokens its votes for held move again.
            write.AnnounceToMembers(EventCatalogue.ProposalCancelled, new { proposal = number, title = row.Title });
            await GovernanceEvents.AnnounceUnlockedAsync(write, row);
            return Result<ProposalView>.Ok(await ViewAsync(write.Db, row, write.At, caller));
        });

    public static Error NotFound(long number) => GovernanceErrors.ProposalNotFound;

    /// <summary>The payload as canonical JSON, checked against the community as it is now (execution checks again).</summary>
    private static async Task<Result<string>> PayloadAsync(WriteScope write, Community community, ProposalKind kind, JsonElement? payload)
    {
        try
        {
            switch (kind)
            {
                case ProposalKind.Fund:
                    {
                        var fund = payload?.Deserialize<FundPayload>(Writer.Json);
                        if (fund?.ProjectId is not { } project)
                        {
                            return GovernanceErrors.InvalidProposal;
                        }

                        var number = Domain.Projects.ProjectNumber.Of(project);
                        var found = number.IsSuccess ? await ProjectBook.FindAsync(write.Db, community.Id, number.Value) : Result<Domain.Projects.Project>.Fail(number.Error);
                        var asset = community.Accepts(fund.Asset);
                        if ((found.Error ?? asset.Error) is { } invalid)
                        {
                            return invalid;
                        }

                        var amount = Money.Parse(asset.Value, fund.Amount);
                        if (!amount.IsSuccess)
                        {
                            return amount.Error;
                        }

                        if (amount.Value.Units <= Int128.Zero)
                        {
                            return MoneyErrors.InvalidAmount;
                        }

                        var rate = Bps.From(fund.RecoupRateBps ?? 0, GovernanceErrors.RecoupRateOutOfRange);
                        if (!rate.IsSuccess)
                        {
                            return rate.Error;
                        }

                        return JsonSerializer.Serialize(new FundPayload(project, asset.Value.Code, amount.Value.Units.ToString(CultureInfo.InvariantCulture), rate.Value.Value), Writer.Json);
                    }

                case ProposalKind.Parameter:
                    {
                        var parameter = payload?.Deserialize<ParameterPayload>(Writer.Json);
                        var value = ValueText(parameter?.Value);
                        var checkedValue = await GovernanceRules.ApplyAsync(write.Db, community, parameter?.Name, value, dryRun: true);
                        return checkedValue.IsSuccess
                            ? JsonSerializer.Serialize(new { name = parameter!.Name, value = checkedValue.Value }, Writer.Json)
                            : checkedValue.Error;
                    }

                case ProposalKind.Charter:
                    {
                        var charter = payload?.Deserialize<CharterPayload>(Writer.Json);
                        var checkedCharter = Community.CheckCharter(charter?.Text, charter?.Values);
                        return checkedCharter.IsSuccess
                            ? JsonSerializer.Serialize(new { text = checkedCharter.Value.Text, values = checkedCharter.Value.Values }, Writer.Json)
                            : checkedCharter.Error;
                    }

                default:
                    return "{}";
            }
        }
        catch (JsonException)
        {
            return GovernanceErrors.InvalidProposal;
        }
    }

    /// <summary>A parameter value sent as a string, a number or a boolean, as text.</summary>
    private static string? ValueText(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.Value.GetRawText(),
        _ => null,
    };

    /// <summary>The proposal's state now (the final tally read only once the window has closed).</summary>
    /// <summary>The proposal's state now (the final tally read only once the window has closed).</summary>
    public static async Task<ProposalState> StateAsync(MikoshiDb db, Proposal row, DateTimeOffset now) =>
        row.StateAt(now, row.HasClosedAt(now) ? await TallyAsync(db, row) : null);

    /// <summary>The state's API name; a settled proposal says how it settled (failed execution included).</summary>
    public static string StateName(Proposal row, ProposalState state) =>
        row.Outcome is ProposalOutcome.Failed or ProposalOutcome.Defeated ? OutcomeName(row.Outcome.Value) : GovernanceRules.Name(state);

    /// <summary>An outcome's API name: executed, failed, defeated, expired or passed.</summary>
    public static string OutcomeName(ProposalOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static async Task<TallyResult> TallyAsync(MikoshiDb db, Proposal row)
    {
        var snapshot = await SnapshotAsync(db, row);
        var votes = await db.Votes.AsNoTracking().Where(v => v.CommunityId == row.CommunityId && v.ProposalNumber == row.Number).ToListAsync();
        return snapshot.Count(votes, row.QuorumBps, row.ThresholdBps);
    }

    public static Task<Snapshot> SnapshotAsync(MikoshiDb db, Proposal row) =>
        Snapshot.AtAsync(db, row.CommunityId, row.OpensAtUnixMs, GovernanceRules.Strategy(row.Strategy).Value);

    public static DateTimeOffset Instant(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    public static async Task<ProposalView> ViewAsync(MikoshiDb db, Proposal row, DateTimeOffset now, PersonId? caller)
    {
        var snapshot = await SnapshotAsync(db, row);
        var votes = await db.Votes.AsNoTracking().Where(v => v.CommunityId == row.CommunityId && v.ProposalNumber == row.Number).ToListAsync();
        var tally = snapshot.Count(votes, row.QuorumBps, row.ThresholdBps);
        var state = row.StateAt(now, tally);
        var names = await PeopleBook.NamesAsync(db, [row.ProposerId]);
        DateTimeOffset? next = state switch
        {
            ProposalState.Draft => Instant(row.OpensAtUnixMs),
            ProposalState.Active => Instant(row.ClosesAtUnixMs),
            ProposalState.Grace => Instant(row.GraceEndsAtUnixMs),
            _ => null,
        };
        YourPowerView? you = null;
        if (caller is { } person)
        {
            var mine = votes.Where(v => v.PersonId == person).MaxBy(v => v.Nonce);
            var delegatedTo = snapshot.DelegateOf.TryGetValue(person.Value, out var to) ? new PersonId(to).ToString() : null;
            you = new YourPowerView(snapshot.Tokens.GetValueOrDefault(person.Value), snapshot.OwnOf(person.Value), snapshot.DelegatedTo(person.Value),
                delegatedTo, mine?.Choice, mine?.Nonce, (mine?.Nonce ?? 0) + 1, snapshot.CanVote(person.Value) && state == ProposalState.Active);
        }

        var execution = row.Outcome is null || row.SettledAtUnixMs is not { } settled
            ? null
            : new ExecutionView(OutcomeName(row.Outcome.Value), Instant(settled), row.FailureCode, row.FailureDetail, row.ExecutionEntryNumber);
        return new ProposalView(row.Number, row.Kind, row.Title, row.Body, JsonDocument.Parse(row.PayloadJson).RootElement.Clone(), row.Strategy,
            row.QuorumBps.Value, row.ThresholdBps.Value, row.ProposerId.ToString(), names.GetValueOrDefault(row.ProposerId, string.Empty),
            Instant(row.CreatedAtUnixMs), Instant(row.OpensAtUnixMs), Instant(row.OpensAtUnixMs), Instant(row.ClosesAtUnixMs), Instant(row.GraceEndsAtUnixMs),
            StateName(row, state), next, now, TallyView.Of(tally), votes.Count,
            row.CancelledAtUnixMs is { } cancelled ? Instant(cancelled) : null, execution, you);
    }

    public async Task<Result<ProposalView>> ReadAsync(MikoshiDb db, Community community, long number, PersonId? caller)
    {
        var row = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.CommunityId == community.Id && p.Number == number);
        return row is null ? NotFound(number) : await ViewAsync(db, row, clock.GetUtcNow(), caller);
    }

    public async Task<Result<ProposalPage>> ListAsync(MikoshiDb db, Community community, string? cursor, int? limit, PersonId? caller)
    {
        var page = Paging.Read(cursor, limit);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var before = long.MaxValue;
        if (page.Value.After is { } after && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out before))
        {
            return ApiErrors.InvalidCursor;
        }

        var rows = await db.Proposals.AsNoTracking().Where(p => p.CommunityId == community.Id && p.Number < before)
            .OrderByDescending(p => p.Number).Take(page.Value.Limit + 1).ToListAsync();
        var now = clock.GetUtcNow();
        var items = new List<ProposalView>();
        foreach (var row in rows.Take(page.Value.Limit))
        {
            items.Add(await ViewAsync(db, row, now, caller));
        }

        var next = rows.Count > page.Value.Limit ? Paging.Cursor(items[^1].Id.ToString(CultureInfo.InvariantCulture)) : null;
        return new ProposalPage(items, next);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/proposals", (ProposalRequest request, Proposals proposals, HttpContext http) =>
                Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => proposals.CreateAsync(caller, request, key)))
            .Allow(Access.Member)
            .WithSummary("A member opens a proposal: kind (fund, parameter, charter, signal), title, body, payload, strategy, window and grace. Its rules are frozen now; voting power is read at opensAt. Takes an Idempotency-Key.")
            .Produces<ProposalView>(StatusCodes.Status201Created);
        api.MapGet("/communities/{slug}/proposals", async (string? cursor, int? limit, Proposals proposals, MikoshiDb db, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await proposals.ListAsync(db, caller.RequireCommunity(), cursor, limit, caller.Person));
            })
            .Allow(Access.Anyone)
            .WithSummary("Proposals, newest first, each with its state under the clock and live tally.")
            .Produces<ProposalPage>();
        api.MapGet("/communities/{slug}/proposals/{proposalId:long}", async (long proposalId, Proposals proposals, MikoshiDb db, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await proposals.ReadAsync(db, caller.RequireCommunity(), proposalId, caller.Person));
            })
            .Allow(Access.Anyone)
            .WithSummary("A proposal: payload, frozen rules, state, the instant of the next change (countdown), live tally, and — signed in — your power at the snapshot.")
            .Produces<ProposalView>();
        api.MapPost("/communities/{slug}/proposals/{proposalId:long}/cancel", async (long proposalId, Proposals proposals, HttpContext http) =>
            {
                return Problems.From(await proposals.CancelAsync(http.Caller(), proposalId), StatusCodes.Status200OK, http);
            })
            .Allow(Access.SignedIn)
            .WithSummary("The proposer cancels a proposal, until it is queued.")
            .Produces<ProposalView>();
    }
}
