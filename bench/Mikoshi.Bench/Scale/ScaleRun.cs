using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Membership;

namespace Mikoshi.Bench.Scale;

/// <summary>The shape of one community the run builds: journal entries, members (each holding one token) and one long lineage.</summary>
public sealed record ScaleShape(int Entries, int Members, int Lineage);

/// <summary>One request's latency in the demo-sized community and in the large one, each in a store of its own, in the same run.</summary>
public sealed record ScaleFigure(string Name, string Request, Samples SmallMs, Samples LargeMs, int Requests)
{
    /// <summary>The large community's median latency over the small one's: 1.0 is a cost flat in size.</summary>
    public double Ratio => LargeMs.Median / SmallMs.Median;
}

public sealed record ScaleResult(string Store, ScaleShape Small, ScaleShape Large, double SeedSeconds, int Repetitions, IReadOnlyList<ScaleFigure> Figures);

/// <summary>
/// Is each request's cost flat in the community's size? Two instances of the real app (Kestrel on loopback ports,
/// each on a store of its own, the notification dispatcher off) hold one community each: one of the demo's size,
/// and one with 10^5 journal entries, 10^4 members each holding a token, and a token whose lineage is long. The large one is filled in-process
/// through the real <see cref="Writer"/> and the membership use case's own mint (many per transaction, so filling
/// takes a minute, not hours). Then one client sends each request to both communities in turn, small then large
/// in alternating order, each request answered before the next; the figure is the large community's median
/// latency over the small one's.
/// </summary>
public static class ScaleRun
{
    private const int FillBatch = 1_000;
    private const int MintBatch = 200;
    private const string Password = "correct horse battery";

    public static async Task<int> RunAsync(StoreProvider provider, string location, string resultFile, int repetitions, int requests, ScaleShape large)
    {
        var small = new ScaleShape(Entries: 200, Members: 25, Lineage: 3);
        var name = provider == StoreProvider.Postgres ? "PostgreSQL" : "SQLite";
        // The notification dispatcher off: seeding 10^4 first mints announces 10^4 "member.joined" events, each to every
        // member, and expanding that backlog (about 10^8 notices at the full size) kept the store's one writer busy
        // through the whole measurement: every measured write waited behind a chunk of notices (docs/benchmarks.md
        // section 20). What is measured here is each request's own cost.
        // Each community in a store of its own, as the demo would be: with both in one store, a cost that grows with the
        // store (every token's lineage read by a transfer, round 12) grew alike on both sides and the ratio hid it.
        var demoApp = await Load.ServedApp.StartAsync(provider, location, "mikoshi_bench_scale_demo", "--Mikoshi:Notifications:PollSeconds=0");
        var largeApp = await Load.ServedApp.StartAsync(provider, location, "mikoshi_bench_scale", "--Mikoshi:Notifications:PollSeconds=0");
        try
        {
            var demoAddress = new Uri(Load.ServedApp.Address(demoApp));
            var largeAddress = new Uri(Load.ServedApp.Address(largeApp));
            using var demoFounder = await SignedInAsync(demoAddress, "Founder");
            using var demoFriend = await SignedInAsync(demoAddress, "Friend");
            using var largeFounder = await SignedInAsync(largeAddress, "Founder");
            using var largeFriend = await SignedInAsync(largeAddress, "Friend");
            var seeding = Stopwatch.StartNew();
            var smallSlug = await SeedAsync(demoApp, demoFounder, small, "small");
            var largeSlug = await SeedAsync(largeApp, largeFounder, large, "large");
            var seedSeconds = seeding.Elapsed.TotalSeconds;
            Console.WriteLine(Fmt.Invariant($"[{name}] scale: seeded {small} and {large}, each in a store of its own, in {seedSeconds:F0} s"));
            await SettleAsync(provider, demoApp, largeApp);

            var figures = new List<ScaleFigure>();
            foreach (var ((kind, request, sendSmall), (_, _, sendLarge)) in Requests(demoFounder, demoFriend).Zip(Requests(largeFounder, largeFriend)))
            {
                var smallMs = new List<double>();
                var largeMs = new List<double>();
                await TimeAsync(() => sendSmall(smallSlug), 3);
                await TimeAsync(() => sendLarge(largeSlug), 3);
                for (var r = 0; r < repetitions; r++)
                {
                    // Alternate which community goes first, so neither always meets a warmer machine.
                    var order = r % 2 == 0
                        ? new[] { (sendSmall, smallSlug, smallMs), (sendLarge, largeSlug, largeMs) }
                        : [(sendLarge, largeSlug, largeMs), (sendSmall, smallSlug, smallMs)];
                    foreach (var (send, slug, into) in order)
                    {
                        into.Add(await TimeAsync(() => send(slug), requests));
                    }
                }

                var figure = new ScaleFigure(kind, request, Samples.Of(smallMs), Samples.Of(largeMs), requests);
                figures.Add(figure);
                Console.WriteLine(Fmt.Invariant($"  {kind}: demo-sized {figure.SmallMs.Show(2)} ms, large {figure.LargeMs.Show(2)} ms, ratio {figure.Ratio:F2}"));
            }

            await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(new ScaleResult(name, small, large, seedSeconds, repetitions, figures), LedgerRun.Json));
            return 0;
        }
        finally
        {
            foreach (var app in new[] { demoApp, largeApp })
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Leaves each store as one that grew over months would be. On PostgreSQL autovacuum visits a table once enough of it
    /// changed; seeded in seconds, the large store's tables were vacuumed and analyzed while the requests were timed,
    /// on the same two cores, and its figures moved by more than the target's margin from run to run (docs/benchmarks.md
    /// section 32). SQLite has nothing of the kind: the app never runs <c>ANALYZE</c> on it, so neither does this.
    /// </summary>
    private static async Task SettleAsync(StoreProvider provider, params WebApplication[] apps)
    {
        if (provider != StoreProvider.Postgres)
        {
            return;
        }

        foreach (var app in apps)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }
    }

