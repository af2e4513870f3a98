using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Projects;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Notifications;
using Mikoshi.Features.Revenue;
using Mikoshi.Resources;

namespace Mikoshi.Features.Governance;

/// <summary>What one step of the executor did to one proposal.</summary>
public sealed record Settlement(string Community, long Proposal, string Outcome, string? FailureCode);

/// <summary>
/// Settles proposals whose grace period has ended: executes passed fund, parameter and charter proposals (a
/// signal has nothing to run), records defeats, and records a failed execution with its reason (an overdraft,
/// a parameter now out of range) without moving any money. Each settlement is one write on the community's
/// chain that re-reads the proposal inside the transaction: with the chain's head row locked on PostgreSQL (SQLite
/// has one writer), a proposal settles exactly once however many replicas run the executor.
/// </summary>
public sealed class GovernanceExecutor(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Actor = "governance";

    /// <summary>One pass: settles every proposal due now; returns what this pass settled (another replica may have settled the rest).</summary>
    public async Task<IReadOnlyList<Settlement>> StepAsync(CancellationToken cancellationToken = default)
    {
        List<(CommunityId Community, long Number)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            due = (await db.Proposals.AsNoTracking()
                    .Where(p => p.Outcome == null && p.CancelledAtUnixMs == null && p.GraceEndsAtUnixMs <= now)
                    .OrderBy(p => p.GraceEndsAtUnixMs).Take(100)
                    .Select(p => new { p.CommunityId, p.Number }).ToListAsync(cancellationToken))
                .Select(p => (p.CommunityId, p.Number)).ToList();
        }

        var settled = new List<Settlement>();
        foreach (var (community, number) in due)
        {
            // A fresh scope per proposal: nothing read before the lock can stand in for what is read after it.
            await using var scope = scopes.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<Writer>();
            var written = await writer.RunAsync(community.Value, Actor, null, write => SettleAsync(write, community, number), cancellationToken);
            if (written.IsSuccess)
            {
                settled.Add(written.Value.Value);
            }
        }

        return settled;
    }

    /// <summary>Settles one proposal inside a write someone runs (the executor, or `mikoshi demo` on its own clock).</summary>
    internal static async Task<Result<Settlement>> SettleAsync(WriteScope write, CommunityId communityId, long number)
    {
        var db = write.Db;
        var row = await db.Proposals.SingleAsync(p => p.CommunityId == communityId && p.Number == number);
        if (!row.IsDueAt(write.At))
        {
            return GovernanceErrors.AlreadySettled;
        }

        var community = await db.Communities.SingleAsync(c => c.Id == communityId);
        var tally = await Proposals.TallyAsync(db, row);
        if (!tally.Passed)
        {
            var defeated = row.Defeat(write.At);
            if (!defeated.IsSuccess)
            {
                return defeated.Error;
            }

            await write.AuditAsync("proposal.defeated", new { proposal = number, tally = TallyView.Of(tally) });
            await AnnounceUnlockedAsync(write, row);
            return new Settlement(community.Slug, number, Proposals.OutcomeName(ProposalOutcome.Defeated), null);
        }

        var executed = await ExecuteAsync(write, community, row);
        if (!executed.IsSuccess)
        {
            // Nothing of the attempt is kept (it appended no audit link); only the failure and its reason are.
            write.DiscardChanges();
            row = await db.Proposals.SingleAsync(p => p.CommunityId == communityId && p.Number == number);
            var failed = row.Fail(write.At, executed.Error.Code, Errors.English(executed.Error));
            if (!failed.IsSuccess)
            {
                return failed.Error;
            }

            await write.AuditAsync("proposal.failed", new { proposal = number, code = executed.Error.Code, detail = Errors.English(executed.Error) });
            await AnnounceUnlockedAsync(write, row);
            return new Settlement(community.Slug, number, Proposals.OutcomeName(ProposalOutcome.Failed), row.FailureCode);
        }

        var done = row.Execute(write.At, executed.Value);
        if (!done.IsSuccess)
        {
            return done.Error;
        }

        await write.AuditAsync("proposal.executed", new { proposal = number, kind = row.Kind, entry = executed.Value, tally = TallyView.Of(tally) });
        write.AnnounceToMembers(EventCatalogue.ProposalExecuted, new { proposal = number, kind = row.Kind, title = row.Title });
        await AnnounceUnlockedAsync(write, row);
        return new Settlement(community.Slug, number, Proposals.OutcomeName(ProposalOutcome.Executed), null);
    }

    /// <summary>Those whose vote for held their tokens: the proposal is settled, the tokens move again.</summary>
    private static Task AnnounceUnlockedAsync(WriteScope write, Proposal row) => GovernanceEvents.AnnounceUnlockedAsync(write, row);

    /// <summary>Carries out a passed proposal; the journal entry it posted, if any.</summary>
    private static async Task<Result<long?>> ExecuteAsync(WriteScope write, Community community, Proposal row)
    {
        switch (GovernanceRules.Kind(row.Kind).Value)
        {
            case ProposalKind.Fund:
                {
                    var fund = JsonSerializer.Deserialize<FundPayload>(row.PayloadJson, Writer.Json)!;
                    var funded = ProjectNumber.Of(fund.ProjectId!.Value);
                    var grant = funded.IsSuccess
                        ? await RecordRevenue.GrantAsync(write, row.ProposerId, community, funded.Value, new GrantRequest(fund.Asset, fund.Amount, fund.RecoupRateBps))
                        : Result<GrantView>.Fail(funded.Error);
                    return grant.IsSuccess ? grant.Value.Entry : grant.Error;
                }

            case ProposalKind.Parameter:
                {
                    using var payload = JsonDocument.Parse(row.PayloadJson);
                    var name = payload.RootElement.GetProperty("name").GetString();
                    var value = payload.RootElement.GetProperty("value").GetString();
                    var applied = await GovernanceRules.ApplyAsync(write.Db, community, name, value, dryRun: false);
                    if (!applied.IsSuccess)
                    {
                        return applied.Error;
                    }

                    await write.AuditAsync("parameters.changed", new { proposal = row.Number, name, value });
                    return (long?)null;
                }

            case ProposalKind.Charter:
                {
                    var charter = JsonSerializer.Deserialize<CharterPayload>(row.PayloadJson, Writer.Json)!;
                    var amended = community.AmendCharter(charter.Text, charter.Values);
                    if (!amended.IsSuccess)
                    {
                        return amended.Error;
                    }

                    await write.AuditAsync("charter.amended", new { proposal = row.Number, text = community.CharterText, values = community.Values });
                    return (long?)null;
                }

            default:
                return (long?)null;
        }
    }
}

/// <summary>Runs the executor every few seconds (Mikoshi:Governance:ExecutorPollSeconds, default 5; 0 turns it off).</summary>
public sealed class GovernanceExecutorService(GovernanceExecutor executor, IConfiguration configuration, ILogger<GovernanceExecutorService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue<double?>("Mikoshi:Governance:ExecutorPollSeconds") ?? 5;
        if (seconds <= 0)
        {
            return;
        }

        var every = TimeSpan.FromSeconds(seconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Wait first: the schema may still be migrating when the host starts.
                await Task.Delay(every, stoppingToken);
                foreach (var settled in await executor.StepAsync(stoppingToken))
                {
                    log.LogInformation("Proposal {Proposal} of {Community}: {Outcome} {Code}", settled.Proposal, settled.Community, settled.Outcome, settled.FailureCode);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "The governance executor's pass failed; it tries again in {Seconds} s.", seconds);
            }
        }
    }
}
