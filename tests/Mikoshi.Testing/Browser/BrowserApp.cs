using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Browser;

/// <summary>
/// Mikoshi on a real loopback port (Kestrel inside WebApplicationFactory, Development environment so
/// static web assets are served) with its own fresh database, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    // The lane's (BrowserFixture): it outlives this app.
    private readonly IBrowser browser;
    private readonly List<IBrowserContext> others = [];

    // False for the class's shared app (BrowserFixture disposes it after the class).
    private readonly bool ownsApp;

    private BrowserApp(TestApp app, string baseUrl, IBrowser browser, IBrowserContext context, IPage page, bool ownsApp = true)
    {
        this.ownsApp = ownsApp;
        App = app;
        BaseUrl = baseUrl;
        this.browser = browser;
        Context = context;
        Page = page;
    }

    public TestApp App { get; }

    /// <summary>http://localhost:PORT — a name, not an IP, because WebAuthn refuses IP addresses as relying-party ids.</summary>
    public string BaseUrl { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>A fresh app and database driven by the lane's browser (see <see cref="BrowserFixture"/>).</summary>
    /// <remarks><paramref name="settings"/> are configuration the app starts with (chain mode's node, for one).</remarks>
    public static async Task<BrowserApp> StartAsync(
        BrowserFixture shared, string provider = "sqlite", string locale = "ja-JP", int width = 1280, int height = 900, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var (app, baseUrl, host) = StartServer(provider, services, settings);
        Assert.Equal("127.0.0.1", host);
        var (context, page) = await OpenAsync(shared.Browser, baseUrl, locale, width, height);
        return new BrowserApp(app, baseUrl, shared.Browser, context, page);
    }

    /// <summary>
    /// The test class's app on <paramref name="provider"/> (started when a test of the class first asks, stopped after
    /// the class), in a browser context of the test's own: for tests that need no settings or services of their own
    /// and assert only on the people and communities they made, as <see cref="Infrastructure.SharedApps"/> does for
    /// the Api lane. Starting an app and its store costs more than most page tests' own steps.
    /// </summary>
    public static async Task<BrowserApp> OnSharedAppAsync(BrowserFixture shared, string provider = "sqlite", string locale = "ja-JP", int width = 1280, int height = 900)
    {
        var (app, baseUrl) = shared.AppFor(provider);
        var (context, page) = await OpenAsync(shared.Browser, baseUrl, locale, width, height);
        return new BrowserApp(app, baseUrl, shared.Browser, context, page, ownsApp: false);
    }

    /// <summary>The app on a store a test filled (the demo's), its clock at the real now, driven by the class's browser.</summary>
    public static async Task<BrowserApp> StartOnAsync(BrowserFixture shared, StoreOptions store, string locale = "ja-JP", int width = 1280, int height = 900)
    {
        var (app, baseUrl, host) = StartServer(store.Provider == StoreProvider.Postgres ? "postgres" : "sqlite", null, null, store);
        Assert.Equal("127.0.0.1", host);
        var (context, page) = await OpenAsync(shared.Browser, baseUrl, locale, width, height);
        return new BrowserApp(app, baseUrl, shared.Browser, context, page);
    }

    /// <summary>Another person's browser: a context of its own (own cookies), on the same app.</summary>
    public async Task<IPage> NewPersonAsync(string locale = "ja-JP", int width = 1280, int height = 900)
    {
        var (context, page) = await OpenAsync(browser, BaseUrl, locale, width, height);
        others.Add(context);
        return page;
    }

    /// <summary>
    /// Debian's old headless shell (package chromium-headless-shell, which test.sh installs): the same Blink and V8 as
    /// /usr/bin/chromium of the same version, without the full browser's windowing, GPU process and compositor, which
    /// a headless test never looks at and which cost the Ui lane a large share of its CPU seconds; it is what Playwright
    /// itself launches for headless runs. MIKOSHI_CHROMIUM names another executable (e.g. /usr/bin/chromium, to compare);
    /// without the shell, the full browser.
    /// </summary>
    internal static string ChromiumPath =>
        Environment.GetEnvironmentVariable("MIKOSHI_CHROMIUM") is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium";

    internal static async Task<IBrowser> LaunchAsync(IPlaywright playwright, string host) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = [.. ChromiumArgs, $"--host-resolver-rules=MAP localhost {host}"],
        });

    internal static (TestApp App, string BaseUrl, string Host) StartServer(string provider, Action<IServiceCollection>? services, IReadOnlyDictionary<string, string?>? settings = null, StoreOptions? store = null)
    {
        var app = store is null ? TestApp.Create(provider) : TestApp.On(store);
        if (store is not null)
        {
            app.Clock.Advance(DateTimeOffset.UtcNow - app.Clock.GetUtcNow());
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            app.Settings[key] = value;
        }


        // A server-side exception behind an error page is kept where a failed run can be read:
        // /tmp/mikoshi-browser-errors.log (the browser only sees "something went wrong").
        app.Logging = logging => logging.AddProvider(new ErrorFile(provider));
        app.TestServices = services;
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Scheme == "http");
        return (app, $"http://localhost:{address.Port}", address.Host);
    }

    private static async Task<(IBrowserContext Context, IPage Page)> OpenAsync(IBrowser browser, string baseUrl, string locale, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });

        // Generous: two shared cores, and the first PostgreSQL test also starts the server; under the full suite's
        // load a form's round trip has been seen to pass 30 s.
        context.SetDefaultTimeout(60_000);
        return (context, await context.NewPageAsync());
    }

    /// <summary>Saves a full-page screenshot when MIKOSHI_SCREENSHOTS names a folder; for looking, never for asserting.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("MIKOSHI_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in others.Append(Context))
        {
            await context.CloseAsync();
        }

        if (ownsApp)
        {
            await App.DisposeAsync();
        }
    }
}

