using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Mikoshi.Domain;
using Mikoshi.Domain.Audit;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Data;

/// <summary>
/// The lean write (issue #18 part 2): a write whose whole effect is one journal entry — a deposit — stored with
/// hand-written statements on the write's own connection and transaction, instead of through EF's queries and change
/// tracker, which cost about 90 % of such a write (docs/writes.md section 1). It stores exactly the rows
/// <see cref="WriteScope.PostAsync"/> would: the journal entry and its postings, the balances, the treasury's pools, the
/// audit link, the idempotency key with its answer, and the chain's head. The rules are the domain's, as there:
/// <see cref="Balances.Apply"/>, <see cref="TreasuryPool"/>, <see cref="AuditChain.Next(long, string, Guid, DateTimeOffset, string, string, string)"/>
/// and <see cref="LedgerText.Canonical"/>.
/// </summary>
/// <remarks>
/// Two commands, whatever the entry: one of reads (the head, locked on PostgreSQL; the earlier answer under the key; the
/// caller's roles; the balances and pools the entry touches; the supply) and one of writes. On SQLite they run inside
/// the group commit's savepoint, like any write. On PostgreSQL each is one round trip and the post owns its
/// transaction: <c>BEGIN</c> goes with the reads and <c>COMMIT</c> with the writes, so the head's lock is held for two
/// round trips, not three (a write that stores nothing — a replay, a refusal — sends <c>ROLLBACK</c>; a failing
/// statement aborts the transaction and nothing after it runs, the <c>COMMIT</c> included). The key is read in a
/// statement of its own after the head's lock is granted, so it is read in a snapshot taken after any earlier writer
/// of this chain committed: a retry that waited behind its first attempt replays it.
/// <para>
/// The posts to one chain that wait in this process go together (<see cref="ChainGroups"/>): the same two commands carry
/// all of them, each applied to what the ones before it left, in one transaction. The writes are a
/// <see cref="StatementBatch"/>: one round trip on PostgreSQL; on SQLite, inside a savepoint of their own, a statement
/// at a time, each insert prepared once and run for each row.
/// </para>
/// </remarks>
internal sealed class JournalPost
{
    private readonly MikoshiDb db;
    private readonly DbConnection connection;
    private readonly DbTransaction? transaction;
    private readonly Guid chain;
    private readonly HeadVersionFeed? feed;

    /// <summary>PostgreSQL: this post begins and commits its own transaction, in its two commands.</summary>
    private readonly bool owns;

    /// <summary>
    /// The savepoint a post's writes are made in on SQLite, inside the file's transaction: released with them, rolled back
    /// if one of them fails, so that a failing group leaves nothing and its members can be posted again alone.
    /// </summary>
    private const string Savepoint = "journal_post";

    /// <summary>
    /// PostgreSQL: whether <c>BEGIN</c> has been sent (and neither <c>COMMIT</c> nor <c>ROLLBACK</c> yet); SQLite: whether
    /// the writes' savepoint may be open.
    /// </summary>
    private bool open;

    private JournalPost(MikoshiDb db, Guid chain, HeadVersionFeed? feed)
    {
        this.db = db;
        this.chain = chain;
        this.feed = feed;
        connection = db.Database.GetDbConnection();
        transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        owns = db.IsPostgres;

        // Never inside another write: on PostgreSQL it would lock and move the head under a write that saves its own
        // copy of the head afterwards; on SQLite its place is the group commit's savepoint, which the Writer opened.
        if (owns != (transaction is null))
        {
            throw new InvalidOperationException(owns
                ? "A journal post runs in a transaction of its own, not inside another write."
                : "On SQLite a journal post runs inside the group commit's transaction.");
        }
    }

    /// <summary>
    /// Posts the request's entry to the caller's community as one write by the caller, once they are seen — under the
    /// lock, roles read again — to still have the request's access; answers with <paramref name="answer"/> of the
    /// entry's number, stored with the key. A retry of a request that committed gets its answer back first.
    /// On SQLite it runs inside the group's savepoint the <see cref="Writer"/> opened, and the group commits; on
    /// PostgreSQL (outside any transaction) it begins and commits its own.
    /// </summary>
    internal static async Task<Result<Committed<T>>> RunAsync<T>(MikoshiDb db, Request request, Func<long, T> answer, HeadVersionFeed? feed, CancellationToken cancellationToken)
    {
        var member = new Member<T>(request, answer);
        await RunAsync(db, [member], feed, cancellationToken);
        member.Settle();
        return await member.Outcome;
    }

