using System.Data.Common;
using System.Numerics;
using Microsoft.Data.Sqlite;
using Mikoshi.Bench.Ledger;
using Mikoshi.Bench.Membership;
using Mikoshi.Data.Mapping;
using Mikoshi.Domain;
using Mikoshi.Domain.Audit;
using Mikoshi.Domain.Ledger;
using Npgsql;
using NpgsqlTypes;

namespace Mikoshi.Bench.Verify;

/// <summary>
/// Appends journal entries to a community's chain without the Writer, to build the 10^6-entry store in
/// minutes rather than hours (the Writer posts about 750 entries a second through EF's change tracker). Each entry is
/// what <c>WriteScope.PostAsync</c> would store: the journal row and its postings, and an audit link whose payload is
/// <see cref="LedgerText.Canonical"/> chained by <see cref="AuditChain.Next(long, string, Guid, DateTimeOffset, string, string, string)"/>;
/// then the balances it moved and the chain's head. Nothing checks the loader but the verifier: a full verify of the
/// loaded store must come back clean before anything is timed. Entries move money between people only (deposits from
/// outside, and every fifth a one-yen transfer from the person the fourth entry before paid), so the treasury's pools stay as they were.
/// Rows go in chunks, each chunk one transaction with its balances and head: prepared INSERTs on SQLite, binary COPY
/// on PostgreSQL.
/// </summary>
public static class BulkJournal
{
    private const int Chunk = 50_000;

    public static async Task AppendAsync(BenchStore store, FoundedCommunity community, int entries)
    {
        await using var connection = await store.OpenRawAsync();
        var chain = community.Id;
        var people = Enumerable.Range(0, 10).Select(_ => AccountId.ForPerson(Guid.NewGuid())).ToArray();
        for (var done = 0; done < entries; done += Chunk)
        {
            var count = Math.Min(Chunk, entries - done);
            var moved = new Dictionary<string, Int128>(StringComparer.Ordinal);
            await using var transaction = await connection.BeginTransactionAsync();
            var head = await HeadAsync(connection, transaction, store, chain);
            var links = new List<AuditRecord>(count);
            var journal = new List<(long Number, JournalEntry Entry, string Reference, long AtUnixMs, long Sequence)>(count);
            var (number, sequence, hash) = (head.Entries, head.Sequence, head.Hash);
            var at = DateTimeOffset.FromUnixTimeMilliseconds(head.AtUnixMs);
            for (var i = 0; i < count; i++)
            {
                var n = done + i;
                var to = people[n % people.Length];
                var entry = n % 5 == 4
                    ? JournalEntry.Move("transfer", "bulk transfer", people[(n - 4) % people.Length], to, Money.Of(Asset.Jpy, 1)).Value
                    : JournalEntry.Move("deposit", "bulk deposit", AccountId.External, to, Money.Of(Asset.Jpy, 1000 + (n % 9000))).Value;
                var reference = Fmt.Invariant($"bulk-{n}");
                number++;
                at = at.AddMilliseconds(1);
                var link = AuditChain.Next(sequence, hash, chain, at, community.Treasurer, $"ledger.{entry.Kind}", LedgerText.Canonical(number, entry, reference));
                (sequence, hash) = (link.Sequence, link.Hash);
                links.Add(link);
                journal.Add((number, entry, reference, link.AtUnixMs, link.Sequence));
                foreach (var posting in entry.Postings)
                {
                    var key = posting.Account.ToString();
                    moved[key] = moved.GetValueOrDefault(key) + posting.Amount.Units;
                }
            }

            if (connection is NpgsqlConnection pg)
            {
                await CopyAsync(pg, chain, community.Treasurer, links, journal);
            }
            else
            {
                await InsertAsync((SqliteConnection)connection, (SqliteTransaction)transaction, chain, community.Treasurer, links, journal);
            }

            await StoreBalancesAsync(connection, transaction, store, chain, moved, head.Balances);
            await ExecuteAsync(connection, transaction, "UPDATE chain_heads SET \"LastEntryNumber\" = @n, \"AuditSequence\" = @s, \"AuditHash\" = @h, \"Version\" = \"Version\" + 1 WHERE \"Chain\" = @c",
                ("@n", number), ("@s", sequence), ("@h", HashColumn.Bytes(hash)), ("@c", Id(store, chain)));
            await transaction.CommitAsync();
        }
    }

