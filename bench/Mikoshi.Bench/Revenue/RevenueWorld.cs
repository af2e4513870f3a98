using Mikoshi.Domain.Projects;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Revenue;
using Npgsql;
using NpgsqlTypes;

namespace Mikoshi.Bench.Revenue;

/// <summary>
/// A community whose <c>holders</c> people each hold one token (loaded in bulk), with one active
/// project whose split is in force; and the two ways of paying holders timed on it.
/// </summary>
public sealed class RevenueWorld
{
    /// <summary>Each revenue event: ¥100,000,000, of which 10% (the default policy) goes to holders.</summary>
    public const long Amount = 100_000_000;

    private readonly BenchStore store;
    private readonly Community community;
    private readonly PersonId[] holders;
    private readonly string treasurer;
    private long events;
    private long pushes;

    private RevenueWorld(BenchStore store, Community community, PersonId[] holders, string treasurer)
    {
        this.store = store;
        this.community = community;
        this.holders = holders;
        this.treasurer = treasurer;
    }

    public static async Task<RevenueWorld> CreateAsync(BenchStore store, int count)
    {
        var founded = await LedgerRun.FoundAsync(store, "bench-revenue");
        var id = new CommunityId(founded.Id);
        var lead = PersonId.New();
        var holders = Enumerable.Range(0, count).Select(_ => PersonId.New()).ToArray();
        await store.InScopeAsync(async db =>
        {
            db.Projects.Add(Domain.Projects.Project.Start(id, ProjectNumber.Stored(1), "Bench project", null, [], [], lead, DateTimeOffset.UnixEpoch).Value.MoveTo(Domain.Projects.ProjectStatus.Active).Value);
            db.TeamMembers.Add(new TeamMemberRow { CommunityId = id, ProjectNumber = ProjectNumber.Stored(1), PersonId = lead, Role = "lead", JoinedAtUnixMs = 0 });
            // The lead's own split, in force from the start: proposing accepts the proposer's part.
            var split = Domain.Revenue.SplitAgreement.Propose(id, ProjectNumber.Stored(1), 1, Domain.Revenue.SplitBasis.Manual, [new Domain.Revenue.SplitParty(lead, 1, Domain.Bps.Zero)], lead, DateTimeOffset.UnixEpoch).Value;
            split.ComeIntoForce([], DateTimeOffset.UnixEpoch);
            db.Agreements.Add(split);
            foreach (var holder in holders.Take(50))
            {
                db.BankAccounts.Add(new BankAccountRow { PersonId = holder, BankCode = "0001", BankName = "ﾐｽﾞﾎ", BranchCode = "001", BranchName = "ﾄｳｷｮｳ", AccountType = 1, AccountNumber = "1234567", HolderName = "ﾔﾏﾀﾞ ﾊﾅｺ" });
            }

            return await db.SaveChangesAsync();
        });
        await LoadTokensAsync(store, id, holders);
        var community = await store.InScopeAsync(db => db.Communities.AsNoTracking().SingleAsync(c => c.Id == id));
        await using (var connection = await store.OpenRawAsync())
        {
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE bench_push_credits (event bigint NOT NULL, holder text NOT NULL, units text NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        return new RevenueWorld(store, community, holders, founded.Treasurer);
    }

    /// <summary>The person as a door would see them: their roles in the community as the store holds them.</summary>
    private async Task<Caller> CallerAsync(MikoshiDb db, PersonId person) => new(person, community, await RoleBook.OfAsync(db, community.Id, person));

    /// <summary>One revenue event through the real handler, as POST …/projects/1/revenue makes it.</summary>
    public async Task RecordAsync()
    {
        var key = Fmt.Invariant($"bench-revenue-{++events}");
        var request = new RevenueRequest("JPY", Fmt.Invariant($"{Amount}"), "bench sales", null);
        var written = await store.InScopeAsync(async db => await new RecordRevenue(new Writer(db, TimeProvider.System))
            .RecordAsync(await CallerAsync(db, new PersonId(Guid.Parse(treasurer))), ProjectNumber.Stored(1), request, new IdempotencyKey(key, key)));
        if (!written.IsSuccess)
        {
            throw new InvalidOperationException($"Revenue refused: {written.Error}");
        }
    }

    /// <summary>
    /// The push-style split: read every holder, split the holders' share exactly among them (largest
    /// remainder), write one credit row per holder, in one transaction on one open connection.
    /// </summary>
    public async Task PushAsync()
    {
        var number = ++pushes;
        await using var connection = await store.OpenRawAsync();
        var owners = new List<string>(holders.Length);
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT \"OwnerId\" FROM tokens WHERE \"CommunityId\" = $c AND \"BurnedAtUnixMs\" IS NULL ORDER BY \"Serial\"";
            var parameter = read.CreateParameter();
            parameter.ParameterName = "c";
            parameter.Value = store.IsPostgres ? community.Id.Value : Sqlite(community.Id.Value);
            read.Parameters.Add(parameter);
            if (store.IsPostgres)
            {
                read.CommandText = read.CommandText.Replace("$c", "@c", StringComparison.Ordinal);
            }

            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                owners.Add(reader.GetValue(0).ToString()!);
            }
        }

        var parts = Allocation.Allocate(Amount / 10, owners.Select(_ => 1L).ToList()).Value;
        if (connection is NpgsqlConnection pg)
        {
            await using var copy = await pg.BeginBinaryImportAsync("COPY bench_push_credits (event, holder, units) FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < owners.Count; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(number, NpgsqlDbType.Bigint);
                await copy.WriteAsync(owners[i], NpgsqlDbType.Text);
                await copy.WriteAsync(parts[i].ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO bench_push_credits (event, holder, units) VALUES ($e, $h, $u)";
        var parameters = Parameters(insert, "$e", "$h", "$u");
        await insert.PrepareAsync();
        parameters[0].Value = number;
        for (var i = 0; i < owners.Count; i++)
        {
            parameters[1].Value = owners[i];
            parameters[2].Value = parts[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Holder <paramref name="index"/> claims their yen: their token's share settled, then the whole balance to the payout escrow.</summary>
    public async Task ClaimAsync(int index)
    {
        var written = await store.InScopeAsync(async db => await new Earnings(new Writer(db, TimeProvider.System))
            .ClaimAsync(await CallerAsync(db, holders[index]), new ClaimRequest("JPY"), null));
        if (!written.IsSuccess)
        {
            throw new InvalidOperationException($"Claim refused: {written.Error}");
        }
    }

    /// <summary>The store verifies clean: chains, journal, balances, the holder pool identity and the supply counter.</summary>
    public async Task CheckAsync()
    {
        var report = await store.InScopeAsync(db => new Verifier(db).VerifyAsync());
        if (!report.IsClean)
        {
            throw new InvalidOperationException($"verify found {report.Findings.Count} problems: {report.Findings[0]}");
        }
    }

    internal static async Task LoadTokensAsync(BenchStore store, CommunityId community, PersonId[] holders)
    {
        await using var connection = await store.OpenRawAsync();
        if (connection is NpgsqlConnection pg)
        {
            await using (var copy = await pg.BeginBinaryImportAsync("COPY tokens (\"CommunityId\", \"Serial\", \"OwnerId\", \"MintedBy\", \"MintedAtUnixMs\", \"MintPrice\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < holders.Length; i++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(community.Value, NpgsqlDbType.Uuid);
                    await copy.WriteAsync((long)i + 1, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(holders[i].Value, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(holders[i].Value, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(10_000m, NpgsqlDbType.Numeric);
                }

                await copy.CompleteAsync();
            }

            await SetSupplyAsync(connection, "UPDATE communities SET \"Supply\" = @n WHERE \"Id\" = @c", community.Value, holders.Length);
            await SetSupplyAsync(connection, HeadSql.Replace('$', '@'), community.Value, holders.Length);
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO tokens (\"CommunityId\", \"Serial\", \"OwnerId\", \"MintedBy\", \"MintedAtUnixMs\", \"MintPrice\") VALUES ($c, $s, $o, $o, 0, '10000')";
        var parameters = Parameters(insert, "$c", "$s", "$o");
        await insert.PrepareAsync();
        parameters[0].Value = Sqlite(community.Value);
        for (var i = 0; i < holders.Length; i++)
        {
            parameters[1].Value = (long)i + 1;
            parameters[2].Value = Sqlite(holders[i].Value);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await SetSupplyAsync(connection, "UPDATE communities SET \"Supply\" = $n WHERE \"Id\" = $c", Sqlite(community.Value), holders.Length);
        await SetSupplyAsync(connection, HeadSql, Sqlite(community.Value), holders.Length);
    }

    /// <summary>The chain's head and its serial counter as the writes would have left them: one member per token, serials 1..n taken.</summary>
    internal const string HeadSql = "UPDATE chain_heads SET \"People\" = $n WHERE \"Chain\" = $c; INSERT INTO chain_counters (\"Chain\", \"Kind\", \"Last\") VALUES ($c, 'tokens', $n)";

    private static async Task SetSupplyAsync(DbConnection connection, string sql, object community, long supply)
    {
        await using var update = connection.CreateCommand();
        update.CommandText = sql;
        foreach (var (name, value) in new[] { ("n", (object)supply), ("c", community) })
        {
            var p = update.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            update.Parameters.Add(p);
        }

        await update.ExecuteNonQueryAsync();
    }

    private static byte[] Sqlite(Guid value) => Membership.MembershipRun.SqliteGuid(value);

    /// <summary>The command's parameters, named as given, for a prepared statement.</summary>
    private static DbParameter[] Parameters(DbCommand command, params string[] names) =>
        names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
}
