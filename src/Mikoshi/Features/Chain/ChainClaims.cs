using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Chain;
using Mikoshi.Data;
using Mikoshi.Domain.ChainMode;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Ledger;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Chain;

public sealed record PublishRequest(string? Asset);

public sealed record EpochPrepared(string Asset, long Epoch, string Root, string Total, string Funding, int Addresses, long Entry);

/// <summary>A claim as the contract takes it: <c>claim(asset, epoch, account, cumulative, proof)</c>.</summary>
public sealed record ClaimProofView(string ClaimsContract, string Asset, string AssetAddress, long Epoch, string Account, string Cumulative, string Claimed, IReadOnlyList<string> Proof);

/// <summary>
/// The holders' money in chain mode. Publishing an epoch settles every token's holder share (as a
/// transfer would), moves each person's balance in the asset into the <c>escrow:chain-claims</c>
/// account and adds it to their address's cumulative entitlement, and queues the root with the growth
/// of the total as its funding. A holder claims on chain with a proof from <see cref="ProofAsync"/>;
/// the indexer then moves the amount from the escrow to the outside world, so the escrow always holds
/// what the claims contract holds for the community.
/// </summary>
public sealed class ChainClaims(Writer writer, MikoshiDb db, ChainAddresses addresses)
{
    public static readonly AccountId Escrow = AccountId.ForEscrow("chain-claims");

    /// <summary>The asset's address in the claims contract; the native coin (ETH) is address(0).</summary>
    public static EthAddress AssetAddress(string asset) => asset == Asset.Eth.Code
        ? CommunityContracts.NativeCoin
        : throw new InvariantViolatedException($"{asset} has no address on chain.");

    public async Task<Result<Committed<EpochPrepared>>> PublishAsync(Caller treasurer, PublishRequest request, IdempotencyKey? idempotency = null)
    {
        var community = treasurer.RequireCommunity();
        if (!treasurer.May(Access.Treasurer))
        {
            // Checked before the addresses are made (a custodial key is a write of its own), and again under the lock.
            return CommonErrors.Forbidden;
        }

        var asset = request.Asset ?? Asset.Eth.Code;
        if (asset != Asset.Eth.Code)
        {
            return ChainErrors.AssetNotOnChain(Asset.Eth.Code);
        }

        if (!await ChainOutbox.InChainModeAsync(db, community.Id))
        {
            return ChainOutbox.NotInChainMode;
        }

        // Addresses first, outside the write: a new custodial key is a write of its own.
        var holders = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id && t.BurnedAtUnixMs == null).Select(t => t.OwnerId!.Value).Distinct().ToListAsync();
        var funded = (await db.Balances.AsNoTracking().Where(b => b.CommunityId == community.Id && b.Asset == asset && b.Account.StartsWith("person:")).ToListAsync())
            .Where(b => b.Units > Int128.Zero).Select(b => PersonOf(b.Account)).ToList();
        var addressOf = new Dictionary<PersonId, EthAddress>();
        foreach (var person in holders.Union(funded))
        {
            var address = await addresses.ForPersonAsync(person);
            if (!address.IsSuccess)
            {
                return address.Error;
            }

            addressOf[person] = address.Value;
        }

