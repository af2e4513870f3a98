using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;

namespace Mikoshi.Bench.Load;

/// <summary>One kind of request under load, next to the bare endpoint measured just before it.</summary>
public sealed record LoadFigure(
    string Name, string Request, long Requests, long Errors, double PerSecond, double P50Ms, double P99Ms,
    long BareRequests, double BarePerSecond, double BareP50Ms, double BareP99Ms)
{
    public double Ratio => PerSecond / BarePerSecond;
}

public sealed record LoadResult(string Store, int Concurrency, double Seconds, IReadOnlyList<LoadFigure> Figures);

/// <summary>
/// A bounded load run on 127.0.0.1: Mikoshi (the real app, Kestrel, the chosen store) and a bare minimal-API
/// app returning a constant JSON, both in this process on loopback ports. For each of the main reads and
/// writes, C concurrent clients first load the bare endpoint for N seconds, then Mikoshi for N seconds;
/// requests per second and p50/p99 latency of both go into the report with their ratio.
/// </summary>
public static class LoadRun
{
    /// <summary>Runs the scenarios named in <paramref name="only"/>, in that order (say, to trace one of them), or all of them when null.</summary>
    public static async Task<int> RunAsync(StoreProvider provider, string location, string resultFile, int concurrency, double seconds, IReadOnlyCollection<string>? only = null)
    {
        var name = provider == StoreProvider.Postgres ? "PostgreSQL" : "SQLite";
        var mikoshi = await ServedApp.StartAsync(provider, location, provider == StoreProvider.Postgres ? "mikoshi_bench_load" : "load");
        var bare = Bare();
        await bare.StartAsync();
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(Address(mikoshi)), Timeout = TimeSpan.FromSeconds(30) };
            var bareUrl = new Uri(new Uri(Address(bare)), "/constant");
            // A visitor reads the public pages without a token: the same connections, no Authorization header.
            using var visitor = new HttpClient(handler, disposeHandler: false) { BaseAddress = client.BaseAddress, Timeout = client.Timeout };
            var slug = await SeedAsync(client);
            Console.WriteLine($"[{name}] load: {concurrency} clients, {seconds} s per side");

