using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Properties;

/// <summary>
/// Plays one random revenue sequence against one freshly founded community with one project: before
/// each request it decides from the model whether the API must accept or refuse (and with which
/// problem code), sends it as the acting person, then checks the answer and, after every step that
/// changed something, every balance, every person's holder entitlement, the holder pool and
/// conservation of money.
/// </summary>
public sealed partial class RevenueRun(TestApp app, Person[] people, string slug, RunStats stats)
{
    /// <summary>The scale the store keeps accumulators and marks in: 2^128.</summary>
    private static readonly BigInteger Scale = BigInteger.One << 128;

    private static readonly BigInteger Allowance = 200_000;

    private readonly RevenueModel model = new(people.Select(p => p.Id).ToArray());

    // Whose account each token settled in this step must reach, and who claimed in it (settles all their tokens).
    private readonly Dictionary<long, int> payees = [];
    private int? claimant;

    private long lastEntry;
    private long foundedAt;
    private long project;

    // Whether any request of the current step was accepted.
    private bool accepted;

    private string Api => $"/api/v1/communities/{slug}";

    private string ProjectApi => $"{Api}/projects/{project}";

    private Person Admin => people[0];

    private Person Lead => people[1];

    private long Now => app.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>People with a bank account on file (set once for the whole test): p0..p3; p4 has none.</summary>
    public static bool HasBankAccount(int person) => person < 4;

