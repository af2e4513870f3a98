using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Tests.Proof;

/// <summary>
/// Where the races run: one or more servers of one store. Client <c>c</c> goes to server <c>c mod n</c>,
/// so with two servers every race is fought across both processes.
/// </summary>
public sealed record RaceTarget(string Name, StoreOptions Store, IReadOnlyList<ProofApi> Servers)
{
    public ProofApi For(int client) => Servers[client % Servers.Count];
}

/// <summary>
/// Many clients racing for one thing that can happen once: the same balance claimed, the same listing bought,
/// the same token redeemed or moved, the same vote cast twice, the same deposit spent twice, the same batch paid
/// twice, the same request sent by every client. Each race must end with exactly one success, every other answer
/// a problem with the race's code (never a 5xx), the books moved exactly once, and the store verifying clean.
/// </summary>
public sealed class Races(RaceTarget target, int clients, int people)
{
    private const long MintPrice = 1_000;
    private readonly List<string> failures = [];
    private ProofApi Api => target.Servers[0];
    private Actor admin = null!;
    private Actor[] crowd = [];
    private string slug = string.Empty;
    private string Community => $"/api/v1/communities/{slug}";

    private readonly List<string> timings = [];

    /// <summary>How long each step took, for the test's output.</summary>
    public IReadOnlyList<string> Timings => timings;

    /// <summary>Runs every race in one community; returns what went wrong (nothing, when all is well).</summary>
    public async Task<IReadOnlyList<string>> RunAsync()
    {
        foreach (var (name, step) in new (string, Func<Task>)[]
        {
            ("set-up", SetUpAsync),
            ("same request", SameRequestFromEveryClientAsync),
            ("spend the same deposit", SpendTheSameDepositAsync),
            ("claim the same balance", ClaimTheSameBalanceAsync),
            ("buy the same listing", BuyTheSameListingAsync),
            ("redeem the same token", RedeemTheSameTokenAsync),
            ("move the same token", MoveTheSameTokenAsync),
            ("vote twice", VoteTwiceAsync),
            ("pay the same batch", PayTheSameBatchAsync),
            ("mint while the price moves", MintWhileThePriceMovesAsync),
        })
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await step();
            timings.Add($"{name} {watch.Elapsed.TotalSeconds:F1} s");
        }

