using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Chain;
using Mikoshi.Data;
using Mikoshi.Domain.ChainMode;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Chain;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Membership;
using Mikoshi.Resources;

namespace Mikoshi.Features.Indexing;

/// <summary>What one indexer pass did for one community; <see cref="OutboxProblem"/> is why the outbox stopped early, if it did.</summary>
public sealed record IndexPass(string Community, long IndexedBlock, long Head, int Mirrored, int RolledBack, int Sent, string? OutboxProblem = null);

/// <summary>
/// Mirrors a community's contracts into Mikoshi: ERC-721 transfers become Mikoshi transfers through
/// <see cref="TokenBook"/> (so holder shares settle as they do off chain; an address nobody is linked to
/// becomes an outside holder), a burn pays the redemption that asked for it, published roots mark their
/// epoch, claims move money out of the claims escrow. Only blocks with <see cref="ChainSettings.Confirmations"/> blocks on top are read; each pass
/// is one database write (all of its events, or none), each event is applied once per (block hash, log
/// index), and the cursor is stored with the block's hash. When that hash is no longer the chain's, the
/// chain reorganised: the events past the fork are undone, newest first, and the blocks read again.
/// </summary>
public sealed class ChainIndexer(IServiceScopeFactory scopes, ChainConnection connection, ChainOutbox outbox)
{
    public const string Actor = "chain-indexer";

    /// <summary>At most this many blocks per pass, so one write stays small.</summary>
    public const int MaxBlocksPerPass = 2000;

    /// <summary>One pass over every community in chain mode.</summary>
    public async Task<Result<IReadOnlyList<IndexPass>>> StepAllAsync(CancellationToken cancellationToken = default)
    {
        List<CommunityId> communities;
        await using (var scope = scopes.CreateAsyncScope())
        {
            communities = await scope.ServiceProvider.GetRequiredService<MikoshiDb>().ChainDeployments.AsNoTracking().Select(d => d.CommunityId).ToListAsync(cancellationToken);
        }

        var passes = new List<IndexPass>();
        foreach (var community in communities)
        {
            var pass = await StepAsync(community, cancellationToken);
            if (!pass.IsSuccess)
            {
                return pass.Error;
            }

            passes.Add(pass.Value);
        }

        return passes;
    }

    /// <summary>
    /// One pass for <paramref name="community"/>: send what the outbox holds, repair a reorganisation, mirror
    /// the confirmed blocks since the cursor. A chain that cannot be reached gives <c>chain_unavailable</c>
    /// and leaves the store as it was.
    /// </summary>
    public async Task<Result<IndexPass>> StepAsync(CommunityId community, CancellationToken cancellationToken = default)
    {
        var client = connection.Client();
        if (!client.IsSuccess)
        {
            return client.Error;
        }

        var outcome = await ChainConnection.TryAsync(async () =>
        {
            var chain = client.Value;
            var sending = await outbox.SendPendingAsync(community, cancellationToken);
            var sent = sending.Sent;
            var row = await DeploymentAsync(community, cancellationToken);
            var deployment = ChainDeployments.ToDeployment(row);
            var head = await chain.HeadAsync(cancellationToken);
            var rolledBack = 0;
            var nothing = new IndexPass(community.ToString(), row.IndexedBlock, head, 0, rolledBack, sent, sending.Problem);

            if (row.IndexedBlock >= row.DeployedBlock)
            {
                if (row.IndexedBlock > head)
                {
                    // The node is behind the cursor: a lagging node and a shorter fork look alike. Once the
                    // chain has grown past the cursor, its hash tells which it was.
                    return Result<IndexPass>.Ok(nothing);
                }

                if ((await CanonicalAsync(chain, row.IndexedBlock, cancellationToken)).Hash != row.IndexedBlockHash)
                {
                    var fork = await ForkAsync(chain, row, cancellationToken);
                    rolledBack = await RollBackAsync(community, row.IndexedBlock, fork, cancellationToken);
                    row = await DeploymentAsync(community, cancellationToken);
                    nothing = nothing with { IndexedBlock = row.IndexedBlock, RolledBack = rolledBack };
                }
            }

            var from = row.IndexedBlock + 1;
            var to = Math.Min(head - connection.Settings.Confirmations, from + MaxBlocksPerPass - 1);
            if (to < from)
            {
                return Result<IndexPass>.Ok(nothing);
            }

            // The logs are read between two reads of block `to`, and the cursor is checked again after: if
            // the chain reorganised meanwhile, the logs may belong to neither chain, so this pass mirrors
            // nothing and the next one repairs the fork first.
            var first = await CanonicalAsync(chain, to, cancellationToken);
            var logs = await chain.LogsAsync([deployment.Membership, deployment.Claims], from, to, cancellationToken);
            var last = await CanonicalAsync(chain, to, cancellationToken);
            if (last.Hash != first.Hash || (row.IndexedBlock >= row.DeployedBlock && (await CanonicalAsync(chain, row.IndexedBlock, cancellationToken)).Hash != row.IndexedBlockHash))
            {
                return Result<IndexPass>.Ok(nothing);
            }

            var events = logs.Select(l => ChainEvents.Decode(l, deployment.Membership, deployment.Claims)).OfType<ChainEvent>().ToList();
            var mirrored = await MirrorAsync(community, row.IndexedBlock, last, events, cancellationToken);
            return mirrored.IsSuccess
                ? new IndexPass(community.ToString(), to, head, mirrored.Value, rolledBack, sent, sending.Problem)
                : Result<IndexPass>.Fail(mirrored.Error);
        });
        return outcome.IsSuccess ? outcome.Value : outcome.Error;
    }

