using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;

namespace Mikoshi.Tests.Proof;

/// <summary>One money operation of the storm, with its key and exact body, and what finally answered it.</summary>
public sealed record StormOp(string Kind, int Client, Actor Actor, string Path, object? Body, string Key)
{
    public Answer? Answer { get; set; }

    /// <summary>How many times the request went unanswered (the server died under it, or was down) before an answer came.</summary>
    public int Unanswered { get; set; }

    /// <summary>How many kills struck while this operation's request was in flight.</summary>
    public int CutByKill { get; set; }
}

/// <summary>What a storm did and found: the figures a run reports, and every failure it saw.</summary>
public sealed record StormReport(
    string Provider, int Kills, int Clients, int Operations, int Succeeded, int Refused, int Interrupted, int InterruptedThenReplayed,
    int Unanswered, int Replays, TimeSpan Elapsed, TimeSpan Starting, IReadOnlyList<string> Failures)
{
    public string Summary =>
        $"{Provider}: {Kills} SIGKILLs, {Clients} clients, {Operations} operations ({Succeeded} done, {Refused} refused with a code), " +
        $"{Interrupted} in flight at a kill and retried with their key ({InterruptedThenReplayed} of them had committed and were replayed), " +
        $"{Unanswered} requests unanswered in all, " +
        $"{Replays} final replays byte-identical, {Elapsed.TotalSeconds:F1} s in all ({Starting.TotalSeconds:F1} s of it starting servers)";
}

/// <summary>
/// The crash harness. A real <c>mikoshi serve</c> process; concurrent clients (the treasurer's, one unless asked, the rest
/// members) send money operations, each with an Idempotency-Key; a killer sends SIGKILL at random moments and
/// starts the server again on the same store; every client retries whatever went unanswered with the same key
/// and body until it is answered. Then the books must equal what the answers said, nothing may have happened
/// twice, every success must replay byte for byte, and <c>mikoshi verify</c> must be clean.
/// </summary>
public sealed class CrashStorm(StoreOptions store, string provider, int kills, int memberClients, int seed, int treasurerClients = 1)
{
    private static readonly Dictionary<string, string[]> Refusals = new()
    {
        ["deposit"] = [],
        ["deposit-usdc"] = [],
        ["revenue"] = [],
        // The storm mints with a limit of ¥1,000; once revenue and royalties make a token hold more, the floor refuses it.
        ["mint"] = ["insufficient_funds", "price_below_value"],
        // A seller whose last token was bought by a purchase still unanswered (cut by a kill) is no longer a member:
        // listing is a member's door, so that door refuses first (found by the 50-kill run, seed 723630008).
        ["list"] = ["not_token_owner", "token_burned", "forbidden"],
        ["buy"] = ["insufficient_funds", "listing_closed", "listing_stale", "own_listing"],
        ["transfer"] = ["not_token_owner", "token_burned"],
        ["redeem"] = ["not_token_owner", "token_burned"],
        ["claim"] = ["nothing_to_claim"],
    };

    private readonly ConcurrentQueue<StormOp> done = new();
    private readonly ConcurrentQueue<string> failures = new();
    private readonly ConcurrentDictionary<StormOp, bool> inFlight = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<long, int> believedOwner = new();
    private readonly ConcurrentDictionary<long, (long Token, int Seller)> openListings = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private ServerProcess server = null!;
    private ProofApi api = null!;
    private Actor treasurer = null!;
    private Actor[] members = [];
    private string slug = string.Empty;
    private long project;
    private int sequence;
    private volatile bool stopping;

    /// <summary>A line per kill, for watching a long run: <c>tail -f</c> it.</summary>
    public string Progress { get; } = Path.Combine(Path.GetTempPath(), $"mikoshi-proof-crash-{provider}-{seed}.progress");

