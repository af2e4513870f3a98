using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Mikoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mikoshi.Tests.Fuzz;

/// <summary>
/// Generated malformed and hostile requests against every operation of the OpenAPI document, as every
/// kind of caller. The normal suite runs a fast slice; <c>MIKOSHI_LONG=1</c> runs the full ≥ 100,000
/// requests (80,000 on SQLite, 25,000 on PostgreSQL). <c>MIKOSHI_FUZZ_SEED=n</c> replays one seed.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static bool Long => Environment.GetEnvironmentVariable("MIKOSHI_LONG") == "1";

    [Theory]
    [InlineData("sqlite", 2_000, 80_000)]
    [InlineData("postgres", 600, 25_000)]
    public async Task HostileRequests_AreNeverAServerError_AlwaysAProblemWithACode_AndRejectionsChangeNothing(string provider, int fast, int full)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("MIKOSHI_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next();
        await using var app = TestApp.Create(provider);
        var errors = new ServerErrors();
        using var quiet = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.ClearProviders().AddProvider(errors)));

        var report = await new FuzzRun(quiet, errors, seed).RunAsync(Long ? full : fast);

        output.WriteLine($"{provider}: {report.Summary}");

        // The fingerprint must see the writes that were accepted, or "rejections change nothing" proves nothing.
        Assert.True(report.Writes > 0, $"no accepted request changed the store's fingerprint: {report.Summary}");
        Assert.True(report.FailureCount == 0,
            $"{provider}: {report.Summary}\n{FuzzRun.Reproduce(seed, nameof(HostileRequests_AreNeverAServerError_AlwaysAProblemWithACode_AndRejectionsChangeNothing))}\n\n"
            + string.Join("\n\n", report.Failures));
    }
}
