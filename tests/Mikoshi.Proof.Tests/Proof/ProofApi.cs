using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Proof;

/// <summary>A signed-up person and their bearer token, usable on any server of the same store.</summary>
public sealed record Actor(string Id, string Email, string Token, string Name);

/// <summary>One answer: status, body, the problem code if it is a problem, and whether it was replayed.</summary>
public sealed record Answer(int Status, string Body, string? MediaType, bool Replayed)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The problem+json code; null unless the answer is a problem with a code.</summary>
    public string? Code =>
        MediaType == "application/problem+json" && Json.TryGetProperty("code", out var code) ? code.GetString() : null;

    public override string ToString() => $"{Status} {(Body.Length > 300 ? Body[..300] + "…" : Body)}";
}

/// <summary>
/// The HTTP API as an outside client sees it, on one or more servers of the same store (a real
/// process, or the in-process test server): every request carries its own bearer token, so any
/// server may serve any person.
/// </summary>
public sealed class ProofApi(HttpClient http, Func<Uri>? baseAddress = null)
{
    public const string Password = "correct horse battery";

    public HttpClient Http => http;

    public async Task<Answer> SendAsync(HttpMethod method, string path, object? body, Actor? actor = null, string? key = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, baseAddress is null ? new Uri(path, UriKind.Relative) : new Uri(baseAddress(), path));
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        }

        if (actor is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", actor.Token);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Answer((int)response.StatusCode, text, response.Content.Headers.ContentType?.MediaType,
            response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"));
    }

    public Task<Answer> PostAsync(string path, object body, Actor? actor = null, string? key = null) => SendAsync(HttpMethod.Post, path, body, actor, key);

    public Task<Answer> PutAsync(string path, object body, Actor actor) => SendAsync(HttpMethod.Put, path, body, actor);

    public Task<Answer> GetAsync(string path, Actor? actor = null) => SendAsync(HttpMethod.Get, path, null, actor);

    /// <summary>The answer's JSON, insisting that it succeeded.</summary>
    public async Task<JsonElement> OkAsync(Task<Answer> sent)
    {
        var answer = await sent;
        Assert.True(answer.IsSuccess, answer.ToString());
        return answer.Json;
    }

    public async Task<Actor> SignUpAsync(string name)
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        await OkAsync(PostAsync("/api/v1/auth/register", new { email, password = Password, displayName = name }));
        var login = await OkAsync(PostAsync("/api/v1/auth/login", new { email, password = Password }));
        var token = login.GetProperty("accessToken").GetString()!;
        var me = await OkAsync(GetAsync("/api/v1/me", new Actor(string.Empty, email, token, name)));
        return new Actor(me.GetProperty("personId").GetString()!, email, token, name);
    }

    /// <summary>A fresh bearer token for the same person (after a token's lifetime, or to be safe after restarts).</summary>
    public async Task<Actor> SignInAgainAsync(Actor actor)
    {
        var login = await OkAsync(PostAsync("/api/v1/auth/login", new { email = actor.Email, password = Password }));
        return actor with { Token = login.GetProperty("accessToken").GetString()! };
    }

    /// <summary>Founds a community in yen (USDC accepted too) with a fixed mint price, and returns its slug.</summary>
    public async Task<string> FoundAsync(Actor founder, long mintPrice = 1000, int redemptionRateBps = 5000)
    {
        var slug = $"p{Guid.NewGuid():N}"[..20];
        await OkAsync(PostAsync("/api/v1/communities", new
        {
            slug,
            name = "検証の神輿",
            charterText = "We prove what we claim.",
            values = new[] { "honesty" },
            baseAsset = "JPY",
            assets = new[] { "USDC" },
        }, founder));
        await OkAsync(PutAsync($"/api/v1/communities/{slug}/parameters", new
        {
            mintBasePrice = mintPrice.ToString(System.Globalization.CultureInfo.InvariantCulture),
            mintPriceSlope = "0",
            royaltyBps = 500,
            redemptionRateBps,
        }, founder));
        await OkAsync(PutAsync($"/api/v1/communities/{slug}/revenue-policy", new
        {
            treasuryBps = 2000,
            holderBps = 3000,
            reserveBps = 1000,
            holderShareToTreasury = false,
            capAtPaidIn = false,
        }, founder));
        return slug;
    }

    public Task<JsonElement> DepositAsync(string slug, Actor treasurer, long amount, string? personId = null, string asset = "JPY", string? key = null) =>
        OkAsync(PostAsync($"/api/v1/communities/{slug}/deposits", new
        {
            asset,
            amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            reference = key ?? $"setup {Guid.NewGuid():N}",
            memo = "proof",
            personId,
        }, treasurer, key));

    public async Task<long> MintAsync(string slug, Actor person) =>
        (await OkAsync(PostAsync($"/api/v1/communities/{slug}/tokens", new { }, person, Guid.NewGuid().ToString()))).GetProperty("token").GetInt64();

    public Task<JsonElement> SetBankAccountAsync(Actor person) =>
        OkAsync(PutAsync("/api/v1/me/bank-account", new
        {
            bankCode = "0001",
            bankName = "ミズホ",
            branchCode = "001",
            branchName = "トウキョウ",
            accountType = 1,
            accountNumber = "1234567",
            holderName = "ﾔﾏﾀﾞ ﾊﾅｺ",
        }, person));

    /// <summary>A project led by <paramref name="lead"/> (who must hold a token) with a split that gives the lead everything, in force at once.</summary>
    public async Task<long> ProjectAsync(string slug, Actor lead)
    {
        var project = (await OkAsync(PostAsync($"/api/v1/communities/{slug}/projects", new { title = "検証の絵巻" }, lead))).GetProperty("id").GetInt64();
        await OkAsync(PostAsync($"/api/v1/communities/{slug}/projects/{project}/agreements", new { parties = new[] { new { personId = lead.Id, weight = 1 } } }, lead));
        return project;
    }

    /// <summary>Every balance of the community, as (account, asset) → units, read by a treasurer.</summary>
    public async Task<Dictionary<(string Account, string Asset), System.Numerics.BigInteger>> BalancesAsync(string slug, Actor treasurer) =>
        (await OkAsync(GetAsync($"/api/v1/communities/{slug}/accounts", treasurer))).GetProperty("items").EnumerateArray().ToDictionary(
            item => (item.GetProperty("account").GetString()!, item.GetProperty("asset").GetString()!),
            item => System.Numerics.BigInteger.Parse(item.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The store opened directly, outside any server, to read what the server wrote.</summary>
public static class ProofStore
{
    // One service provider per store, so that EF builds its model once rather than at every read.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<StoreOptions, ServiceProvider> Providers = new();

    public static async Task<T> ReadAsync<T>(StoreOptions store, Func<MikoshiDb, Task<T>> read)
    {
        var provider = Providers.GetOrAdd(store, s =>
        {
            var services = new ServiceCollection().AddLogging().AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            services.AddMikoshiStore();
            services.RemoveAll<StoreOptions>();
            services.AddSingleton(s);
            return services.BuildServiceProvider();
        });
        await using var scope = provider.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MikoshiDb>());
    }

    /// <summary>A store of its own: a new SQLite file, or a new database on the run's PostgreSQL.</summary>
    public static StoreOptions Fresh(string provider) =>
        provider == "postgres"
            ? new StoreOptions(StoreProvider.Postgres, PostgresServer.NewDatabase())
            : new StoreOptions(StoreProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-proof-{Guid.NewGuid():N}.db")}");

    /// <summary>Removes a SQLite store's files (PostgreSQL databases go with the run's server).</summary>
    public static void Delete(StoreOptions store)
    {
        if (Providers.TryRemove(store, out var provider))
        {
            provider.Dispose();
        }

        if (store.Provider == StoreProvider.Sqlite)
        {
            Mikoshi.Data.SqliteGroupCommit.CloseConnections();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
        else
        {
            using var connection = new Npgsql.NpgsqlConnection(store.ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }
}