        var report = await ProofStore.ReadAsync(target.Store, db => new Verifier(db).VerifyAsync());
        failures.AddRange(report.Findings.Select(f => $"verify: {f}"));
        return failures;
    }

    private async Task SetUpAsync()
    {
        admin = await Api.SignUpAsync("Admin");
        crowd = new Actor[people];
        for (var start = 0; start < people; start += 4)
        {
            var batch = await Task.WhenAll(Enumerable.Range(start, Math.Min(4, people - start)).Select(i => Api.SignUpAsync($"Racer{i}")));
            batch.CopyTo(crowd, start);
        }

        slug = await Api.FoundAsync(admin, MintPrice);
        await Api.DepositAsync(slug, admin, 1_000_000);
        await Api.OkAsync(Api.PutAsync($"{Community}/payout-sender", new
        {
            senderCode = "1234567890",
            senderName = "ミコシ ゴウドウガイシヤ",
            bankCode = "0005",
            bankName = "ミツビシユーエフジエイ",
            branchCode = "123",
            branchName = "シブヤ",
            accountType = 1,
            accountNumber = "7654321",
        }, admin));
    }

    /// <summary>Every client sends the same deposit with the same key: one execution, every answer the same bytes.</summary>
    private async Task SameRequestFromEveryClientAsync()
    {
        var before = await BooksAsync();
        var key = $"same-{Guid.NewGuid():N}";
        var body = new { asset = "JPY", amount = "777", reference = key, memo = "every client at once", personId = crowd[0].Id };
        var answers = await RaceAsync(c => target.For(c).PostAsync($"{Community}/deposits", body, admin, key));

        Expect("same request", answers, successes: clients, codes: []);
        if (answers.Select(a => a.Body).Distinct().Count() != 1 || answers.Count(a => !a.Replayed) != 1)
        {
            failures.Add($"same request: {answers.Select(a => a.Body).Distinct().Count()} different bodies, {answers.Count(a => !a.Replayed)} first-hand answers (want 1 and 1)");
        }

        var after = await BooksAsync();
        Moved("same request", before, after, ("external", "JPY", -777), ($"person:{crowd[0].Id}", "JPY", 777));
        Entries("same request", before, after, "deposit", 1);
    }

    /// <summary>One deposit, exactly the mint price; half the clients mint with it, half claim it: one of them wins.</summary>
    private async Task SpendTheSameDepositAsync()
    {
        var spender = crowd[1];
        await Api.SetBankAccountAsync(spender);
        await Api.DepositAsync(slug, admin, MintPrice, spender.Id);
        var before = await BooksAsync();

        var answers = await RaceAsync(c => c % 2 == 0
            ? target.For(c).PostAsync($"{Community}/tokens", new { }, spender, Guid.NewGuid().ToString())
            : target.For(c).PostAsync($"{Community}/me/claims", new { asset = "JPY" }, spender, Guid.NewGuid().ToString()));

        Expect("spend the same deposit", answers, successes: 1, codes: ["insufficient_funds", "nothing_to_claim"]);
        var after = await BooksAsync();
        var minted = answers.Any(a => a.IsSuccess && a.Json.TryGetProperty("token", out _));
        Moved("spend the same deposit", before, after,
            ($"person:{spender.Id}", "JPY", -MintPrice), (minted ? "treasury" : "escrow:payouts", "JPY", MintPrice));
        Entries("spend the same deposit", before, after, minted ? "mint" : "claim", 1);
        if (after.Supply - before.Supply != (minted ? 1 : 0))
        {
            failures.Add($"spend the same deposit: supply went from {before.Supply} to {after.Supply}");
        }
    }

    /// <summary>Every client claims the same person's balance: one claim takes it all, the rest find nothing.</summary>
    private async Task ClaimTheSameBalanceAsync()
    {
        var claimer = crowd[2];
        await Api.SetBankAccountAsync(claimer);
        await Api.DepositAsync(slug, admin, 5_000, claimer.Id);
        var before = await BooksAsync();

        var answers = await RaceAsync(c => target.For(c).PostAsync($"{Community}/me/claims", new { asset = "JPY" }, claimer, Guid.NewGuid().ToString()));

        Expect("claim the same balance", answers, successes: 1, codes: ["nothing_to_claim"]);
        var after = await BooksAsync();
        Moved("claim the same balance", before, after, ($"person:{claimer.Id}", "JPY", -5_000), ("escrow:payouts", "JPY", 5_000));
        Entries("claim the same balance", before, after, "claim", 1);
    }

    /// <summary>One listing, every other person trying to buy it with money enough: one buyer gets it.</summary>
    private async Task BuyTheSameListingAsync()
    {
        var seller = crowd[3];
        var token = await JoinAsync(seller);
        var listing = (await Api.OkAsync(Api.PostAsync($"{Community}/tokens/{token}/listings", new { price = "2000" }, seller, Guid.NewGuid().ToString()))).GetProperty("id").GetInt64();
        var buyers = crowd.Where(p => p != seller).ToArray();
        foreach (var buyer in buyers)
        {
            await Api.DepositAsync(slug, admin, 2_000, buyer.Id);
        }

        var before = await BooksAsync();
        var answers = await RaceAsync(c => target.For(c).PostAsync($"{Community}/listings/{listing}/buy", new { }, buyers[c % buyers.Length], Guid.NewGuid().ToString()));

        Expect("buy the same listing", answers, successes: 1, codes: ["listing_closed"]);
        var after = await BooksAsync();
        if (answers.FirstOrDefault(a => a.IsSuccess) is { } sale)
        {
            var buyer = sale.Json.GetProperty("buyer").GetString()!;
            Moved("buy the same listing", before, after, ($"person:{buyer}", "JPY", -2_000), ($"person:{seller.Id}", "JPY", 1_900), ("treasury", "JPY", 100));
            if (after.Owners.GetValueOrDefault(token) != buyer)
            {
                failures.Add($"buy the same listing: token #{token} belongs to {after.Owners.GetValueOrDefault(token)}, the sale said {buyer}");
            }
        }

        Entries("buy the same listing", before, after, "sale", 1);
    }

    /// <summary>The holder redeems the same token from every client: one burn, one payment from the treasury.</summary>
    private async Task RedeemTheSameTokenAsync()
    {
        var holder = crowd[4 % people];
        var token = await JoinAsync(holder);
        var before = await BooksAsync();

        var answers = await RaceAsync(c => target.For(c).PostAsync($"{Community}/tokens/{token}/redeem", new { }, holder, Guid.NewGuid().ToString()));

        Expect("redeem the same token", answers, successes: 1, codes: ["token_burned"]);
        var after = await BooksAsync();
        if (answers.FirstOrDefault(a => a.IsSuccess) is { } redeemed)
        {
            var paid = BigInteger.Parse(redeemed.Json.GetProperty("reclaim")[0].GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
            Moved("redeem the same token", before, after, ("treasury", "JPY", -paid), ($"person:{holder.Id}", "JPY", paid));
        }

        Entries("redeem the same token", before, after, "redemption", 1);
        if (before.Supply - after.Supply != 1 || after.Owners.ContainsKey(token))
        {
            failures.Add($"redeem the same token: supply {before.Supply} → {after.Supply}, token #{token} still held: {after.Owners.ContainsKey(token)}");
        }
    }

    /// <summary>The owner gives the same token to a different person from every client: one gift.</summary>
    /// <summary>
    /// Gives <paramref name="person"/> exactly the next token's price and mints it: the price is the policy's ¥1,000,
    /// or more once earlier races made a token hold more of the treasury (the floor).
    /// </summary>
    private async Task<long> JoinAsync(Actor person)
    {
        var membership = await Api.OkAsync(Api.GetAsync($"{Community}/membership"));
        var price = long.Parse(membership.GetProperty("nextPrice").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        await Api.DepositAsync(slug, admin, price, person.Id);
        return await Api.MintAsync(slug, person);
    }

    private async Task MoveTheSameTokenAsync()
    {
        var owner = crowd[5 % people];
        var token = await JoinAsync(owner);
        var others = crowd.Where(p => p != owner).ToArray();
        var before = await BooksAsync();

        var answers = await RaceAsync(c => target.For(c).PostAsync($"{Community}/tokens/{token}/transfer", new { to = others[c % others.Length].Id }, owner, Guid.NewGuid().ToString()));

        Expect("move the same token", answers, successes: 1, codes: ["not_token_owner"]);
        var after = await BooksAsync();
        var to = answers.FirstOrDefault(a => a.IsSuccess)?.Json.GetProperty("to").GetString();
        if (after.Owners.GetValueOrDefault(token) != to || after.Steps.GetValueOrDefault(token) - before.Steps.GetValueOrDefault(token) != 1)
        {
            failures.Add($"move the same token: #{token} belongs to {after.Owners.GetValueOrDefault(token)} (gift said {to}); lineage grew by {after.Steps.GetValueOrDefault(token) - before.Steps.GetValueOrDefault(token)}");
        }
    }

    /// <summary>
    /// One signed vote sent by every client: recorded once, every other copy a replay. Then one member votes
    /// through the custodial endpoint from every client: each vote is recorded or refused as a replay, and the
    /// tally counts that member's power once.
    /// </summary>
    private async Task VoteTwiceAsync()
    {
        var (signer, custodial) = (crowd[6 % people], crowd[7 % people]);
        foreach (var voter in new[] { signer, custodial })
        {
            await JoinAsync(voter);
        }

        var proposal = (await Api.OkAsync(Api.PostAsync($"{Community}/proposals",
            new { kind = "signal", title = "Race to vote", body = "Twice is once.", payload = (object?)null }, signer, Guid.NewGuid().ToString()))).GetProperty("id").GetInt64();
        var exported = await Api.OkAsync(Api.PostAsync("/api/v1/me/custodial-key/export", new { }, signer));
        var key = CustodialKey.FromSecret(Convert.FromHexString(exported.GetProperty("secret").GetString()![2..])).Value;
        var communityId = await ProofStore.ReadAsync(target.Store, db => db.Communities.AsNoTracking().Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());
        var message = new VoteMessage(proposal, "for", key.Address, 1, "once");
        var vote = new { choice = "for", voter = key.Address.ToString(), nonce = 1L, reason = "once", signature = key.Sign(VoteTypedData.Digest(VoteDomain.For(communityId.Value, VoteDomain.DefaultChainId), message)) };

        var signed = await RaceAsync(c => target.For(c).PostAsync($"{Community}/proposals/{proposal}/votes", vote));
        Expect("vote twice (signed)", signed, successes: 1, codes: ["vote_replayed"]);

        var cast = await RaceAsync(c => target.For(c).PostAsync($"{Community}/proposals/{proposal}/votes/custodial", new { choice = c % 3 == 0 ? "against" : "for", reason = $"client {c}" }, custodial));
        Expect("vote twice (custodial)", cast, successes: cast.Count(a => a.IsSuccess), codes: ["vote_replayed"]);
        if (!cast.Any(a => a.IsSuccess))
        {
            failures.Add("vote twice (custodial): no vote was recorded");
        }

        var tally = (await Api.OkAsync(Api.GetAsync($"{Community}/proposals/{proposal}"))).GetProperty("tally");
        var counted = tally.GetProperty("for").GetInt64() + tally.GetProperty("against").GetInt64() + tally.GetProperty("abstain").GetInt64();
        // Read as a member: outsiders see pseudonyms instead of person ids.
        var export = await Api.OkAsync(Api.GetAsync($"{Community}/proposals/{proposal}/votes", signer));
        var votes = export.GetProperty("votes").EnumerateArray().ToList();

        // Earlier races may have handed either voter more tokens: their power at the snapshot is what must count, once each.
        var power = export.GetProperty("holders").EnumerateArray()
            .Where(h => h.GetProperty("personId").GetString() is { } id && (id == signer.Id || id == custodial.Id))
            .Sum(h => h.GetProperty("power").GetInt64());
        if (counted != power || votes.Count(v => v.GetProperty("counted").GetBoolean()) != 2 || votes.Count != 1 + cast.Count(a => a.IsSuccess))
        {
            failures.Add($"vote twice: the tally counts {counted} of power (the two voters hold {power}), {votes.Count(v => v.GetProperty("counted").GetBoolean())} counted votes of {votes.Count} kept (want 2 counted); {cast.Count(a => a.IsSuccess)} custodial votes were accepted");
        }

        var nonces = votes.Where(v => v.GetProperty("personId").GetString() == custodial.Id).Select(v => v.GetProperty("nonce").GetInt64()).ToList();
        if (nonces.Distinct().Count() != nonces.Count)
        {
            failures.Add($"vote twice: one member's custodial votes share a nonce: {string.Join(", ", nonces)}");
        }
    }

    /// <summary>The batch of pending claims confirmed as paid from every client: the money leaves the books once.</summary>
    private async Task PayTheSameBatchAsync()
    {
        var batch = await Api.OkAsync(Api.PostAsync($"{Community}/payouts", new { asset = "JPY" }, admin));
        var id = batch.GetProperty("id").GetInt64();
        var total = BigInteger.Parse(batch.GetProperty("total").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        var before = await BooksAsync();

        var answers = await RaceAsync(c => target.For(c).PostAsync($"{Community}/payouts/{id}/confirm", new { }, admin));

        Expect("pay the same batch", answers, successes: 1, codes: ["batch_already_paid"]);
        var after = await BooksAsync();
        Moved("pay the same batch", before, after, ("escrow:payouts", "JPY", -total), ("external", "JPY", total));
        Entries("pay the same batch", before, after, "payout", 1);
    }

    /// <summary>
    /// An admin raises the mint price while every other client mints with the old price as its limit: no
    /// token may be minted at the old price after the change (each write must read the policy in force when it
    /// commits, not the one its request saw on arrival), so every mint after it is refused as <c>price_moved</c> (or as
    /// <c>price_below_value</c> once a token holds more of the treasury than the limit: the floor never undercuts).
    /// </summary>
    private async Task MintWhileThePriceMovesAsync()
    {
        foreach (var person in crowd)
        {
            await Api.DepositAsync(slug, admin, 3 * MintPrice, person.Id);
        }

        var answers = await RaceAsync(c => c == clients / 2
            ? target.For(c).PutAsync($"{Community}/parameters", new { mintBasePrice = "5000" }, admin)
            : target.For(c).PostAsync($"{Community}/tokens", new { maxPrice = "1000" }, crowd[c % people], Guid.NewGuid().ToString()));

        Expect("mint while the price moves", answers, successes: answers.Count(a => a.IsSuccess), codes: ["price_moved", "price_below_value", "insufficient_funds"]);
        var links = await ProofStore.ReadAsync(target.Store, async db =>
        {
            var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug);
            return await db.AuditLog.AsNoTracking().Where(a => a.Chain == community.Id.Value && (a.Kind == "parameters.changed" || a.Kind == "token.minted"))
                .OrderBy(a => a.Sequence).Select(a => new { a.Sequence, a.Kind, a.Payload }).ToListAsync();
        });
        var change = links.Last(l => l.Kind == "parameters.changed").Sequence;
        var late = links.Where(l => l.Kind == "token.minted" && l.Sequence > change).ToList();
        if (late.Count > 0)
        {
            failures.Add($"mint while the price moves: {late.Count} tokens were minted after the price changed to 5000, under a limit of 1000: {late[0].Payload}");
        }

        if (!answers[clients / 2].IsSuccess)
        {
            failures.Add($"mint while the price moves: the price change was refused: {answers[clients / 2]}");
        }
    }

    /// <summary>All clients at once: each waits at a gate until every client is ready, then sends.</summary>
    private async Task<Answer[]> RaceAsync(Func<int, Task<Answer>> send)
    {
        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            await gate.WaitAsync();
            return await send(c);
        })).ToList();
        gate.Release(clients);
        return await Task.WhenAll(tasks);
    }

    private void Expect(string race, Answer[] answers, int successes, string[] codes)
    {
        if (answers.Count(a => a.IsSuccess) != successes)
        {
            failures.Add($"{race}: {answers.Count(a => a.IsSuccess)} successes, want {successes}; answers: {string.Join(" | ", answers.Select(a => a.ToString()).Distinct().Take(5))}");
        }

        foreach (var refused in answers.Where(a => !a.IsSuccess).DistinctBy(a => (a.Status, a.Code)))
        {
            if (refused.Status >= 500 || refused.Code is not { } code || !codes.Contains(code))
            {
                failures.Add($"{race}: an answer was not one of the race's codes ({string.Join(", ", codes)}): {refused} ({refused.MediaType})");
            }
        }
    }

    private void Moved(string race, Books before, Books after, params (string Account, string Asset, BigInteger Units)[] moves)
    {
        var changed = after.Balances.Keys.Union(before.Balances.Keys)
            .Select(k => (Key: k, Delta: after.Balances.GetValueOrDefault(k) - before.Balances.GetValueOrDefault(k)))
            .Where(x => x.Delta != 0).ToDictionary(x => x.Key, x => x.Delta);
        var expected = moves.ToDictionary(m => (m.Account, m.Asset), m => m.Units);
        if (changed.Count != expected.Count || changed.Any(c => expected.GetValueOrDefault(c.Key) != c.Value))
        {
            failures.Add($"{race}: the books moved {string.Join(", ", changed.Select(c => $"{c.Key.Item1} {c.Key.Item2} {c.Value:+#;-#}"))}; want {string.Join(", ", moves.Select(m => $"{m.Account} {m.Asset} {m.Units:+#;-#}"))}");
        }
    }

    private void Entries(string race, Books before, Books after, string kind, int count)
    {
        var made = after.Entries.GetValueOrDefault(kind) - before.Entries.GetValueOrDefault(kind);
        if (made != count)
        {
            failures.Add($"{race}: {made} '{kind}' journal entries were made, want {count}");
        }
    }

    private sealed record Books(
        Dictionary<(string, string), BigInteger> Balances, Dictionary<string, int> Entries, long Supply,
        Dictionary<long, string> Owners, Dictionary<long, int> Steps);

    private Task<Books> BooksAsync() => ProofStore.ReadAsync(target.Store, async db =>
    {
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug);
        var balances = (await db.Balances.AsNoTracking().Where(b => b.CommunityId == community.Id).ToListAsync())
            .ToDictionary(b => (b.Account, b.Asset), b => (BigInteger)b.Units);

        // The holder pool moves on its own (holder shares settle into people's accounts), so races compare everything else.
        foreach (var key in balances.Keys.Where(k => k.Account == "holder-pool").ToList())
        {
            balances.Remove(key);
        }

        var entries = (await db.JournalEntries.AsNoTracking().Where(e => e.CommunityId == community.Id).Select(e => e.Kind).ToListAsync())
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var tokens = await db.Tokens.AsNoTracking().Include(t => t.Lineage).Where(t => t.CommunityId == community.Id).ToListAsync();
        return new Books(balances, entries, community.Supply,
            tokens.Where(t => t.OwnerId is not null).ToDictionary(t => t.Serial.Value, t => t.OwnerId!.Value.ToString()),
            tokens.ToDictionary(t => t.Serial.Value, t => t.Lineage.Count));
    });
}
