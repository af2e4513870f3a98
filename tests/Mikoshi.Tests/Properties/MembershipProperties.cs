using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mikoshi.Tests.Properties;

/// <summary>
/// Model-based property test of membership through the real HTTP API and a real database: random
/// sequences of mints (sometimes after a parameter change), gifts, approvals, listings, sales,
/// redemptions, succession plans and their execution, and deposits, each checked against a naive
/// model, with money, tokens, supply and past holdings checked after every step.
/// Reproduce a failure with the seed CsCheck prints: <c>CsCheck_Seed=... dotnet test --filter ...</c>.
/// </summary>
public sealed class MembershipProperties(ITestOutputHelper output)
{
    /// <summary>Provider, sequences, longest sequence: many on SQLite, a few on PostgreSQL.</summary>
    public static TheoryData<string, int, int> Runs => new()
    {
        { "sqlite", 15, 40 },
        { "postgres", 4, 25 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task MembershipOperations_InAnyOrder_ConserveMoney_KeepOneOwnerPerToken_AndRememberPastHoldings(string provider, int sequences, int maxLength)
    {
        await using var app = TestApp.Create(provider);

        // The clock moves by days between steps, years over a run: sign-ins must outlast it.
        using var api = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromDays(1000 * 365))));
        var stats = new RunStats();
        var people = new Person[MembershipGen.People];
        for (var i = 0; i < people.Length; i++)
        {
            people[i] = await SignUpAsync(api, $"p{i}");
        }

        await MembershipGen.Sequence(maxLength).SampleAsync(async steps =>
            {
                // Every sequence gets a community of its own, founded by p0, with the same people.
                var foundedAt = app.Clock.GetUtcNow().ToUnixTimeMilliseconds();
                var slug = await people[0].FoundCommunityAsync();
                var run = new MembershipRun(app, people, slug, stats);
                await run.StartAsync(foundedAt);
                for (var i = 0; i < steps.Length; i++)
                {
                    await run.StepAsync(i, steps[i]);
                }

                await run.VerifyAsync();
            },
            writeLine: output.WriteLine,
            seed: Environment.GetEnvironmentVariable("CsCheck_Seed"),
            iter: int.TryParse(Environment.GetEnvironmentVariable("MIKOSHI_PROP_SEQUENCES"), out var n) ? n : sequences,
            threads: 1,
            print: MembershipGen.Describe);
        output.WriteLine(stats.ToString());
    }

    private static async Task<Person> SignUpAsync(WebApplicationFactory<Program> api, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.jp";
        var client = api.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Person.Password, displayName = name });
        registered.EnsureSuccessStatusCode();
        var person = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Person.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Person(person.GetProperty("personId").GetString()!, email, client);
    }
}