/// <summary>
/// The lane's one Chromium, handed to each test class (IClassFixture): a Playwright driver and a browser launched
/// once per test process instead of once per class (two dozen classes in the Ui lane), while every test still gets
/// a fresh app, database and browser context (own cookies and storage) of its own. Classes running side by side
/// open their contexts on the same browser. A browser that went away is launched again for the next class. Every
/// app listens on 127.0.0.1, so one host mapping serves them all.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? shared;

    // The class's apps for BrowserApp.OnSharedAppAsync, by provider.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(TestApp App, string BaseUrl)>> apps = new(StringComparer.Ordinal);

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // Expect(...) waits 5 s by default, far less than the pages' own 60 s: with the lanes side by side on two
        // cores a sign-in has been seen to take longer. A wait, not a timing assertion: a passing check returns at once.
        Assertions.SetDefaultExpectTimeout(60_000);
        await Gate.WaitAsync();
        try
        {
            if (shared is not { IsConnected: true })
            {
                if (playwright is null)
                {
                    playwright = await Playwright.CreateAsync();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => CloseAtExit();
                }

                shared = await BrowserApp.LaunchAsync(playwright, "127.0.0.1");
            }

            Browser = shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The class's app on <paramref name="provider"/>, listening on a loopback port; started on first use.</summary>
    internal (TestApp App, string BaseUrl) AppFor(string provider) =>
        apps.GetOrAdd(provider, p => new Lazy<(TestApp App, string BaseUrl)>(() =>
        {
            var (app, baseUrl, host) = BrowserApp.StartServer(p, null);
            Assert.Equal("127.0.0.1", host);
            return (app, baseUrl);
        })).Value;

    // The browser outlives the class (the next class uses it; the process's end closes it); the class's apps do not.
    public async Task DisposeAsync()
    {
        foreach (var app in apps.Values.Where(a => a.IsValueCreated))
        {
            await app.Value.App.DisposeAsync();
        }
    }

    private static void CloseAtExit()
    {
        // Bounded: a driver that is already gone must not hold the test process open.
        if (shared is { } browser)
        {
            _ = browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
        }

        playwright?.Dispose();
    }
}

/// <summary>Appends every exception the server logs as an error to a file in the temp directory.</summary>
internal sealed class ErrorFile(string provider) : ILoggerProvider
{
    private static readonly string FilePath = Path.Combine(Path.GetTempPath(), "mikoshi-browser-errors.log");
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new Writer(provider, categoryName);

    public void Dispose()
    {
    }

    private sealed class Writer(string provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        // Errors with their exception, and the origin check's refusals (a page of ours refused shows up here).
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error || (logLevel >= LogLevel.Warning && category.EndsWith("SameOriginWrites", StringComparison.Ordinal));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || (exception is null && logLevel >= LogLevel.Error))
            {
                return;
            }

            lock (Gate)
            {
                File.AppendAllText(FilePath, $"{DateTimeOffset.UtcNow:O} [{provider}] {category}: {formatter(state, exception)}\n{exception}\n\n");
            }
        }
    }
}
