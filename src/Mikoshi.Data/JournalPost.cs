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

    /// <summary>Whether <c>BEGIN</c> has been sent (and neither <c>COMMIT</c> nor <c>ROLLBACK</c> yet).</summary>
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
        var post = new JournalPost(db, request.Caller.RequireCommunity().Id.Value, feed);
        if (post.owns)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            var outcome = await post.PostAsync(request, answer, cancellationToken);
            if (post.open)
            {
                // Nothing to store (a replay or a refusal): end the transaction the reads began.
                await post.ExecuteAsync("ROLLBACK", CancellationToken.None);
                post.open = false;
            }

            return outcome;
        }
        catch (OverflowException)
        {
            await post.AbandonAsync();
            return MoneyErrors.AmountOutOfRange;
        }
        catch (DbException exception) when (Writer.IsUniqueViolation(exception))
        {
            await post.AbandonAsync();
            return WriteErrors.Conflict;
        }
        catch
        {
            await post.AbandonAsync();
            throw;
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
    }

    private async Task<Result<Committed<T>>> PostAsync<T>(Request request, Func<long, T> answer, CancellationToken cancellationToken)
    {
        var (caller, access, idempotency, entry, reference, now) = request;
        var state = await ReadAsync(request, cancellationToken) ?? await StartChainAsync(request, cancellationToken);
        if (idempotency is not null && state.Earlier is { } stored)
        {
            return Writer.Replay<T>(stored, idempotency);
        }

        if (!(caller with { Roles = state.Roles }).May(access))
        {
            return CommonErrors.Forbidden;
        }

        var applied = Balances.Apply(entry, (account, asset) => state.Balances.GetValueOrDefault((account.ToString(), asset.Code)));
        if (!applied.IsSuccess)
        {
            return applied.Error;
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var number = state.Head.LastEntryNumber + 1;
        var link = AuditChain.Next(state.Head.AuditSequence, state.Head.AuditHash, chain, at, caller.Actor,
            $"ledger.{entry.Kind}", LedgerText.Canonical(number, entry, reference));
        var result = answer(number);
        var effect = new Effect(number, entry, reference, link, applied.Value, state);
        await WriteAsync(effect, idempotency is null ? null : (idempotency, Writer.Replayable(result)), cancellationToken);
        return new Committed<T>(result, Replayed: false);
    }

    /// <summary>After a failure: ends the transaction this post began, if it is still open (a lost connection has no transaction left to end).</summary>
    private async Task AbandonAsync()
    {
        if (!open)
        {
            return;
        }

        open = false;
        try
        {
            await ExecuteAsync("ROLLBACK", CancellationToken.None);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            // The connection is gone, and its transaction with it; the pool will not hand it out again.
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>What the write read under the lock: null when the chain has no head row yet.</summary>
    private async Task<State?> ReadAsync(Request request, CancellationToken cancellationToken)
    {
        var (caller, _, idempotency, entry, _, _) = request;
        var touched = entry.Postings.Select(p => (Account: p.Account.ToString(), Asset: p.Amount.Asset.Code)).Distinct().ToList();
        var poolAssets = touched.Where(t => t.Account == AccountId.Treasury.ToString()).Select(t => t.Asset).Distinct(StringComparer.Ordinal).ToList();
        await using var command = Command(string.Empty);
        var c = Parameter(command, "c", Id(chain));
        var sql = new System.Text.StringBuilder();
        if (owns && !open)
        {
            sql.Append("BEGIN;\n");
            open = true;
        }

        sql.Append("SELECT \"Version\", \"LastEntryNumber\", \"AuditSequence\", \"AuditHash\" FROM chain_heads WHERE \"Chain\" = ").Append(c)
            .Append(db.IsPostgres ? " FOR UPDATE;\n" : ";\n");
        sql.Append("SELECT \"RequestHash\", \"ResponseJson\" FROM idempotency_keys WHERE \"Scope\" = ").Append(Parameter(command, "s", caller.Actor))
            .Append(" AND \"Key\" = ").Append(Parameter(command, "k", idempotency?.Key ?? string.Empty)).Append(";\n");
        var person = Parameter(command, "p", Id(caller.Person?.Value ?? Guid.Empty));
        sql.Append(RoleBook.Statement(c, person)).Append(";\n");
        sql.Append("SELECT \"Account\", \"Asset\", \"Units\" FROM balances WHERE \"CommunityId\" = ").Append(c).Append(" AND (");
        for (var i = 0; i < touched.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : " OR ")
                .Append("(\"Account\" = ").Append(Parameter(command, $"a{i}", touched[i].Account))
                .Append(" AND \"Asset\" = ").Append(Parameter(command, $"x{i}", touched[i].Asset)).Append(')');
        }

        sql.Append(");\n");
        sql.Append("SELECT \"Asset\", \"Units\", \"IssuedPerToken\", \"Unowned\" FROM treasury_pools WHERE \"CommunityId\" = ").Append(c).Append(" AND \"Asset\" IN (");
        sql.AppendJoin(", ", poolAssets.Select((asset, i) => Parameter(command, $"t{i}", asset)).DefaultIfEmpty("NULL")).Append(");\n");
        sql.Append("SELECT \"Supply\" FROM communities WHERE \"Id\" = ").Append(c).Append(';');
        command.CommandText = sql.ToString();

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var head = new Head(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), Mapping.HashColumn.Read(reader, 3));
        await reader.NextResultAsync(cancellationToken);
        var earlier = idempotency is not null && await reader.ReadAsync(cancellationToken) ? new StoredAnswer(Mapping.HashColumn.Read(reader, 0), reader.GetString(1)) : null;

        await reader.NextResultAsync(cancellationToken);
        var roles = caller.Person is null ? new HashSet<Role> { Role.Visitor } : await RoleBook.ReadAsync(reader, cancellationToken);

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
    private async Task<State> StartChainAsync(Request request, CancellationToken cancellationToken)
    {
        await using (var command = Command(string.Empty))
        {
            command.CommandText = "INSERT INTO chain_heads (\"Chain\", \"Version\", \"LastEntryNumber\", \"AuditSequence\", \"AuditHash\", \"People\", \"RoleHolders\") VALUES ("
                + Parameter(command, "c", Id(chain)) + ", 0, 0, 0, " + Parameter(command, "h", Mapping.HashColumn.Bytes(AuditChain.Genesis)) + ", 0, 0) ON CONFLICT DO NOTHING";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ReadAsync(request, cancellationToken)
            ?? throw new InvalidOperationException($"The head of chain {chain:N} vanished.");
    }

    /// <summary>Stores the effect: every row in one batch (one round trip on PostgreSQL).</summary>
    private async Task WriteAsync(Effect effect, (IdempotencyKey Key, string Json)? answer, CancellationToken cancellationToken)
    {
        await using var command = Command(string.Empty);
        var c = Parameter(command, "c", Id(chain));
        var at = Parameter(command, "at", effect.Link.AtUnixMs);
        var actor = Parameter(command, "actor", effect.Link.Actor);
        var number = Parameter(command, "n", effect.Number);
        var sequence = Parameter(command, "seq", effect.Link.Sequence);
        var sql = new System.Text.StringBuilder();
        sql.Append("INSERT INTO journal_entries (\"CommunityId\", \"Number\", \"Kind\", \"Memo\", \"Reference\", \"AtUnixMs\", \"Actor\", \"AuditSequence\") VALUES (")
            .AppendJoin(", ", [c, number, Parameter(command, "kind", effect.Entry.Kind), Parameter(command, "memo", effect.Entry.Memo),
                Parameter(command, "ref", effect.Reference), at, actor, sequence]).Append(");\n");
        sql.Append("INSERT INTO postings (\"CommunityId\", \"EntryNumber\", \"Index\", \"Account\", \"Asset\", \"Units\") VALUES ");
        for (var i = 0; i < effect.Entry.Postings.Count; i++)
        {
            var posting = effect.Entry.Postings[i];
            sql.Append(i == 0 ? "(" : ", (").AppendJoin(", ", [c, number, i.ToString(CultureInfo.InvariantCulture),
                Parameter(command, $"pa{i}", posting.Account.ToString()), Parameter(command, $"px{i}", posting.Amount.Asset.Code),
                Parameter(command, $"pu{i}", MoneyValue(posting.Amount.Units))]).Append(')');
        }

        sql.Append(";\n");
        for (var i = 0; i < effect.Balances.Count; i++)
        {
            var (account, balance) = effect.Balances[i];
            var key = (Account: account.ToString(), Asset: balance.Asset.Code);
            var (a, x, u) = (Parameter(command, $"ba{i}", key.Account), Parameter(command, $"bx{i}", key.Asset), Parameter(command, $"bu{i}", MoneyValue(balance.Units)));
            sql.Append(effect.State.Balances.ContainsKey(key)
                ? $"UPDATE balances SET \"Units\" = {u} WHERE \"CommunityId\" = {c} AND \"Account\" = {a} AND \"Asset\" = {x};\n"
                : $"INSERT INTO balances (\"CommunityId\", \"Account\", \"Asset\", \"Units\") VALUES ({c}, {a}, {x}, {u});\n");
        }

        foreach (var (n, (asset, pool, existed)) in effect.Pools().Index())
        {
            var (x, u, p, o) = (Parameter(command, $"tx{n}", asset), Parameter(command, $"tu{n}", MoneyValue(pool.Units)),
                Parameter(command, $"tp{n}", MoneyValue(pool.IssuedPerToken)), Parameter(command, $"to{n}", MoneyValue(pool.Unowned)));
            sql.Append(existed
                ? $"UPDATE treasury_pools SET \"Units\" = {u}, \"IssuedPerToken\" = {p}, \"Unowned\" = {o} WHERE \"CommunityId\" = {c} AND \"Asset\" = {x};\n"
                : $"INSERT INTO treasury_pools (\"CommunityId\", \"Asset\", \"Units\", \"IssuedPerToken\", \"Unowned\") VALUES ({c}, {x}, {u}, {p}, {o});\n");
        }

        var link = effect.Link;
        sql.Append("INSERT INTO audit_log (\"Chain\", \"Sequence\", \"AtUnixMs\", \"Actor\", \"Kind\", \"Payload\", \"PreviousHash\", \"Hash\") VALUES (")
            .AppendJoin(", ", [c, sequence, at, actor, Parameter(command, "akind", link.Kind),
                Parameter(command, "payload", link.Payload), Parameter(command, "prev", Mapping.HashColumn.Bytes(link.PreviousHash)), Parameter(command, "hash", Mapping.HashColumn.Bytes(link.Hash))]).Append(");\n");
        if (answer is { } stored)
        {
            sql.Append("INSERT INTO idempotency_keys (\"Scope\", \"Key\", \"RequestHash\", \"ResponseJson\", \"AtUnixMs\") VALUES (")
                .AppendJoin(", ", [actor, Parameter(command, "key", stored.Key.Key), Parameter(command, "rh", Mapping.HashColumn.Bytes(stored.Key.RequestHash)),
                    Parameter(command, "json", stored.Json), at]).Append(");\n");
        }

        sql.Append("UPDATE chain_heads SET \"Version\" = ").Append(Parameter(command, "v", effect.State.Head.Version + 1))
            .Append(", \"LastEntryNumber\" = ").Append(number)
            .Append(", \"AuditSequence\" = ").Append(sequence)
            .Append(", \"AuditHash\" = ").Append(Parameter(command, "hh", Mapping.HashColumn.Bytes(link.Hash)))
            .Append(" WHERE \"Chain\" = ").Append(c).Append(';');
        if (owns)
        {
            sql.Append("\nCOMMIT;");
        }

        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (owns)
        {
            // Committed: a read in this process answers at the new version at once (on SQLite the group commits later,
            // and there is no feed to tell).
            open = false;
            feed?.Committed(chain, effect.State.Head.Version + 1);
        }
    }

    private DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static string Parameter(DbCommand command, string name, object value) => SqlText.Parameter(command, name, value);

    private object Id(Guid id) => SqlText.Id(db, id);

    /// <summary>Money as this store keeps it: numeric(39,0) on PostgreSQL, TEXT of digits on SQLite (see <see cref="MikoshiDb"/>).</summary>
    private object MoneyValue(Int128 units) => db.IsPostgres ? (BigInteger)units : units.ToString(CultureInfo.InvariantCulture);

    private Int128 UnitsAt(DbDataReader reader, int ordinal) => db.IsPostgres
        ? (Int128)reader.GetFieldValue<BigInteger>(ordinal)
        : Int128.Parse(reader.GetString(ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>What a lean write was asked to do: by whom, with what access, under which key, which entry, when.</summary>
    internal sealed record Request(Caller Caller, Access Access, IdempotencyKey? Idempotency, JournalEntry Entry, string Reference, DateTimeOffset Now);

    private sealed record Head(long Version, long LastEntryNumber, long AuditSequence, string AuditHash);

    private sealed record State(
        Head Head,
        StoredAnswer? Earlier,
        IReadOnlySet<Role> Roles,
        Dictionary<(string Account, string Asset), Int128> Balances,
        Dictionary<string, TreasuryPool> Pools,
        long Supply);

    /// <summary>What the write stores, computed before anything is written.</summary>
    private sealed record Effect(long Number, JournalEntry Entry, string Reference, AuditRecord Link, IReadOnlyList<(AccountId Account, Money Balance)> Balances, State State)
    {
        /// <summary>
        /// The treasury's pools after the entry (<see cref="TreasuryPool.Moved"/>, as <see cref="TreasuryPools"/> moves
        /// them for a tracked write), and whether each pool had a row.
        /// </summary>
        public IEnumerable<(string Asset, TreasuryPool Pool, bool Existed)> Pools()
        {
            foreach (var (account, balance) in Balances)
            {
                var asset = balance.Asset.Code;
                var delta = balance.Units - State.Balances.GetValueOrDefault((account.ToString(), asset));
                if (account != AccountId.Treasury || delta == Int128.Zero)
                {
                    continue;
                }

                var existed = State.Pools.TryGetValue(asset, out var pool);
                yield return (asset, pool.Moved(delta, State.Supply, balance.Units), existed);
            }
        }
    }
}