    /// <summary>
    /// The chain's block at <paramref name="number"/>, which is at or below the head: a node without it is
    /// lagging (behind a load balancer, say), not telling of a reorganisation.
    /// </summary>
    private static async Task<BlockHeader> CanonicalAsync(ChainClient chain, long number, CancellationToken cancellationToken) =>
        await chain.BlockAsync(number, cancellationToken)
            ?? throw new ChainUnavailableException($"The node has no block {number} although its head is past it; it is lagging.");

    private async Task<ChainDeploymentRow> DeploymentAsync(CommunityId community, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MikoshiDb>().ChainDeployments.AsNoTracking().SingleAsync(d => d.CommunityId == community, cancellationToken);
    }

    // The newest mirrored block the chain still has; before the deployment if none.
    private async Task<long> ForkAsync(ChainClient chain, ChainDeploymentRow row, CancellationToken cancellationToken)
    {
        List<ChainBlockRow> blocks;
        await using (var scope = scopes.CreateAsyncScope())
        {
            blocks = await scope.ServiceProvider.GetRequiredService<MikoshiDb>().ChainBlocks.AsNoTracking()
                .Where(b => b.CommunityId == row.CommunityId && b.Number < row.IndexedBlock).OrderByDescending(b => b.Number).ToListAsync(cancellationToken);
        }

        foreach (var block in blocks)
        {
            if ((await CanonicalAsync(chain, block.Number, cancellationToken)).Hash == block.Hash)
            {
                return block.Number;
            }
        }

        return row.DeployedBlock - 1;
    }

    private async Task<Result<int>> MirrorAsync(CommunityId community, long cursor, BlockHeader last, IReadOnlyList<ChainEvent> events, CancellationToken cancellationToken)
    {
        ChainEvent? disagreeing = null;
        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<Writer>();
        var written = await writer.RunAsync(community.Value, Actor, null, async write =>
        {
            var db = write.Db;
            var deployment = await db.ChainDeployments.SingleAsync(d => d.CommunityId == community);
            if (deployment.IndexedBlock != cursor)
            {
                // Another replica mirrored these blocks first.
                return ChainErrors.AlreadyIndexed;
            }

            var applied = 0;
            foreach (var e in events)
            {
                if (await db.ChainEvents.AnyAsync(r => r.CommunityId == community && r.BlockHash == e.At.BlockHash && r.LogIndex == e.At.LogIndex))
                {
                    continue;
                }

                var effect = await ApplyAsync(write, community, e);
                if (!effect.IsSuccess)
                {
                    disagreeing = e;
                    return effect.Error;
                }

                db.ChainEvents.Add(new ChainEventRow
                {
                    CommunityId = community,
                    BlockHash = e.At.BlockHash,
                    LogIndex = e.At.LogIndex,
                    BlockNumber = e.At.BlockNumber,
                    TransactionHash = e.At.TransactionHash,
                    Kind = effect.Value.Kind,
                    Serial = effect.Value.Serial,
                    Json = JsonSerializer.Serialize(effect.Value, Writer.Json),
                });
                applied++;
            }

            foreach (var (number, hash) in events.Select(e => (e.At.BlockNumber, e.At.BlockHash)).Append((last.Number, last.Hash)).Distinct())
            {
                if (db.ChainBlocks.Local.All(b => b.Number != number || b.CommunityId != community) && !await db.ChainBlocks.AnyAsync(b => b.CommunityId == community && b.Number == number))
                {
                    db.ChainBlocks.Add(new ChainBlockRow { CommunityId = community, Number = number, Hash = hash });
                }
            }

            (deployment.IndexedBlock, deployment.IndexedBlockHash) = (last.Number, last.Hash);
            return Result<int>.Ok(applied);
        }, cancellationToken);
        if (written.IsSuccess)
        {
            return written.Value.Value;
        }

        if (written.Error.Code == ChainErrors.Codes.AlreadyIndexed)
        {
            return 0;
        }

        if (written.Error.Code == ChainErrors.Codes.BooksDisagree && disagreeing is not null)
        {
            // Nothing of the pass was written; the indexer stops at this event until an operator looks.
            await ReportAsync(community, disagreeing, written.Error, cancellationToken);
            return written.Error;
        }

        throw new InvariantViolatedException($"Mirroring failed: {written.Error}");
    }