    public async Task<StormReport> RunAsync()
    {
        var watch = Stopwatch.StartNew();
        await using var process = new ServerProcess(store, provider);
        server = process;
        api = new ProofApi(http, () => server.BaseAddress);
        await server.StartAsync();
        await SetUpAsync();
        var baseline = await BooksAsync();

        var random = new Random(seed);
        var clients = Enumerable.Range(0, memberClients + treasurerClients).Select(c => Task.Run(() => ClientAsync(c, new Random(seed + 1 + c)))).ToList();
        for (var kill = 0; kill < kills; kill++)
        {
            // Kill once this life of the server has answered a random number of operations, then a random moment
            // later: on a slow or busy machine too, every kill lands in the middle of traffic.
            var answered = done.Count;
            var wanted = random.Next(1, memberClients + 2);
            var waiting = Stopwatch.StartNew();
            while (done.Count - answered < wanted && waiting.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(10);
            }

            await Task.Delay(random.Next(0, 200));
            var cut = inFlight.Keys.ToList();
            await server.KillAsync();
            foreach (var op in cut)
            {
                op.CutByKill++;
            }

            await File.AppendAllTextAsync(Progress, FormattableString.Invariant(
                $"{DateTimeOffset.UtcNow:HH:mm:ss} kill {kill + 1}/{kills}: {done.Count} operations answered, {cut.Count} in flight at the kill, {server.StartingTime.TotalSeconds:F0} s starting so far\n"));

            await Task.Delay(random.Next(0, 300));
            await server.StartAsync();
        }

        // Let the last life of the server see some traffic too, then let every client finish its operation.
        await Task.Delay(random.Next(250, 1000));
        stopping = true;
        await Task.WhenAll(clients);

        var operations = done.ToList();
        var replays = await ReplayEverySuccessAsync(operations);
        await CheckBooksAsync(baseline, operations);
        var (exit, output) = await ServerProcess.RunVerbAsync(store, "verify");
        if (exit != 0 || !output.Contains("OK: everything agrees.", StringComparison.Ordinal))
        {
            failures.Enqueue($"mikoshi verify exited {exit}:\n{output}");
        }

        // (EF logs a failed read of its migrations table on a new PostgreSQL database; a failed request logs under ASP.NET Core.)
        if (File.Exists(server.LogFile) && File.ReadLines(server.LogFile).FirstOrDefault(l => l.StartsWith("fail: Microsoft.AspNetCore", StringComparison.Ordinal)) is { } logged)
        {
            failures.Enqueue($"the server logged an error: {logged}\n{server.Tail()}");
        }

        var interrupted = operations.Where(o => o.CutByKill > 0).ToList();
        return new StormReport(provider, kills, memberClients + treasurerClients, operations.Count, operations.Count(o => o.Answer!.IsSuccess),
            operations.Count(o => !o.Answer!.IsSuccess), interrupted.Count, interrupted.Count(o => o.Answer!.Replayed), operations.Sum(o => o.Unanswered), replays,
            watch.Elapsed, server.StartingTime, failures.ToList());
    }

    private async Task SetUpAsync()
    {
        treasurer = await api.SignUpAsync("Treasurer");
        members = new Actor[memberClients];
        for (var i = 0; i < memberClients; i++)
        {
            members[i] = await api.SignUpAsync($"Member{i}");
            await api.SetBankAccountAsync(members[i]);
        }

        slug = await api.FoundAsync(treasurer);
        foreach (var member in members)
        {
            await api.DepositAsync(slug, treasurer, 5_000, member.Id);
        }

        // The lead needs a token to start a project; every revenue event then pays the lead, the holders, the reserve and the treasury.
        believedOwner[await api.MintAsync(slug, members[0])] = 0;
        project = await api.ProjectAsync(slug, members[0]);
    }

    private async Task ClientAsync(int client, Random random)
    {
        while (!stopping)
        {
            var op = client < treasurerClients ? TreasurerOp(random) : MemberOp(client - treasurerClients, random);
            if (op is null)
            {
                continue;
            }

            await AnswerAsync(op);
            Learn(op);
            done.Enqueue(op);
        }
    }

