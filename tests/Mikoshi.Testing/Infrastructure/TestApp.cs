using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mikoshi.Data;

namespace Mikoshi.Tests.Infrastructure;

/// <summary>
/// Mikoshi in-process (WebApplicationFactory) on a fresh database of either provider: a SQLite file
/// of its own, or a database of its own on the run's PostgreSQL server.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly string? sqliteFile;

    private TestApp(StoreOptions store, string? sqliteFile)
    {
        Store = store;
        this.sqliteFile = sqliteFile;
    }

    /// <summary>
    /// Tests move the clock by days, property tests by decades; bearer tokens then outlive their usual
    /// hour (by a thousand years) so the test is about its subject. Set false to test expiry itself.
    /// </summary>
    public bool LongLivedTokens { get; init; } = true;

    public StoreOptions Store { get; }

    /// <summary>Configuration for the host (chain mode's settings, say), set before its first use.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public Clock Clock { get; } = new();

    /// <summary>The providers every store test runs against.</summary>
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    public static TestApp Create(string provider, bool longLivedTokens = true)
    {
        if (provider == "postgres")
        {
            return new TestApp(new StoreOptions(StoreProvider.Postgres, MigratedStores.NewPostgresDatabase()), null) { LongLivedTokens = longLivedTokens };
        }

        var file = MigratedStores.NewSqliteFile();
        return new TestApp(new StoreOptions(StoreProvider.Sqlite, $"Data Source={file}"), file) { LongLivedTokens = longLivedTokens };
    }

    /// <summary>
    /// The app on a store the test made itself (a database file in a folder of its own, a copy of another app's
    /// store): nothing is migrated ahead or deleted afterwards; the test owns the store.
    /// </summary>
    public static TestApp On(StoreOptions store) => new(store, null);

    /// <summary>
    /// A test's own services, registered after the app's and this class's. Use this rather than
    /// <c>WithWebHostBuilder</c> for an app on Kestrel: a derived factory ignores the port <c>UseKestrel(0)</c> set
    /// and binds the app's fixed default (127.0.0.1:5080), so two such apps at once collide.
    /// </summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>Extra logging for the server (the browser tests keep its exceptions in a file).</summary>
    public Action<Microsoft.Extensions.Logging.ILoggingBuilder>? Logging { get; set; }

    /// <summary>Where this app writes the mail it would send (no SMTP server is configured unless a test sets one).</summary>
    public string Outbox { get; } = Path.Combine(Path.GetTempPath(), $"mikoshi-outbox-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        Settings.TryAdd("Mikoshi:Outbox", Outbox);

        // The notification dispatcher writes rows of its own in the background; tests about it turn it on.
        Settings.TryAdd("Mikoshi:Notifications:PollSeconds", "0");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(Settings));
        if (Logging is { } logging)
        {
            builder.ConfigureLogging(logging);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<StoreOptions>();
            services.AddSingleton(Store);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);

            // Hundreds of people sign up and in across the suite; Identity's 100,000 PBKDF2 rounds cost each of them
            // a tenth of a second of CPU twice. The hash format and its checks are the same at 1,000 rounds; the
            // `mikoshi serve` processes of the proof and CLI tests keep the default.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
            if (LongLivedTokens)
            {
                services.Configure<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(
                    Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromDays(1000 * 365));
            }

            TestServices?.Invoke(services);
        });
    }

    /// <summary>A scope on the app's services, for reading the store directly.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>Signs a new person up and returns a client that sends their bearer token.</summary>
    public async Task<Person> SignUpAsync(string? email = null, string displayName = "Test Person")
    {
        email ??= $"p{Guid.NewGuid():N}@example.jp";
        var client = CreateClient();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Person.Password, displayName });
        registered.EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Person.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Sign-up answers alike for a new and a taken address (issue 15), so the id comes from /me.
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        return new Person(me.GetProperty("personId").GetString()!, email, client);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Store.Provider == StoreProvider.Postgres)
        {
            // Idle pooled connections would outlive the test; across a whole run they would fill
            // the server's max_connections and later tests would fail to connect.
            // Two pools: the app's (its connection string as StoreRegistration.Pooled makes it) and the tests' own connections'.
            foreach (var connectionString in new[] { Store.ConnectionString, StoreRegistration.Pooled(Store.ConnectionString) })
            {
                using var connection = new Npgsql.NpgsqlConnection(connectionString);
                Npgsql.NpgsqlConnection.ClearPool(connection);
            }
        }

        if (Directory.Exists(Outbox))
        {
            Directory.Delete(Outbox, recursive: true);
        }

        if (sqliteFile is not null)
        {
            Mikoshi.Data.SqliteGroupCommit.CloseConnections();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}

/// <summary>A signed-up person and an HTTP client that acts as them.</summary>
public sealed record Person(string Id, string Email, HttpClient Client)
{
    public const string Password = "correct horse battery";
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class Clock : TimeProvider
{
    private DateTimeOffset now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