    // One audit link per disagreeing event, however many passes meet it.
    private async Task ReportAsync(CommunityId community, ChainEvent e, Error error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<Writer>();
        await writer.RunAsync(community.Value, Actor, null, async write =>
        {
            var reported = await write.Db.AuditLog.AsNoTracking()
                .AnyAsync(a => a.Chain == community.Value && a.Kind == "chain.books-disagree" && a.Payload.Contains(e.At.TransactionHash));
            if (!reported)
            {
                await write.AuditAsync("chain.books-disagree", new { block = e.At.BlockNumber, logIndex = e.At.LogIndex, transaction = e.At.TransactionHash, detail = Errors.English(error) });
            }

            return Result<bool>.Ok(!reported);
        }, cancellationToken);
    }

    private sealed record Payout(PersonId Holder, long? Entry, IReadOnlyList<AmountView> Amounts);

    private static async Task<Result<ChainEffect>> ApplyAsync(WriteScope write, CommunityId community, ChainEvent e)
    {
        var db = write.Db;
        switch (e)
        {
            case TokenTransferred t:
                {
                    var serial = (long)t.TokenId;
                    var from = ChainAddresses.Text(t.From);
                    var to = ChainAddresses.Text(t.To);
                    var id = TokenId.Of(serial);
                    var token = id.IsSuccess ? await db.Tokens.Include(x => x.Lineage).FirstOrDefaultAsync(x => x.CommunityId == community && x.Serial == id.Value) : null;
                    var effect = new ChainEffect(t.To == default ? "burn" : t.From == default ? "mint" : "transfer", e.At.TransactionHash, serial, from, to);
                    if (token is null)
                    {
                        return effect; // Not a Mikoshi token number: nothing of ours to mirror.
                    }

                    await ConfirmAsync(db, community, effect.Kind, token.Serial, burnedFrom: t.To == default ? from : null);
                    if (t.To == default)
                    {
                        if (token.BurnedAtUnixMs is null)
                        {
                            var owner = token.OwnerId!.Value;
                            var payout = await PayRedemptionAsync(write, community, token, from, e.At);
                            if (!payout.IsSuccess)
                            {
                                return payout.Error;
                            }

                            await TokenBook.BurnAsync(write, token);
                            effect = effect with
                            {
                                Burned = true,
                                FromPerson = owner.Value,
                                ToPerson = payout.Value?.Holder.Value,
                                Entry = payout.Value?.Entry,
                                Paid = payout.Value?.Amounts,
                            };
                        }

                        return effect;
                    }

                    var (person, _) = await ChainAddresses.PersonOrOutsiderAsync(write, t.To);
                    if (token.BurnedAtUnixMs is not null || token.OwnerId == person)
                    {
                        return effect;
                    }

                    var previous = token.OwnerId!.Value;
                    await TokenBook.MoveAsync(write, token, person, LineageKind.Gifted);
                    await write.AuditAsync("chain.transfer", new { token = serial, from = t.From.ToString(), to = t.To.ToString(), transaction = e.At.TransactionHash, block = e.At.BlockNumber });
                    return effect with { Moved = true, FromPerson = previous.Value, ToPerson = person.Value };
                }

            case RootPublished r:
                {
                    var asset = AssetCode(r.Asset);
                    var epoch = (long)r.Epoch;
                    var row = await db.ChainEpochs.FirstOrDefaultAsync(x => x.CommunityId == community && x.Asset == asset && x.Epoch == epoch);
                    var total = r.Total.ToString(CultureInfo.InvariantCulture);
                    if (row is null || !string.Equals(row.Root, r.Root, StringComparison.OrdinalIgnoreCase) || row.Total != total)
                    {
                        // Claims against a root the books never prepared would pay money the books do not hold.
                        return ChainErrors.BooksDisagree($"Epoch {epoch} of {asset} was published on chain with root {r.Root} and total {total}, but Mikoshi prepared "
                            + (row is null ? "no such epoch." : $"root {row.Root} and total {row.Total}."));
                    }

                    row.State = ChainEpochState.Published;

                    await ConfirmAsync(db, community, "publish", null, epoch);
                    await write.AuditAsync("chain.epoch-published", new { asset, epoch, root = r.Root, total, transaction = e.At.TransactionHash });
                    return new ChainEffect("root-published", e.At.TransactionHash, Asset: asset, Epoch: epoch);
                }

            case ClaimPaid c:
                {
                    var asset = AssetCode(c.Asset);
                    var amount = (Int128)c.Amount;
                    var account = ChainAddresses.Text(c.Account);
                    var entry = JournalEntry.Move("chain-claim", $"claimed on chain by {c.Account} (epoch {c.Epoch})", ChainClaims.Escrow, AccountId.External, Money.Of(Asset.FromKnownCode(asset).Value, amount));
                    var posted = await write.PostAsync(entry.Value, e.At.TransactionHash);
                    if (!posted.IsSuccess)
                    {
                        return ChainErrors.BooksDisagree($"The claims escrow cannot pay a claim the chain paid: {posted.Error}");
                    }

                    return new ChainEffect("claimed", e.At.TransactionHash, Asset: asset, Epoch: (long)c.Epoch, Account: account, Amount: amount.ToString(CultureInfo.InvariantCulture), Entry: posted.Value);
                }

            default:
                throw new InvariantViolatedException($"Unknown event {e.GetType().Name}.");
        }
    }