    /// <summary>
    /// Posts the entries of <paramref name="members"/> (all to one chain, none sharing an idempotency key) as one
    /// transaction on PostgreSQL: one command of reads for them all, each member's rules applied in turn to what the
    /// ones before it left, one command of writes ending in <c>COMMIT</c>. A member that is refused or replayed is left
    /// out of the writes and answered alone. If the group's statements fail (a key another chain's write took first, a
    /// lost connection), it was rolled back whole, and each member is posted again on its own, so a failing write fails
    /// alone. On SQLite the post's writes are one savepoint inside the file's transaction, so a failing group leaves
    /// nothing there either. Every member is decided when this returns; its caller hears it when
    /// <see cref="Member.Settle"/> is called, which the caller of this does once the post is committed (on SQLite, once
    /// the file's group has).
    /// </summary>
    internal static async Task RunAsync(MikoshiDb db, IReadOnlyList<Member> members, HeadVersionFeed? feed, CancellationToken cancellationToken)
    {
        if (members.Count == 0)
        {
            return;
        }

        var post = new JournalPost(db, members[0].Request.Caller.RequireCommunity().Id.Value, feed);
        Exception? failed = null;
        if (post.owns)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await post.PostAsync(members, cancellationToken);
            if (post.open)
            {
                // Nothing to store (replays and refusals only): end the transaction the reads began.
                await post.ExecuteAsync("ROLLBACK", CancellationToken.None);
                post.open = false;
            }
        }
        catch (Exception exception)
        {
            await post.AbandonAsync();
            failed = exception;
        }
        finally
        {
            if (post.owns)
            {
                await db.Database.CloseConnectionAsync();
            }

            // The rows this post moved, if the context tracks older copies of them, would shadow it for later reads.
            ChainHeads.Forget(db);
        }

        if (failed is not null && members.Count > 1)
        {
            foreach (var member in members)
            {
                await RunAsync(db, [member], feed, cancellationToken);
            }

            return;
        }

