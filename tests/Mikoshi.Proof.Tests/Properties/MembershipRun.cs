using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Features.Governance;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Properties;

/// <summary>What a run did: how often each operation met each outcome, and where the time went.</summary>
public sealed class RunStats
{
    public string Operation { get; set; } = "start";

    public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TimeSpan> Timings { get; } = [];

    public void Count(string? refusal)
    {
        var key = $"{Operation} {refusal ?? "ok"}";
        Outcomes[key] = Outcomes.GetValueOrDefault(key) + 1;
    }

    public override string ToString() =>
        "outcomes: " + string.Join(", ", Outcomes.Select(o => $"{o.Key} ×{o.Value}")) + "\ntime: " +
        string.Join(", ", Timings.OrderByDescending(t => t.Value).Select(t => $"{t.Key} {t.Value.TotalSeconds:0.0}s"));
}

/// <summary>A step of a sequence went wrong: says which, and what the model believed.</summary>
public sealed class StepFailedException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Plays one random sequence against one freshly founded community: before each step it decides
/// from the model whether the API must accept or refuse (and with which problem code), sends the
/// request as the acting person, then checks the API agrees and every invariant still holds.
/// </summary>
public sealed class MembershipRun(TestApp app, Person[] people, string slug, RunStats stats)
{
    public const string External = "external";
    public const string Treasury = "treasury";
    public const string Yen = "JPY";
    public static readonly BigInteger Grant = 100_000;
    public const long Day = 86_400_000;
    public static readonly BigInteger Seed = 10_000;

