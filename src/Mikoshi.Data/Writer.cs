using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Domain;
using Mikoshi.Domain.Audit;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;

namespace Mikoshi.Data;

/// <summary>An idempotency key and what the request asked for, as the endpoint read it.</summary>
/// <param name="Key">The client's Idempotency-Key.</param>
/// <param name="Request">A canonical form of the request (route and body) to tell a retry from a different request.</param>
public sealed record IdempotencyKey(string Key, string Request)
{
    public const int MaxKeyLength = 200;

    public string RequestHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Request)));
}

/// <summary>
/// A write that committed: the use case's own result, and whether this answer is the replay of an earlier request
/// with the same idempotency key (then <see cref="Value"/> is that request's result, read back as it was stored).
/// </summary>
public sealed record Committed<T>(T Value, bool Replayed);

/// <summary>
/// Runs one write to one audit chain (a community's, or the instance's own) as a single database
/// transaction: writers of the same chain take turns, an idempotency key is checked and recorded
/// inside the same transaction as the effect, and on any failure nothing at all is written.
/// </summary>
public sealed class Writer(MikoshiDb db, TimeProvider clock, HeadVersionFeed? feed = null)
{
    /// <summary>The head the last tracked write saved, told to the <see cref="HeadVersionFeed"/> once it commits.</summary>
    private (Guid Chain, long Version)? saved;