        return await writer.RunAsync(treasurer, Access.Treasurer, idempotency, write => PrepareAsync(write, community, asset, addressOf));
    }

    private static async Task<Result<EpochPrepared>> PrepareAsync(WriteScope write, Community community, string asset, Dictionary<PersonId, EthAddress> addressOf)
    {
        var db = write.Db;

        // Every token's holder share to its owner, exactly as a transfer would settle it.
        var tokens = await db.Tokens.Where(t => t.CommunityId == community.Id && t.BurnedAtUnixMs == null).ToListAsync();
        foreach (var owned in tokens.GroupBy(t => t.OwnerId!.Value))
        {
            await HolderShares.SettleAsync(write, owned.ToList(), owned.Key);
        }

        var stored = await db.Balances.Where(b => b.CommunityId == community.Id && b.Asset == asset && b.Account.StartsWith("person:")).ToListAsync();
        var balances = stored.Union(db.Balances.Local.Where(b => b.CommunityId == community.Id && b.Asset == asset && b.Account.StartsWith("person:", StringComparison.Ordinal)))
            .Where(b => b.Units > Int128.Zero && addressOf.ContainsKey(PersonOf(b.Account)))
            .OrderBy(b => b.Account, StringComparer.Ordinal).ToList();
        if (balances.Count == 0)
        {
            return ChainErrors.NothingToPublish(asset);
        }

        var latest = await db.ChainEpochs.Where(e => e.CommunityId == community.Id && e.Asset == asset).OrderByDescending(e => e.Epoch).FirstOrDefaultAsync();
        var epoch = (latest?.Epoch ?? 0) + 1;
        var cumulative = latest is null
            ? []
            : (await db.ChainEntitlements.AsNoTracking().Where(e => e.CommunityId == community.Id && e.Asset == asset && e.Epoch == latest.Epoch).ToListAsync())
                .ToDictionary(e => e.Address, e => (e.PersonId, Amount: BigInteger.Parse(e.Cumulative, CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        var money = Asset.FromKnownCode(asset).Value;
        var postings = new List<Posting>();
        var funding = Int128.Zero;
        foreach (var balance in balances)
        {
            var person = PersonOf(balance.Account);
            var address = ChainAddresses.Text(addressOf[person]);
            postings.Add(new Posting(AccountId.ForPerson(person.Value), Money.Of(money, -balance.Units)));
            funding += balance.Units;
            var before = cumulative.TryGetValue(address, out var had) ? had.Amount : BigInteger.Zero;
            cumulative[address] = (person, before + (BigInteger)balance.Units);
        }

        postings.Add(new Posting(Escrow, Money.Of(money, funding)));
        var entry = JournalEntry.Create("chain-claims", $"claims epoch {epoch} on chain", postings);
        if (!entry.IsSuccess)
        {
            return entry.Error;
        }

        var posted = await write.PostAsync(entry.Value);
        if (!posted.IsSuccess)
        {
            return posted.Error;
        }

        var tree = ClaimTree.Build(cumulative.Select(c => new ClaimLeaf(AssetAddress(asset), ChainOutbox.Address(c.Key), c.Value.Amount)));
        var root = "0x" + Convert.ToHexStringLower(tree.Root);
        var total = tree.Total.ToString(CultureInfo.InvariantCulture);
        var fundingText = funding.ToString(CultureInfo.InvariantCulture);
        db.ChainEpochs.Add(new ChainEpochRow
        {
            CommunityId = community.Id,
            Asset = asset,
            Epoch = epoch,
            Root = root,
            Total = total,
            Funding = fundingText,
            PreparedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
        });
        foreach (var (address, (person, amount)) in cumulative)
        {
            db.ChainEntitlements.Add(new ChainEntitlementRow
            {
                CommunityId = community.Id,
                Asset = asset,
                Epoch = epoch,
                Address = address,
                PersonId = person,
                Cumulative = amount.ToString(CultureInfo.InvariantCulture),
            });
        }

        await write.AuditAsync("chain.epoch-prepared", new { asset, epoch, root, total, funding = fundingText, addresses = cumulative.Count, entry = posted.Value });
        await ChainOutbox.EnqueuePublishAsync(write, community.Id, asset, epoch);
        return new EpochPrepared(asset, epoch, root, total, fundingText, cumulative.Count, posted.Value);
    }

    /// <summary>
    /// What <paramref name="account"/> can claim under the latest published epoch, with the proof the contract
    /// checks. Public: a proof only lets its own address be paid, and an outside holder has no sign-in.
    /// </summary>
    public async Task<Result<ClaimProofView>> ProofAsync(Community community, string account, string? assetCode)
    {
        var asset = assetCode ?? Asset.Eth.Code;
        var parsed = EthAddress.Parse(account);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var deployment = await db.ChainDeployments.AsNoTracking().FirstOrDefaultAsync(d => d.CommunityId == community.Id);
        if (deployment is null)
        {
            return ChainOutbox.NotInChainMode;
        }

        var address = ChainAddresses.Text(parsed.Value);
        var epoch = await db.ChainEpochs.AsNoTracking().Where(e => e.CommunityId == community.Id && e.Asset == asset && e.State == ChainEpochState.Published)
            .OrderByDescending(e => e.Epoch).FirstOrDefaultAsync();
        var leaves = epoch is null
            ? []
            : await db.ChainEntitlements.AsNoTracking().Where(e => e.CommunityId == community.Id && e.Asset == asset && e.Epoch == epoch.Epoch).ToListAsync();
        var own = leaves.FirstOrDefault(l => l.Address == address);
        if (epoch is null || own is null)
        {
            return ChainErrors.NoClaim(parsed.Value, asset);
        }

        var tree = ClaimTree.Build(leaves.Select(l => new ClaimLeaf(AssetAddress(asset), ChainOutbox.Address(l.Address), BigInteger.Parse(l.Cumulative, CultureInfo.InvariantCulture))));
        var claimed = (await db.ChainEvents.AsNoTracking().Where(e => e.CommunityId == community.Id && e.Kind == "claimed").Select(e => e.Json).ToListAsync())
            .Select(ChainEffect.ClaimOf).Where(c => c.Account == address && c.Asset == asset).Aggregate(BigInteger.Zero, (sum, c) => sum + c.Amount);
        return new ClaimProofView(
            ChainOutbox.Address(deployment.Claims).ToString(), asset, AssetAddress(asset).ToString(), epoch.Epoch, parsed.Value.ToString(), own.Cumulative,
            claimed.ToString(CultureInfo.InvariantCulture), tree.ProofOf(parsed.Value).Select(p => "0x" + Convert.ToHexStringLower(p)).ToList());
    }

    private static PersonId PersonOf(string account) => new(Guid.ParseExact(account["person:".Length..], "N"));

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/chain/epochs", (PublishRequest request, ChainClaims claims, HttpContext http) =>
                Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => claims.PublishAsync(caller, request, key)))
            .Allow(Access.Treasurer)
            .WithSummary("Chain mode: publish a claims epoch — settle holder shares, move each person's balance into on-chain claims, queue the Merkle root with its funding. Takes an Idempotency-Key.")
            .Produces<EpochPrepared>(StatusCodes.Status201Created);
        api.MapGet("/communities/{slug}/chain/claims/{address}", async (string address, string? asset, ChainClaims claims, HttpContext http) =>
                Problems.From(await claims.ProofAsync(http.Caller().RequireCommunity(), address, asset)))
            .Allow(Access.Anyone)
            .WithSummary("Chain mode: an address's cumulative entitlement under the latest published epoch and its Merkle proof, ready for claim(asset, epoch, account, cumulative, proof).")
            .Produces<ClaimProofView>();
    }
}
