using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Chain;
using Mikoshi.Data;
using Mikoshi.Domain.ChainMode;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Features.Chain;

public sealed record DeploymentView(long ChainId, string Membership, string Claims, string Operator, long DeployedBlock, int TokensQueued);

public sealed record EpochView(string Asset, long Epoch, string Root, string Total, string Funding, string State);

/// <summary>
/// Where a community stands on chain. <see cref="Head"/> and <see cref="Lag"/> are null (and
/// <see cref="ChainProblem"/> says why) when the node cannot be reached.
/// </summary>
public sealed record ChainStatusView(
    long ChainId, string Membership, string Claims, string Operator, long DeployedBlock,
    long IndexedBlock, long? Head, long? Lag, int Confirmations,
    int OutboxPending, int OutboxFailed, IReadOnlyList<EpochView> Epochs, string? ChainProblem);

/// <summary>
/// Puts a community in chain mode: deploys its membership and claims contracts from the operator, stores
/// where they are, and queues a mint for every token already in circulation so the chain holds the whole
/// membership. Also the status read (deployment, indexer cursor, lag).
/// </summary>
public sealed class ChainDeployments(Writer writer, MikoshiDb db, ChainConnection connection)
{
    public async Task<Result<Committed<DeploymentView>>> DeployAsync(Caller admin, CancellationToken cancellationToken = default)
    {
        var community = admin.RequireCommunity();

        // Paying for contracts is not undone: a caller no longer admin is refused before, as well as under the lock after.
        if (!(admin with { Roles = await RoleBook.OfAsync(db, community.Id, admin.Person, cancellationToken) }).May(Access.Admin))
        {
            return CommonErrors.Forbidden;
        }

        if (community.LlcDao)
        {
            // On chain, holders could transfer 社員権 without the executive members' consent the LLC-type DAO mode requires.
            return MembershipErrors.LlcChainMode;
        }

        var client = connection.Client();
        if (!client.IsSuccess)
        {
            return client.Error;
        }

        if (await db.ChainDeployments.AsNoTracking().AnyAsync(d => d.CommunityId == community.Id, cancellationToken))
        {
            return ChainErrors.AlreadyDeployed;
        }

        var chain = client.Value;
        var symbol = new string(community.Slug.Where(char.IsAsciiLetterOrDigit).Take(8).ToArray()).ToUpperInvariant();
        var deployed = await ChainConnection.TryAsync(async () =>
        {
            var chainId = await chain.ChainIdAsync(cancellationToken);
            if (chainId != connection.Settings.ChainId)
            {
                throw new ChainRefusedException($"The node is chain {chainId}, but Mikoshi:ChainId says {connection.Settings.ChainId}.");
            }

            // ERC-2981 royalties go to the operator's address: its gas wallet, outside the books (see decisions).
            return await CommunityContracts.DeployAsync(chain, community.Name, symbol, chain.Operator, community.RoyaltyBps, cancellationToken);
        });
        if (!deployed.IsSuccess)
        {
            return deployed.Error;
        }

        // The contracts exist and were paid for: record them even if the caller has gone, or they would be
        // orphaned and a second deployment paid for.
        var deployment = deployed.Value;
        return await writer.RunAsync(admin, Access.Admin, null, async write =>
        {
            if (await write.Db.ChainDeployments.AnyAsync(d => d.CommunityId == community.Id))
            {
                return ChainErrors.AlreadyDeployed;
            }

            write.Db.ChainDeployments.Add(new ChainDeploymentRow
            {
                CommunityId = community.Id,
                ChainId = deployment.ChainId,
                Membership = ChainAddresses.Text(deployment.Membership),
                Claims = ChainAddresses.Text(deployment.Claims),
                Operator = ChainAddresses.Text(chain.Operator),
                DeployedBlock = deployment.Block,
                DeployedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
                IndexedBlock = deployment.Block - 1,
            });
            await write.AuditAsync("chain.deployed", new
            {
                chainId = deployment.ChainId,
                membership = deployment.Membership.ToString(),
                claims = deployment.Claims.ToString(),
                block = deployment.Block,
                royaltyBps = community.RoyaltyBps.Value,
            });
            var tokens = await write.Db.Tokens.Where(t => t.CommunityId == community.Id && t.BurnedAtUnixMs == null).OrderBy(t => t.Serial).ToListAsync();
            foreach (var token in tokens)
            {
                await ChainOutbox.EnqueueMintAsync(write, community.Id, token.Serial, token.OwnerId!.Value);
            }

            return Result<DeploymentView>.Ok(new DeploymentView(deployment.ChainId, deployment.Membership.ToString(), deployment.Claims.ToString(), chain.Operator.ToString(), deployment.Block, tokens.Count));
        }, CancellationToken.None);
    }