    /// <summary>
    /// JSON as the API writes it: camelCase, and Japanese kept readable rather than \u-escaped
    /// (HTML-sensitive characters are still escaped).
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>
    /// Runs <paramref name="work"/> as one write to the caller's community, by the caller, once the caller is seen —
    /// under the lock, with their roles read again — to still have <paramref name="access"/>. A retry of a request
    /// that already committed gets its answer back first, whatever the caller's roles are now.
    /// </summary>
    public Task<Result<Committed<T>>> RunAsync<T>(
        Caller caller,
        Access access,
        IdempotencyKey? idempotency,
        Func<WriteScope, Task<Result<T>>> work,
        CancellationToken cancellationToken = default) =>
        RunAsync(caller.RequireCommunity().Id.Value, caller.Actor, idempotency, async write =>
        {
            var admitted = await write.RequireAsync(caller, access);
            return admitted.IsSuccess ? await work(write) : admitted.Error;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> as one write to <paramref name="chain"/> and answers with its result. A retry with
    /// the same idempotency key and request gets the first result back (<see cref="Committed{T}.Replayed"/>), read
    /// from what the first write stored in the same transaction as its effect.
    /// </summary>
    public Task<Result<Committed<T>>> RunAsync<T>(
        Guid chain,
        string actor,
        IdempotencyKey? idempotency,
        Func<WriteScope, Task<Result<T>>> work,
        CancellationToken cancellationToken = default) =>
        InTransactionAsync(() => WriteAsync(chain, actor, idempotency, work, cancellationToken), cancellationToken);

    /// <summary>
    /// Posts one journal entry as one write to the caller's community, by the caller, once the caller is seen — under
    /// the lock, with their roles read again — to still have <paramref name="access"/>; answers with
    /// <paramref name="answer"/> of the entry's number. The lean write (<see cref="JournalPost"/>): the same rows, the
    /// same rules and the same idempotency as <see cref="WriteScope.PostAsync"/> inside <see cref="RunAsync{T}(Caller, Access, IdempotencyKey?, Func{WriteScope, Task{Result{T}}}, CancellationToken)"/>,
    /// in two batches of statements instead of EF's queries and change tracker. For a write whose whole effect is the entry.
    /// </summary>
    public Task<Result<Committed<T>>> PostAsync<T>(
        Caller caller,
        Access access,
        IdempotencyKey? idempotency,
        JournalEntry entry,
        string reference,
        Func<long, T> answer,
        CancellationToken cancellationToken = default) =>
        PostAsync(new JournalPost.Request(caller, access, idempotency, entry, reference, clock.GetUtcNow()), answer, cancellationToken);

    /// <summary>
    /// A lean write joins its chain's group (<see cref="ChainGroups"/>), on either store. Inside another write on SQLite
    /// (the file's turn already held) there is no group to join: it is refused, as a second transaction on the context.
    /// </summary>
    private Task<Result<Committed<T>>> PostAsync<T>(JournalPost.Request request, Func<long, T> answer, CancellationToken cancellationToken) =>
        db.IsPostgres || SqliteGroupCommit.For(db) is not null
            ? ChainGroups.RunAsync(db, request, answer, feed)
            : InTransactionAsync(() => JournalPost.RunAsync(db, request, answer, feed, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction of its own, committed if it succeeded and is not a replay; on
    /// SQLite as one member of the file's group commit instead (writes to one file take turns in the process, and those
    /// that arrive while one runs share its commit).
    /// </summary>
    private async Task<Result<Committed<T>>> InTransactionAsync<T>(Func<Task<Result<Committed<T>>>> write, CancellationToken cancellationToken)
    {
        var group = SqliteGroupCommit.For(db);
        if (group is not null)
        {
            return await group.RunAsync(db, write, outcome => outcome.IsSuccess);
        }

        saved = null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await write();
        if (outcome is { IsSuccess: true, Value.Replayed: false })
        {
            await transaction.CommitAsync(cancellationToken);

            // A read in this process after this write answers at its version at once, not when the notification arrives.
            if (saved is { } head)
            {
                feed?.Committed(head.Chain, head.Version);
            }
        }

        return outcome;
    }

    /// <summary>
    /// The write itself, inside a transaction (or a group's savepoint) that the caller commits: the head locked, the
    /// idempotency key checked, the work, the key stored with the result, the head brought up to date. On a failure
    /// nothing it did is left tracked, and the caller rolls back.
    /// </summary>
    private async Task<Result<Committed<T>>> WriteAsync<T>(
        Guid chain,
        string actor,
        IdempotencyKey? idempotency,
        Func<WriteScope, Task<Result<T>>> work,
        CancellationToken cancellationToken)
    {
        // Changes are detected when the write saves, not at every look at what the context tracks (MikoshiDb.SaveChangesAsync).
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // One writer per chain at a time, across every server replica: the chain's head row, locked first — on
            // PostgreSQL in the same round trip as the look-up of the idempotency key.
            // Keys belong to the caller, whatever chain the request writes to (a new community's
            // chain is new on every attempt); the request fingerprint includes the route.
            var scope = actor;
            var (head, earlier) = await ChainHeads.LockAsync(db, chain, idempotency is null ? null : (scope, idempotency.Key), cancellationToken);
            if (idempotency is not null && earlier is { } stored)
            {
                return Replay<T>(stored, idempotency);
            }

            var write = new WriteScope(db, chain, head, actor, clock.GetUtcNow());
            var outcome = await work(write);
            if (!outcome.IsSuccess)
            {
                db.ChangeTracker.Clear();
                return outcome.Error;
            }

            if (idempotency is not null)
            {
                db.IdempotencyKeys.Add(new IdempotencyRow
                {
                    Scope = scope,
                    Key = idempotency.Key,
                    RequestHash = idempotency.RequestHash,
                    ResponseJson = Replayable(outcome.Value),
                    AtUnixMs = write.At.ToUnixTimeMilliseconds(),
                });
            }

            await SaveWithHeadAsync(head, cancellationToken);
            saved = (head.Chain, head.Version);
            return new Committed<T>(outcome.Value, Replayed: false);
        }
        catch (OverflowException)
        {
            db.ChangeTracker.Clear();
            return MoneyErrors.AmountOutOfRange;
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return WriteErrors.Conflict;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>The answer to a request whose key was used before: the stored result if it is the same request, else a refusal.</summary>
    internal static Result<Committed<T>> Replay<T>(StoredAnswer stored, IdempotencyKey idempotency) =>
        stored.RequestHash == idempotency.RequestHash
            ? new Committed<T>(JsonSerializer.Deserialize<T>(stored.ResponseJson, Json)!, Replayed: true)
            : WriteErrors.IdempotencyKeyReused;

    /// <summary>
    /// The result as the idempotency row keeps it, once it is seen to read back as itself: a retry answers with what it
    /// reads back, so a result that loses a field on the way (a get-only property, an interface the serializer cannot
    /// build) would answer a retry with less than the first answer said. Such a result is a bug in the use case, and
    /// fails its first request loudly rather than its retries quietly.
    /// </summary>
    public static string Replayable<T>(T result)
    {
        var json = JsonSerializer.Serialize(result, Json);
        if (JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, Json), Json) != json)
        {
            throw new InvariantViolatedException($"{typeof(T).Name} does not read back as itself, so a retry could not be answered with it.");
        }

        return json;
    }

    /// <summary>
    /// Saves the write with its head brought up to date: the version, and — when the write changed a role — the
    /// role-holder count, each person touched counted before and after. The journal number, the audit head and the
    /// member count were kept on the row by <see cref="WriteScope"/> as it wrote.
    /// </summary>
    private async Task SaveWithHeadAsync(ChainHeadRow head, CancellationToken cancellationToken)
    {
        head.Version++;
        var roleHolders = ChainHeads.TouchedRoleHolders(db, head.Chain);
        if (roleHolders.Count > 0)
        {
            var before = await ChainHeads.CountRoleHoldersAsync(db, head.Chain, roleHolders, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            head.RoleHolders += await ChainHeads.CountRoleHoldersAsync(db, head.Chain, roleHolders, cancellationToken) - before;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is System.Data.Common.DbException inner && IsUniqueViolation(inner);

    /// <summary>Whether the store refused a row for a key or unique index it already holds (SQLite: any constraint).</summary>
    internal static bool IsUniqueViolation(System.Data.Common.DbException exception) =>
        exception switch
        {
            Npgsql.PostgresException pg => pg.SqlState == "23505",
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
            _ => false,
        };
}

/// <summary>The inside of one write: post journal entries and append audit links.</summary>
public sealed class WriteScope
{
    private readonly MikoshiDb db;
    private readonly Guid chain;
    private readonly ChainHeadRow head;
    private readonly (long Entries, long Sequence, string Hash, int People, EntityState State) start;

    internal WriteScope(MikoshiDb db, Guid chain, ChainHeadRow head, string actor, DateTimeOffset at)
    {
        this.db = db;
        this.chain = chain;
        this.head = head;
        start = (head.LastEntryNumber, head.AuditSequence, head.AuditHash, head.People, db.Entry(head).State);
        Actor = actor;
        At = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
    }

    /// <summary>Who is writing.</summary>
    public string Actor { get; }

    /// <summary>The instant of this write, to the millisecond (what every store keeps exactly).</summary>
    public DateTimeOffset At { get; }

    public MikoshiDb Db => db;

    /// <summary>The audit chain this write appends to: its community's id, or the instance's.</summary>
    public Guid Chain => chain;

    /// <summary>
    /// Forgets everything this write has done so far (tracked changes, numbers taken, links and entries appended) and
    /// keeps its place at the head of the chain, so the write can record something else instead — as a proposal whose
    /// execution failed records only the failure. Never clear the context's tracker inside a write: the head goes with it.
    /// </summary>
    public void DiscardChanges()
    {
        db.ChangeTracker.Clear();
        (head.LastEntryNumber, head.AuditSequence, head.AuditHash, head.People) = (start.Entries, start.Sequence, start.Hash, start.People);
        db.Entry(head).State = start.State;
    }

    /// <summary>
    /// Checks, under this write's lock, that <paramref name="caller"/> still may do what <paramref name="access"/>
    /// allows in the community this write is to: the roles are read again now, so a role revoked (or a last token
    /// sold) after the door let the caller in is seen before anything is written. The caller as this write sees them.
    /// </summary>
    public async Task<Result<Caller>> RequireAsync(Caller caller, Access access)
    {
        var community = caller.RequireCommunity();
        if (community.Id.Value != chain)
        {
            throw new InvariantViolatedException("A write checked a caller of another community than its own.");
        }

        var now = caller with { Roles = await RoleBook.OfAsync(db, community.Id, caller.Person) };
        return now.May(access) ? now : CommonErrors.Forbidden;
    }

    /// <summary>
    /// A person came to hold a token in circulation (+1) or let go of their last one (−1): the head's member count moves
    /// with it. Told by the one place where tokens change hands, from the holding checkpoint it writes (the person's
    /// count before and after), so no write counts holders in the store.
    /// </summary>
    public void MembersChanged(int change) => head.People = checked(head.People + change);

    /// <summary>Appends a link to this write's audit chain.</summary>
    public Task<AuditRecord> AuditAsync(string kind, string payloadJson)
    {
        var next = AuditChain.Next(head.AuditSequence, head.AuditHash, chain, At, Actor, kind, payloadJson);
        db.AuditLog.Add(new AuditRow
        {
            Chain = next.Chain,
            Sequence = next.Sequence,
            AtUnixMs = next.AtUnixMs,
            Actor = next.Actor,
            Kind = next.Kind,
            Payload = next.Payload,
            PreviousHash = next.PreviousHash,
            Hash = next.Hash,
        });
        head.AuditSequence = next.Sequence;
        head.AuditHash = next.Hash;
        return Task.FromResult(next);
    }

    /// <summary>Appends a link whose payload is <paramref name="payload"/> serialized as JSON.</summary>
    public Task<AuditRecord> AuditAsync(string kind, object payload) =>
        AuditAsync(kind, JsonSerializer.Serialize(payload, AuditJson));

    /// <summary>
    /// Posts a journal entry in this write's community: refuses it if any account would go below
    /// zero, updates the cached balances and the treasury pools, and records the entry in the audit chain.
    /// A mint's price and a redemption's payment are <see cref="TreasuryFlow.OneToken"/>: their use cases
    /// move the token's units themselves; every other movement of the treasury is every token's alike.
    /// </summary>
    public async Task<Result<long>> PostAsync(JournalEntry entry, string? reference = null, TreasuryFlow flow = TreasuryFlow.Shared)
    {
        var community = new CommunityId(chain);
        var touched = new Dictionary<(string Account, string Asset), BalanceRow>();
        foreach (var posting in entry.Postings)
        {
            var account = posting.Account.ToString();
            var asset = posting.Amount.Asset.Code;
            // By key: a row this write already tracks (added by an earlier posting, or read) comes from the context's
            // identity map without a query and without detecting changes across everything the write tracks, which made
            // a write of many postings quadratic.
            var row = await KeyedRows.BalanceAsync(db, community, account, asset);
            if (row is null)
            {
                row = new BalanceRow { CommunityId = community, Account = account, Asset = asset, Units = Int128.Zero };
                db.Balances.Add(row);
            }

            touched[(account, asset)] = row;
        }

        var applied = Balances.Apply(entry, (account, asset) => touched[(account.ToString(), asset.Code)].Units);
        if (!applied.IsSuccess)
        {
            return applied.Error;
        }

        foreach (var (account, balance) in applied.Value)
        {
            var row = touched[(account.ToString(), balance.Asset.Code)];
            var delta = balance.Units - row.Units;
            row.Units = balance.Units;
            if (flow == TreasuryFlow.Shared && account == AccountId.Treasury && delta != Int128.Zero)
            {
                await TreasuryPools.OnSharedFlowAsync(db, community, balance.Asset.Code, delta, balance.Units);
            }
        }

        var number = ++head.LastEntryNumber;
        var audit = await AuditAsync($"ledger.{entry.Kind}", LedgerText.Canonical(number, entry, reference));
        db.JournalEntries.Add(new JournalEntryRow
        {
            CommunityId = community,
            Number = number,
            Kind = entry.Kind,
            Memo = entry.Memo,
            Reference = reference ?? string.Empty,
            AtUnixMs = audit.AtUnixMs,
            Actor = Actor,
            AuditSequence = audit.Sequence,
            Postings = entry.Postings.Select((p, i) => new PostingRow
            {
                CommunityId = community,
                EntryNumber = number,
                Index = i,
                Account = p.Account.ToString(),
                Asset = p.Amount.Asset.Code,
                Units = p.Amount.Units,
            }).ToList(),
        });
        return number;
    }

    /// <summary>
    /// Announces an event to the community's members (issue #17): one outbox row in this write's transaction, so it is
    /// announced if and only if the change commits. A dispatcher expands it to the members later, off the request path.
    /// </summary>
    public void AnnounceToMembers(string kind, object payload, string? onceKey = null) => Announce(kind, payload, null, onceKey);

    /// <summary>Announces an event to <paramref name="people"/> only (an invitee, an heir and the guardians).</summary>
    public void AnnounceTo(string kind, object payload, IEnumerable<PersonId> people)
    {
        var recipients = string.Join(' ', people.Distinct().Select(p => p.ToString()));
        if (recipients.Length > 0)
        {
            Announce(kind, payload, recipients, null);
        }
    }

    private void Announce(string kind, object payload, string? recipients, string? onceKey)
    {
        if (!Domain.Notifications.EventCatalogue.Find(kind).IsSuccess)
        {
            throw new InvariantViolatedException($"No event kind {kind} in the catalogue.");
        }

        db.Events.Add(new EventRow
        {
            CommunityId = new CommunityId(chain),
            Kind = kind,
            Recipients = recipients,
            OnceKey = onceKey,
            PayloadJson = JsonSerializer.Serialize(payload, AuditJson),
            AtUnixMs = At.ToUnixTimeMilliseconds(),
        });
    }

    public static AuditRecord ToRecord(AuditRow row) =>
        new(row.Chain, row.Sequence, row.AtUnixMs, row.Actor, row.Kind, row.Payload, row.PreviousHash, row.Hash);

    internal static JsonSerializerOptions AuditJson => Writer.Json;
}