    private StormOp TreasurerOp(Random random)
    {
        var roll = random.Next(100);
        var key = NextKey();
        var community = $"/api/v1/communities/{slug}";
        if (roll < 60)
        {
            var to = members[random.Next(members.Length)];
            return new StormOp("deposit", 0, treasurer, $"{community}/deposits",
                new { asset = "JPY", amount = Units(random.Next(500, 5_000)), reference = key, memo = "storm", personId = to.Id }, key);
        }

        if (roll < 75)
        {
            return new StormOp("deposit-usdc", 0, treasurer, $"{community}/deposits",
                new { asset = "USDC", amount = Units(random.Next(1, 5_000_000)), reference = key, memo = "storm", personId = (string?)null }, key);
        }

        return new StormOp("revenue", 0, treasurer, $"{community}/projects/{project}/revenue",
            new { asset = "JPY", amount = Units(random.Next(1_000, 50_000)), source = key, occurredAt = (DateTimeOffset?)null }, key);
    }

    private StormOp? MemberOp(int member, Random random)
    {
        var actor = members[member];
        var community = $"/api/v1/communities/{slug}";
        var key = NextKey();
        var mine = believedOwner.Where(t => t.Value == member).Select(t => t.Key).ToList();
        var roll = random.Next(100);
        if (roll < 25 || (mine.Count == 0 && roll < 70))
        {
            return new StormOp("mint", member + 1, actor, $"{community}/tokens", new { maxPrice = "1000" }, key);
        }

        if (roll < 70 && mine.Count > 0)
        {
            var token = mine[random.Next(mine.Count)];
            return (roll % 4) switch
            {
                0 => new StormOp("list", member + 1, actor, $"{community}/tokens/{token}/listings", new { price = Units(random.Next(500, 3_000)) }, key),
                1 => new StormOp("transfer", member + 1, actor, $"{community}/tokens/{token}/transfer", new { to = members[(member + 1 + random.Next(members.Length - 1)) % members.Length].Id }, key),
                2 when roll < 45 => new StormOp("redeem", member + 1, actor, $"{community}/tokens/{token}/redeem", null, key),
                _ => new StormOp("list", member + 1, actor, $"{community}/tokens/{token}/listings", new { price = Units(random.Next(500, 3_000)) }, key),
            };
        }

        if (roll < 85)
        {
            var listings = openListings.Where(l => l.Value.Seller != member).Select(l => l.Key).ToList();
            if (listings.Count > 0)
            {
                return new StormOp("buy", member + 1, actor, $"{community}/listings/{listings[random.Next(listings.Count)]}/buy", null, key);
            }
        }

        return new StormOp("claim", member + 1, actor, $"{community}/me/claims", new { asset = random.Next(3) == 0 ? "USDC" : "JPY" }, key);
    }

    /// <summary>Sends the operation until something answers it, always with the same key and body.</summary>
    private async Task AnswerAsync(StormOp op)
    {
        while (true)
        {
            try
            {
                inFlight[op] = true;
                op.Answer = await api.SendAsync(HttpMethod.Post, op.Path, op.Body, op.Actor, op.Key);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                op.Unanswered++;
                await Task.Delay(100);
                continue;
            }
            finally
            {
                inFlight.TryRemove(op, out _);
            }

            if (op.Answer.Status >= 500)
            {
                failures.Enqueue($"{op.Kind} {op.Path} answered {op.Answer}");
            }
            else if (!op.Answer.IsSuccess && (op.Answer.Code is not { } code || !Refusals[op.Kind].Contains(code)))
            {
                failures.Enqueue($"{op.Kind} {op.Path} was refused unexpectedly: {op.Answer}");
            }

            return;
        }
    }