    // A burn confirms only the redemption asked from the address it burned from: one refused earlier, when
    // the token was elsewhere, stays closed.
    private static async Task ConfirmAsync(MikoshiDb db, CommunityId community, string kind, TokenId? serial, long? epoch = null, string? burnedFrom = null)
    {
        var rows = await db.ChainOutbox.Where(o => o.CommunityId == community && o.Kind == kind && o.Serial == serial && o.Epoch == epoch && o.State != ChainOutboxState.Confirmed).ToListAsync();
        foreach (var row in rows.Where(r => burnedFrom is null || r.Address is null || r.Address == burnedFrom))
        {
            row.State = ChainOutboxState.Confirmed;
        }
    }

    // Sent rows too: their transaction may have been mined only in the blocks the reorganisation dropped.
    private static async Task ReopenAsync(MikoshiDb db, CommunityId community, string kind, TokenId? serial, long? epoch = null)
    {
        var rows = await db.ChainOutbox.Where(o => o.CommunityId == community && o.Kind == kind && o.Serial == serial && o.Epoch == epoch && (o.State == ChainOutboxState.Confirmed || o.State == ChainOutboxState.Sent)).ToListAsync();
        foreach (var row in rows)
        {
            row.State = ChainOutboxState.Pending;
        }
    }

    /// <summary>
    /// The redemption a burn carries out: the holder who asked for it from the address the token burned
    /// from is paid by the same rule as off chain, at the treasury as it is now. A burn nobody asked for
    /// from that address (only the operator burns, so it should not happen) pays nothing and is audited.
    /// </summary>
    private static async Task<Result<Payout?>> PayRedemptionAsync(WriteScope write, CommunityId community, Domain.Membership.Token token, string from, LogPosition at)
    {
        var db = write.Db;
        var intent = await db.ChainOutbox.Where(o => o.CommunityId == community && o.Kind == "burn" && o.Serial == token.Serial && o.PersonId != null && o.Address == from)
            .OrderByDescending(o => o.Number).FirstOrDefaultAsync();
        if (intent is null || intent.PersonId != token.OwnerId)
        {
            await write.AuditAsync("chain.burn-unpaid", new { token = token.Serial, from, transaction = at.TransactionHash, reason = "no_redemption_from_this_address" });
            return Result<Payout?>.Ok(null);
        }

        var holder = intent.PersonId!.Value;
        var preview = await RedeemToken.PreviewAsync(db, await TokenBook.CurrentAsync(db, community), token.Serial);
        if (!preview.IsSuccess)
        {
            // Redemption was turned off while the burn waited: the token is gone on chain either way.
            await write.AuditAsync("chain.burn-unpaid", new { token = token.Serial, from, transaction = at.TransactionHash, reason = preview.Error.Code });
            return Result<Payout?>.Ok(null);
        }

        var entry = await RedeemToken.PayAsync(write, holder, token.Serial, preview.Value);
        if (!entry.IsSuccess)
        {
            return ChainErrors.BooksDisagree($"The treasury cannot pay the redemption of token #{token.Serial}: {entry.Error}");
        }

        return new Payout(holder, entry.Value, preview.Value.Reclaim);
    }

