using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Chain;
using Mikoshi.Data;
using Mikoshi.Data.Mapping;
using Mikoshi.Domain.ChainMode;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Features.Chain;

/// <summary>What the outbox sent in one pass; <see cref="Problem"/> is why it stopped early (the chain could not take a row now), if it did.</summary>
public sealed record OutboxPass(int Sent, int Failed, int Pending, string? Problem = null);

/// <summary>
/// The transactions Mikoshi owes the chain. A mint, burn or epoch is written to the outbox in the same
/// database transaction as its cause, so the books never promise a transaction they forgot; it is sent
/// afterwards, in order, and every send first asks the chain whether it already happened. A crash
/// between sending and recording, or a replica racing another, can still send a row twice while the
/// first is unmined; the duplicate then reverts (the token exists, is gone, or the epoch is taken) and
/// changes nothing.
/// </summary>
public sealed class ChainOutbox(IServiceScopeFactory scopes, ChainConnection connection)
{
    public const string Actor = "chain";

    /// <summary>In chain mode the chain decides who owns a token: holders move tokens there, with any wallet or marketplace.</summary>
    public static Error OnChainOwnership { get; } = ChainErrors.OnChainOwnership;

    /// <summary>In chain mode, queues minting token <paramref name="serial"/> to <paramref name="owner"/>'s address.</summary>
    public static Task EnqueueMintAsync(WriteScope write, CommunityId community, TokenId serial, PersonId owner) =>
        EnqueueAsync(write, community, new ChainOutboxRow { Kind = "mint", Serial = serial, PersonId = owner });

    /// <summary>
    /// In chain mode, queues the burn a redemption waits for: token <paramref name="serial"/>, only from
    /// <paramref name="expectedOwner"/>, where <paramref name="holder"/> holds it. The indexer pays the holder
    /// when it mirrors that burn; if the token moved first, the burn reverts and nothing is paid.
    /// </summary>
    public static Task<ChainOutboxRow> EnqueueRedemptionAsync(WriteScope write, CommunityId community, TokenId serial, PersonId holder, EthAddress expectedOwner) =>
        EnqueueAsync(write, community, new ChainOutboxRow { Kind = "burn", Serial = serial, PersonId = holder, Address = ChainAddresses.Text(expectedOwner) });

    /// <summary>The redemption of token <paramref name="serial"/> still waiting for its burn, if any.</summary>
    public static Task<ChainOutboxRow?> PendingRedemptionAsync(MikoshiDb db, CommunityId community, TokenId serial) =>
        db.ChainOutbox.AsNoTracking()
            .Where(o => o.CommunityId == community && o.Kind == "burn" && o.Serial == serial && o.PersonId != null && (o.State == ChainOutboxState.Pending || o.State == ChainOutboxState.Sent))
            .OrderByDescending(o => o.Number).FirstOrDefaultAsync();

    /// <summary>This community has no contracts on chain.</summary>
    public static Error NotInChainMode { get; } = ChainErrors.NotInChainMode;

    internal static Task EnqueuePublishAsync(WriteScope write, CommunityId community, string asset, long epoch) =>
        EnqueueAsync(write, community, new ChainOutboxRow { Kind = "publish", Asset = asset, Epoch = epoch });

    /// <summary>Whether <paramref name="community"/> is in chain mode (has contracts).</summary>
    public static async Task<bool> InChainModeAsync(MikoshiDb db, CommunityId community) =>
        await KeyedRows.DeploymentAsync(db, community) is not null;

    private static async Task<ChainOutboxRow> EnqueueAsync(WriteScope write, CommunityId community, ChainOutboxRow row)
    {
        var db = write.Db;
        if (!await InChainModeAsync(db, community))
        {
            return row;
        }

        row.CommunityId = community;
        row.Number = await ChainHeads.TakeAsync(db, community.Value, "chain-outbox");
        row.CreatedAtUnixMs = write.At.ToUnixTimeMilliseconds();
        db.ChainOutbox.Add(row);
        await write.AuditAsync("chain.queued", new { number = row.Number, kind = row.Kind, serial = row.Serial, asset = row.Asset, epoch = row.Epoch });
        return row;
    }