    /// <summary>What the client now believes about tokens and listings, from the answer it got.</summary>
    private void Learn(StormOp op)
    {
        var answer = op.Answer!;
        var member = op.Client - 1;
        if (!answer.IsSuccess)
        {
            if (op.Kind is "buy")
            {
                openListings.TryRemove(ListingOf(op), out _);
            }
            else if (op.Kind is "list" or "transfer" or "redeem")
            {
                believedOwner.TryRemove(new KeyValuePair<long, int>(TokenOf(op), member));
            }

            return;
        }

        var json = answer.Json;
        switch (op.Kind)
        {
            case "mint":
                believedOwner[json.GetProperty("token").GetInt64()] = member;
                break;
            case "list":
                openListings[json.GetProperty("id").GetInt64()] = (json.GetProperty("token").GetInt64(), member);
                break;
            case "buy":
                openListings.TryRemove(ListingOf(op), out _);
                believedOwner[json.GetProperty("token").GetInt64()] = member;
                break;
            case "transfer":
                believedOwner[TokenOf(op)] = Array.FindIndex(members, m => m.Id == json.GetProperty("to").GetString());
                break;
            case "redeem":
                believedOwner.TryRemove(TokenOf(op), out _);
                break;
        }
    }

    /// <summary>Every success sent again with its key: the same status and the same bytes, marked replayed.</summary>
    private async Task<int> ReplayEverySuccessAsync(IReadOnlyList<StormOp> operations)
    {
        var replays = 0;
        foreach (var op in operations.Where(o => o.Answer!.IsSuccess))
        {
            var again = await api.SendAsync(HttpMethod.Post, op.Path, op.Body, op.Actor, op.Key);
            if (again.Status != op.Answer!.Status || again.Body != op.Answer.Body || !again.Replayed)
            {
                failures.Enqueue($"{op.Kind} {op.Key} did not replay: first {op.Answer}, then {again} (replayed: {again.Replayed})");
            }

            replays++;
        }

        return replays;
    }

    private async Task CheckBooksAsync(Books baseline, IReadOnlyList<StormOp> operations)
    {
        var books = await BooksAsync();
        var expected = new Dictionary<(string Account, string Asset), BigInteger>(baseline.Classes);
        void Add(string account, string asset, BigInteger units) =>
            expected[(account, asset)] = expected.GetValueOrDefault((account, asset)) + units;

        var successes = operations.Where(o => o.Answer!.IsSuccess).ToList();
        foreach (var op in successes)
        {
            var json = op.Answer!.Json;
            switch (op.Kind)
            {
                case "deposit":
                    Add("external", "JPY", -Amount(op.Body, "amount"));
                    Add("people", "JPY", Amount(op.Body, "amount"));
                    break;
                case "deposit-usdc":
                    Add("external", "USDC", -Amount(op.Body, "amount"));
                    Add("treasury", "USDC", Amount(op.Body, "amount"));
                    break;
                case "revenue":
                    Add("external", "JPY", -Amount(op.Body, "amount"));
                    foreach (var part in json.GetProperty("parts").EnumerateArray())
                    {
                        Add(Class(part.GetProperty("account").GetString()!), "JPY", Units(part.GetProperty("amount")));
                    }

                    break;
                case "mint":
                    Add("people", "JPY", -Units(json.GetProperty("price")));
                    Add("treasury", "JPY", Units(json.GetProperty("price")));
                    break;
                case "buy":
                    Add("people", "JPY", -Units(json.GetProperty("royalty")));
                    Add("treasury", "JPY", Units(json.GetProperty("royalty")));
                    break;
                case "redeem":
                    foreach (var reclaim in json.GetProperty("reclaim").EnumerateArray())
                    {
                        Add("treasury", reclaim.GetProperty("asset").GetString()!, -Units(reclaim));
                        Add("people", reclaim.GetProperty("asset").GetString()!, Units(reclaim));
                    }

                    break;
                case "claim":
                    Add("people", json.GetProperty("amount").GetProperty("asset").GetString()!, -Units(json.GetProperty("amount")));
                    Add("escrow:payouts", json.GetProperty("amount").GetProperty("asset").GetString()!, Units(json.GetProperty("amount")));
                    break;
            }
        }

        foreach (var key in expected.Keys.Union(books.Classes.Keys).Distinct())
        {
            if (expected.GetValueOrDefault(key) != books.Classes.GetValueOrDefault(key))
            {
                failures.Enqueue($"{key.Account} {key.Asset}: the answers add up to {expected.GetValueOrDefault(key)}, the books hold {books.Classes.GetValueOrDefault(key)}");
            }
        }

        // Each kind of success made exactly one journal entry of its kind, no more (nothing ran twice) and no fewer (nothing answered was lost).
        foreach (var (kind, entryKind, count) in new[]
        {
            ("deposit", "deposit", successes.Count(o => o.Kind is "deposit" or "deposit-usdc")),
            ("revenue", "revenue", successes.Count(o => o.Kind == "revenue")),
            ("mint", "mint", successes.Count(o => o.Kind == "mint")),
            ("buy", "sale", successes.Count(o => o.Kind == "buy")),
            ("redeem", "redemption", successes.Count(o => o.Kind == "redeem" && o.Answer!.Json.GetProperty("reclaim").GetArrayLength() > 0)),
            ("claim", "claim", successes.Count(o => o.Kind == "claim")),
        })
        {
            var made = books.Entries.GetValueOrDefault(entryKind) - baseline.Entries.GetValueOrDefault(entryKind);
            if (made != count)
            {
                failures.Enqueue($"{count} {kind} operations succeeded but the journal gained {made} '{entryKind}' entries");
            }
        }

        // Deposits and revenue carry their key as reference and source: each key exactly once in the journal if it succeeded, never if refused.
        foreach (var op in operations.Where(o => o.Kind is "deposit" or "deposit-usdc" or "revenue"))
        {
            var times = books.References.GetValueOrDefault(op.Key);
            if (times != (op.Answer!.IsSuccess ? 1 : 0))
            {
                failures.Enqueue($"{op.Kind} {op.Key} ({op.Answer}) is in the journal {times} times");
            }
        }

        // Every key: stored once with the exact answer the client got if it succeeded; absent if it was refused.
        foreach (var op in operations)
        {
            var stored = books.Keys.GetValueOrDefault((op.Actor.Id, op.Key));
            if (op.Answer!.IsSuccess ? stored != op.Answer.Body : stored is not null)
            {
                failures.Enqueue($"{op.Kind} {op.Key}: the client got {op.Answer}, the store keeps {stored ?? "nothing"}");
            }
        }

        CheckTokens(books, successes);
    }

