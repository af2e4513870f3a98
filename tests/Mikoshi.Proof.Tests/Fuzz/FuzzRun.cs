using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mikoshi.Tests.Fuzz;

/// <summary>What a run sent and what it found.</summary>
public sealed record FuzzReport(
    int Seed, int Requests, int Operations, int Rejected, int Accepted, int Writes, int Worlds, TimeSpan Elapsed, TimeSpan Fingerprinting, IReadOnlyList<string> Failures, int FailureCount)
{
    public string Summary =>
        $"seed {Seed}: {Requests} requests over {Operations} operations × {Enum.GetValues<FuzzCaller>().Length} callers in {Elapsed.TotalSeconds:F1} s "
        + $"({Requests / Math.Max(Elapsed.TotalSeconds, 0.001):F0}/s, {Fingerprinting.TotalSeconds:F1} s of it fingerprinting the store); "
        + $"{Rejected} rejected, {Accepted} accepted of which {Writes} changed the store; {Worlds} seeded communities; {FailureCount} failures";
}

/// <summary>
/// Sends generated requests one at a time (so a failure names the one request that caused it) and checks
/// each answer: never a 5xx; every 4xx problem+json with a <c>code</c>; and a rejected request leaves the
/// store's fingerprint exactly as it was.
/// </summary>
public sealed class FuzzRun(WebApplicationFactory<Program> app, ServerErrors errors, int seed)
{
    private const int MaxReportedFailures = 15;
    private const int CheckWorldEvery = 100;

    public async Task<FuzzReport> RunAsync(int requests)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        var world = await FuzzWorld.SeedAsync(app);
        var worlds = 1;
        var document = await world.Anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = ApiSurface.Read(document);
        Assert.True(operations.Count >= 40, $"the OpenAPI document lists only {operations.Count} operations");
        var generator = new RequestGenerator(random, world.Targets);

        // Every operation as every caller, in a fresh random order each pass.
        var combinations = operations.SelectMany(o => Enum.GetValues<FuzzCaller>().Select(c => (Operation: o, Caller: c))).ToArray();
        var failures = new List<string>();
        var failureCount = 0;
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var rejected = 0;
        var accepted = 0;
        var writes = 0;
        var fingerprinting = TimeSpan.Zero;
        var fingerprint = await StoreFingerprint.TakeAsync(app.Services);
        for (var i = 0; i < requests; i++)
        {
            if (i % combinations.Length == 0)
            {
                random.Shuffle(combinations);
            }

            if (i > 0 && i % CheckWorldEvery == 0 && !await world.IntactAsync(app.Services))
            {
                world = await FuzzWorld.SeedAsync(app);
                generator = new RequestGenerator(random, world.Targets);
                worlds++;
                fingerprint = await StoreFingerprint.TakeAsync(app.Services);
            }

            var (operation, caller) = combinations[i % combinations.Length];
            var request = generator.Next(operation);
            errors.Clear();
            var problem = await SendAsync(world.Client(caller), request);
            if (problem.Status >= 500 && errors.Last() is { } exception)
            {
                problem = problem with { Excerpt = $"{problem.Excerpt}\n  Server: {exception}" };
            }

            var status = problem.Status;
            var started = Stopwatch.GetTimestamp();
            var after = await StoreFingerprint.TakeAsync(app.Services);
            fingerprinting += Stopwatch.GetElapsedTime(started);
            if (status >= 400 && problem.Error is null && after != fingerprint)
            {
                problem = problem with { Error = $"a rejected request changed the store: {StoreFingerprint.Difference(fingerprint, after)}" };
            }

            if (status >= 400)
            {
                rejected++;
            }
            else
            {
                accepted++;
                writes += after == fingerprint ? 0 : 1;
            }

            fingerprint = after;
            if (problem.Error is not null)
            {
                failureCount++;

                // One example of each kind of failure, so a few reported failures show every distinct problem.
                if (failures.Count < MaxReportedFailures && kinds.Add($"{status} {problem.Error} {request.Mutation}"))
                {
                    failures.Add($"#{i} as {caller} → {status}: {problem.Error}\n  {request.Describe()}\n  Response: {problem.Excerpt}");
                }
            }
        }

        return new FuzzReport(seed, requests, operations.Count, rejected, accepted, writes, worlds, clock.Elapsed, fingerprinting, failures, failureCount);
    }

    private static async Task<Outcome> SendAsync(HttpClient client, FuzzRequest request)
    {
        HttpResponseMessage response;
        try
        {
            using var message = request.ToMessage();
            response = await client.SendAsync(message);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            return new Outcome(599, $"the request threw {e.GetType().Name}: {e.Message}", string.Empty);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var excerpt = text.Length <= 400 ? text : text[..400] + "…";
            if (status >= 500)
            {
                return new Outcome(status, "server error", excerpt);
            }

            if (status >= 400)
            {
                var media = response.Content.Headers.ContentType?.MediaType;
                if (media != "application/problem+json")
                {
                    return new Outcome(status, $"a {status} answered {media ?? "no media type"}, not problem+json", excerpt);
                }

                try
                {
                    using var json = JsonDocument.Parse(text);
                    if (!json.RootElement.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String || code.GetString()!.Length == 0)
                    {
                        return new Outcome(status, "problem+json without a code", excerpt);
                    }
                }
                catch (JsonException)
                {
                    return new Outcome(status, "problem+json that is not JSON", excerpt);
                }
            }

            return new Outcome(status, null, excerpt);
        }
    }

    /// <summary>How to run one seed again, printed with every failure.</summary>
    public static string Reproduce(int seed, string test) =>
        new StringBuilder().Append("Reproduce: MIKOSHI_FUZZ_SEED=").Append(seed)
            .Append(" dotnet test tests/Mikoshi.Tests --filter \"FullyQualifiedName~").Append(test).Append('"').ToString();

    private sealed record Outcome(int Status, string? Error, string Excerpt);
}
