using System.Data.Common;
using System.Numerics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Revenue;
using Mikoshi.Features.Chain;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Membership;
using Mikoshi.Features.Wallets;
using Npgsql;
using NpgsqlTypes;

namespace Mikoshi.Bench.Redemption;

/// <summary>
/// Communities of <c>tokens</c> tokens each, one holder per token, whose treasury holds three assets: the
/// tokens, their first lineage step, their base-pool units, the holders' checkpoints and the base pool are
/// loaded in bulk in the format the EF model writes, as if each token had been minted at ¥10,000 when the
/// treasury held only yen; then ¥10,000, 0.05 ETH and 50 USDC per token come in through the real
/// <see cref="Writer"/>, so the yen raise the base pool's value and ETH and USDC open pools issued per token.
/// The two requests timed on it: a redemption preview and a redemption, each in a new scope and context.
/// </summary>
public sealed class RedemptionWorld
{
    /// <summary>Redemption rate: 90%, so the curve r + (1 − r) / s is at work and depends on the supply.</summary>
    public const int RateBps = 9_000;

    /// <summary>What the treasury holds per token in circulation, per asset (minor units).</summary>
    public static readonly IReadOnlyList<(string Asset, Int128 PerToken)> Holdings =
    [
        ("JPY", 10_000),
        ("ETH", 50_000_000_000_000_000),
        ("USDC", 50_000_000),
    ];

    private readonly BenchStore store;
    private readonly List<Community> communities;
    private readonly List<PersonId[]> holders;
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private long redeemed;
    private long previewed;

    private RedemptionWorld(BenchStore store, int tokens, List<Community> communities, List<PersonId[]> holders)
    {
        this.store = store;
        Tokens = tokens;
        this.communities = communities;
        this.holders = holders;
    }

    /// <summary>Tokens in circulation in each community when it is created.</summary>
    public int Tokens { get; }

    public int Communities => communities.Count;

    public long Redeemed => redeemed;

