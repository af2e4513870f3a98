using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
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

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserApp(TestApp app, string baseUrl, IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        App = app;
        BaseUrl = baseUrl;
        this.playwright = playwright;
        this.browser = browser;
        Context = context;
        Page = page;
    }

    public TestApp App { get; }

    /// <summary>http://localhost:PORT — a name, not an IP, because WebAuthn refuses IP addresses as relying-party ids.</summary>
    public string BaseUrl { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<BrowserApp> StartAsync(
        string provider = "sqlite", string locale = "ja-JP", int width = 1280, int height = 900, Action<IServiceCollection>? services = null)
    {
        var app = TestApp.Create(provider);
        WebApplicationFactory<Program> server = services is null ? app : app.WithWebHostBuilder(b => b.ConfigureTestServices(services));
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Scheme == "http");
        var baseUrl = $"http://localhost:{address.Port}";

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = [.. ChromiumArgs, $"--host-resolver-rules=MAP localhost {address.Host}"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
                // Generous: two shared cores, and the first PostgreSQL test also starts the server.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserApp(app, baseUrl, playwright, browser, context, page);
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
        await Context.CloseAsync();
        await browser.CloseAsync();
        playwright.Dispose();
        await App.DisposeAsync();
    }
}
