using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Chain;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Features.Chain;

/// <summary>What the outbox sent in one pass.</summary>
public sealed record OutboxPass(int Sent, int Failed, int Pending);

/// <summary>
/// The transactions Mikoshi owes the chain. A mint, burn or epoch is written to the outbox in the same
/// database transaction as its cause, so the books never promise a transaction they forgot; it is sent
/// afterwards, in order, and every send first asks the chain whether it already happened, so a crash
/// between sending and recording, or a replica racing another, never mints or publishes twice.
/// </summary>
public sealed class ChainOutbox(IServiceScopeFactory scopes, ChainConnection connection)
{
    public const string Actor = "chain";

    /// <summary>In chain mode the chain decides who owns a token: holders move tokens there, with any wallet or marketplace.</summary>
    public static Error OnChainOwnership { get; } = Error.Of("on_chain_ownership", "This community's tokens live on chain: move them there, with your wallet or any marketplace; Mikoshi follows.");

    /// <summary>In chain mode, queues minting token <paramref name="serial"/> to <paramref name="owner"/>'s address.</summary>
    public static Task EnqueueMintAsync(WriteScope write, CommunityId community, long serial, PersonId owner) =>
        EnqueueAsync(write, community, new ChainOutboxRow { Kind = "mint", Serial = serial, PersonId = owner });

    /// <summary>In chain mode, queues burning token <paramref name="serial"/>.</summary>
    public static Task EnqueueBurnAsync(WriteScope write, CommunityId community, long serial) =>
        EnqueueAsync(write, community, new ChainOutboxRow { Kind = "burn", Serial = serial });

    internal static Task EnqueuePublishAsync(WriteScope write, CommunityId community, string asset, long epoch) =>
        EnqueueAsync(write, community, new ChainOutboxRow { Kind = "publish", Asset = asset, Epoch = epoch });

    /// <summary>Whether <paramref name="community"/> is in chain mode (has contracts).</summary>
    public static async Task<bool> InChainModeAsync(MikoshiDb db, CommunityId community) =>
        await db.ChainDeployments.TrackedOrStoredAsync(d => d.CommunityId == community) is not null;

    private static async Task EnqueueAsync(WriteScope write, CommunityId community, ChainOutboxRow row)
    {
        var db = write.Db;
        if (!await InChainModeAsync(db, community))
        {
            return;
        }

        var last = db.ChainOutbox.Local.Where(o => o.CommunityId == community).Select(o => (long?)o.Number).Max() ?? 0;
        var stored = await db.ChainOutbox.Where(o => o.CommunityId == community).Select(o => (long?)o.Number).MaxAsync() ?? 0;
        row.CommunityId = community;
        row.Number = Math.Max(last, stored) + 1;
        row.CreatedAtUnixMs = write.At.ToUnixTimeMilliseconds();
        db.ChainOutbox.Add(row);
        await write.AuditAsync("chain.queued", new { number = row.Number, kind = row.Kind, serial = row.Serial, asset = row.Asset, epoch = row.Epoch });
    }

    /// <summary>Sends every pending transaction of <paramref name="community"/>, oldest first; stops at the first the chain cannot take now.</summary>
    public async Task<OutboxPass> SendPendingAsync(CommunityId community, CancellationToken cancellationToken = default)
    {
        var chain = connection.Client().Value;
        List<ChainOutboxRow> pending;
        ChainDeploymentRow deploymentRow;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            deploymentRow = await db.ChainDeployments.AsNoTracking().SingleAsync(d => d.CommunityId == community, cancellationToken);
            pending = await db.ChainOutbox.AsNoTracking().Where(o => o.CommunityId == community && o.State == "pending").OrderBy(o => o.Number).ToListAsync(cancellationToken);
        }

        var deployment = ChainDeployments.ToDeployment(deploymentRow);
        int sent = 0, failed = 0;
        foreach (var row in pending)
        {
            string? hash;
            string? failure = null;
            try
            {
                hash = await SendAsync(chain, deployment, community, row, cancellationToken);
            }
            catch (ChainRefusedException e)
            {
                (hash, failure) = (null, e.Message.Length > 500 ? e.Message[..500] : e.Message);
            }

            await using var scope = scopes.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<Writer>();
            await writer.RunAsync(community.Value, Actor, null, StatusCodes.Status200OK, async write =>
            {
                var stored = await write.Db.ChainOutbox.SingleAsync(o => o.CommunityId == community && o.Number == row.Number);
                if (stored.State != "pending")
                {
                    return Result<string>.Ok(stored.State);
                }

                (stored.State, stored.TransactionHash, stored.Failure) = failure is null ? ("sent", hash, (string?)null) : ("failed", (string?)null, failure);
                await write.AuditAsync(failure is null ? "chain.sent" : "chain.failed", new { number = row.Number, kind = row.Kind, transaction = hash, failure });
                return Result<string>.Ok(stored.State);
            }, cancellationToken);
            if (failure is null)
            {
                sent++;
            }
            else
            {
                failed++;
            }
        }

        return new OutboxPass(sent, failed, pending.Count - sent - failed);
    }

    // The transaction's hash, or null when the chain already had what the row asks for.
    private async Task<string?> SendAsync(ChainClient chain, Deployment deployment, CommunityId community, ChainOutboxRow row, CancellationToken cancellationToken)
    {
        switch (row.Kind)
        {
            case "mint":
            {
                if (await CommunityContracts.OwnerOfAsync(chain, deployment, row.Serial!.Value, cancellationToken) is not null)
                {
                    return null;
                }

                await using var scope = scopes.CreateAsyncScope();
                var address = await scope.ServiceProvider.GetRequiredService<ChainAddresses>().ForPersonAsync(row.PersonId!.Value);
                if (!address.IsSuccess)
                {
                    throw new ChainRefusedException($"No address for {row.PersonId}: {address.Error!.Detail}");
                }

                return (await CommunityContracts.MintAsync(chain, deployment, address.Value, row.Serial.Value, cancellationToken)).Hash;
            }

            case "burn":
                return await CommunityContracts.OwnerOfAsync(chain, deployment, row.Serial!.Value, cancellationToken) is null
                    ? null
                    : (await CommunityContracts.BurnAsync(chain, deployment, row.Serial.Value, cancellationToken)).Hash;

            case "publish":
            {
                var asset = ChainClaims.AssetAddress(row.Asset!);
                if (await CommunityContracts.LatestEpochAsync(chain, deployment, asset, cancellationToken) >= row.Epoch!.Value)
                {
                    return null;
                }

                ChainEpochRow epoch;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
                    epoch = await db.ChainEpochs.AsNoTracking().SingleAsync(e => e.CommunityId == community && e.Asset == row.Asset && e.Epoch == row.Epoch, cancellationToken);
                }

                return (await CommunityContracts.PublishAsync(chain, deployment, asset, epoch.Epoch, Convert.FromHexString(epoch.Root.AsSpan(2)),
                    BigInteger.Parse(epoch.Total, CultureInfo.InvariantCulture), BigInteger.Parse(epoch.Funding, CultureInfo.InvariantCulture), cancellationToken)).Hash;
            }

            default:
                throw new InvariantViolatedException($"Unknown outbox kind {row.Kind}.");
        }
    }

    internal static EthAddress Address(string text) => EthAddress.Parse(text).Value;
}