    /// <summary>
    /// Sends the pending transactions of <paramref name="community"/>, oldest first, and stops at the first
    /// failure: a row the chain refuses is closed as failed (rows after it may depend on it, so they wait for
    /// the next pass); a row the chain cannot take now (unreachable, out of funds, no receipt in time) stays
    /// pending, with every row after it, for the next pass.
    /// </summary>
    public async Task<OutboxPass> SendPendingAsync(CommunityId community, CancellationToken cancellationToken = default)
    {
        var chain = connection.Client().Value;
        List<ChainOutboxRow> pending;
        ChainDeploymentRow deploymentRow;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            deploymentRow = await db.ChainDeployments.AsNoTracking().SingleAsync(d => d.CommunityId == community, cancellationToken);
            pending = await db.ChainOutbox.AsNoTracking().Where(o => o.CommunityId == community && o.State == ChainOutboxState.Pending).OrderBy(o => o.Number).ToListAsync(cancellationToken);
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
                (hash, failure) = (null, e.Message.Length > ColumnWidths.FailureText ? e.Message[..ColumnWidths.FailureText] : e.Message);
            }
            catch (ChainUnavailableException)
            {
                return new OutboxPass(sent, failed, pending.Count - sent - failed, ChainUnavailableException.Code);
            }
            catch (ReceiptTimeoutException)
            {
                return new OutboxPass(sent, failed, pending.Count - sent - failed, ReceiptTimeoutException.Code);
            }

            await using var scope = scopes.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<Writer>();
            await writer.RunAsync(community.Value, Actor, null, async write =>
            {
                var stored = await write.Db.ChainOutbox.SingleAsync(o => o.CommunityId == community && o.Number == row.Number);
                if (stored.State != ChainOutboxState.Pending)
                {
                    return Result<string>.Ok(stored.State.Word());
                }

                // A re-sent row that the chain already had keeps the hash of the transaction that did it.
                (stored.State, stored.TransactionHash, stored.Failure) = failure is null ? (ChainOutboxState.Sent, hash ?? stored.TransactionHash, (string?)null) : (ChainOutboxState.Failed, stored.TransactionHash, failure);
                await write.AuditAsync(failure is null ? "chain.sent" : "chain.failed", new { number = row.Number, kind = row.Kind, transaction = hash, failure });
                return Result<string>.Ok(stored.State.Word());
            }, cancellationToken);
            if (failure is not null)
            {
                failed++;
                break;
            }

            sent++;
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
                    if (await CommunityContracts.OwnerOfAsync(chain, deployment, row.Serial!.Value.Value, cancellationToken) is not null)
                    {
                        return null;
                    }

                    await using var scope = scopes.CreateAsyncScope();
                    var address = await scope.ServiceProvider.GetRequiredService<ChainAddresses>().ForPersonAsync(row.PersonId!.Value);
                    if (!address.IsSuccess)
                    {
                        throw new ChainRefusedException($"No address for {row.PersonId}: {address.Error}");
                    }

                    return (await CommunityContracts.MintAsync(chain, deployment, address.Value, row.Serial.Value.Value, cancellationToken)).Hash;
                }

            case "burn":
                {
                    var owner = await CommunityContracts.OwnerOfAsync(chain, deployment, row.Serial!.Value.Value, cancellationToken);
                    if (owner is null)
                    {
                        return null;
                    }

                    // Checked here to spare a reverting transaction; the contract checks again when it runs,
                    // which is what stops a sale mined between this read and the burn.
                    var expected = row.Address is { } address ? Address(address) : owner.Value;
                    if (owner.Value != expected)
                    {
                        throw new ChainRefusedException($"Token #{row.Serial} is held by {owner.Value}, not by {expected} who asked to redeem it: nothing is burned or paid.");
                    }

                    return (await CommunityContracts.BurnAsync(chain, deployment, row.Serial.Value.Value, expected, cancellationToken)).Hash;
                }

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