    /// <summary>
    /// Who holds each token follows from the successes alone: every mint, sale and gift is an edge into a
    /// person and (but the mint) out of another; the holder is the one left with one edge more in than out.
    /// Each token's lineage has exactly one step per success that touched it.
    /// </summary>
    private void CheckTokens(Books books, IReadOnlyList<StormOp> successes)
    {
        var edges = new Dictionary<long, List<(string? From, string? To)>>();
        void Edge(long token, string? from, string? to)
        {
            if (!edges.TryGetValue(token, out var list))
            {
                edges[token] = list = [];
            }

            list.Add((from, to));
        }

        var stormMinted = successes.Where(o => o.Kind == "mint").Select(o => o.Answer!.Json.GetProperty("token").GetInt64()).ToHashSet();
        foreach (var token in books.Tokens.Where(t => !stormMinted.Contains(t.Key)))
        {
            Edge(token.Key, null, members[0].Id); // minted during set-up
        }

        foreach (var op in successes)
        {
            var json = op.Answer!.Json;
            switch (op.Kind)
            {
                case "mint": Edge(json.GetProperty("token").GetInt64(), null, op.Actor.Id); break;
                case "buy": Edge(json.GetProperty("token").GetInt64(), json.GetProperty("seller").GetString(), json.GetProperty("buyer").GetString()); break;
                case "transfer": Edge(TokenOf(op), json.GetProperty("from").GetString(), json.GetProperty("to").GetString()); break;
                case "redeem": Edge(TokenOf(op), op.Actor.Id, null); break;
            }
        }

        foreach (var (token, stored) in books.Tokens)
        {
            var moves = edges.GetValueOrDefault(token) ?? [];
            var balance = moves.SelectMany(m => new[] { (Person: m.To, Delta: 1), (Person: m.From, Delta: -1) })
                .Where(x => x.Person is not null).GroupBy(x => x.Person!).Where(g => g.Sum(x => x.Delta) != 0).ToList();
            var holder = balance.Count == 1 && balance[0].Sum(x => x.Delta) == 1 ? balance[0].Key : null;
            if (holder != stored.Owner || (balance.Count > 1))
            {
                failures.Enqueue($"token #{token}: the answers leave it with {holder ?? "nobody"} ({string.Join(", ", moves)}), the store says {stored.Owner ?? "burned"}");
            }

            if (stored.Steps != moves.Count)
            {
                failures.Enqueue($"token #{token}: {moves.Count} successful operations touched it, its lineage has {stored.Steps} steps");
            }
        }

        var minted = successes.Count(o => o.Kind == "mint") + 1;
        if (books.Tokens.Count != minted)
        {
            failures.Enqueue($"{minted} tokens were minted by answered requests, the store has {books.Tokens.Count}");
        }
    }