    /// <summary>Undoes every mirrored event after block <paramref name="fork"/>, newest first, and moves the cursor back to it.</summary>
    private async Task<int> RollBackAsync(CommunityId community, long cursor, long fork, CancellationToken cancellationToken)
    {
        string forkHash;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            forkHash = (await db.ChainBlocks.AsNoTracking().FirstOrDefaultAsync(b => b.CommunityId == community && b.Number == fork, cancellationToken))?.Hash ?? string.Empty;
        }

        await using var writeScope = scopes.CreateAsyncScope();
        var writer = writeScope.ServiceProvider.GetRequiredService<Writer>();
        var written = await writer.RunAsync(community.Value, Actor, null, async write =>
        {
            var db = write.Db;
            var deployment = await db.ChainDeployments.SingleAsync(d => d.CommunityId == community);
            if (deployment.IndexedBlock != cursor)
            {
                return ChainErrors.AlreadyIndexed;
            }

            var undone = await db.ChainEvents.Where(r => r.CommunityId == community && r.BlockNumber > fork)
                .OrderByDescending(r => r.BlockNumber).ThenByDescending(r => r.LogIndex).ToListAsync();
            foreach (var row in undone)
            {
                var effect = JsonSerializer.Deserialize<ChainEffect>(row.Json, Writer.Json)!;
                var undoneEffect = await UndoAsync(write, community, effect);
                if (!undoneEffect.IsSuccess)
                {
                    return undoneEffect.Error;
                }

                db.ChainEvents.Remove(row);
            }

            // Anything sent and not yet mirrored may have been mined in the dropped blocks: send it again
            // (each send asks the chain first, so what survived is not sent twice).
            foreach (var sent in await db.ChainOutbox.Where(o => o.CommunityId == community && o.State == ChainOutboxState.Sent).ToListAsync())
            {
                sent.State = ChainOutboxState.Pending;
            }

            db.ChainBlocks.RemoveRange(await db.ChainBlocks.Where(b => b.CommunityId == community && b.Number > fork).ToListAsync());
            await write.AuditAsync("chain.reorganised", new { from = cursor, fork, undone = undone.Count });
            (deployment.IndexedBlock, deployment.IndexedBlockHash) = (fork, forkHash);
            return Result<int>.Ok(undone.Count);
        }, cancellationToken);
        return written.IsSuccess ? written.Value.Value
            : written.Error.Code == ChainErrors.Codes.AlreadyIndexed ? 0
            : throw new InvariantViolatedException($"Rolling back failed: {written.Error}");
    }

    private static async Task<Result<bool>> UndoAsync(WriteScope write, CommunityId community, ChainEffect effect)
    {
        var db = write.Db;
        switch (effect.Kind)
        {
            case "mint" or "burn" or "transfer":
                // A mirrored move of a Mikoshi token carries its number; one of no Mikoshi token changed nothing.
                if (effect.Serial is not { } number || !TokenId.Of(number).IsSuccess)
                {
                    return true;
                }

                var serial = TokenId.Stored(number);
                await ReopenAsync(db, community, effect.Kind, serial);
                if (effect.Moved)
                {
                    var token = await db.Tokens.Include(x => x.Lineage).SingleAsync(x => x.CommunityId == community && x.Serial == serial);
                    if (token.OwnerId == new PersonId(effect.ToPerson!.Value))
                    {
                        await TokenBook.MoveAsync(write, token, new PersonId(effect.FromPerson!.Value), LineageKind.Gifted);
                        await write.AuditAsync("chain.transfer-undone", new { token = effect.Serial, transaction = effect.Transaction });
                    }
                }

                // The burn is gone from the chain: the token is its holder's again and the redemption it
                // paid is reversed; the reopened burn is sent again and pays again when it is mined.
                if (effect.Burned)
                {
                    var burned = await db.Tokens.Include(x => x.Lineage).SingleAsync(x => x.CommunityId == community && x.Serial == serial);
                    if (burned.BurnedAtUnixMs is not null)
                    {
                        await TokenBook.RestoreAsync(write, burned, new PersonId(effect.FromPerson!.Value));
                    }

                    if (effect.Paid is { Count: > 0 } paid && effect.ToPerson is { } holder)
                    {
                        var postings = paid.SelectMany(a =>
                        {
                            var money = Money.Of(Asset.FromKnownCode(a.Asset).Value, Int128.Parse(a.Amount, CultureInfo.InvariantCulture));
                            return new[] { new Posting(AccountId.ForPerson(holder), -money), new Posting(AccountId.Treasury, money) };
                        }).ToList();
                        var entry = JournalEntry.Create("redemption-undone", $"redemption of token #{effect.Serial} undone by a chain reorganisation", postings);
                        var posted = await write.PostAsync(entry.Value, effect.Transaction, TreasuryFlow.OneToken);
                        if (!posted.IsSuccess)
                        {
                            return ChainErrors.BooksDisagree($"The redemption of token #{effect.Serial} cannot be reversed: {posted.Error}");
                        }
                    }

                    await write.AuditAsync("chain.burn-undone", new { token = effect.Serial, transaction = effect.Transaction, entry = effect.Entry });
                }

                return true;

            case "root-published":
                {
                    var row = await db.ChainEpochs.SingleAsync(x => x.CommunityId == community && x.Asset == effect.Asset && x.Epoch == effect.Epoch);
                    row.State = ChainEpochState.Prepared;
                    await ReopenAsync(db, community, "publish", null, effect.Epoch);
                    return true;
                }

            case "claimed":
                {
                    var asset = Asset.FromKnownCode(effect.Asset).Value;
                    var amount = Int128.Parse(effect.Amount!, CultureInfo.InvariantCulture);
                    var entry = JournalEntry.Move("chain-claim-undone", $"claim by {effect.Account} undone by a chain reorganisation", AccountId.External, ChainClaims.Escrow, Money.Of(asset, amount));
                    var posted = await write.PostAsync(entry.Value, effect.Transaction);
                    return posted.IsSuccess ? true : posted.Error;
                }

            default:
                throw new InvariantViolatedException($"Unknown effect {effect.Kind}.");
        }
    }

    private static string AssetCode(Domain.Governance.EthAddress address) =>
        address == CommunityContracts.NativeCoin ? Asset.Eth.Code : address.ToString();
}