        foreach (var member in members)
        {
            switch (failed)
            {
                case null:
                    break;
                case OverflowException:
                    member.Fail(MoneyErrors.AmountOutOfRange);
                    break;
                case DbException exception when Writer.IsUniqueViolation(exception):
                    member.Fail(WriteErrors.Conflict);
                    break;
                default:
                    member.Throw(failed);
                    break;
            }
        }
    }

    private async Task PostAsync(IReadOnlyList<Member> members, CancellationToken cancellationToken)
    {
        var state = await ReadAsync(members, cancellationToken) ?? await StartChainAsync(members, cancellationToken);
        var ledger = new Ledger(state);
        var effects = new List<Effect>();
        foreach (var member in members)
        {
            var (caller, access, idempotency, entry, reference, now) = member.Request;
            if (idempotency is not null && state.Earlier.TryGetValue((caller.Actor, idempotency.Key), out var stored))
            {
                member.Replay(stored);
                continue;
            }

            var roles = caller.Person is { } person ? state.Roles[person.Value] : new HashSet<Role> { Role.Visitor };
            if (!(caller with { Roles = roles }).May(access))
            {
                member.Fail(CommonErrors.Forbidden);
                continue;
            }

            try
            {
                var applied = Balances.Apply(entry, (account, asset) => ledger.Balance((account.ToString(), asset.Code)));
                if (!applied.IsSuccess)
                {
                    member.Fail(applied.Error);
                    continue;
                }

                var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
                var number = ledger.Head.LastEntryNumber + 1;
                var link = AuditChain.Next(ledger.Head.AuditSequence, ledger.Head.AuditHash, chain, at, caller.Actor,
                    $"ledger.{entry.Kind}", LedgerText.Canonical(number, entry, reference));
                var pools = ledger.Moved(applied.Value);
                var json = member.Answer(number);
                ledger.Apply(number, link, applied.Value, pools);
                effects.Add(new Effect(member, number, entry, reference, link, json));
            }
            catch (OverflowException)
            {
                member.Fail(MoneyErrors.AmountOutOfRange);
            }
        }

        if (effects.Count > 0)
        {
            await WriteAsync(ledger, effects, cancellationToken);
            foreach (var effect in effects)
            {
                effect.Member.Written();
            }
        }
    }

    /// <summary>
    /// After a failure: ends the transaction this post began (PostgreSQL), or rolls back its savepoint (SQLite), if it is
    /// still open (a lost connection has no transaction left to end).
    /// </summary>
    private async Task AbandonAsync()
    {
        if (!open)
        {
            return;
        }

        open = false;
        try
        {
            await ExecuteAsync(owns ? "ROLLBACK" : $"ROLLBACK TO {Savepoint}; RELEASE {Savepoint}", CancellationToken.None);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            // The connection is gone, and its transaction with it; the pool will not hand it out again.
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var lease = KeptCommands.Take(connection, transaction, sql);
        await lease.Command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>What the group's writes read under the lock: null when the chain has no head row yet.</summary>
    private async Task<State?> ReadAsync(IReadOnlyList<Member> members, CancellationToken cancellationToken)
    {
        var touched = members.SelectMany(m => m.Request.Entry.Postings).Select(p => (Account: p.Account.ToString(), Asset: p.Amount.Asset.Code)).Distinct().ToList();
        var poolAssets = touched.Where(t => t.Account == AccountId.Treasury.ToString()).Select(t => t.Asset).Distinct(StringComparer.Ordinal).ToList();
        var keyed = members.Where(m => m.Request.Idempotency is not null).ToList();
        var people = members.Select(m => m.Request.Caller.Person).OfType<PersonId>().Select(p => p.Value).Distinct().ToList();
        var parameters = new SqlParameters();
        var c = parameters.Add("c", Id(chain));
        var sql = new System.Text.StringBuilder();
        if (owns && !open)
        {
            sql.Append("BEGIN;\n");
            open = true;
        }

        sql.Append("SELECT \"Version\", \"LastEntryNumber\", \"AuditSequence\", \"AuditHash\" FROM chain_heads WHERE \"Chain\" = ").Append(c)
            .Append(db.IsPostgres ? " FOR UPDATE;\n" : ";\n");

        // One probe of the key's whole index per key. Written as one OR of (scope, key) pairs, the group's keys — all of
        // one caller, as a treasurer's deposits are — were planned by PostgreSQL, before it had statistics of the table,
        // as a scan of every key of that caller: a group took 14 ms instead of 5 (docs/benchmarks.md section 29).
        const string Keys = "SELECT \"Scope\", \"Key\", \"RequestHash\", \"ResponseJson\" FROM idempotency_keys WHERE ";
        sql.AppendJoin(" UNION ALL ", keyed.Select((m, i) => $"{Keys}\"Scope\" = {parameters.Add($"s{i}", m.Request.Caller.Actor)} AND \"Key\" = {parameters.Add($"k{i}", m.Request.Idempotency!.Key)}")
            .DefaultIfEmpty(Keys + "1 = 0")).Append(";\n");
        for (var i = 0; i < people.Count; i++)
        {
            sql.Append(RoleBook.Statement(c, parameters.Add($"p{i}", Id(people[i])))).Append(";\n");
        }

        sql.Append("SELECT \"Account\", \"Asset\", \"Units\" FROM balances WHERE \"CommunityId\" = ").Append(c).Append(" AND (");
        for (var i = 0; i < touched.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : " OR ")
                .Append("(\"Account\" = ").Append(parameters.Add($"a{i}", touched[i].Account))
                .Append(" AND \"Asset\" = ").Append(parameters.Add($"x{i}", touched[i].Asset)).Append(')');
        }

        sql.Append(");\n");
        sql.Append("SELECT \"Asset\", \"Units\", \"IssuedPerToken\", \"Unowned\" FROM treasury_pools WHERE \"CommunityId\" = ").Append(c).Append(" AND \"Asset\" IN (");
        sql.AppendJoin(", ", poolAssets.Select((asset, i) => parameters.Add($"t{i}", asset)).DefaultIfEmpty("NULL")).Append(");\n");
        sql.Append("SELECT \"Supply\" FROM communities WHERE \"Id\" = ").Append(c).Append(';');
        await using var lease = KeptCommands.Take(connection, transaction, sql.ToString());
        parameters.BindTo(lease.Command);
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var head = new Head(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), Mapping.HashColumn.Read(reader, 3));
        await reader.NextResultAsync(cancellationToken);
        var earlier = new Dictionary<(string Scope, string Key), StoredAnswer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            earlier[(reader.GetString(0), reader.GetString(1))] = new StoredAnswer(Mapping.HashColumn.Read(reader, 2), reader.GetString(3));
        }

        var roles = new Dictionary<Guid, IReadOnlySet<Role>>();
        foreach (var person in people)
        {
            await reader.NextResultAsync(cancellationToken);
            roles[person] = await RoleBook.ReadAsync(reader, cancellationToken);
        }

        var balances = new Dictionary<(string Account, string Asset), Int128>();
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            balances[(reader.GetString(0), reader.GetString(1))] = UnitsAt(reader, 2);
        }

        var pools = new Dictionary<string, TreasuryPool>(StringComparer.Ordinal);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pools[reader.GetString(0)] = TreasuryPool.Of(UnitsAt(reader, 1), UnitsAt(reader, 2), UnitsAt(reader, 3));
        }

        await reader.NextResultAsync(cancellationToken);
        var supply = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : 0;
        return new State(head, earlier, roles, balances, pools, supply);
    }

    /// <summary>A chain with no head row yet (none is older than the head rows, but a store could be): creates it, then reads.</summary>
    private async Task<State> StartChainAsync(IReadOnlyList<Member> members, CancellationToken cancellationToken)
    {
        var parameters = new SqlParameters();
        var sql = "INSERT INTO chain_heads (\"Chain\", \"Version\", \"LastEntryNumber\", \"AuditSequence\", \"AuditHash\", \"People\", \"RoleHolders\") VALUES ("
            + parameters.Add("c", Id(chain)) + ", 0, 0, 0, " + parameters.Add("h", Mapping.HashColumn.Bytes(AuditChain.Genesis)) + ", 0, 0) ON CONFLICT DO NOTHING";
        await using (var lease = KeptCommands.Take(connection, transaction, sql))
        {
            parameters.BindTo(lease.Command);
            await lease.Command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ReadAsync(members, cancellationToken)
            ?? throw new InvalidOperationException($"The head of chain {chain:N} vanished.");
    }

    /// <summary>Stores the effects: every row in one batch (one round trip on PostgreSQL), each balance and pool once, at its last value.</summary>
    private async Task WriteAsync(Ledger ledger, IReadOnlyList<Effect> effects, CancellationToken cancellationToken)
    {
        var batch = new StatementBatch(connection, transaction, together: owns);
        var id = Id(chain);
        string Chain() => batch.Parameter("c", id);
        if (!owns)
        {
            batch.Next().Append($"SAVEPOINT {Savepoint};");
        }

        batch.Insert("journal_entries", ["CommunityId", "Number", "Kind", "Memo", "Reference", "AtUnixMs", "Actor", "AuditSequence"],
            [.. effects.Select(e => new object?[] { id, e.Number, e.Entry.Kind, e.Entry.Memo, e.Reference, e.Link.AtUnixMs, e.Link.Actor, e.Link.Sequence })]);
        batch.Insert("postings", ["CommunityId", "EntryNumber", "Index", "Account", "Asset", "Units"],
            [.. effects.SelectMany(e => e.Entry.Postings.Select((posting, i) => new object?[] { id, e.Number, i, posting.Account.ToString(), posting.Amount.Asset.Code, MoneyValue(posting.Amount.Units) }))]);
        foreach (var (i, (key, units, existed)) in ledger.MovedBalances().Index())
        {
            batch.Next();
            var (c, a, x, u) = (Chain(), batch.Parameter($"ba{i}", key.Account), batch.Parameter($"bx{i}", key.Asset), batch.Parameter($"bu{i}", MoneyValue(units)));
            batch.Append(existed
                ? $"UPDATE balances SET \"Units\" = {u} WHERE \"CommunityId\" = {c} AND \"Account\" = {a} AND \"Asset\" = {x};"
                : $"INSERT INTO balances (\"CommunityId\", \"Account\", \"Asset\", \"Units\") VALUES ({c}, {a}, {x}, {u});");
        }

        foreach (var (n, (asset, pool, existed)) in ledger.MovedPools().Index())
        {
            batch.Next();
            var (c, x, u, p, o) = (Chain(), batch.Parameter($"tx{n}", asset), batch.Parameter($"tu{n}", MoneyValue(pool.Units)),
                batch.Parameter($"tp{n}", MoneyValue(pool.IssuedPerToken)), batch.Parameter($"to{n}", MoneyValue(pool.Unowned)));
            batch.Append(existed
                ? $"UPDATE treasury_pools SET \"Units\" = {u}, \"IssuedPerToken\" = {p}, \"Unowned\" = {o} WHERE \"CommunityId\" = {c} AND \"Asset\" = {x};"
                : $"INSERT INTO treasury_pools (\"CommunityId\", \"Asset\", \"Units\", \"IssuedPerToken\", \"Unowned\") VALUES ({c}, {x}, {u}, {p}, {o});");
        }

        batch.Insert("audit_log", ["Chain", "Sequence", "AtUnixMs", "Actor", "Kind", "Payload", "PreviousHash", "Hash"],
            [.. effects.Select(e => new object?[] { id, e.Link.Sequence, e.Link.AtUnixMs, e.Link.Actor, e.Link.Kind, e.Link.Payload, Mapping.HashColumn.Bytes(e.Link.PreviousHash), Mapping.HashColumn.Bytes(e.Link.Hash) })]);
        var keyed = effects.Where(e => e.Json is not null).ToList();
        if (keyed.Count > 0)
        {
            batch.Insert("idempotency_keys", ["Scope", "Key", "RequestHash", "ResponseJson", "AtUnixMs"],
                [.. keyed.Select(e => new object?[] { e.Link.Actor, e.Member.Request.Idempotency!.Key, Mapping.HashColumn.Bytes(e.Member.Request.Idempotency!.RequestHash), e.Json, e.Link.AtUnixMs })]);
        }

        var version = ledger.Read.Head.Version + 1;
        batch.Next().Append("UPDATE chain_heads SET \"Version\" = ").Append(batch.Parameter("v", version))
            .Append(", \"LastEntryNumber\" = ").Append(batch.Parameter("last", ledger.Head.LastEntryNumber))
            .Append(", \"AuditSequence\" = ").Append(batch.Parameter("lastseq", ledger.Head.AuditSequence))
            .Append(", \"AuditHash\" = ").Append(batch.Parameter("hh", Mapping.HashColumn.Bytes(ledger.Head.AuditHash)))
            .Append(" WHERE \"Chain\" = ").Append(Chain()).Append(';');
        batch.Next().Append(owns ? "COMMIT;" : $"RELEASE {Savepoint};");
        open = true;
        await batch.ExecuteAsync(cancellationToken);
        open = false;
        if (owns)
        {
            // Committed: a read in this process answers at the new version at once (on SQLite the group commits later,
            // and there is no feed to tell).
            feed?.Committed(chain, version);
        }
    }

    private object Id(Guid id) => SqlText.Id(db, id);

    /// <summary>Money as this store keeps it: numeric(39,0) on PostgreSQL, TEXT of digits on SQLite (see <see cref="MikoshiDb"/>).</summary>
    private object MoneyValue(Int128 units) => db.IsPostgres ? (BigInteger)units : units.ToString(CultureInfo.InvariantCulture);

    private Int128 UnitsAt(DbDataReader reader, int ordinal) => db.IsPostgres
        ? (Int128)reader.GetFieldValue<BigInteger>(ordinal)
        : Int128.Parse(reader.GetString(ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>What a lean write was asked to do: by whom, with what access, under which key, which entry, when.</summary>
    internal sealed record Request(Caller Caller, Access Access, IdempotencyKey? Idempotency, JournalEntry Entry, string Reference, DateTimeOffset Now);

    /// <summary>One write in a post, and how it ends: written, replayed, refused or thrown; its caller is told when <see cref="Settle"/> is called.</summary>
    internal abstract class Member(Request request)
    {
        public Request Request { get; } = request;

        /// <summary>Builds the write's answer for the entry's number, and returns it as its idempotency row keeps it (null without a key).</summary>
        public abstract string? Answer(long number);

        public abstract void Written();

        public abstract void Replay(StoredAnswer stored);

        public abstract void Fail(Error error);

        /// <summary>The write ends with <paramref name="exception"/>, whatever was decided before.</summary>
        public abstract void Throw(Exception exception);

        /// <summary>Tells the caller how the write ended; called once it is committed, or known not to be.</summary>
        public abstract void Settle();
    }

    /// <summary>A member whose caller awaits <see cref="Outcome"/>.</summary>
    internal sealed class Member<T>(Request request, Func<long, T> answer) : Member(request)
    {
        private readonly TaskCompletionSource<Result<Committed<T>>> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;
        private Result<Committed<T>>? decided;
        private Exception? thrown;

        public Task<Result<Committed<T>>> Outcome => done.Task;

        public override string? Answer(long number)
        {
            result = answer(number);
            return Request.Idempotency is null ? null : Writer.Replayable(result);
        }

        public override void Written() => decided = new Committed<T>(result!, Replayed: false);

        public override void Replay(StoredAnswer stored) => decided = Writer.Replay<T>(stored, Request.Idempotency!);

        public override void Fail(Error error) => decided = error;

        public override void Throw(Exception exception) => thrown = exception;

        public override void Settle()
        {
            if (thrown is not null)
            {
                done.TrySetException(thrown);
                return;
            }

            done.TrySetResult(decided ?? throw new InvalidOperationException("A journal post ended without deciding one of its writes."));
        }
    }

    private sealed record Head(long Version, long LastEntryNumber, long AuditSequence, string AuditHash);

    private sealed record State(
        Head Head,
        Dictionary<(string Scope, string Key), StoredAnswer> Earlier,
        Dictionary<Guid, IReadOnlySet<Role>> Roles,
        Dictionary<(string Account, string Asset), Int128> Balances,
        Dictionary<string, TreasuryPool> Pools,
        long Supply);

    /// <summary>The chain as the group's writes leave it, one after another: the head, and every balance and pool they moved.</summary>
    private sealed class Ledger(State read)
    {
        private readonly Dictionary<(string Account, string Asset), Int128> balances = new(read.Balances);
        private readonly Dictionary<string, TreasuryPool> pools = new(read.Pools, StringComparer.Ordinal);
        private readonly HashSet<(string Account, string Asset)> movedBalances = [];
        private readonly HashSet<string> movedPools = new(StringComparer.Ordinal);

        public State Read => read;

        public Head Head { get; private set; } = read.Head;

        public Int128 Balance((string Account, string Asset) key) => balances.GetValueOrDefault(key);

        /// <summary>
        /// The treasury's pools after the balances move (<see cref="TreasuryPool.Moved"/>, as <see cref="TreasuryPools"/>
        /// moves them for a tracked write).
        /// </summary>
        public List<(string Asset, TreasuryPool Pool)> Moved(IReadOnlyList<(AccountId Account, Money Balance)> moved)
        {
            var after = new List<(string Asset, TreasuryPool Pool)>();
            foreach (var (account, balance) in moved)
            {
                var asset = balance.Asset.Code;
                var delta = balance.Units - Balance((account.ToString(), asset));
                if (account != AccountId.Treasury || delta == Int128.Zero)
                {
                    continue;
                }

                after.Add((asset, pools.GetValueOrDefault(asset).Moved(delta, read.Supply, balance.Units)));
            }

            return after;
        }

        /// <summary>One write's effect, once all of it is known: the head moves on, and its balances and pools become the chain's.</summary>
        public void Apply(long number, AuditRecord link, IReadOnlyList<(AccountId Account, Money Balance)> moved, IEnumerable<(string Asset, TreasuryPool Pool)> after)
        {
            foreach (var (account, balance) in moved)
            {
                var key = (account.ToString(), balance.Asset.Code);
                balances[key] = balance.Units;
                movedBalances.Add(key);
            }

            foreach (var (asset, pool) in after)
            {
                pools[asset] = pool;
                movedPools.Add(asset);
            }

            Head = Head with { LastEntryNumber = number, AuditSequence = link.Sequence, AuditHash = link.Hash };
        }

        public IEnumerable<((string Account, string Asset) Key, Int128 Units, bool Existed)> MovedBalances() =>
            movedBalances.Select(key => (key, balances[key], read.Balances.ContainsKey(key)));

        public IEnumerable<(string Asset, TreasuryPool Pool, bool Existed)> MovedPools() =>
            movedPools.Select(asset => (asset, pools[asset], read.Pools.ContainsKey(asset)));
    }

    /// <summary>What one write stores, computed before anything is written.</summary>
    private sealed record Effect(Member Member, long Number, JournalEntry Entry, string Reference, AuditRecord Link, string? Json);
}