    private async Task<T> Timed<T>(string what, Func<Task<T>> work)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await work();
        stats.Timings[what] = stats.Timings.GetValueOrDefault(what) + watch.Elapsed;
        return result;
    }

    private readonly MembershipModel model = new(people.Select(p => p.Id).ToArray());

    // The attacking coalition: p1 and p2 (p0 is the admin, p3 and p4 are honest members).
    private static readonly int[] Coalition = [1, 2];

    // Each live token's exact value per asset when last checked: only a shared outflow may lower it, for every token alike.
    private readonly Dictionary<(long Serial, string Asset), (BigInteger Numerator, BigInteger Denominator)> lastValue = [];

    // The assets the treasury spent for the community (executed fund proposals) in the current step.
    private readonly HashSet<string> spent = new(StringComparer.Ordinal);

    // The coalition's wealth per asset (accounts plus the exact value of its tokens) before the current step.
    private Dictionary<string, (BigInteger Numerator, BigInteger Denominator)> coalitionBefore = [];
    private long foundedAt;

    // Whether any request of the current step was accepted, and who acted (-1: the admin's deposit, a buyer, …).
    private bool accepted;
    private int stepActor = -1;

    private string Api => $"/api/v1/communities/{slug}";

    private Person Admin => people[0];

    private long Now => app.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    public MembershipModel Model => model;

    /// <summary>
    /// The admin seeds the treasury before anyone holds a token (the community's own money, which no token owns and
    /// a grant spends first), then gives everyone (themself included) the same starting money.
    /// </summary>
    public async Task StartAsync(long foundedAtUnixMs)
    {
        foundedAt = foundedAtUnixMs;
        await Admin.DepositAsync(slug, Seed.ToString(CultureInfo.InvariantCulture), Yen);
        model.Post((External, Yen, -Seed), (Treasury, Yen, Seed));
        model.TreasuryReceived(Yen, Seed);
        for (var i = 0; i < people.Length; i++)
        {
            await Admin.DepositAsync(slug, Grant.ToString(CultureInfo.InvariantCulture), Yen, people[i].Id);
            model.Post((External, Yen, -Grant), (model.AccountOf(i), Yen, Grant));
        }

        await CheckAsync(probe: 0, changed: true);
    }

    public async Task StepAsync(int index, Step step)
    {
        app.Clock.Advance(TimeSpan.FromMilliseconds(step.AdvanceMs));
        stats.Operation = step.Op.GetType().Name;
        accepted = false;
        coalitionBefore = CoalitionWealth();
        stepActor = -1;
        spent.Clear();
        try
        {
            await (step.Op switch
            {
                MintOp op => MintAsync(op),
                TransferOp op => TransferAsync(op),
                ApproveOp op => ApproveAsync(op),
                ListOp op => ListAsync(op),
                CancelOp op => CancelAsync(op),
                BuyOp op => BuyAsync(op),
                RedeemOp op => RedeemAsync(op),
                PlanOp op => PlanAsync(op),
                ExecuteOp op => ExecuteAsync(op),
                DepositOp op => DepositAsync(op),
                ProposeOp op => ProposeAsync(op),
                VoteOp op => VoteAsync(op),
                DelegateOp op => DelegateAsync(op),
                ProcessOp op => ProcessAsync(op),
                ProjectRevenueOp op => RevenueAsync(op),
                _ => throw new InvalidOperationException($"No driver for {step.Op}."),
            });
            await CheckAsync(step.Probe, accepted);
            if (step.Op is ProposeOp or VoteOp or ProcessOp)
            {
                // Only these change a tally or move a proposal on (a delegation counts from the next opening on).
                await CheckProposalsAsync();
            }

            CheckNoFreeLunch(step.Op);
            await OpenProjectAsync();
        }
        catch (Exception exception) when (exception is not StepFailedException)
        {
            throw new StepFailedException($"Step [{index}] {step.Op} failed: {exception.Message}\nThe model before the failing check: {Summary()}", exception);
        }
    }

    /// <summary><c>mikoshi verify</c> over the whole store: audit chain, journal and every balance.</summary>
    public async Task VerifyAsync()
    {
        await using var scope = app.Scope();
        await CheckProposalsAsync();
        var report = await Timed("verify", () => scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync());
        Assert.True(report.IsClean, "verify: " + string.Join("\n", report.Findings));
    }

    private async Task MintAsync(MintOp op)
    {
        if (op.Change is { } change)
        {
            stats.Operation = "ParameterChange";
            await ChangeParametersAsync(change);
            stats.Operation = nameof(MintOp);
        }

        stepActor = op.Actor;
        var supply = model.Supply;
        var price = model.NextPrice;
        var terms = model.MintTerms();
        var account = model.AccountOf(op.Actor);
        var maxPrice = op.MaxPrice switch
        {
            1 => Text(price),
            2 => Text(BigInteger.Max(price - 1, BigInteger.Zero)),
            _ => null,
        };
        var refusal = model.SupplyCap is { } cap && supply >= cap ? "supply_cap_reached"
            : maxPrice == "0" ? "invalid_amount"
            : maxPrice is not null && price > BigInteger.Parse(maxPrice, CultureInfo.InvariantCulture)
                ? (model.PolicyPrice <= BigInteger.Parse(maxPrice, CultureInfo.InvariantCulture) ? "price_below_value" : "price_moved")
            : model.Balance(account, Yen) < price ? "insufficient_funds"
            : null;
        var at = Now;
        var body = await SendAsync(() => people[op.Actor].Client.PostJsonAsync($"{Api}/tokens", new { maxPrice }), refusal, HttpStatusCode.Created);
        if (refusal is not null)
        {
            return;
        }

        if (price > 0)
        {
            model.Post((account, Yen, -price), (Treasury, Yen, price));
        }

        var serial = model.Mint(op.Actor, at);
        model.MintUnits(serial, terms.Units);

        Assert.Equal(serial, body.GetProperty("token").GetInt64());
        Assert.Equal(price, Units(body.GetProperty("price")));
        Assert.Equal(supply + 1, body.GetProperty("supply").GetInt64());
        AssertSamePerson(people[op.Actor].Id, body.GetProperty("owner").GetString());
    }

    private async Task ChangeParametersAsync(ParameterChange change)
    {
        // Left out keeps the cap; 0 removes it.
        var cap = change.SupplyCap switch
        {
            null => model.SupplyCap,
            0 => null,
            var other => other,
        };
        var royalty = change.RoyaltyBps ?? model.RoyaltyBps;
        var rate = change.RedemptionRateBps ?? model.RedemptionRateBps;
        var refusal = cap is < 1 or > 1_000_000_000 || royalty is < 0 or > MembershipModel.Whole / 2 || rate is < 0 or > MembershipModel.Whole
            ? "invalid_parameter"
            : null;
        var request = new
        {
            mintBasePrice = change.BasePrice?.ToString(CultureInfo.InvariantCulture),
            mintPriceSlope = change.Slope?.ToString(CultureInfo.InvariantCulture),
            supplyCap = change.SupplyCap,
            royaltyBps = change.RoyaltyBps,
            redemptionRateBps = change.RedemptionRateBps,
        };
        var body = await SendAsync(() => Admin.Client.PutAsJsonAsync($"{Api}/parameters", request), refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        model.BasePrice = change.BasePrice ?? model.BasePrice;
        model.Slope = change.Slope ?? model.Slope;
        model.SupplyCap = cap;
        model.RoyaltyBps = royalty;
        model.RedemptionRateBps = rate;
        Assert.Equal(model.NextPrice, Units(body.GetProperty("nextPrice")));
        Assert.Equal(model.Supply, body.GetProperty("supply").GetInt64());
    }

    private async Task TransferAsync(TransferOp op)
    {
        var serial = ChooseToken(op.Pick, op.Token);
        var owner = model.IsLive(serial) ? model.OwnerOf(serial) : null;
        var approved = model.Approved.TryGetValue(serial, out var a) ? a : (int?)null;
        var actor = op.By switch
        {
            0 when owner is { } o => o,
            1 when approved is { } s => s,
            _ => op.Actor,
        };

        // A move by the approved person is the owner's, who chose to allow it.
        stepActor = actor == approved && actor != owner ? owner ?? -1 : actor;
        var refusal = TokenRefusal(serial) ?? Locked(serial)
            ?? (actor != owner && actor != approved ? "not_token_owner"
            : owner == op.To ? "same_owner"
            : null);
        var at = Now;
        var body = await SendAsync(() => people[actor].Client.PostJsonAsync($"{Api}/tokens/{serial}/transfer", new { to = people[op.To].Id }), refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        model.Move(serial, op.To, at);
        Assert.Equal(serial, body.GetProperty("token").GetInt64());
        AssertSamePerson(people[owner!.Value].Id, body.GetProperty("from").GetString());
        AssertSamePerson(people[op.To].Id, body.GetProperty("to").GetString());
    }

    private async Task ApproveAsync(ApproveOp op)
    {
        var serial = ChooseToken(op.Pick, op.Token);
        var owner = model.IsLive(serial) ? model.OwnerOf(serial) : null;
        var actor = op.ByOwner && owner is { } o ? o : op.Actor;
        var refusal = TokenRefusal(serial)
            ?? (owner != actor ? "not_token_owner"
            : op.Spender == actor ? "invalid_spender"
            : null);
        var spender = op.Spender < 0 ? null : people[op.Spender].Id;
        await SendAsync(() => people[actor].Client.PostJsonAsync($"{Api}/tokens/{serial}/approve", new { spender }), refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        if (op.Spender < 0)
        {
            model.Approved.Remove(serial);
        }
        else
        {
            model.Approved[serial] = op.Spender;
        }

        var token = await GetAsync($"{Api}/tokens/{serial}");
        var shown = token.GetProperty("approved");
        if (op.Spender < 0)
        {
            Assert.Equal(JsonValueKind.Null, shown.ValueKind);
        }
        else
        {
            AssertSamePerson(people[op.Spender].Id, shown.GetString());
        }
    }

    private async Task ListAsync(ListOp op)
    {
        var serial = ChooseToken(op.Pick, op.Token);
        var owner = model.IsLive(serial) ? model.OwnerOf(serial) : null;
        var actor = op.ByOwner && owner is { } o ? o : op.Actor;
        stepActor = actor;
        var refusal = !model.IsMember(actor) ? "forbidden"
            : TokenRefusal(serial) ?? Locked(serial) ?? (owner != actor ? "not_token_owner" : null);
        var price = new BigInteger(op.Price);
        var body = await SendAsync(() => people[actor].Client.PostJsonAsync($"{Api}/tokens/{serial}/listings", new { price = Text(price) }), refusal, HttpStatusCode.Created);
        if (refusal is not null)
        {
            return;
        }

        // Listing again replaces the token's earlier listing.
        model.Close(serial, ListingState.Cancelled);
        var listing = new ListingModel(model.Listings.Count + 1, serial, actor, price);
        model.Listings.Add(listing);
        Assert.Equal(listing.Number, body.GetProperty("id").GetInt64());
        Assert.Equal(serial, body.GetProperty("token").GetInt64());
        Assert.Equal("open", body.GetProperty("state").GetString());
        Assert.Equal(price, Units(body.GetProperty("price")));
    }

    private async Task CancelAsync(CancelOp op)
    {
        var listing = ChooseListing(op.Listing, openOnly: false);
        var number = listing?.Number ?? model.Listings.Count + 1;
        var actor = op.BySeller && listing is not null ? listing.Seller : op.Actor;
        var refusal = !model.IsMember(actor) ? "forbidden"
            : ListingRefusal(listing) ?? (listing!.Seller != actor ? "not_token_owner" : null);
        var body = await SendAsync(() => people[actor].Client.PostJsonAsync($"{Api}/listings/{number}/cancel", new { }), refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        listing!.State = ListingState.Cancelled;
        Assert.Equal("cancelled", body.GetProperty("state").GetString());
    }

    private async Task BuyAsync(BuyOp op)
    {
        var listing = ChooseListing(op.Listing, op.OpenOnly);
        var number = listing?.Number ?? model.Listings.Count + 1;
        var buyer = op.OwnListing && listing is not null ? listing.Seller : op.Actor;
        var buyerAccount = model.AccountOf(buyer);
        var refusal = ListingRefusal(listing) ?? Locked(listing!.Serial)
            ?? (buyer == listing.Seller ? "own_listing"
            : model.Balance(buyerAccount, Yen) < listing.Price ? "insufficient_funds"
            : null);
        var key = op.Retry ? Guid.NewGuid().ToString("N") : null;
        var at = Now;
        Task<HttpResponseMessage> Send() => people[buyer].Client.PostJsonAsync($"{Api}/listings/{number}/buy", new { }, key);
        var body = await SendAsync(Send, refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        var sold = listing!;
        var (royalty, proceeds) = model.SplitSale(sold.Price);
        model.Post((buyerAccount, Yen, -sold.Price), (Treasury, Yen, royalty), (model.AccountOf(sold.Seller), Yen, proceeds));
        model.TreasuryReceived(Yen, royalty);
        model.Move(sold.Serial, buyer, at, ListingState.Sold);
        Assert.Equal(sold.Price, Units(body.GetProperty("price")));
        Assert.Equal(royalty, Units(body.GetProperty("royalty")));
        Assert.Equal(proceeds, Units(body.GetProperty("sellerReceives")));
        if (key is not null)
        {
            await ReplayAsync(Send, HttpStatusCode.OK, body);
        }
    }

    private async Task RedeemAsync(RedeemOp op)
    {
        var serial = ChooseToken(op.Pick, op.Token);
        var owner = model.IsLive(serial) ? model.OwnerOf(serial) : null;
        var actor = op.ByOwner && owner is { } o ? o : op.Actor;
        stepActor = actor;
        var refusal = TokenRefusal(serial)
            ?? (owner != actor ? "not_token_owner"
            : Locked(serial) is { } locked ? locked
            : model.RedemptionRateBps == 0 ? "redemption_disabled"
            : null);
        var supply = model.Supply;
        var reclaim = refusal is null ? model.Redemption(serial) : [];
        var key = op.Retry ? Guid.NewGuid().ToString("N") : null;
        var at = Now;

        Task<HttpResponseMessage> Send() => people[actor].Client.PostJsonAsync($"{Api}/tokens/{serial}/redeem", new { }, key);
        var body = await SendAsync(Send, refusal, HttpStatusCode.OK);
        if (refusal is not null && body.ValueKind == JsonValueKind.Undefined)
        {
            return;
        }

        foreach (var (asset, amount) in reclaim)
        {
            model.Post((Treasury, asset, -amount), (model.AccountOf(actor), asset, amount));
        }

        model.BurnUnits(serial);
        model.Burn(serial, at);
        Assert.Equal(supply, body.GetProperty("supply").GetInt64());
        var paid = body.GetProperty("reclaim").EnumerateArray().Select(r => (r.GetProperty("asset").GetString()!, Units(r))).ToList();
        Assert.Equal(reclaim, paid);

        // A retry replays the first answer, even once the redemption took the person's last token.
        if (key is not null)
        {
            await ReplayAsync(Send, HttpStatusCode.OK, body);
        }
    }

    private async Task PlanAsync(PlanOp op)
    {
        var holders = Enumerable.Range(0, people.Length).Where(model.IsMember).ToList();
        var actor = op.ByHolder && holders.Count > 0 ? holders[op.Actor % holders.Count] : op.Actor;

        // A holder choosing for themself does not name themself; a random caller might.
        var mask = op.ByHolder ? op.Successors & ~(1 << actor) : op.Successors;
        var successors = Bits(mask).Select(p => (Person: p, Share: (long)op.Shares[p])).ToList();
        var guardians = Bits(op.Guardians);
        var refusal = !model.IsMember(actor) ? "forbidden"
            : successors.Count == 0 || successors.Any(s => s.Person == actor) ? "invalid_successor"
            : op.ByShares && successors.Any(s => s.Share is < 1 or > 1_000_000) ? "invalid_successor"
            : guardians.Contains(actor) ? "invalid_guardian"
            : op.Threshold > guardians.Count || op.Threshold < 0 || (guardians.Count > 0 && op.Threshold == 0) ? "invalid_threshold"
            : null;
        var request = new
        {
            successors = successors.Select(s => new { personId = people[s.Person].Id, share = s.Share }).ToList(),
            byShares = op.ByShares,
            guardians = guardians.Select(g => people[g].Id).ToList(),
            threshold = op.Threshold,
        };
        var body = await SendAsync(() => people[actor].Client.PutAsJsonAsync($"{Api}/succession", request), refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        model.Plans[actor] = new PlanModel(successors, op.ByShares);
        AssertSamePerson(people[actor].Id, body.GetProperty("holder").GetString());
    }

    private async Task ExecuteAsync(ExecuteOp op)
    {
        var holders = Enumerable.Range(0, people.Length).Where(model.IsMember).ToList();
        var planned = holders.Where(model.Plans.ContainsKey).ToList();
        var actor = !op.ByHolder ? op.Actor
            : planned.Count > 0 ? planned[op.Actor % planned.Count]
            : holders.Count > 0 ? holders[op.Actor % holders.Count]
            : op.Actor;
        var refusal = !model.Plans.ContainsKey(actor) ? "no_succession_plan"
            : !model.IsMember(actor) ? "nothing_to_inherit"
            : model.TokensOf(actor).Select(Locked).FirstOrDefault(l => l is not null);
        stepActor = actor;
        var at = Now;
        var body = await SendAsync(() => people[actor].Client.PostJsonAsync($"{Api}/succession/execute", new { }), refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        var moves = model.Distribute(actor);
        foreach (var (serial, to) in moves)
        {
            model.Move(serial, to, at);
        }

        var shown = body.GetProperty("moves").EnumerateArray()
            .Select(m => (m.GetProperty("token").GetInt64(), Guid.Parse(m.GetProperty("to").GetString()!))).ToList();
        Assert.Equal(moves.Select(m => (m.Serial, Guid.Parse(people[m.To].Id))).ToList(), shown);
    }

    private async Task DepositAsync(DepositOp op)
    {
        var account = op.Person < 0 ? Treasury : model.AccountOf(op.Person);
        await Admin.DepositAsync(slug, op.Amount.ToString(CultureInfo.InvariantCulture), op.Asset, op.Person < 0 ? null : people[op.Person].Id);
        model.Post((External, op.Asset, -op.Amount), (account, op.Asset, op.Amount));
        if (op.Person < 0)
        {
            model.TreasuryReceived(op.Asset, op.Amount);
        }

        accepted = true;
    }

    private string? Locked(long serial) => model.IsLive(serial) && model.LockOf(serial, Now) is not null ? "token_locked_by_vote" : null;

    private List<int> Members => Enumerable.Range(0, people.Length).Where(model.IsMember).ToList();

    /// <summary>
    /// As soon as someone holds a token, they open the community's project with themself as the whole split, so
    /// that fund proposals have a project to fund and revenue a project to come from. Not a step: it moves no money.
    /// </summary>
    private async Task OpenProjectAsync()
    {
        if (model.Project is not null || Members is not [var lead, ..])
        {
            return;
        }

        using var created = await people[lead].Client.PostJsonAsync($"{Api}/projects", new { title = "祭りの絵巻" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var project = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var split = await people[lead].Client.PostJsonAsync($"{Api}/projects/{project}/agreements", new { parties = new[] { new { personId = people[lead].Id, weight = 1 } } });
        var text = await split.Content.ReadAsStringAsync();
        Assert.True(split.StatusCode == HttpStatusCode.Created && JsonDocument.Parse(text).RootElement.GetProperty("state").GetString() == "in-force", text);
        (model.Project, model.Lead) = (project, lead);
    }

    private async Task ProposeAsync(ProposeOp op)
    {
        var members = Members;
        var actor = op.ByMember && members.Count > 0 ? members[op.Actor % members.Count] : op.Actor;
        stepActor = actor;
        var refusal = !model.IsMember(actor) ? "forbidden" : null;
        var opensAt = Now;
        var closesAt = opensAt + Day;
        var request = new
        {
            kind = "fund",
            title = "Fund the scroll",
            body = "Why we should.",
            payload = new { projectId = model.Project, asset = op.Asset, amount = Text(op.Amount), recoupRateBps = op.RecoupRateBps },
            strategy = op.Strategy,
            graceHours = 24,
            closesAt = DateTimeOffset.FromUnixTimeMilliseconds(closesAt),
        };
        var body = await SendAsync(() => people[actor].Client.PostJsonAsync($"{Api}/proposals", request), refusal, HttpStatusCode.Created);
        if (refusal is not null)
        {
            return;
        }

        var proposal = new ProposalModel(model.Proposals.Count + 1, actor, op.Strategy ?? "token-weighted", opensAt, closesAt, closesAt + Day, op.Asset, op.Amount, op.RecoupRateBps);
        model.Proposals.Add(proposal);
        Assert.Equal(proposal.Number, body.GetProperty("id").GetInt64());
        Assert.Equal("active", body.GetProperty("state").GetString());
    }

    private async Task VoteAsync(VoteOp op)
    {
        var open = model.Proposals.Where(p => Now >= p.OpensAt && Now < p.ClosesAt).ToList();
        var pool = op.OpenOnly && open.Count > 0 ? open : model.Proposals;
        var proposal = pool.Count == 0 || op.Proposal % 12 == 0 ? null : pool[op.Proposal % pool.Count];
        var number = proposal?.Number ?? model.Proposals.Count + 1;
        var voters = proposal is null ? [] : Enumerable.Range(0, people.Length).Where(p => model.CanVote(proposal, p)).ToList();
        var actor = op.ByVoter && voters.Count > 0 ? voters[op.Actor % voters.Count] : op.Actor;
        stepActor = actor;
        var refusal = proposal is null ? "proposal_not_found"
            : Now < proposal.OpensAt || Now >= proposal.ClosesAt ? "outside_voting_window"
            : !model.CanVote(proposal, actor) ? "no_voting_power"
            : null;
        var body = await SendAsync(() => people[actor].Client.PostJsonAsync($"{Api}/proposals/{number}/votes/custodial", new { choice = op.Choice, reason = string.Empty }), refusal, HttpStatusCode.Created);
        if (refusal is not null)
        {
            return;
        }

        proposal!.Votes[actor] = op.Choice;
        Assert.Equal(op.Choice, body.GetProperty("choice").GetString());
        AssertSamePerson(people[actor].Id, body.GetProperty("personId").GetString());
    }

    private async Task DelegateAsync(DelegateOp op)
    {
        var members = Members;
        var actor = op.ByMember && members.Count > 0 ? members[op.Actor % members.Count] : op.Actor;
        stepActor = actor;
        int? to = op.To < 0 ? null : op.To;
        var refusal = !model.IsMember(actor) ? "forbidden"
            : to is { } chosen && model.WouldLoop(actor, chosen) ? "delegation_loop"
            : null;
        var at = Now;
        var body = await SendAsync(() => people[actor].Client.PutAsJsonAsync($"{Api}/delegation", new { @delegate = to is { } t ? people[t].Id : null }), refusal, HttpStatusCode.OK);
        if (refusal is not null)
        {
            return;
        }

        model.Delegate(actor, to, at);
        var shown = body.GetProperty("delegate");
        Assert.True(to is null ? shown.ValueKind == JsonValueKind.Null : Guid.Parse(shown.GetString()!) == Guid.Parse(people[to.Value].Id), $"delegation shows {shown}; the model says {model.Name(to)}");
    }

    /// <summary>
    /// The clock runs to the close or the end of grace of the earliest unsettled proposal and the executor runs (as
    /// the background service would): the model settles what is due from its own tally; an executed fund proposal is a
    /// grant, a shared outflow of the treasury; one the treasury cannot pay fails and moves nothing.
    /// </summary>
    private async Task ProcessAsync(ProcessOp op)
    {
        var unsettled = model.Proposals.Where(p => p.Outcome is null).ToList();
        if (unsettled.Count > 0)
        {
            var target = op.PastGrace ? unsettled.Min(p => p.GraceEndsAt) : unsettled.Min(p => p.ClosesAt);
            app.Clock.Advance(TimeSpan.FromMilliseconds(Math.Max(0, target - Now) + op.ExtraMs));
        }

        var at = Now;
        var expected = new List<(long, string, string?)>();
        foreach (var proposal in unsettled.Where(p => p.GraceEndsAt <= at).OrderBy(p => p.GraceEndsAt).ThenBy(p => p.Number))
        {
            string? failure = null;
            if (!model.Tally(proposal).Passed)
            {
                proposal.Outcome = "defeated";
            }
            else if (model.Balance(Treasury, proposal.Asset) < proposal.Amount)
            {
                (proposal.Outcome, failure) = ("failed", "insufficient_funds");
            }
            else
            {
                proposal.Outcome = "executed";
                model.Post((Treasury, proposal.Asset, -proposal.Amount), (model.ProjectAccount, proposal.Asset, proposal.Amount));
                model.TreasurySpent(proposal.Asset, proposal.Amount);
                spent.Add(proposal.Asset);
                if (proposal.RecoupRateBps > 0)
                {
                    var (outstanding, _) = model.Funding.GetValueOrDefault(proposal.Asset);
                    model.Funding[proposal.Asset] = (outstanding + proposal.Amount, proposal.RecoupRateBps);
                }
            }

            expected.Add((proposal.Number, proposal.Outcome, failure));
            stats.Count(proposal.Outcome == "executed" ? null : proposal.Outcome);
        }

        if (expected.Count == 0)
        {
            stats.Count("nothing due");
        }

        var executor = app.Services.GetRequiredService<GovernanceExecutor>();
        var settled = new List<Settlement>();
        while (await Timed("write", () => executor.StepAsync()) is { Count: > 0 } pass)
        {
            settled.AddRange(pass);
        }

        var shown = settled.Where(s => s.Community == slug).Select(s => (s.Proposal, s.Outcome, s.FailureCode)).OrderBy(s => s.Proposal).ToList();
        Assert.True(expected.OrderBy(e => e.Item1).SequenceEqual(shown),
            $"the executor settled [{string.Join(", ", shown)}]; the model says [{string.Join(", ", expected)}]");

        // Time passed: proposals closed, so locks may have lifted even where nothing was settled.
        accepted = true;
    }

    /// <summary>
    /// Revenue of the project through the waterfall: recoupment of grants, then 20% to the treasury (a shared inflow,
    /// like a deposit), 10% to the tokens in circulation (accrued per token), the rest to the lead by the split.
    /// </summary>
    private async Task RevenueAsync(ProjectRevenueOp op)
    {
        if (model.Project is not { } project)
        {
            stats.Count("no project yet");
            return;
        }

        var amount = new BigInteger(op.Amount);
        var (outstanding, rate) = model.Funding.GetValueOrDefault(op.Asset);
        var recouped = BigInteger.Min(outstanding, amount * rate / MembershipModel.Whole);
        var parts = MembershipModel.LargestRemainder(amount - recouped,
            [model.TreasuryBps, model.HolderBps, 0, MembershipModel.Whole - model.TreasuryBps - model.HolderBps]);
        var (treasury, holders, reserve, contributors) = (parts[0], parts[1], parts[2], parts[3]);
        if (model.Supply == 0)
        {
            (treasury, holders) = (treasury + holders, BigInteger.Zero);
        }

        var request = new { asset = op.Asset, amount = Text(amount), source = "Booth sales" };
        var body = await SendAsync(() => Admin.Client.PostJsonAsync($"{Api}/projects/{project}/revenue", request, Guid.NewGuid().ToString("N")), null, HttpStatusCode.Created);
        model.Post((External, op.Asset, -amount), (Treasury, op.Asset, recouped + treasury), (MembershipModel.HolderPool, op.Asset, holders),
            (model.ProjectAccount, op.Asset, reserve), (model.AccountOf(model.Lead), op.Asset, contributors));
        model.TreasuryReceived(op.Asset, recouped + treasury);
        if (holders > 0)
        {
            model.DistributeHolderShare(op.Asset, holders);
        }

        if (recouped > 0)
        {
            model.Funding[op.Asset] = (outstanding - recouped, rate);
        }

        var shown = body.GetProperty("parts").EnumerateArray().ToDictionary(p => p.GetProperty("kind").GetString()!, p => Units(p.GetProperty("amount")), StringComparer.Ordinal);
        Assert.True(shown["recouped"] == recouped && shown["treasury"] == treasury && shown["holders"] == holders,
            $"revenue of {amount} {op.Asset}: recouped {shown["recouped"]}, treasury {shown["treasury"]}, holders {shown["holders"]}; the model says {recouped}, {treasury}, {holders}");
    }

    /// <summary>
    /// After every step: money, tokens, supply and past holdings all agree with the model. After a
    /// refused step the snapshot has shown the store unchanged, hence these answers too, so only the
    /// past holdings are probed again (at other instants).
    /// </summary>
    private async Task CheckAsync(int probe, bool changed)
    {
        if (changed)
        {
            await CheckCurrentAsync();
        }

        var random = new Random(probe);
        for (var k = 0; k < 2; k++)
        {
            var person = random.Next(people.Length);
            var at = PastInstant(random);
            var instant = DateTimeOffset.FromUnixTimeMilliseconds(at).ToString("O", CultureInfo.InvariantCulture);
            var held = await GetAsync($"{Api}/people/{people[person].Id}/holdings?at={Uri.EscapeDataString(instant)}");
            var expected = model.HeldAt(person, at);
            Assert.True(expected == held.GetProperty("tokens").GetInt64(),
                $"p{person} held {held.GetProperty("tokens")} tokens at {instant}; the model's history says {expected}");
        }
    }

    private async Task CheckCurrentAsync()
    {
        var accounts = await GetAsync($"{Api}/accounts", Admin);
        var shown = accounts.GetProperty("items").EnumerateArray()
            .ToDictionary(b => (b.GetProperty("account").GetString()!, b.GetProperty("asset").GetString()!), b => Parse(b.GetProperty("amount").GetString()));
        foreach (var asset in shown.GroupBy(b => b.Key.Item2, StringComparer.Ordinal))
        {
            var sum = asset.Aggregate(BigInteger.Zero, (s, b) => s + b.Value);
            Assert.True(sum.IsZero, $"{asset.Key} balances sum to {sum}, not zero");
        }

        foreach (var key in shown.Keys.Union(model.Balances.Keys))
        {
            var expected = model.Balances.GetValueOrDefault(key);
            var actual = shown.GetValueOrDefault(key);
            Assert.True(expected == actual, $"{key.Item1} holds {actual} {key.Item2}; the model says {expected}");
        }

        var tokens = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await GetAsync($"{Api}/tokens?limit=500" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}"));
            tokens.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(model.Minted, tokens.Count);
        for (var serial = 1L; serial <= model.Minted; serial++)
        {
            var token = tokens[(int)serial - 1];
            Assert.Equal(serial, token.GetProperty("id").GetInt64());
            var owner = model.OwnerOf(serial);
            Assert.True(token.GetProperty("burned").GetBoolean() == (owner is null), $"token #{serial}: burned is {token.GetProperty("burned")}, the model says {model.Name(owner)}");
            var shownOwner = token.GetProperty("owner").GetString();
            Assert.True(owner is null ? shownOwner is null : shownOwner is not null && Guid.Parse(shownOwner) == Guid.Parse(people[owner.Value].Id),
                $"token #{serial} is owned by {Who(shownOwner)}; the model says {model.Name(owner)}");
        }

        foreach (var listing in model.Listings.Where(l => l.State == ListingState.Open))
        {
            Assert.True(model.OwnerOf(listing.Serial) == listing.Seller, $"the model keeps listing {listing.Number} open after token #{listing.Serial} moved");
        }

        await CheckTokenValuesAsync();
        var membership = await GetAsync($"{Api}/membership");
        Assert.Equal(model.Minted - model.Owners.Count(o => o is null), membership.GetProperty("supply").GetInt64());
        Assert.Equal(model.NextPrice, Units(membership.GetProperty("nextPrice")));
        Assert.Equal(model.RoyaltyBps, membership.GetProperty("royaltyBps").GetInt32());
        Assert.Equal(model.RedemptionRateBps, membership.GetProperty("redemptionRateBps").GetInt32());

        // The community page's figures come from the chain's head row, kept by every write: its members are the model's owners.
        var figures = (await GetAsync(Api)).GetProperty("figures");
        Assert.True(model.Owners.OfType<int>().Distinct().Count() == figures.GetProperty("people").GetInt32(),
            $"the community page counts {figures.GetProperty("people")} members; the model's tokens have {model.Owners.OfType<int>().Distinct().Count()} owners");
    }

    /// <summary>
    /// Every live token's share of every pool, as the API shows it, agrees with the model (units exactly, value as the
    /// floor of the exact value), and so do its vote lock and the holders' share it accrued; no dilution: no token's
    /// exact value went down, except in an asset the treasury spent for the community in this step, and then every
    /// token's by the same factor; and conservation: the owned part of each pool is the tokens' exact values, so
    /// the values shown fall short of it by less than one minor unit per token.
    /// </summary>
    private async Task CheckTokenValuesAsync()
    {
        var live = Enumerable.Range(1, (int)model.Minted).Select(s => (long)s).Where(model.IsLive).ToList();
        var shownSum = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        var scaled = new Dictionary<string, List<(long Serial, (BigInteger N, BigInteger D) Before, (BigInteger N, BigInteger D) After)>>(StringComparer.Ordinal);
        var now = Now;
        foreach (var serial in live)
        {
            var view = await GetAsync($"{Api}/tokens/{serial}");
            var lockedBy = view.GetProperty("lockedByProposal");
            var shownLock = lockedBy.ValueKind == JsonValueKind.Null ? (long?)null : lockedBy.GetInt64();
            var expectedLock = model.LockOf(serial, now);
            Assert.True(shownLock == expectedLock,
                $"token #{serial} (held by {model.Name(model.OwnerOf(serial))}) is locked by proposal {shownLock?.ToString(CultureInfo.InvariantCulture) ?? "none"}; the model says {expectedLock?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
            var accrued = view.GetProperty("accrued").EnumerateArray().ToDictionary(
                a => a.GetProperty("owed").GetProperty("asset").GetString()!, a => (Owed: Units(a.GetProperty("owed")), Carry: Parse(a.GetProperty("poolCarryScaled").GetString())), StringComparer.Ordinal);
            foreach (var asset in model.HolderCarry.Keys.Union(accrued.Keys).Order(StringComparer.Ordinal))
            {
                var expected = (Owed: model.Accrued.GetValueOrDefault((serial, asset)) / MembershipModel.Scale, Carry: model.HolderCarry.GetValueOrDefault(asset));
                var actual = accrued.TryGetValue(asset, out var a) ? a : (BigInteger.MinusOne, BigInteger.MinusOne);
                Assert.True(expected == actual, $"token #{serial} accrued {actual.Item1} {asset} of the holders' share (pool carry {actual.Item2}); the model says {expected.Owed} (carry {expected.Carry})");
            }

            var shown = view.GetProperty("value").EnumerateArray().ToDictionary(
                v => v.GetProperty("asset").GetString()!, v => (Units: Parse(v.GetProperty("units").GetString()), Value: Units(v.GetProperty("value"))), StringComparer.Ordinal);
            foreach (var asset in model.PoolUnits.Keys.Union(shown.Keys).Order(StringComparer.Ordinal))
            {
                var units = model.TokenUnits.GetValueOrDefault((serial, asset));
                var (numerator, denominator) = model.Value(serial, asset);
                var expected = (Units: units, Value: numerator / denominator);
                var actual = shown.TryGetValue(asset, out var a) ? a : (BigInteger.Zero, BigInteger.Zero);
                Assert.True(expected == actual, $"token #{serial} holds {actual.Item1} units of {asset} worth {actual.Item2}; the model says {expected.Units} worth {expected.Value}");
                shownSum[asset] = shownSum.GetValueOrDefault(asset) + actual.Item2;
                if (lastValue.TryGetValue((serial, asset), out var before))
                {
                    if (spent.Contains(asset))
                    {
                        scaled.TryAdd(asset, []);
                        scaled[asset].Add((serial, before, (numerator, denominator)));
                    }
                    else
                    {
                        Assert.True(numerator * before.Denominator >= before.Numerator * denominator,
                            $"token #{serial} lost value in {asset}: {before.Numerator}/{before.Denominator} → {numerator}/{denominator}");
                    }
                }

                lastValue[(serial, asset)] = (numerator, denominator);
            }
        }

        // A shared outflow: every token's value in that asset went from v to v·f with one f ≤ 1 (f = 1 when only
        // the unowned part paid), so nobody bore more of it than anyone else.
        foreach (var (asset, changes) in scaled)
        {
            var reference = changes.FirstOrDefault(c => !c.Before.N.IsZero);
            if (reference.Before.N.IsZero)
            {
                continue;
            }

            Assert.True(reference.After.N * reference.Before.D <= reference.Before.N * reference.After.D,
                $"token #{reference.Serial} gained {asset} from a shared outflow: {reference.Before.N}/{reference.Before.D} → {reference.After.N}/{reference.After.D}");
            foreach (var (serial, before, after) in changes)
            {
                // after / before == reference.After / reference.Before, cross-multiplied.
                Assert.True(after.N * before.D * reference.After.D * reference.Before.N == reference.After.N * reference.Before.D * after.D * before.N,
                    $"a shared outflow of {asset} took token #{serial} from {before.N}/{before.D} to {after.N}/{after.D}, not by the same factor as token #{reference.Serial} ({reference.Before.N}/{reference.Before.D} → {reference.After.N}/{reference.After.D})");
            }
        }

        foreach (var (asset, sum) in shownSum)
        {
            var owned = model.PoolUnits.GetValueOrDefault(asset).IsZero ? BigInteger.Zero : model.Owned(asset);
            Assert.True(sum <= owned && owned - sum < Math.Max(live.Count, 1),
                $"the tokens' values of {asset} come to {sum}; the owned treasury is {owned}, so more than a unit per token is unaccounted for");
        }
    }

    /// <summary>Every proposal's state and tally, as the API shows them, agree with the model's own count.</summary>
    public async Task CheckProposalsAsync()
    {
        if (model.Proposals.Count == 0)
        {
            return;
        }

        var page = await GetAsync($"{Api}/proposals?limit=100");
        var shown = page.GetProperty("items").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetInt64());
        Assert.Equal(model.Proposals.Count, shown.Count);
        foreach (var proposal in model.Proposals)
        {
            var view = shown[proposal.Number];
            var tally = view.GetProperty("tally");
            var actual = (tally.GetProperty("for").GetInt64(), tally.GetProperty("against").GetInt64(), tally.GetProperty("abstain").GetInt64(), tally.GetProperty("totalPower").GetInt64(), view.GetProperty("state").GetString());
            var (yes, no, abstain, total, _) = model.Tally(proposal);
            var expected = (yes, no, abstain, total, model.StateOf(proposal, Now));
            Assert.True(expected == actual, $"proposal {proposal} shows for/against/abstain/total/state {actual}; the model says {expected}");
        }
    }

    private Dictionary<string, (BigInteger Numerator, BigInteger Denominator)> CoalitionWealth()
    {
        var wealth = new Dictionary<string, (BigInteger Numerator, BigInteger Denominator)>(StringComparer.Ordinal);
        foreach (var asset in new[] { Yen, "ETH", "USDC" })
        {
            var (numerator, denominator) = (Coalition.Aggregate(BigInteger.Zero, (sum, p) => sum + model.Balance(model.AccountOf(p), asset)), BigInteger.One);
            foreach (var serial in Coalition.SelectMany(model.TokensOf))
            {
                var (n, d) = model.Value(serial, asset);
                (numerator, denominator) = ((numerator * d) + (n * denominator), denominator * d);

                // The holders' share the token accrued and was not yet paid is the coalition's too.
                (numerator, denominator) = ((numerator * MembershipModel.Scale) + (model.Accrued.GetValueOrDefault((serial, asset)) * denominator), denominator * MembershipModel.Scale);
            }

            wealth[asset] = (numerator, denominator);
        }

        return wealth;
    }

    /// <summary>
    /// No free lunch: a step the coalition takes (mint, redeem, gift, listing, succession, proposal, vote, delegation)
    /// never raises its wealth in any asset, counting its tokens at their exact value and the holders' share they
    /// accrued. Buying a member's listing is left out: there the
    /// coalition pays the seller's own price, which the seller chose.
    /// </summary>
    private void CheckNoFreeLunch(Op op)
    {
        var actor = op is BuyOp ? -1 : stepActor;
        if (!Coalition.Contains(actor))
        {
            return;
        }

        foreach (var (asset, after) in CoalitionWealth())
        {
            var before = coalitionBefore[asset];
            Assert.True(after.Numerator * before.Denominator <= before.Numerator * after.Denominator,
                $"the coalition (p1, p2) gained {asset} by its own {op.GetType().Name}: {before.Numerator}/{before.Denominator} → {after.Numerator}/{after.Denominator}");
        }
    }

    /// <summary>An instant worth asking about: a change, just before or after one, the founding, now, or anywhere between.</summary>
    private long PastInstant(Random random)
    {
        var changes = model.Holdings;
        return random.Next(4) switch
        {
            0 or 1 when changes.Count > 0 => changes[random.Next(changes.Count)].AtUnixMs + random.Next(-1, 2),
            2 => foundedAt + (long)(random.NextDouble() * (Now - foundedAt)),
            _ => random.Next(2) == 0 ? foundedAt - 1 : Now,
        };
    }

    /// <summary>
    /// Sends a request and checks the outcome the model predicted: success with its status, or a
    /// refusal with its problem code that left the store exactly as it was. Returns the body of a
    /// success; an undefined element for a refusal.
    /// </summary>
    private async Task<JsonElement> SendAsync(Func<Task<HttpResponseMessage>> send, string? refusal, HttpStatusCode success)
    {
        stats.Count(refusal);
        var before = refusal is null ? null : await Timed("snapshot", () => CommunitySnapshot.TakeAsync(app, slug));
        using var response = await Timed("write", send);
        var text = await response.Content.ReadAsStringAsync();
        if (refusal is null)
        {
            Assert.True(response.StatusCode == success, $"expected {(int)success}, got {(int)response.StatusCode}: {text}");
            accepted = true;
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        var status = refusal switch
        {
            "forbidden" or "no_voting_power" => HttpStatusCode.Forbidden,
            "token_not_found" or "listing_not_found" or "no_succession_plan" or "person_not_found" or "proposal_not_found" => HttpStatusCode.NotFound,
            "token_locked_by_vote" or "outside_voting_window" => HttpStatusCode.Conflict,
            _ => HttpStatusCode.UnprocessableEntity,
        };
        Assert.True(response.StatusCode == status, $"expected {(int)status} {refusal}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var code = JsonDocument.Parse(text).RootElement.GetProperty("code").GetString();
        Assert.True(code == refusal, $"expected {refusal}, got {code}: {text}");
        AssertUnchanged(before!, await Timed("snapshot", () => CommunitySnapshot.TakeAsync(app, slug)), $"refused with {refusal}");
        return default;
    }

    /// <summary>The same request with the same Idempotency-Key: the first answer again, and nothing paid twice.</summary>
    private async Task ReplayAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, JsonElement first)
    {
        var before = await Timed("snapshot", () => CommunitySnapshot.TakeAsync(app, slug));
        using var again = await send();
        var text = await again.Content.ReadAsStringAsync();
        Assert.True(again.StatusCode == status, $"replay: expected {(int)status}, got {(int)again.StatusCode}: {text}");
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.GetRawText(), JsonDocument.Parse(text).RootElement.GetRawText());
        AssertUnchanged(before, await Timed("snapshot", () => CommunitySnapshot.TakeAsync(app, slug)), "replayed");
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

    private async Task<JsonElement> GetAsync(string url, Person? who = null)
    {
        using var response = await Timed("read", () => (who?.Client ?? people[1].Client).GetAsync(url));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private long ChooseToken(TokenPick pick, int raw)
    {
        var live = Enumerable.Range(1, (int)model.Minted).Where(s => model.IsLive(s)).ToList();
        var burned = Enumerable.Range(1, (int)model.Minted).Where(s => model.IsBurned(s)).ToList();
        return pick switch
        {
            TokenPick.Live when live.Count > 0 => live[raw % live.Count],
            TokenPick.Burned when burned.Count > 0 => burned[raw % burned.Count],
            _ => model.Minted + 1 + (raw % 3),
        };
    }

    private string? TokenRefusal(long serial) =>
        serial > model.Minted ? "token_not_found" : model.IsBurned(serial) ? "token_burned" : null;

    /// <summary>A listing the model knows (open ones only if asked and there are some), or null for a number never used.</summary>
    private ListingModel? ChooseListing(int raw, bool openOnly)
    {
        var open = model.Listings.Where(l => l.State == ListingState.Open).ToList();
        if (openOnly && open.Count > 0)
        {
            return open[raw % open.Count];
        }

        return model.Listings.Count == 0 || raw % 10 == 0 ? null : model.Listings[raw % model.Listings.Count];
    }

    private static string? ListingRefusal(ListingModel? listing) => listing?.State switch
    {
        null => "listing_not_found",
        ListingState.Stale => "listing_stale",
        ListingState.Open => null,
        _ => "listing_closed",
    };

    private static List<int> Bits(int mask) => Enumerable.Range(0, MembershipGen.People).Where(i => ((mask >> i) & 1) == 1).ToList();

    private static BigInteger Units(JsonElement amount) => Parse(amount.GetProperty("amount").GetString());

    private static BigInteger Parse(string? text) => BigInteger.Parse(text!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AssertSamePerson(string expected, string? actual) =>
        Assert.True(actual is not null && Guid.Parse(actual) == Guid.Parse(expected), $"expected person {expected}, got {actual}");

    private string Who(string? id)
    {
        var index = id is null ? -1 : Array.FindIndex(people, p => Guid.Parse(p.Id) == Guid.Parse(id));
        return index < 0 ? id ?? "nobody" : $"p{index}";
    }

    private string AccountName(string account) =>
        account.StartsWith("person:", StringComparison.Ordinal) ? Who(account["person:".Length..]) : account;

    private string Summary()
    {
        var owners = string.Join(", ", model.Owners.Select((o, i) => $"#{i + 1}:{model.Name(o)}"));
        var listings = string.Join(", ", model.Listings.Select(l => $"{l.Number}(#{l.Serial} by p{l.Seller} at {l.Price}, {l.State})"));
        var balances = string.Join(", ", model.Balances.Where(b => !b.Value.IsZero).Select(b => $"{AccountName(b.Key.Account)}={b.Value} {b.Key.Asset}"));
        var delegations = string.Join(", ", model.Delegations.Select(d => $"p{d.Delegator}→p{d.To} from {d.From} until {d.Until?.ToString(CultureInfo.InvariantCulture) ?? "now"}"));
        var locks = string.Join(", ", Enumerable.Range(1, (int)model.Minted).Where(s => model.IsLive(s) && model.LockOf(s, Now) is not null).Select(s => $"#{s} by {model.LockOf(s, Now)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"policy base {model.BasePrice} slope {model.Slope} cap {model.SupplyCap?.ToString(CultureInfo.InvariantCulture) ?? "none"} royalty {model.RoyaltyBps} rate {model.RedemptionRateBps}; tokens [{owners}]; listings [{listings}]; balances [{balances}]; plans [{string.Join(", ", model.Plans.Keys.Select(p => $"p{p}"))}]; proposals [{string.Join(", ", model.Proposals)}]; delegations [{delegations}]; locks [{locks}]");
    }
}