    private sealed record Books(
        Dictionary<(string Account, string Asset), BigInteger> Classes,
        Dictionary<string, int> Entries,
        Dictionary<string, int> References,
        Dictionary<(string Actor, string Key), string> Keys,
        Dictionary<long, (string? Owner, int Steps)> Tokens);

    /// <summary>The community's books read straight from the store: balances by class of account, journal and keys.</summary>
    private Task<Books> BooksAsync() => ProofStore.ReadAsync(store, async db =>
    {
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug);
        var classes = new Dictionary<(string, string), BigInteger>();
        foreach (var balance in await db.Balances.AsNoTracking().Where(b => b.CommunityId == community.Id).ToListAsync())
        {
            var key = (Class(balance.Account), balance.Asset);
            classes[key] = classes.GetValueOrDefault(key) + (BigInteger)balance.Units;
        }

        var entries = (await db.JournalEntries.AsNoTracking().Where(e => e.CommunityId == community.Id).Select(e => new { e.Kind, e.Reference }).ToListAsync());
        var actors = members.Select(m => m.Id).Append(treasurer.Id).ToList();
        var keys = (await db.IdempotencyKeys.AsNoTracking().Where(k => actors.Contains(k.Scope)).Select(k => new { k.Scope, k.Key, k.ResponseJson }).ToListAsync())
            .ToDictionary(k => (k.Scope, k.Key), k => k.ResponseJson);
        var tokens = (await db.Tokens.AsNoTracking().Include(t => t.Lineage).Where(t => t.CommunityId == community.Id).ToListAsync())
            .ToDictionary(t => t.Serial.Value, t => (t.OwnerId?.ToString(), t.Lineage.Count));
        return new Books(
            classes,
            entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count()),
            entries.GroupBy(e => e.Reference).ToDictionary(g => g.Key, g => g.Count()),
            keys,
            tokens);
    });

    /// <summary>Accounts the harness can total exactly from the answers; people's own accounts and the holder pool as one class.</summary>
    private static string Class(string account) =>
        account switch
        {
            "external" or "treasury" or "escrow:payouts" => account,
            _ when account.StartsWith("project:", StringComparison.Ordinal) => "project",
            _ => "people",
        };

    private string NextKey() => $"storm-{seed}-{Interlocked.Increment(ref sequence)}";

    private static string Units(long units) => units.ToString(CultureInfo.InvariantCulture);

    private static BigInteger Units(JsonElement amount) => BigInteger.Parse(amount.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);

    private static BigInteger Amount(object? body, string field) =>
        BigInteger.Parse(JsonSerializer.SerializeToElement(body, JsonSerializerOptions.Web).GetProperty(field).GetString()!, CultureInfo.InvariantCulture);

    private static long TokenOf(StormOp op) => long.Parse(op.Path.Split('/')[6], CultureInfo.InvariantCulture);

    private static long ListingOf(StormOp op) => long.Parse(op.Path.Split('/')[6], CultureInfo.InvariantCulture);
}