    /// <summary>A registered, signed-in person with their own client (bearer token) and id.</summary>
    private sealed record Person(HttpClient Client, string Id) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private static async Task<Person> SignedInAsync(Uri address, string displayName)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var email = $"scale{Guid.NewGuid():N}@example.jp";
        (await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, displayName })).EnsureSuccessStatusCode();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        return new Person(client, me.GetProperty("personId").GetString()!);
    }

    /// <summary>The requests measured, each sendable to either community; the transfer moves the founder's token #1 to the friend and back.</summary>
    private static IEnumerable<(string Kind, string Request, Func<string, Task<HttpResponseMessage>> Send)> Requests(Person founder, Person friend)
    {
        var keys = 0L;
        var withFriend = new HashSet<string>(StringComparer.Ordinal);
        yield return ("community page", "GET /api/v1/communities/{slug}", slug => founder.Client.GetAsync($"/api/v1/communities/{slug}"));
        yield return ("ledger page", "GET /api/v1/communities/{slug}/ledger?limit=50", slug => founder.Client.GetAsync($"/api/v1/communities/{slug}/ledger?limit=50"));
        yield return ("token", "GET /api/v1/communities/{slug}/tokens/2 (a member's token, lineage of one)", slug => founder.Client.GetAsync($"/api/v1/communities/{slug}/tokens/2"));
        yield return ("price chart", "GET /api/v1/communities/{slug}/price-history (the latest 500 mints and sales; the demo has 25)", slug => founder.Client.GetAsync($"/api/v1/communities/{slug}/price-history"));
        yield return ("deposit", "POST /api/v1/communities/{slug}/deposits, a new Idempotency-Key each", slug =>
        {
            var n = Interlocked.Increment(ref keys);
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/communities/{slug}/deposits")
            {
                Content = JsonContent.Create(new { asset = "JPY", amount = "1000", reference = $"scale {n}" }),
            };
            request.Headers.Add("Idempotency-Key", $"scale-deposit-{n}");
            return founder.Client.SendAsync(request);
        }
        );
        yield return ("mint", "POST /api/v1/communities/{slug}/tokens (the founder mints)", slug => founder.Client.PostAsJsonAsync($"/api/v1/communities/{slug}/tokens", new { }));
        yield return ("transfer", "POST /api/v1/communities/{slug}/tokens/1/transfer (token #1, long lineage, to a friend and back)", slug =>
        {
            var back = withFriend.Remove(slug);
            if (!back)
            {
                withFriend.Add(slug);
            }

            return back
                ? friend.Client.PostAsJsonAsync($"/api/v1/communities/{slug}/tokens/1/transfer", new { to = founder.Id })
                : founder.Client.PostAsJsonAsync($"/api/v1/communities/{slug}/tokens/1/transfer", new { to = friend.Id });
        }
        );
    }

    /// <summary>Milliseconds per request, averaged over <paramref name="count"/> sequential requests.</summary>
    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> send, int count)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var response = await send();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await response.Content.ReadAsByteArrayAsync();
        }

        return clock.Elapsed.TotalMilliseconds / count;
    }

    /// <summary>
    /// A community founded over HTTP by the founder, who deposits and mints token #1 over HTTP; then, in-process
    /// through the Writer: members (a deposit and a mint each), token #1's lineage (moved through that many people and
    /// back to the founder) and deposits until the journal holds <see cref="ScaleShape.Entries"/> entries.
    /// </summary>
    private static async Task<string> SeedAsync(WebApplication app, Person founder, ScaleShape shape, string prefix)
    {
        var client = founder.Client;
        var slug = $"{prefix}{Guid.NewGuid():N}"[..16];
        (await client.PostAsJsonAsync("/api/v1/communities", new { slug, name = "Scale " + prefix, charterText = "Measured.", values = new[] { "joy" }, baseAsset = "JPY", assets = Array.Empty<string>() }))
            .EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/communities/{slug}/deposits", new { asset = "JPY", amount = "1000000000000", reference = "seed", personId = founder.Id }))
            .EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).EnsureSuccessStatusCode();

        var founderId = new PersonId(Guid.Parse(founder.Id));
        var people = Enumerable.Range(0, shape.Members).Select(_ => new PersonId(Guid.NewGuid())).ToArray();
        for (var start = 0; start < people.Length; start += MintBatch)
        {
            var batch = people[start..Math.Min(people.Length, start + MintBatch)];
            await WriteAsync(app, slug, async (write, community) =>
            {
                foreach (var person in batch)
                {
                    var funded = await write.PostAsync(JournalEntry.Move("deposit", "scale seed", AccountId.External, AccountId.ForPerson(person.Value), Money.Of(Asset.Jpy, 1_000_000_000)).Value);
                    if (!funded.IsSuccess)
                    {
                        return funded.Error;
                    }

                    var minted = await MintToken.MintInAsync(write, person, community, new MintRequest(null));
                    if (!minted.IsSuccess)
                    {
                        return minted.Error;
                    }
                }

                return null;
            });
        }

        for (var start = 0; start < shape.Lineage; start += FillBatch)
        {
            var end = Math.Min(shape.Lineage, start + FillBatch);
            await WriteAsync(app, slug, async (write, community) =>
            {
                for (var step = start; step < end; step++)
                {
                    var token = await TokenLocks.FindMovableAsync(write, community.Id, TokenId.Stored(1));
                    if (!token.IsSuccess)
                    {
                        return token.Error;
                    }

                    var to = step == shape.Lineage - 1 ? founderId : people.Length > 0 ? people[step % people.Length] : founderId;
                    if (token.Value.OwnerId == to)
                    {
                        continue;
                    }

                    await TokenBook.MoveAsync(write, token.Value, to, LineageKind.Gifted);
                }

                return null;
            });
        }

        var entries = await EntriesAsync(app, slug);
        for (var n = entries; n < shape.Entries; n += FillBatch)
        {
            var from = n;
            var end = Math.Min(shape.Entries, n + FillBatch);
            await WriteAsync(app, slug, async (write, _) =>
            {
                for (var i = from; i < end; i++)
                {
                    var to = people.Length > 0 && i % 2 == 1 ? AccountId.ForPerson(people[i % people.Length].Value) : AccountId.Treasury;
                    var posted = await write.PostAsync(JournalEntry.Move("deposit", "scale seed", AccountId.External, to, Money.Of(Asset.Jpy, 1000 + (i % 9000))).Value, Fmt.Invariant($"seed-{i}"));
                    if (!posted.IsSuccess)
                    {
                        return posted.Error;
                    }
                }

                return null;
            });
        }

        return slug;
    }

    private static async Task<int> EntriesAsync(WebApplication app, string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug);
        return await db.JournalEntries.CountAsync(e => e.CommunityId == community.Id);
    }

    /// <summary>One write through the app's own Writer, as the founder; throws if the write is refused.</summary>
    private static async Task WriteAsync(WebApplication app, string slug, Func<WriteScope, Community, Task<Error?>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug);
        var writer = scope.ServiceProvider.GetRequiredService<Writer>();
        var written = await writer.RunAsync(community.Id.Value, "scale-seed", null, async write =>
        {
            var error = await work(write, community);
            return error is null ? Result<int>.Ok(0) : Result<int>.Fail(error);
        });
        if (!written.IsSuccess)
        {
            throw new InvalidOperationException($"Seeding {slug} failed: {written.Error}");
        }
    }
}