    public async Task<Result<ChainStatusView>> StatusAsync(Community community, CancellationToken cancellationToken = default)
    {
        var row = await db.ChainDeployments.AsNoTracking().FirstOrDefaultAsync(d => d.CommunityId == community.Id, cancellationToken);
        if (row is null)
        {
            return ChainOutbox.NotInChainMode;
        }

        var outbox = await db.ChainOutbox.AsNoTracking().Where(o => o.CommunityId == community.Id && (o.State == ChainOutboxState.Pending || o.State == ChainOutboxState.Failed))
            .GroupBy(o => o.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var epochs = await db.ChainEpochs.AsNoTracking().Where(e => e.CommunityId == community.Id).OrderBy(e => e.Asset).ThenBy(e => e.Epoch)
            .ToListAsync(cancellationToken);
        long? head = null;
        string? problem = null;
        var client = connection.Client();
        if (client.IsSuccess)
        {
            var read = await ChainConnection.TryAsync(() => client.Value.HeadAsync(cancellationToken));
            (head, problem) = read.IsSuccess ? ((long?)read.Value, (string?)null) : ((long?)null, read.Error.Code);
        }
        else
        {
            problem = client.Error.Code;
        }

        // Addresses as EIP-55, like every other address the API writes (the tables keep lower case).
        return new ChainStatusView(row.ChainId, Eip55(row.Membership), Eip55(row.Claims), Eip55(row.Operator), row.DeployedBlock, row.IndexedBlock, head,
            head is { } h ? Math.Max(0, h - row.IndexedBlock) : null, connection.Settings.Confirmations,
            outbox.FirstOrDefault(o => o.Key == ChainOutboxState.Pending)?.Count ?? 0, outbox.FirstOrDefault(o => o.Key == ChainOutboxState.Failed)?.Count ?? 0,
            epochs.Select(e => new EpochView(e.Asset, e.Epoch, e.Root, e.Total, e.Funding, e.State.Word())).ToList(), problem);
    }

    private static string Eip55(string address) => ChainOutbox.Address(address).ToString();

    public static Deployment ToDeployment(ChainDeploymentRow row) =>
        new(row.ChainId, ChainOutbox.Address(row.Membership), ChainOutbox.Address(row.Claims), row.DeployedBlock);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/chain/deployment", async (ChainDeployments deployments, HttpContext http) =>
                Problems.From(await deployments.DeployAsync(http.Caller(), http.RequestAborted), StatusCodes.Status201Created, http))
            .Allow(Access.Admin)
            .WithSummary("Chain mode: deploy the community's membership and claims contracts and queue a mint of every token in circulation.")
            .Produces<DeploymentView>(StatusCodes.Status201Created);
        api.MapGet("/communities/{slug}/chain", async (ChainDeployments deployments, HttpContext http) =>
                Problems.From(await deployments.StatusAsync(http.Caller().RequireCommunity(), http.RequestAborted)))
            .Allow(Access.Anyone)
            .WithSummary("Chain mode: the contracts, the indexer's cursor and lag behind the chain, the outbox, and the claims epochs.")
            .Produces<ChainStatusView>();
    }
}