            var deposits = 0L;
            var scenarios = new (string Name, string Request, HttpClient Through, Func<HttpRequestMessage> Make)[]
            {
                ("community page", $"GET /api/v1/communities/{{slug}}", client, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/communities/{slug}")),
                ("community page, visitor", $"GET /api/v1/communities/{{slug}} without a token", visitor, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/communities/{slug}")),
                ("ledger", "GET /api/v1/communities/{slug}/ledger (50 entries)", client, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/communities/{slug}/ledger?limit=50")),
                ("ledger, visitor", "GET /api/v1/communities/{slug}/ledger (50 entries) without a token", visitor, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/communities/{slug}/ledger?limit=50")),
                ("tokens", "GET /api/v1/communities/{slug}/tokens", client, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/communities/{slug}/tokens")),
                ("deposit", "POST /api/v1/communities/{slug}/deposits, a new Idempotency-Key each", client, () =>
                {
                    var n = Interlocked.Increment(ref deposits);
                    var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/communities/{slug}/deposits")
                    {
                        Content = JsonContent.Create(new { asset = "JPY", amount = "1000", reference = $"load {n}", memo = "load" }),
                    };
                    request.Headers.Add("Idempotency-Key", $"load-{n}");
                    return request;
                }),
            };

            var figures = new List<LoadFigure>();
            var duration = TimeSpan.FromSeconds(seconds);

            // The bare endpoint warmed until its code is fully optimized: a run of half a second left it in the JIT's
            // first tier, and the first scenarios were measured against a baseline a third as fast as the last ones'.
            await LoadAsync(client, () => new HttpRequestMessage(HttpMethod.Get, bareUrl), concurrency, TimeSpan.FromSeconds(4));

            // Every chosen request warmed for three seconds before any is measured: at 16 clients, whichever request
            // was measured first ran at a third of its rate when measured later, and so did the bare endpoint beside it
            // (after one second each it still did; docs/benchmarks.md section 26).
            var chosen = only is null ? scenarios.ToList() : only.Select(name => scenarios.Single(s => s.Name == name)).ToList();
            foreach (var (_, _, through, make) in chosen)
            {
                await LoadAsync(through, make, concurrency, TimeSpan.FromSeconds(3));
            }

            foreach (var (scenario, request, through, make) in chosen)
            {
                // An unmeasured run of each side first: JIT, connection pools, caches.
                await LoadAsync(client, () => new HttpRequestMessage(HttpMethod.Get, bareUrl), concurrency, TimeSpan.FromSeconds(0.5));
                await LoadAsync(through, make, concurrency, TimeSpan.FromSeconds(2));
                var baseline = await LoadAsync(client, () => new HttpRequestMessage(HttpMethod.Get, bareUrl), concurrency, duration);
                var measured = await LoadAsync(through, make, concurrency, duration);
                var figure = new LoadFigure(scenario, request, measured.Requests, measured.Errors, measured.PerSecond, measured.P50Ms, measured.P99Ms,
                    baseline.Requests, baseline.PerSecond, baseline.P50Ms, baseline.P99Ms);
                figures.Add(figure);
                Console.WriteLine(Fmt.Invariant($"  {scenario}: {figure.PerSecond:F0}/s p50 {figure.P50Ms:F2} ms p99 {figure.P99Ms:F2} ms ({figure.Errors} errors); bare {figure.BarePerSecond:F0}/s p50 {figure.BareP50Ms:F2} ms p99 {figure.BareP99Ms:F2} ms; ratio {figure.Ratio:F3}"));
                if (measured.Errors > 0)
                {
                    Console.Error.WriteLine($"  {scenario}: {measured.Errors} requests failed, e.g. {measured.FirstError}");
                    return 1;
                }
            }

            await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(new LoadResult(name, concurrency, seconds, figures), LedgerRun.Json));
            return 0;
        }
        finally
        {
            await bare.StopAsync();
            await mikoshi.StopAsync();
            await bare.DisposeAsync();
            await mikoshi.DisposeAsync();
        }
    }

    /// <summary>The baseline: the smallest minimal-API app that answers JSON.</summary>
    private static WebApplication Bare()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/constant", () => Results.Json(new { name = "bare", ok = true }));
        return app;
    }

    private static string Address(WebApplication app) => ServedApp.Address(app);

    /// <summary>A person who founds the community and records 200 deposits and mints 5 tokens, so the reads have something to read.</summary>
    private static async Task<string> SeedAsync(HttpClient client)
    {
        var email = $"load{Guid.NewGuid():N}@example.jp";
        const string password = "correct horse battery";
        (await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password, displayName = "Load" })).EnsureSuccessStatusCode();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var slug = $"load{Guid.NewGuid():N}"[..16];
        (await client.PostAsJsonAsync("/api/v1/communities", new { slug, name = "Load", charterText = "Load.", values = new[] { "joy" }, baseAsset = "JPY", assets = Array.Empty<string>() }))
            .EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/communities/{slug}/deposits", new { asset = "JPY", amount = "1000000000", reference = "seed", personId = me.GetProperty("personId").GetString() }))
            .EnsureSuccessStatusCode();
        for (var i = 0; i < 200; i++)
        {
            (await client.PostAsJsonAsync($"/api/v1/communities/{slug}/deposits", new { asset = "JPY", amount = "1000", reference = $"seed {i}" })).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).EnsureSuccessStatusCode();
        }

        return slug;
    }

    private sealed record Measured(long Requests, long Errors, double PerSecond, double P50Ms, double P99Ms, string? FirstError);

    /// <summary><paramref name="concurrency"/> clients, each sending its next request when the last is answered, for <paramref name="duration"/>.</summary>
    private static async Task<Measured> LoadAsync(HttpClient client, Func<HttpRequestMessage> make, int concurrency, TimeSpan duration)
    {
        var errors = 0L;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                using var request = make();
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode && Interlocked.Increment(ref errors) == 1)
                {
                    firstError = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }
            }

            return latencies;
        })).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToArray();
        var elapsed = clock.Elapsed.TotalSeconds;
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new Measured(all.Length, errors, all.Length / elapsed, Percentile(0.50), Percentile(0.99), firstError);
    }
}