    private sealed record Head(long Entries, long Sequence, string Hash, long AtUnixMs, Dictionary<string, Int128> Balances);

    private static async Task<Head> HeadAsync(DbConnection connection, DbTransaction transaction, BenchStore store, Guid chain)
    {
        await using var command = Command(connection, transaction,
            "SELECT h.\"LastEntryNumber\", h.\"AuditSequence\", h.\"AuditHash\", a.\"AtUnixMs\" FROM chain_heads h JOIN audit_log a ON a.\"Chain\" = h.\"Chain\" AND a.\"Sequence\" = h.\"AuditSequence\" WHERE h.\"Chain\" = @c",
            ("@c", Id(store, chain)));
        long entries, sequence, at;
        string hash;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException($"No head for chain {chain}.");
            }

            (entries, sequence, hash, at) = (reader.GetInt64(0), reader.GetInt64(1), HashColumn.Read(reader, 2), reader.GetInt64(3));
        }

        var balances = new Dictionary<string, Int128>(StringComparer.Ordinal);
        await using var read = Command(connection, transaction, "SELECT \"Account\", \"Units\" FROM balances WHERE \"CommunityId\" = @c AND \"Asset\" = 'JPY'", ("@c", Id(store, chain)));
        await using var rows = await read.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            balances[rows.GetString(0)] = Int128.Parse(rows.GetValue(1).ToString()!, System.Globalization.CultureInfo.InvariantCulture);
        }

        return new Head(entries, sequence, hash, at, balances);
    }

    private static async Task StoreBalancesAsync(DbConnection connection, DbTransaction transaction, BenchStore store, Guid chain, Dictionary<string, Int128> moved, Dictionary<string, Int128> stored)
    {
        foreach (var (account, delta) in moved)
        {
            var exists = stored.TryGetValue(account, out var before);
            var units = before + delta;
            object value = store.IsPostgres ? (BigInteger)units : units.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ExecuteAsync(connection, transaction, exists
                    ? "UPDATE balances SET \"Units\" = @u WHERE \"CommunityId\" = @c AND \"Account\" = @a AND \"Asset\" = 'JPY'"
                    : "INSERT INTO balances (\"CommunityId\", \"Account\", \"Asset\", \"Units\") VALUES (@c, @a, 'JPY', @u)",
                ("@u", value), ("@c", Id(store, chain)), ("@a", account));
        }
    }

    private static async Task CopyAsync(NpgsqlConnection pg, Guid chain, string actor, List<AuditRecord> links, List<(long Number, JournalEntry Entry, string Reference, long AtUnixMs, long Sequence)> journal)
    {
        await using (var copy = await pg.BeginBinaryImportAsync("COPY audit_log (\"Chain\", \"Sequence\", \"AtUnixMs\", \"Actor\", \"Kind\", \"Payload\", \"PreviousHash\", \"Hash\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var link in links)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(chain, NpgsqlDbType.Uuid);
                await copy.WriteAsync(link.Sequence, NpgsqlDbType.Bigint);
                await copy.WriteAsync(link.AtUnixMs, NpgsqlDbType.Bigint);
                await copy.WriteAsync(link.Actor, NpgsqlDbType.Text);
                await copy.WriteAsync(link.Kind, NpgsqlDbType.Text);
                await copy.WriteAsync(link.Payload, NpgsqlDbType.Text);
                await copy.WriteAsync(HashColumn.Bytes(link.PreviousHash), NpgsqlDbType.Bytea);
                await copy.WriteAsync(HashColumn.Bytes(link.Hash), NpgsqlDbType.Bytea);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await pg.BeginBinaryImportAsync("COPY journal_entries (\"CommunityId\", \"Number\", \"Kind\", \"Memo\", \"Reference\", \"AtUnixMs\", \"Actor\", \"AuditSequence\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (number, entry, reference, at, sequence) in journal)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(chain, NpgsqlDbType.Uuid);
                await copy.WriteAsync(number, NpgsqlDbType.Bigint);
                await copy.WriteAsync(entry.Kind, NpgsqlDbType.Text);
                await copy.WriteAsync(entry.Memo, NpgsqlDbType.Text);
                await copy.WriteAsync(reference, NpgsqlDbType.Text);
                await copy.WriteAsync(at, NpgsqlDbType.Bigint);
                await copy.WriteAsync(actor, NpgsqlDbType.Text);
                await copy.WriteAsync(sequence, NpgsqlDbType.Bigint);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await pg.BeginBinaryImportAsync("COPY postings (\"CommunityId\", \"EntryNumber\", \"Index\", \"Account\", \"Asset\", \"Units\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (number, entry, _, _, _) in journal)
            {
                for (var i = 0; i < entry.Postings.Count; i++)
                {
                    var posting = entry.Postings[i];
                    await copy.StartRowAsync();
                    await copy.WriteAsync(chain, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(number, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(i, NpgsqlDbType.Integer);
                    await copy.WriteAsync(posting.Account.ToString(), NpgsqlDbType.Text);
                    await copy.WriteAsync(posting.Amount.Asset.Code, NpgsqlDbType.Text);
                    await copy.WriteAsync((BigInteger)posting.Amount.Units, NpgsqlDbType.Numeric);
                }
            }

            await copy.CompleteAsync();
        }
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, Guid chain, string actor, List<AuditRecord> links, List<(long Number, JournalEntry Entry, string Reference, long AtUnixMs, long Sequence)> journal)
    {
        var id = MembershipRun.SqliteGuid(chain);
        await using var audit = await PreparedAsync(connection, transaction, "INSERT INTO audit_log (\"Chain\", \"Sequence\", \"AtUnixMs\", \"Actor\", \"Kind\", \"Payload\", \"PreviousHash\", \"Hash\") VALUES ($0, $1, $2, $3, $4, $5, $6, $7)", 8);
        foreach (var link in links)
        {
            await RunAsync(audit, id, link.Sequence, link.AtUnixMs, link.Actor, link.Kind, link.Payload, HashColumn.Bytes(link.PreviousHash), HashColumn.Bytes(link.Hash));
        }

        await using var entries = await PreparedAsync(connection, transaction, "INSERT INTO journal_entries (\"CommunityId\", \"Number\", \"Kind\", \"Memo\", \"Reference\", \"AtUnixMs\", \"Actor\", \"AuditSequence\") VALUES ($0, $1, $2, $3, $4, $5, $6, $7)", 8);
        await using var postings = await PreparedAsync(connection, transaction, "INSERT INTO postings (\"CommunityId\", \"EntryNumber\", \"Index\", \"Account\", \"Asset\", \"Units\") VALUES ($0, $1, $2, $3, $4, $5)", 6);
        foreach (var (number, entry, reference, at, sequence) in journal)
        {
            await RunAsync(entries, id, number, entry.Kind, entry.Memo, reference, at, actor, sequence);
            for (var i = 0; i < entry.Postings.Count; i++)
            {
                var posting = entry.Postings[i];
                await RunAsync(postings, id, number, i, posting.Account.ToString(), posting.Amount.Asset.Code, posting.Amount.Units.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static async Task<SqliteCommand> PreparedAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i, null));
        }

        await command.PrepareAsync();
        return command;
    }

    private static async Task RunAsync(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
    }

    private static object Id(BenchStore store, Guid chain) => store.IsPostgres ? chain : MembershipRun.SqliteGuid(chain);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }
}