    /// <summary>
    /// Everyone gets the same money; the lead mints (a project needs a member), opens the project,
    /// takes p2 and p3 onto the team, and everyone accepts version 1 (p1 2 : p2 1 : p3 1).
    /// </summary>
    public async Task StartAsync(long foundedAtUnixMs)
    {
        foundedAt = foundedAtUnixMs;
        stats.Operation = "start";
        for (var i = 0; i < people.Length; i++)
        {
            await Admin.DepositAsync(slug, Text(Allowance), RevenueModel.Yen, people[i].Id);
            model.Post((RevenueModel.External, RevenueModel.Yen, -Allowance), (model.AccountOf(i), RevenueModel.Yen, Allowance));
        }

        await MintAsync(new RevenueOp.Mint(1));
        var created = await Lead.Client.PostJsonAsync($"{Api}/projects", new { title = "祭りの絵巻" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        project = (await created.JsonAsync()).GetProperty("id").GetInt64();
        model.Project = $"project:{project}";
        foreach (var member in new[] { 2, 3 })
        {
            var invited = await Lead.Client.PostJsonAsync($"{ProjectApi}/invitations", new { personId = people[member].Id, role = "writer" });
            var invitation = (await invited.JsonAsync()).GetProperty("id").GetInt64();
            Assert.Equal(HttpStatusCode.OK, (await people[member].Client.PostJsonAsync($"{Api}/invitations/{invitation}/accept", new { })).StatusCode);
        }

        await ProposeAsync(new RevenueOp.Propose([2, 1, 1], [0, 0], 0, 15));
        Assert.Equal("in-force", model.Agreements.Single().State);
        await CheckAsync();
    }

    public async Task StepAsync(int index, RevenueStep step)
    {
        app.Clock.Advance(TimeSpan.FromMilliseconds(step.AdvanceMs));
        stats.Operation = step.Op.GetType().Name;
        accepted = false;
        payees.Clear();
        claimant = null;
        try
        {
            await (step.Op switch
            {
                RevenueOp.Record op => RecordAsync(op),
                RevenueOp.Mint op => MintAsync(op),
                RevenueOp.Gift op => GiftAsync(op),
                RevenueOp.Sale op => SaleAsync(op),
                RevenueOp.Redeem op => RedeemAsync(op),
                RevenueOp.Inherit op => InheritAsync(op),
                RevenueOp.Claim op => ClaimAsync(op),
                RevenueOp.Propose op => ProposeAsync(op),
                RevenueOp.Accept op => AcceptAsync(op),
                RevenueOp.Grant op => GrantAsync(op),
                RevenueOp.Policy op => PolicyAsync(op),
                RevenueOp.TopUp op => TopUpAsync(op),
                _ => throw new InvalidOperationException($"No driver for {step.Op}."),
            });
            if (accepted)
            {
                await CheckAsync();
            }
        }
        catch (Exception exception) when (exception is not StepFailedException)
        {
            throw new StepFailedException($"Step [{index}] {step.Op} failed: {exception.Message}\nThe model before the failing check: {Summary()}", exception);
        }
    }

    /// <summary>
    /// At the end: the project's revenue history shows every event once with the parts the model
    /// expected, and <c>mikoshi verify</c> (audit chain, journal, balances, holder pools, supply) is clean.
    /// </summary>
    public async Task FinishAsync()
    {
        var money = await GetAsync($"{ProjectApi}/revenue");
        var shown = money.GetProperty("revenue").EnumerateArray().Reverse().ToList();
        Assert.Equal(model.Revenue.Count, shown.Count);
        for (var i = 0; i < shown.Count; i++)
        {
            var expected = model.Revenue[i];
            Assert.Equal(expected.Number, shown[i].GetProperty("id").GetInt64());
            Assert.Equal(expected.Amount, Units(shown[i].GetProperty("amount")));
            Assert.Equal(expected.AgreementVersion, shown[i].GetProperty("agreementVersion").GetInt32());
            Assert.Equal(expected.HolderSupply, shown[i].GetProperty("holderSupply").GetInt64());

            // The history lists every party of the version the event used, as the first answer did,
            // including a party whose part rounded to nothing.
            AssertParts(expected.Parts, shown[i], $"revenue {expected.Number} as listed");
        }

        await using var scope = app.Scope();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();
        stats.Timings["verify"] = stats.Timings.GetValueOrDefault("verify") + watch.Elapsed;
        Assert.True(report.IsClean, "verify: " + string.Join("\n", report.Findings));
    }

    private async Task RecordAsync(RevenueOp.Record op)
    {
        var now = Now;
        var inForce = model.Agreements.Where(a => a.InForceAt is not null).OrderBy(a => a.InForceAt).ThenBy(a => a.Version).ToList();
        var first = inForce[0].InForceAt!.Value;
        var occurred = op.When switch
        {
            1 => first + (long)((now - first) * (BigInteger)op.Pick / 1_000_000),
            2 => inForce[op.Pick % inForce.Count].InForceAt!.Value - (op.Pick / inForce.Count % 2),
            3 => foundedAt - 1 - (op.Pick % 86_400_000),
            4 => now + 1 + (op.Pick % 60_000),
            _ => now,
        };
        var agreement = model.AgreementAt(occurred);
        var refusal = occurred > now ? "invalid_occurred_at" : agreement is null ? "no_split_agreement" : null;
        if (refusal is null && occurred < model.HoldingsChangedAt && model.Waterfall(op.Asset, op.Amount, agreement!).Holders > 0)
        {
            refusal = "revenue_before_holdings_change";
        }

        var key = $"revenue-{Guid.NewGuid():N}";
        Task<HttpResponseMessage> Send(BigInteger amount) => Admin.Client.PostJsonAsync($"{ProjectApi}/revenue",
            new { asset = op.Asset, amount = Text(amount), source = "Booth sales", occurredAt = DateTimeOffset.FromUnixTimeMilliseconds(occurred) }, key);
        var supply = model.Supply;
        var parts = refusal is null ? model.Waterfall(op.Asset, op.Amount, agreement!) : null;
        var body = await SendAsync(() => Send(op.Amount), refusal, HttpStatusCode.Created);
        if (refusal is not null)
        {
            return;
        }

        var record = new RevenueRecordModel(model.Revenue.Count + 1, op.Asset, op.Amount, agreement!.Version, supply, parts!);
        Assert.Equal(record.Number, body.GetProperty("id").GetInt64());
        Assert.Equal(record.AgreementVersion, body.GetProperty("agreementVersion").GetInt32());
        Assert.Equal(supply, body.GetProperty("holderSupply").GetInt64());
        AssertParts(parts!, body, "the answer");
        model.Revenue.Add(record);
        var postings = new List<(string, string, BigInteger)>
        {
            (RevenueModel.External, op.Asset, -op.Amount),
            (RevenueModel.Treasury, op.Asset, parts!.Recouped + parts.Treasury),
            (RevenueModel.Pool, op.Asset, parts.Holders),
            (model.Project, op.Asset, parts.Reserve),
        };
        postings.AddRange(parts.Contributors.Select(c => (model.AccountOf(c.Person), op.Asset, c.Units)));
        model.Post([.. postings]);
        var (outstanding, rate) = model.Funding.GetValueOrDefault(op.Asset);
        model.Funding[op.Asset] = (outstanding - parts.Recouped, rate);
        if (parts.Holders > 0)
        {
            model.History.Add(new HolderEvent.Distributed(op.Asset, parts.Holders));
        }

        if (op.Retry == 1)
        {
            await ReplayAsync(() => Send(op.Amount), HttpStatusCode.Created, body);
        }
        else if (op.Retry == 2)
        {
            stats.Operation = "Record with a reused key";
            await SendAsync(() => Send(op.Amount + 1), "idempotency_key_reused", HttpStatusCode.Created);
        }
    }

    private async Task MintAsync(RevenueOp.Mint op)
    {
        var account = model.AccountOf(op.Actor);
        var price = model.NextPrice;
        var refusal = model.Balance(account, RevenueModel.Yen) < price ? "insufficient_funds" : null;
        var body = await SendAsync(() => people[op.Actor].Client.PostJsonAsync($"{Api}/tokens", new { }), refusal, HttpStatusCode.Created);
        if (refusal is not null)
        {
            return;
        }

        model.PostForOneToken((account, RevenueModel.Yen, -price), (RevenueModel.Treasury, RevenueModel.Yen, price));
        Assert.Equal(price, Units(body.GetProperty("price")));
        Assert.Equal(model.Mint(op.Actor, price, Now), body.GetProperty("token").GetInt64());
    }

    private async Task GiftAsync(RevenueOp.Gift op)
    {
        var (serial, owner) = ChooseToken(op.Token);
        var to = op.To == owner ? (op.To + 1) % people.Length : op.To;
        var actor = owner ?? op.To;
        var refusal = owner is null ? "token_not_found" : null;
        await SendAsync(() => people[actor].Client.PostJsonAsync($"{Api}/tokens/{serial}/transfer", new { to = people[to].Id }), refusal, HttpStatusCode.OK);
        if (refusal is null)
        {
            payees[serial] = owner!.Value;
            model.Move(serial, to, inherited: false, Now);
        }
    }

    private async Task SaleAsync(RevenueOp.Sale op)
    {
        var (serial, owner) = ChooseToken(op.Token);
        if (owner is not { } seller)
        {
            await SendAsync(() => people[op.Buyer].Client.PostJsonAsync($"{Api}/tokens/{serial}/listings", new { price = Text(op.Price) }),
                model.IsMember(op.Buyer) ? "token_not_found" : "forbidden", HttpStatusCode.Created);
            return;
        }

        var buyer = op.Buyer == seller ? (op.Buyer + 1) % people.Length : op.Buyer;
        var price = new BigInteger(op.Price);
        var listed = await SendAsync(() => people[seller].Client.PostJsonAsync($"{Api}/tokens/{serial}/listings", new { price = Text(price) }), null, HttpStatusCode.Created);
        Assert.Equal(++model.Listings, listed.GetProperty("id").GetInt64());
        var buyerAccount = model.AccountOf(buyer);
        var refusal = model.Balance(buyerAccount, RevenueModel.Yen) < price ? "insufficient_funds" : null;
        var body = await SendAsync(() => people[buyer].Client.PostJsonAsync($"{Api}/listings/{model.Listings}/buy", new { }), refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        var split = RevenueModel.LargestRemainder(price, [model.RoyaltyBps, RevenueModel.Whole - model.RoyaltyBps]);
        Assert.Equal(split[0], Units(body.GetProperty("royalty")));
        Assert.Equal(split[1], Units(body.GetProperty("sellerReceives")));
        model.Post((buyerAccount, RevenueModel.Yen, -price), (RevenueModel.Treasury, RevenueModel.Yen, split[0]), (model.AccountOf(seller), RevenueModel.Yen, split[1]));
        payees[serial] = seller;
        model.Move(serial, buyer, inherited: false, Now);
    }

    private async Task RedeemAsync(RevenueOp.Redeem op)
    {
        var (serial, owner) = ChooseToken(op.Token);
        var actor = owner ?? op.Token % people.Length;
        var refusal = owner is null ? "token_not_found" : null;

        // The token's units of each pool at their value × (r + (1 − r) / s), rounded down once, then (LLC-DAO) no more than
        // the room left under the holder's cap; read before the token's holder share settles.
        var reclaim = refusal is not null ? [] : model.Pools.Redemption(serial, model.RedemptionRateBps)
            .Select(r => (r.Asset, Amount: model.CapAtPaidIn ? BigInteger.Min(r.Amount, model.CapRoom(actor, r.Asset)) : r.Amount))
            .Where(r => r.Amount > 0)
            .ToList();
        var body = await SendAsync(() => people[actor].Client.PostJsonAsync($"{Api}/tokens/{serial}/redeem", new { }), refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        var paid = body.GetProperty("reclaim").EnumerateArray().Select(a => (a.GetProperty("asset").GetString()!, Units(a))).ToList();
        Assert.Equal(reclaim, paid);
        foreach (var (asset, amount) in reclaim)
        {
            model.PostForOneToken((RevenueModel.Treasury, asset, -amount), (model.AccountOf(actor), asset, amount));
            if (model.CapAtPaidIn)
            {
                model.CapReceived[(actor, asset)] = model.CapReceived.GetValueOrDefault((actor, asset)) + amount;
            }
        }

        payees[serial] = actor;
        model.Burn(serial, Now);
    }

    private async Task InheritAsync(RevenueOp.Inherit op)
    {
        var members = Enumerable.Range(0, people.Length).Where(model.IsMember).ToList();
        var holder = members.Count > 0 ? members[op.Holder % members.Count] : op.Holder % people.Length;
        var heir = op.Heir == holder ? (op.Heir + 1) % people.Length : op.Heir;
        var plan = new
        {
            successors = new[] { new { personId = people[heir].Id, share = 1 } },
            byShares = false,
            guardians = Array.Empty<string>(),
            threshold = 0,
        };
        var refusal = members.Count == 0 ? "forbidden" : null;
        await SendAsync(() => people[holder].Client.PutAsJsonAsync($"{Api}/succession", plan), refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        var tokens = model.TokensOf(holder);
        var body = await SendAsync(() => people[holder].Client.PostJsonAsync($"{Api}/succession/execute", new { }), null, HttpStatusCode.OK);
        var moves = body.GetProperty("moves").EnumerateArray().Select(m => (m.GetProperty("token").GetInt64(), Guid.Parse(m.GetProperty("to").GetString()!))).ToList();
        Assert.Equal(tokens.Select(t => (t, Guid.Parse(people[heir].Id))).ToList(), moves);
        // On the holder's own instruction, what the tokens accrued is paid to the holder.
        foreach (var serial in tokens)
        {
            payees[serial] = holder;
            model.Move(serial, heir, inherited: false, Now);
        }
    }

    private async Task ClaimAsync(RevenueOp.Claim op)
    {
        var account = model.AccountOf(op.Actor);
        var claimable = Units((await EarningsAsync(op.Actor, op.Asset)).GetProperty("claimable"));
        var refusal = op.Asset == RevenueModel.Yen && !HasBankAccount(op.Actor) ? "bank_account_required"
            : claimable.IsZero ? "nothing_to_claim"
            : null;
        var key = op.Retry ? $"claim-{Guid.NewGuid():N}" : null;
        Task<HttpResponseMessage> Send() => people[op.Actor].Client.PostJsonAsync($"{Api}/me/claims", new { asset = op.Asset }, key);
        claimant = op.Actor;
        var body = await SendAsync(Send, refusal, HttpStatusCode.Created);
        if (refusal is not null)
        {
            return;
        }

        Assert.Equal(claimable, Units(body.GetProperty("amount")));
        model.History.Add(new HolderEvent.Claimed(op.Actor));
        model.Post((account, op.Asset, -claimable), (RevenueModel.Escrow, op.Asset, claimable));
        if (op.Retry)
        {
            await ReplayAsync(Send, HttpStatusCode.Created, body);
        }

        if (op.Twice)
        {
            stats.Operation = "Claim again";
            await SendAsync(() => people[op.Actor].Client.PostJsonAsync($"{Api}/me/claims", new { asset = op.Asset }), "nothing_to_claim", HttpStatusCode.Created);
        }
    }

    private async Task ProposeAsync(RevenueOp.Propose op)
    {
        var parties = new List<PartyModel>();
        for (var i = 0; i < 3; i++)
        {
            if (op.Weights[i] >= 0)
            {
                parties.Add(new PartyModel(i + 1, op.Weights[i], 0));
            }
        }

        foreach (var (person, share) in new[] { (4, op.Fixed[0]), (0, op.Fixed[1]) })
        {
            if (share > 0)
            {
                parties.Add(new PartyModel(person, 0, share));
            }
        }

        if (parties.Count > 0)
        {
            var start = op.Rotate % parties.Count;
            parties = [.. parties.Skip(start), .. parties.Take(start)];
        }

        var refusal = RevenueModel.IsValidSplit(parties) ? null : "invalid_split";
        var request = new
        {
            parties = parties.Select(p => new
            {
                personId = people[p.Person].Id,
                weight = p.FixedBps > 0 ? (long?)null : p.Weight,
                fixedBps = p.FixedBps > 0 ? p.FixedBps : (int?)null,
            }).ToList(),
        };
        var body = await SendAsync(() => Lead.Client.PostJsonAsync($"{ProjectApi}/agreements", request), refusal, HttpStatusCode.Created);
        if (refusal is not null)
        {
            return;
        }

        var agreement = new AgreementModel(model.Agreements.Count + 1, parties);
        Assert.Equal(agreement.Version, body.GetProperty("version").GetInt32());
        model.Agreements.Add(agreement);
        if (parties.Any(p => p.Person == 1))
        {
            agreement.Accepted.Add(1);
        }

        if (!agreement.Pending.Any())
        {
            model.ComeIntoForce(agreement, Now);
        }

        Assert.Equal(agreement.State, body.GetProperty("state").GetString());
        var others = parties.Where(p => p.Person != 1).ToList();
        for (var k = 0; k < others.Count; k++)
        {
            if (((op.Accepting >> k) & 1) == 1)
            {
                await AcceptAsync(agreement, others[k].Person);
            }
        }
    }

    private async Task AcceptAsync(RevenueOp.Accept op)
    {
        var proposed = model.Agreements.Where(a => a.State == "proposed").ToList();
        if (proposed.Count == 0)
        {
            var settled = model.Agreements[op.Version % model.Agreements.Count];
            var party = settled.Parties[op.Party % settled.Parties.Count].Person;
            await SendAsync(() => people[party].Client.PostJsonAsync($"{ProjectApi}/agreements/{settled.Version}/accept", new { }), "agreement_not_pending", HttpStatusCode.OK);
            return;
        }

        var agreement = proposed[op.Version % proposed.Count];
        var strangers = Enumerable.Range(0, people.Length).Where(p => agreement.Parties.All(x => x.Person != p)).ToList();
        if (op.Stranger && strangers.Count > 0)
        {
            var stranger = strangers[op.Party % strangers.Count];
            await SendAsync(() => people[stranger].Client.PostJsonAsync($"{ProjectApi}/agreements/{agreement.Version}/accept", new { }), "not_a_party", HttpStatusCode.OK);
            return;
        }

        var pending = agreement.Pending.ToList();
        await AcceptAsync(agreement, pending[op.Party % pending.Count]);
    }

    private async Task AcceptAsync(AgreementModel agreement, int party)
    {
        var body = await SendAsync(() => people[party].Client.PostJsonAsync($"{ProjectApi}/agreements/{agreement.Version}/accept", new { }), null, HttpStatusCode.OK);
        agreement.Accepted.Add(party);
        if (!agreement.Pending.Any())
        {
            model.ComeIntoForce(agreement, Now);
        }

        Assert.Equal(agreement.State, body.GetProperty("state").GetString());
    }

    private async Task GrantAsync(RevenueOp.Grant op)
    {
        var treasury = model.Balance(RevenueModel.Treasury, op.Asset);
        var amount = BigInteger.Max(BigInteger.One, treasury * op.Permille / 1_000);
        var refusal = amount > treasury ? "insufficient_funds" : null;
        await SendAsync(() => Admin.Client.PostJsonAsync($"{ProjectApi}/grants", new { asset = op.Asset, amount = Text(amount), recoupRateBps = op.RecoupRateBps }),
            refusal, HttpStatusCode.Created);
        if (refusal is not null)
        {
            return;
        }

        model.Post((RevenueModel.Treasury, op.Asset, -amount), (model.Project, op.Asset, amount));

        // A grant with a recoupment rate sets the rate for everything still to recover; one without adds nothing to recover.
        var (outstanding, rate) = model.Funding.GetValueOrDefault(op.Asset);
        model.Funding[op.Asset] = op.RecoupRateBps > 0 ? (outstanding + amount, op.RecoupRateBps) : (outstanding, rate);
    }

    private async Task PolicyAsync(RevenueOp.Policy op)
    {
        var (treasury, holders, reserve) = (op.TreasuryBps ?? model.TreasuryBps, op.HolderBps ?? model.HolderBps, op.ReserveBps ?? model.ReserveBps);
        var refusal = treasury + holders + reserve > RevenueModel.Whole ? "invalid_parameter" : null;
        var request = new { treasuryBps = op.TreasuryBps, holderBps = op.HolderBps, reserveBps = op.ReserveBps, holderShareToTreasury = op.ToTreasury, capAtPaidIn = op.Cap };
        var body = await SendAsync(() => Admin.Client.PutAsJsonAsync($"{Api}/revenue-policy", request), refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        (model.TreasuryBps, model.HolderBps, model.ReserveBps) = (treasury, holders, reserve);
        model.HolderShareToTreasury = op.ToTreasury ?? model.HolderShareToTreasury;
        model.CapAtPaidIn = op.Cap ?? model.CapAtPaidIn;
        Assert.Equal(RevenueModel.Whole - treasury - holders - reserve, body.GetProperty("contributorsBps").GetInt32());
        Assert.Equal(model.HolderShareToTreasury, body.GetProperty("holderShareToTreasury").GetBoolean());
        Assert.Equal(model.CapAtPaidIn, body.GetProperty("capAtPaidIn").GetBoolean());
    }

    private async Task TopUpAsync(RevenueOp.TopUp op)
    {
        await Admin.DepositAsync(slug, op.Amount.ToString(CultureInfo.InvariantCulture), RevenueModel.Yen, people[op.Person].Id);
        model.Post((RevenueModel.External, RevenueModel.Yen, -op.Amount), (model.AccountOf(op.Person), RevenueModel.Yen, op.Amount));
        accepted = true;
    }

    /// <summary>
    /// After every step that changed something: the holders' share settled in it went where the step
    /// says and was capped as the rule says; every balance equals the model's; every person's holder
    /// entitlement is their exact share give or take what the accumulator may honestly differ by; the
    /// pool never owes more than it holds and keeps only a small remainder; money is conserved.
    /// </summary>
    private async Task CheckAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug);
        var id = community.Id;
        var entries = await db.JournalEntries.AsNoTracking().Include(e => e.Postings)
            .Where(e => e.CommunityId == id && e.Number > lastEntry).OrderBy(e => e.Number).ToListAsync();
        foreach (var entry in entries)
        {
            lastEntry = entry.Number;
            if (entry.Kind == "holder-share")
            {
                ObserveSettlement(entry);
            }
        }

        var live = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == id && t.BurnedAtUnixMs == null).OrderBy(t => t.Serial).ToListAsync();
        Assert.Equal(model.Live, live.Select(t => t.Serial.Value).ToList());
        Assert.Equal(model.Supply, community.Supply);
        foreach (var token in live)
        {
            Assert.True(Guid.Parse(people[model.OwnerOf(token.Serial.Value)!.Value].Id) == token.OwnerId!.Value.Value, $"token #{token.Serial} has another owner than the model's");
        }

        // What each person's tokens are owed and not yet settled, before any cap: from the stored accumulators and marks.
        var pools = (await db.HolderPools.AsNoTracking().Where(p => p.CommunityId == id).ToListAsync())
            .ToDictionary(p => p.Asset, p => (PerToken: Parse(p.PerTokenScaled), Carry: Parse(p.CarryScaled)));
        var marks = (await db.TokenAccruals.AsNoTracking().Where(a => a.CommunityId == id).ToListAsync()).ToDictionary(a => (a.Serial, a.Asset), a => Parse(a.PaidScaled));
        var accrued = new Dictionary<(int Person, string Asset), BigInteger>();
        foreach (var asset in RevenueModel.Assets)
        {
            var (perToken, carry) = pools.GetValueOrDefault(asset);
            var owedScaled = carry;
            foreach (var token in live)
            {
                var owner = model.OwnerOf(token.Serial.Value)!.Value;
                var unsettled = perToken - marks.GetValueOrDefault((token.Serial, asset));
                Assert.True(unsettled.Sign >= 0, $"token #{token.Serial} was paid more {asset} than it accrued");
                accrued[(owner, asset)] = accrued.GetValueOrDefault((owner, asset)) + (unsettled / Scale);
                owedScaled += unsettled;
            }

            // Exactly, not within bounds: the pool is what its tokens are owed (fractions included) plus the carried remainder,
            // and the carry is below one unit, plus the fractions of tokens burned since the last distribution.
            var (_, returned) = model.Entitle(asset);
            Assert.True(owedScaled == model.Balance(RevenueModel.Pool, asset) * Scale,
                $"the {asset} holder pool holds {model.Balance(RevenueModel.Pool, asset)}, but its tokens and carry come to {owedScaled} / 2^128");
            Assert.True(carry < Scale * (returned + 1), $"the {asset} accumulator carries {carry} / 2^128, more than one unit and {returned} burned tokens' fractions");
        }

        stats.Timings["check: store"] = stats.Timings.GetValueOrDefault("check: store") + watch.Elapsed;
        var shown = await BalancesAsync();
        for (var p = 0; p < people.Length; p++)
        {
            await CheckEarningsAsync(p, accrued);
        }

        foreach (var asset in RevenueModel.Assets)
        {
            CheckHolders(asset, accrued, shown);
        }
    }

    /// <summary>
    /// One holder-share entry: the pool pays what a token owed to the person the step says (the
    /// owner, the heir, or the claimant), all of it, or under the cap only the room left below what
    /// they paid in, the excess to the treasury.
    /// </summary>
    private void ObserveSettlement(JournalEntryRow entry)
    {
        var serial = SerialPattern().Match(entry.Memo) is { Success: true } match ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : (long?)null;
        var payee = serial is { } s && payees.TryGetValue(s, out var heirOrOwner) ? heirOrOwner
            : claimant ?? throw new InvalidOperationException($"The holders' share was settled outside any move or claim: entry {entry.Number} '{entry.Memo}'.");
        var account = model.AccountOf(payee);
        foreach (var legs in entry.Postings.GroupBy(p => p.Asset, StringComparer.Ordinal))
        {
            var asset = legs.Key;
            BigInteger Leg(string name) => legs.Where(p => p.Account == name).Aggregate(BigInteger.Zero, (sum, p) => sum + (BigInteger)p.Units);
            Assert.True(legs.All(p => p.Account == RevenueModel.Pool || p.Account == RevenueModel.Treasury || p.Account == account),
                $"entry {entry.Number} '{entry.Memo}' pays someone other than p{payee}: {string.Join(", ", legs.Select(p => p.Account))}");
            var owed = -Leg(RevenueModel.Pool);
            var (toPerson, toTreasury) = (Leg(account), Leg(RevenueModel.Treasury));
            var expected = model.CapAtPaidIn ? BigInteger.Min(owed, model.CapRoom(payee, asset)) : owed;
            Assert.True(owed > 0 && toPerson == expected && toTreasury == owed - expected,
                $"entry {entry.Number} '{entry.Memo}': the pool paid {owed} {asset}, {toPerson} to p{payee} and {toTreasury} to the treasury; "
                + $"the cap ({model.CapAtPaidIn}, paid in {model.PaidIn(payee, asset)}, counted {model.CapReceived.GetValueOrDefault((payee, asset))}) allows {expected} to p{payee}");
            if (model.CapAtPaidIn)
            {
                model.CapReceived[(payee, asset)] = model.CapReceived.GetValueOrDefault((payee, asset)) + toPerson;
            }

            model.Settled[(payee, asset)] = model.Settled.GetValueOrDefault((payee, asset)) + owed;
            model.Post((RevenueModel.Pool, asset, -owed), (account, asset, toPerson), (RevenueModel.Treasury, asset, toTreasury));
        }
    }

    /// <summary>Every account's balance is the model's, and each asset's balances sum to zero.</summary>
    private async Task<Dictionary<(string Account, string Asset), BigInteger>> BalancesAsync()
    {
        var accounts = await GetAsync($"{Api}/accounts", Admin);
        var shown = accounts.GetProperty("items").EnumerateArray()
            .ToDictionary(b => (b.GetProperty("account").GetString()!, b.GetProperty("asset").GetString()!), b => Parse(b.GetProperty("amount").GetString()!));
        foreach (var asset in shown.GroupBy(b => b.Key.Item2, StringComparer.Ordinal))
        {
            var sum = asset.Aggregate(BigInteger.Zero, (s, b) => s + b.Value);
            Assert.True(sum.IsZero, $"{asset.Key} balances sum to {sum}, not zero");
        }

        foreach (var key in shown.Keys.Union(model.Balances.Keys))
        {
            var expected = model.Balance(key.Item1, key.Item2);
            var actual = shown.GetValueOrDefault(key);
            Assert.True(expected == actual, $"{AccountName(key.Item1)} holds {actual} {key.Item2}; the model says {expected}");
        }

        return shown;
    }

    /// <summary>"My earnings" agrees: balance, the holder share accrued (capped as a settlement now would be), claimable.</summary>
    private async Task CheckEarningsAsync(int person, Dictionary<(int Person, string Asset), BigInteger> accrued)
    {
        foreach (var asset in RevenueModel.Assets)
        {
            var line = await EarningsAsync(person, asset);
            var balance = model.Balance(model.AccountOf(person), asset);
            var owed = accrued.GetValueOrDefault((person, asset));
            var share = model.CapAtPaidIn && owed > 0 ? BigInteger.Min(owed, model.CapRoom(person, asset)) : owed;
            Assert.True(balance == Units(line.GetProperty("balance")), $"p{person}'s earnings show a balance of {line.GetProperty("balance")}; the model says {balance} {asset}");
            Assert.True(share == Units(line.GetProperty("holderShareAccrued")), $"p{person}'s earnings show {line.GetProperty("holderShareAccrued")} accrued; their tokens owe {owed} {asset}, {share} after the cap");
            Assert.Equal(balance + share, Units(line.GetProperty("claimable")));
        }
    }

    /// <summary>
    /// The holders' share in one asset. For each person, settled + accrued (claimed money was settled
    /// first) is their exact share from the full history, give or take less than one unit per token
    /// that reached them, plus at most their part of the fractions burned tokens gave back. The pool
    /// holds what tokens are owed plus a remainder of at most one unit per token in circulation (and
    /// per burned token not yet redistributed). Everything that came in is somewhere.
    /// </summary>
    private void CheckHolders(string asset, Dictionary<(int Person, string Asset), BigInteger> accrued, Dictionary<(string Account, string Asset), BigInteger> shown)
    {
        var (entitled, returned) = model.Entitle(asset);
        var owedToAll = BigInteger.Zero;
        for (var p = 0; p < people.Length; p++)
        {
            var owed = accrued.GetValueOrDefault((p, asset));
            owedToAll += owed;
            var got = Fraction.Whole(model.Settled.GetValueOrDefault((p, asset)) + owed);
            var e = entitled[p];
            var low = e.Exact - Fraction.Whole(e.Acquired);
            var high = e.Exact + Fraction.Whole(e.Acquired) + e.Returned;
            Assert.True(low <= got && got <= high,
                $"p{p}'s holder share of {asset} is {got} (settled {model.Settled.GetValueOrDefault((p, asset))} + accrued {owed}); "
                + $"the exact share is {e.Exact}, so it must lie in [{low}, {high}] ({e.Acquired} tokens reached them; returned fractions up to {e.Returned})");
        }

        var pool = model.Balance(RevenueModel.Pool, asset);
        var remainder = pool - owedToAll;
        Assert.True(remainder >= 0, $"the {asset} holder pool holds {pool} but owes its tokens {owedToAll}");
        Assert.True(remainder <= model.Supply + returned, $"the {asset} holder pool keeps {remainder} beyond what it owes, more than one unit per token ({model.Supply}, + {returned} burned since its last distribution)");

        BigInteger Sum(Func<string, bool> which) => shown.Where(b => b.Key.Asset == asset && which(b.Key.Account)).Aggregate(BigInteger.Zero, (s, b) => s + b.Value);
        var cameIn = -Sum(a => a == RevenueModel.External);
        var inAccounts = Sum(a => a.StartsWith("person:", StringComparison.Ordinal));
        var whereItIs = Sum(a => a == RevenueModel.Treasury) + inAccounts + owedToAll + Sum(a => a == RevenueModel.Escrow) + Sum(a => a == model.Project) + remainder;
        Assert.True(cameIn == whereItIs, $"{cameIn} {asset} came in, but treasury + people + accrued + claimed + reserve + pool remainder = {whereItIs}");
        Assert.Equal(cameIn, model.Balances.Where(b => b.Key.Asset == asset && b.Key.Account != RevenueModel.External).Aggregate(BigInteger.Zero, (s, b) => s + b.Value));
    }

    /// <summary>Sends a request and checks the predicted outcome: success with its status, or a refusal with its code that changed nothing.</summary>
    private async Task<JsonElement> SendAsync(Func<Task<HttpResponseMessage>> send, string? refusal, HttpStatusCode success)
    {
        stats.Count(refusal);
        var before = refusal is null ? null : await Timed("snapshot", () => RevenueSnapshot.TakeAsync(app, slug));
        using var response = await Timed("write", send);
        var text = await response.Content.ReadAsStringAsync();
        if (refusal is null)
        {
            Assert.True(response.StatusCode == success, $"expected {(int)success}, got {(int)response.StatusCode}: {text}");
            accepted = true;
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"expected a refusal ({refusal}), got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var code = JsonDocument.Parse(text).RootElement.GetProperty("code").GetString();
        Assert.True(code == refusal, $"expected {refusal}, got {code}: {text}");
        AssertUnchanged(before!, await Timed("snapshot", () => RevenueSnapshot.TakeAsync(app, slug)), $"refused with {refusal}");
        return default;
    }

    /// <summary>The same request with the same Idempotency-Key: the first answer again, marked as a replay, and nothing written.</summary>
    private async Task ReplayAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, JsonElement first)
    {
        var before = await Timed("snapshot", () => RevenueSnapshot.TakeAsync(app, slug));
        using var again = await send();
        var text = await again.Content.ReadAsStringAsync();
        Assert.True(again.StatusCode == status, $"replay: expected {(int)status}, got {(int)again.StatusCode}: {text}");
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.GetRawText(), JsonDocument.Parse(text).RootElement.GetRawText());
        AssertUnchanged(before, await Timed("snapshot", () => RevenueSnapshot.TakeAsync(app, slug)), "replayed");
    }

    private static void AssertUnchanged(string before, string after, string what)
    {
        if (before == after)
        {
            return;
        }

        var old = before.Split('\n').ToHashSet(StringComparer.Ordinal);
        var now = after.Split('\n').ToHashSet(StringComparer.Ordinal);
        Assert.Fail($"A request {what} changed the store.\nGone: {string.Join(" | ", old.Except(now))}\nNew: {string.Join(" | ", now.Except(old))}");
    }

    private void AssertParts(WaterfallModel expected, JsonElement revenue, string where)
    {
        var shown = revenue.GetProperty("parts").EnumerateArray()
            .Select(p => $"{p.GetProperty("kind").GetString()} {Who(p.GetProperty("personId").GetString())} {Units(p.GetProperty("amount"))}").ToList();
        var wanted = new List<string>
        {
            $"recouped nobody {expected.Recouped}",
            $"treasury nobody {expected.Treasury}",
            $"holders nobody {expected.Holders}",
            $"reserve nobody {expected.Reserve}",
        };
        wanted.AddRange(expected.Contributors.Select(c => $"contributor p{c.Person} {c.Units}"));
        Assert.True(wanted.SequenceEqual(shown, StringComparer.Ordinal), $"{where}: the parts are [{string.Join("; ", shown)}]; the model's waterfall gives [{string.Join("; ", wanted)}]");
    }

    private async Task<JsonElement> EarningsAsync(int person, string asset)
    {
        var earnings = await GetAsync($"{Api}/me/earnings", people[person]);
        return earnings.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("asset").GetString() == asset);
    }

    private async Task<JsonElement> GetAsync(string url, Person? who = null)
    {
        using var response = await Timed("read", () => (who ?? Admin).Client.GetAsync(url));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<T> Timed<T>(string what, Func<Task<T>> work)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await work();
        stats.Timings[what] = stats.Timings.GetValueOrDefault(what) + watch.Elapsed;
        return result;
    }

    /// <summary>A token in circulation and its owner, or (when none is) a serial never minted.</summary>
    private (long Serial, int? Owner) ChooseToken(int raw)
    {
        var live = model.Live;
        return live.Count > 0 ? (live[raw % live.Count], model.OwnerOf(live[raw % live.Count])) : (model.Minted + 1, null);
    }

    [GeneratedRegex("#([0-9]+)")]
    private static partial Regex SerialPattern();

    private static BigInteger Units(JsonElement amount) => Parse(amount.GetProperty("amount").GetString()!);

    private static BigInteger Parse(string text) => BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private string Who(string? id)
    {
        var index = id is null ? -1 : Array.FindIndex(people, p => Guid.Parse(p.Id) == Guid.Parse(id));
        return index < 0 ? id ?? "nobody" : $"p{index}";
    }

    private string AccountName(string account) =>
        account.StartsWith("person:", StringComparison.Ordinal) ? Who(account["person:".Length..]) : account;

    private string Summary()
    {
        var owners = string.Join(", ", model.Owners.Select((o, i) => $"#{i + 1}:{RevenueModel.Name(o)}"));
        var versions = string.Join(", ", model.Agreements.Select(a =>
            $"v{a.Version} {a.State}{(a.InForceAt is { } at ? string.Create(CultureInfo.InvariantCulture, $"@{at}") : string.Empty)} [{string.Join(' ', a.Parties.Select(p => p.FixedBps > 0 ? $"p{p.Person}:{p.FixedBps}bps" : $"p{p.Person}×{p.Weight}"))}]"));
        var balances = string.Join(", ", model.Balances.Where(b => !b.Value.IsZero).Select(b => $"{AccountName(b.Key.Account)}={b.Value} {b.Key.Asset}"));
        var funding = string.Join(", ", model.Funding.Select(f => $"{f.Key} outstanding {f.Value.Outstanding} at {f.Value.RateBps}bps"));
        return string.Create(CultureInfo.InvariantCulture,
            $"now {Now}; policy T{model.TreasuryBps} H{model.HolderBps} R{model.ReserveBps} routed {model.HolderShareToTreasury} cap {model.CapAtPaidIn}; tokens [{owners}]; versions [{versions}]; funding [{funding}]; balances [{balances}]");
    }
}