    /// <summary>
    /// <paramref name="count"/> communities of <paramref name="tokens"/> tokens. Redemption number k redeems token
    /// k / count + 1 of community k mod count: with one community per redemption every redemption finds
    /// exactly <paramref name="tokens"/> tokens in circulation.
    /// </summary>
    public static async Task<RedemptionWorld> CreateAsync(BenchStore store, int tokens, int count)
    {
        var communities = new List<Community>();
        var holders = new List<PersonId[]>();
        for (var c = 0; c < count; c++)
        {
            var founder = PersonId.New();
            var community = Community.Found(Fmt.Invariant($"bench-redeem-{c}"), Fmt.Invariant($"Benchmark redemption {c}"), "Measured, not lived in.", ["honesty"], "JPY", ["ETH", "USDC"], founder, TimeProvider.System.GetUtcNow()).Value;
            community.ChangePolicy(MembershipPolicy.Of(10_000, 0, null, Bps.From(500).Value, Bps.From(RateBps).Value).Value);
            await WriteAsync(store, community.Id, founder, async write =>
            {
                write.Db.Communities.Add(community);
                await write.AuditAsync("community.founded", new { id = community.Id.ToString(), slug = community.Slug, founder = founder.ToString() });
                return Result<int>.Ok(0);
            });

            // Sorted as the stores order them, so the holders' checkpoints go in in key order.
            var owners = Enumerable.Range(0, tokens).Select(_ => PersonId.New()).OrderBy(p => p.Value.ToString(), StringComparer.Ordinal).ToArray();
            await LoadAsync(store, community.Id, owners, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
            await WriteAsync(store, community.Id, founder, async write =>
            {
                foreach (var (asset, perToken) in Holdings)
                {
                    var money = Money.Of(Asset.FromKnownCode(asset).Value, checked(perToken * tokens));
                    var posted = await write.PostAsync(JournalEntry.Move("deposit", "bench treasury", AccountId.External, AccountId.Treasury, money).Value, Fmt.Invariant($"bench-{asset}"));
                    if (!posted.IsSuccess)
                    {
                        return posted.Error;
                    }
                }

                return Result<int>.Ok(0);
            });
            var id = community.Id;
            communities.Add(await store.InScopeAsync(db => db.Communities.AsNoTracking().SingleAsync(x => x.Id == id)));
            holders.Add(owners);
        }

        if (store.IsPostgres)
        {
            // Autovacuum would analyze tables this size soon after the load; do it now rather than time its arrival.
            await using var connection = await store.OpenRawAsync();
            await BenchStore.ScalarAsync(connection, "ANALYZE tokens, token_lineage, token_units, treasury_pools, holdings_checkpoints, balances, communities");
        }

        return new RedemptionWorld(store, tokens, communities, holders);
    }

    /// <summary>The next preview, as GET …/tokens/{id}/redemption makes it: a token not yet redeemed, in turn.</summary>
    public async Task<RedemptionView> PreviewOneAsync()
    {
        var k = previewed++;
        var community = communities[(int)(k % communities.Count)];
        var serial = Tokens - (k / communities.Count % (Tokens / 2));
        var preview = await store.InScopeAsync(db => Redeem(db).PreviewAsync(community, TokenId.Stored(serial)));
        return preview.IsSuccess ? preview.Value : throw new InvalidOperationException($"Preview of token #{serial} refused: {preview.Error}");
    }

    /// <summary>The next redemption, as POST …/tokens/{id}/redeem makes it with an Idempotency-Key: never the same token twice.</summary>
    public async Task<RedemptionView> RedeemOneAsync() => (await RedeemNextAsync()).View;

    private async Task<(Community Community, PersonId Holder, long Serial, RedemptionView View)> RedeemNextAsync()
    {
        // With several communities, each redemption takes a community of its own (token #1); with one, the tokens in turn.
        var k = redeemed++;
        var (c, serial) = communities.Count > 1 ? ((int)k, 1L) : (0, k + 1);
        if (c >= communities.Count || serial > Tokens / 2)
        {
            throw new InvalidOperationException("Asked for more redemptions than this world was made for.");
        }

        var community = communities[c];

        var holder = holders[c][serial - 1];
        var key = new IdempotencyKey(Fmt.Invariant($"{run}-redeem-{k}"), Fmt.Invariant($"POST /api/v1/communities/{community.Slug}/tokens/{serial}/redeem\n"));
        var written = await store.InScopeAsync(async db => await Redeem(db).RedeemAsync(await new Mikoshi.Features.Communities.Callers(db).InAsync(community, holder), TokenId.Stored(serial), key));
        if (!written.IsSuccess || written.Value.Paid is not { Replayed: false })
        {
            throw new InvalidOperationException($"Redemption of token #{serial} was not committed: {written.Error?.ToString() ?? "replayed"}");
        }

        return (community, holder, serial, written.Value.Paid.Value);
    }

    /// <summary>
    /// Every community adopts the LLC-DAO cap (distributions, redemption included, capped at what each person paid in),
    /// through the real <see cref="Writer"/>, as a parameter change would.
    /// </summary>
    public async Task CapDistributionsAsync()
    {
        for (var c = 0; c < communities.Count; c++)
        {
            var id = communities[c].Id;
            await WriteAsync(store, id, communities[c].CreatedBy, async write =>
            {
                var current = await TokenBook.CurrentAsync(write.Db, id);
                var policy = current.Revenue;
                current.ChangeRevenuePolicy(RevenuePolicy.Of(policy.TreasuryBps, policy.HolderBps, policy.ReserveBps, policy.HolderShareToTreasury, capAtPaidIn: true).Value);
                await write.AuditAsync("community.revenue-policy", new { capAtPaidIn = true });
                return Result<int>.Ok(0);
            });
            communities[c] = await store.InScopeAsync(db => db.Communities.AsNoTracking().SingleAsync(x => x.Id == id));
        }
    }

    /// <summary>
    /// The next redemption, checked by hand: every token in circulation holds the same units of each pool and no part
    /// of the treasury is unowned, so with s tokens and a treasury balance B the token pays ⌊B·(r·s + (1 − r))/s²⌋ of
    /// each asset (r as bps of 10,000) — under the LLC-DAO cap, nothing of an asset its holder paid nothing in. After
    /// it, the holder's account holds exactly that, the treasury the rest, the token is burned, the supply is one less
    /// and each pool one token's units lighter.
    /// </summary>
    public async Task<string> RedeemAndCheckAsync()
    {
        var c = communities.Count > 1 ? (int)redeemed : 0;
        var id = communities[c].Id;
        var capped = communities[c].CapHolderDistributions;
        var treasury = AccountId.Treasury.ToString();
        var before = await store.InScopeAsync(db => db.Balances.AsNoTracking().Where(b => b.CommunityId == id && b.Account == treasury).ToDictionaryAsync(b => b.Asset, b => b.Units));
        var supply = await store.InScopeAsync(db => db.Communities.AsNoTracking().Where(x => x.Id == id).Select(x => x.Supply).SingleAsync());
        var (community, holder, serial, view) = await RedeemNextAsync();
        var person = AccountId.ForPerson(holder.Value).ToString();
        var balances = await store.InScopeAsync(db => db.Balances.AsNoTracking().Where(b => b.CommunityId == id && (b.Account == person || b.Account == treasury)).ToListAsync());
        var pools = await store.InScopeAsync(db => db.TreasuryPools.AsNoTracking().Where(p => p.CommunityId == id).ToDictionaryAsync(p => p.Asset));
        var after = await store.InScopeAsync(db => db.Communities.AsNoTracking().Where(x => x.Id == id).Select(x => x.Supply).SingleAsync());
        var burned = await store.InScopeAsync(db => db.Tokens.AsNoTracking().Where(t => t.CommunityId == id && t.Serial == TokenId.Stored(serial)).Select(t => t.BurnedAtUnixMs).SingleAsync());
        if (after != supply - 1 || burned is null || view.Supply != supply || view.RedemptionRateBps != RateBps)
        {
            throw new InvalidOperationException(Fmt.Invariant($"Token #{serial}: supply {supply} → {after}, burned {burned}, view supply {view.Supply}."));
        }

        var lines = new List<string>();
        foreach (var (asset, _) in Holdings)
        {
            var held = before[asset];
            var value = (Int128)((BigInteger)held * (((BigInteger)RateBps * supply) + (MembershipPolicy.Whole - RateBps)) / ((BigInteger)MembershipPolicy.Whole * supply * supply));
            var expected = capped && asset != community.BaseAsset ? Int128.Zero : value;
            var paid = view.Reclaim.SingleOrDefault(a => a.Asset == asset)?.Amount ?? "0";
            var received = balances.SingleOrDefault(b => b.Account == person && b.Asset == asset)?.Units ?? Int128.Zero;
            var left = balances.Single(b => b.Account == treasury && b.Asset == asset).Units;
            var units = pools[asset].Units;
            var expectedUnits = checked((Int128)TreasuryPool.UnitsPerToken * (supply - 1));
            if (paid != expected.ToString(System.Globalization.CultureInfo.InvariantCulture) || received != expected || left != held - expected || units != expectedUnits)
            {
                throw new InvalidOperationException(Fmt.Invariant($"Token #{serial} of {supply}, {asset}: expected {expected} paid, {held - expected} left, {expectedUnits} units; the redemption said {paid}, the holder holds {received}, the treasury {left}, the pool {units} units."));
            }

            lines.Add(Fmt.Invariant($"{asset} {expected}"));
        }

        return Fmt.Invariant($"token #{serial} of {supply:N0} paid {string.Join(", ", lines)} (minor units)");
    }

    /// <summary>The store verifies clean: chains, journal, balances, holder pools, supply and the treasury pools against every token's units.</summary>
    public async Task VerifyAsync()
    {
        var report = await store.InScopeAsync(db => new Verifier(db).VerifyAsync());
        if (!report.IsClean)
        {
            throw new InvalidOperationException($"verify found {report.Findings.Count} problems: {report.Findings[0]}");
        }
    }

    private static RedeemToken Redeem(MikoshiDb db)
    {
        // Chain addresses are needed only in chain mode, which these communities are not in.
        var writer = new Writer(db, TimeProvider.System);
        return new RedeemToken(writer, db, new ChainAddresses(new CustodialKeys(writer, db, new EphemeralDataProtectionProvider()), db));
    }

    private static async Task WriteAsync(BenchStore store, CommunityId community, PersonId actor, Func<WriteScope, Task<Result<int>>> work)
    {
        var written = await store.InScopeAsync(db => new Writer(db, TimeProvider.System).RunAsync(community.Value, actor.ToString(), null, work));
        if (!written.IsSuccess)
        {
            throw new InvalidOperationException($"Seeding failed: {written.Error}");
        }
    }

    /// <summary>
    /// Token i + 1 minted to owners[i] at ¥10,000 with one lineage step, its base-pool units row (one token's units,
    /// counted from the start), each holder's checkpoint (holds one), the base pool and the supply counter:
    /// binary COPY on PostgreSQL, prepared inserts in one transaction on SQLite (synchronous=OFF on this connection only).
    /// </summary>
    private static async Task LoadAsync(BenchStore store, CommunityId community, PersonId[] owners, long at)
    {
        var units = (Int128)TreasuryPool.UnitsPerToken;
        var poolUnits = checked(units * owners.Length);
        await using var connection = await store.OpenRawAsync();
        if (connection is NpgsqlConnection pg)
        {
            var c = community.Value;
            await CopyAsync(pg, "tokens (\"CommunityId\", \"Serial\", \"OwnerId\", \"MintedBy\", \"MintedAtUnixMs\", \"MintPrice\")", owners, async (copy, i) =>
            {
                await copy.WriteAsync(c, NpgsqlDbType.Uuid);
                await copy.WriteAsync((long)i + 1, NpgsqlDbType.Bigint);
                await copy.WriteAsync(owners[i].Value, NpgsqlDbType.Uuid);
                await copy.WriteAsync(owners[i].Value, NpgsqlDbType.Uuid);
                await copy.WriteAsync(at, NpgsqlDbType.Bigint);
                await copy.WriteAsync(10_000m, NpgsqlDbType.Numeric);
            });
            await CopyAsync(pg, "token_lineage (\"CommunityId\", \"Serial\", \"Step\", \"Kind\", \"FromId\", \"ToId\", \"AtUnixMs\", \"Price\")", owners, async (copy, i) =>
            {
                await copy.WriteAsync(c, NpgsqlDbType.Uuid);
                await copy.WriteAsync((long)i + 1, NpgsqlDbType.Bigint);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(nameof(LineageKind.Minted), NpgsqlDbType.Varchar);
                await copy.WriteNullAsync();
                await copy.WriteAsync(owners[i].Value, NpgsqlDbType.Uuid);
                await copy.WriteAsync(at, NpgsqlDbType.Bigint);
                await copy.WriteAsync(10_000m, NpgsqlDbType.Numeric);
            });
            await CopyAsync(pg, "token_units (\"CommunityId\", \"Serial\", \"Asset\", \"Holds\", \"Mark\")", owners, async (copy, i) =>
            {
                await copy.WriteAsync(c, NpgsqlDbType.Uuid);
                await copy.WriteAsync((long)i + 1, NpgsqlDbType.Bigint);
                await copy.WriteAsync("JPY", NpgsqlDbType.Varchar);
                await copy.WriteAsync((decimal)units, NpgsqlDbType.Numeric);
                await copy.WriteAsync(0m, NpgsqlDbType.Numeric);
            });
            await CopyAsync(pg, "holdings_checkpoints (\"CommunityId\", \"PersonId\", \"Sequence\", \"AtUnixMs\", \"Count\")", owners, async (copy, i) =>
            {
                await copy.WriteAsync(c, NpgsqlDbType.Uuid);
                await copy.WriteAsync(owners[i].Value, NpgsqlDbType.Uuid);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(at, NpgsqlDbType.Bigint);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
            });
            await ExecuteAsync(connection, "INSERT INTO treasury_pools (\"CommunityId\", \"Asset\", \"Units\", \"IssuedPerToken\", \"Unowned\") VALUES (@c, 'JPY', @u, 0, 0)",
                ("c", c), ("u", (decimal)poolUnits));
            await ExecuteAsync(connection, "UPDATE communities SET \"Supply\" = @n, \"HoldingsChangedAtUnixMs\" = @at WHERE \"Id\" = @c", ("n", (long)owners.Length), ("at", at), ("c", c));
            await ExecuteAsync(connection, Revenue.RevenueWorld.HeadSql.Replace('$', '@'), ("n", (long)owners.Length), ("c", c));
            return;
        }

        var id = Sqlite(community.Value);
        await ExecuteAsync(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144");
        await using var transaction = await connection.BeginTransactionAsync();
        await InsertAsync(connection, transaction, "INSERT INTO tokens (\"CommunityId\", \"Serial\", \"OwnerId\", \"MintedBy\", \"MintedAtUnixMs\", \"MintPrice\") VALUES ($c, $s, $o, $o, $at, '10000')",
            ["$c", "$s", "$o", "$at"], owners.Length, (p, i) => (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (id, (long)i + 1, Sqlite(owners[i].Value), at));
        await InsertAsync(connection, transaction, "INSERT INTO token_lineage (\"CommunityId\", \"Serial\", \"Step\", \"Kind\", \"FromId\", \"ToId\", \"AtUnixMs\", \"Price\") VALUES ($c, $s, 1, 'Minted', NULL, $o, $at, '10000')",
            ["$c", "$s", "$o", "$at"], owners.Length, (p, i) => (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (id, (long)i + 1, Sqlite(owners[i].Value), at));
        var held = units.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await InsertAsync(connection, transaction, "INSERT INTO token_units (\"CommunityId\", \"Serial\", \"Asset\", \"Holds\", \"Mark\") VALUES ($c, $s, 'JPY', $h, '0')",
            ["$c", "$s", "$h"], owners.Length, (p, i) => (p[0].Value, p[1].Value, p[2].Value) = (id, (long)i + 1, held));
        await InsertAsync(connection, transaction, "INSERT INTO holdings_checkpoints (\"CommunityId\", \"PersonId\", \"Sequence\", \"AtUnixMs\", \"Count\") VALUES ($c, $p, 1, $at, 1)",
            ["$c", "$p", "$at"], owners.Length, (p, i) => (p[0].Value, p[1].Value, p[2].Value) = (id, Sqlite(owners[i].Value), at));
        await InsertAsync(connection, transaction, "INSERT INTO treasury_pools (\"CommunityId\", \"Asset\", \"Units\", \"IssuedPerToken\", \"Unowned\") VALUES ($c, 'JPY', $u, '0', '0')",
            ["$c", "$u"], 1, (p, _) => (p[0].Value, p[1].Value) = (id, poolUnits.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await InsertAsync(connection, transaction, "UPDATE communities SET \"Supply\" = $n, \"HoldingsChangedAtUnixMs\" = $at WHERE \"Id\" = $c",
            ["$c", "$n", "$at"], 1, (p, _) => (p[0].Value, p[1].Value, p[2].Value) = (id, (long)owners.Length, at));
        await InsertAsync(connection, transaction, Revenue.RevenueWorld.HeadSql,
            ["$c", "$n"], 1, (p, _) => (p[0].Value, p[1].Value) = (id, (long)owners.Length));
        await transaction.CommitAsync();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string target, PersonId[] owners, Func<NpgsqlBinaryImporter, int, Task> row)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < owners.Length; i++)
        {
            await copy.StartRowAsync();
            await row(copy, i);
        }

        await copy.CompleteAsync();
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string sql, string[] names, int rows, Action<DbParameter[], int> bind)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = sql;
        var parameters = names.Select(name =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await insert.PrepareAsync();
        for (var i = 0; i < rows; i++)
        {
            bind(parameters, i);
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, params (string Name, object Value)[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static byte[] Sqlite(Guid value) => Membership.MembershipRun.SqliteGuid(value);
}