/// <summary>
/// Runs the indexer every <c>Mikoshi:Chain:PollSeconds</c> while chain mode is configured. When the chain
/// cannot be reached it logs <c>chain_unavailable</c> and waits longer each time (doubling, up to a minute).
/// </summary>
public sealed class ChainIndexerService(ChainIndexer indexer, ChainSettings settings, ILogger<ChainIndexerService> log) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.IsConfigured)
        {
            return;
        }

        var wait = settings.Poll;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Wait first: the schema may still be migrating when the host starts.
                await Task.Delay(wait, stoppingToken);
                var pass = await indexer.StepAllAsync(stoppingToken);
                if (pass.IsSuccess)
                {
                    foreach (var stalled in pass.Value.Where(p => p.OutboxProblem is not null))
                    {
                        log.LogWarning("Chain outbox of {Community}: {Code}; its pending transactions wait for the next pass.", stalled.Community, stalled.OutboxProblem);
                    }

                    wait = settings.Poll;
                    continue;
                }

                wait = Backoff(wait);
                log.LogWarning("Chain indexer: {Code} ({Detail}); next try in {Seconds} s.", pass.Error.Code, Errors.English(pass.Error), wait.TotalSeconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                wait = Backoff(wait);
                log.LogError(e, "The chain indexer's pass failed; it tries again in {Seconds} s.", wait.TotalSeconds);
            }
        }
    }

    private static TimeSpan Backoff(TimeSpan wait) => wait * 2 > MaxBackoff ? MaxBackoff : wait * 2;
}
