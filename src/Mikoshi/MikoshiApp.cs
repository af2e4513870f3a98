using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Mikoshi.Api;
using Mikoshi.Components;
using Mikoshi.Data;
using Mikoshi.Features.Auth;
using Mikoshi.Features.Chain;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Indexing;
using Mikoshi.Features.Ledger;
using Mikoshi.Features.Membership;
using Mikoshi.Features.People;
using Mikoshi.Features.Projects;
using Mikoshi.Features.Revenue;
using Mikoshi.Features.Secrets;
using Mikoshi.Features.Wallets;
using Scalar.AspNetCore;

namespace Mikoshi;

/// <summary>Builds the web app: services, the HTTP API under /api/v1, the Blazor UI.</summary>
public static class MikoshiApp
{
    public static readonly CultureInfo[] Cultures = [new("ja"), new("en")];

    /// <summary>Registers everything the use cases need; shared by the web app and the CLI.</summary>
    public static IServiceCollection AddMikoshi(this IServiceCollection services)
    {
        services.AddMikoshiStore();
        // Reads answered once per head version (docs/caches.md); bounded in entries. On PostgreSQL the versions come from
        // the store's notifications (the feed) unless Mikoshi:ReadCache:Versions is "read".
        services.AddSingleton(sp => new ReadCache(
            sp.GetRequiredService<IConfiguration>().GetValue("Mikoshi:ReadCache:Entries", ReadCache.DefaultEntries),
            sp.GetRequiredService<HeadVersionFeed>()));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Writer>();
        services.AddScoped<Verifier>();
        services.AddScoped<Register>();
        services.AddScoped<Passwords>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<StandInHash>();
        services.AddSingleton<Features.Mail.MailQueue>();
        services.AddSingleton<Features.Mail.MailText>();
        services.AddScoped<CreateCommunity>();
        services.AddScoped<SetRoles>();
        services.AddScoped<RecordDeposit>();
        services.AddScoped<MintToken>();
        services.AddScoped<TransferToken>();
        services.AddScoped<Listings>();
        services.AddScoped<RedeemToken>();
        services.AddScoped<Succession>();
        services.AddScoped<LlcDao>();
        services.AddScoped<ChangeParameters>();
        services.AddScoped<ProjectBoard>();
        services.AddScoped<Features.Communities.Callers>();
        services.AddScoped<Features.Pages.ProjectPage>();
        services.AddScoped<Features.Pages.HomePage>();
        services.AddScoped<Features.Pages.LayoutPage>();
        services.AddScoped<Features.Pages.PersonContributionPage>();
        services.AddScoped<Features.Pages.NotificationsPage>();
        services.AddScoped<Features.Pages.TaxNoticePage>();
        services.AddScoped<Features.Pages.HeirPlansPage>();
        services.AddScoped<Features.Pages.ReceiptPage>();
        services.AddScoped<Features.Pages.AccountPage>();
        services.AddScoped<Features.Pages.MembersPage>();
        services.AddScoped<Features.Pages.MarketPage>();
        services.AddScoped<Features.Pages.ContributionPage>();
        services.AddScoped<Features.Pages.ProjectsPage>();
        services.AddScoped<Features.Pages.ChannelsPage>();
        services.AddScoped<Features.Pages.LlcPage>();
        services.AddScoped<Features.Pages.PayoutsPage>();
        services.AddScoped<Features.Pages.JournalPage>();
        services.AddScoped<Features.Pages.TaxPage>();
        services.AddScoped<Features.Pages.PaymentsPage>();
        services.AddScoped<Features.Pages.ProposalsPage>();
        services.AddScoped<Features.Pages.ProfilePage>();
        services.AddScoped<Features.Pages.SuccessionPage>();
        services.AddScoped<Features.Pages.PersonDetailPage>();
        services.AddScoped<Features.Pages.ProposalDetailPage>();
        services.AddScoped<Features.Pages.EarningsPage>();
        services.AddScoped<Features.Pages.TokenDetailPage>();
        services.AddScoped<Features.Pages.CommunityPage>();
        services.AddScoped<Features.Notifications.Unsubscriptions>();
        services.AddScoped<Teams>();
        services.AddScoped<ContributionLog>();
        services.AddScoped<ThanksFeed>();
        services.AddScoped<Works>();
        services.AddScoped<Agreements>();
        services.AddScoped<RecordRevenue>();
        services.AddScoped<Earnings>();
        services.AddScoped<Payouts>();
        services.AddScoped<RevenueSettings>();
        services.AddScoped<Features.Tax.TaxSettings>();
        services.AddScoped<Features.Tax.TaxReports>();
        services.AddScoped<Features.Books.BooksExport>();
        services.AddScoped<Proposals>();
        services.AddScoped<Voting>();
        services.AddScoped<Delegations>();
        services.AddScoped<CustodialKeys>();
        services.AddScoped<Features.Matching.ReputationBoard>();
        services.AddSingleton<GovernanceExecutor>();
        services.AddScoped<SignInWithEthereum>();
        services.AddScoped<WalletLinks>();
        services.AddScoped<Features.Feeds.Calendars>();
        services.AddScoped<Features.Feeds.CommunityNews>();

        // News goes out (issue #17): the outbox's dispatcher, mail and digests, community channels.
        services.AddScoped<Features.Notifications.Inbox>();
        services.AddScoped<Features.Notifications.CommunityChannels>();
        services.AddSingleton<Features.Notifications.WebhookAddresses>();
        services.AddSingleton<Features.Notifications.NotificationDispatcher>();
        services.AddSingleton<Features.Notifications.ChannelSender>();

        // Payments (issue #16): Stripe and bank transfers.
        services.AddSingleton<Features.Payments.StripeSettings>();
        services.AddScoped<Features.Payments.StripeCheckout>();
        services.AddScoped<Features.Payments.StripeWebhook>();
        services.AddScoped<Features.Payments.BankTransfers>();
        services.AddScoped<Features.Payments.PaymentSettings>();

        // Secrets at rest (issue 15): one key outside the database seals every secret inside it.
        services.AddSingleton(sp => KeyEncryptionKey.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<Data.StoreOptions>()));
        services.AddSingleton<SecretBox>();
        services.AddSingleton<SecretsAtRest>();
        services.AddSingleton<Pseudonyms>();
        services.AddSingleton<PublicNames>();

        // Chain mode (issue #6).
        services.AddSingleton<ChainSettings>();
        services.AddSingleton<ChainConnection>();
        services.AddSingleton<ChainOutbox>();
        services.AddSingleton<ChainIndexer>();
        services.AddScoped<ChainAddresses>();
        services.AddScoped<ChainDeployments>();
        services.AddScoped<ChainClaims>();
        return services;
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(MikoshiApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Serve the UI's static files from a build folder too, not only from publish output.
        builder.WebHost.UseStaticWebAssets();

        // Run from a build folder (as `mikoshi serve` is), MapStaticAssets would otherwise treat the app as under
        // development: every asset answered with no-cache, and a fallback route whose constraint asks the file system
        // whether each GET's path is a file, on every request, the API's too (4 % of a cached read's time at 16
        // clients, docs/benchmarks.md section 26). The assets are the build's; none is added at run time.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        builder.Services.AddMikoshi();

        // One composite scheme: the UI's cookie, or an API client's bearer token.
        builder.Services.AddIdentityApiEndpoints<MikoshiUser>(o =>
            {
                o.Password.RequiredLength = Domain.Identity.PasswordPolicy.MinLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false;
                o.User.RequireUniqueEmail = true;

                // No lockout: it let anyone lock anyone out. Guessing is slowed by SignInThrottle instead (issue 15).
                o.Lockout.AllowedForNewUsers = false;
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                o.Tokens.PasswordResetTokenProvider = ExpiringTokenProvider.Name;
                o.Tokens.EmailConfirmationTokenProvider = ExpiringTokenProvider.Name;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<MikoshiDb>()
            .AddTokenProvider<ExpiringTokenProvider>(ExpiringTokenProvider.Name)
            .AddPasswordValidator<PolicyPasswordValidator>();
        builder.Services.AddScoped<ILookupNormalizer, LookupNormalizer>();

        // A page that needs a person challenges with the cookie (the sign-in page, with ?ReturnUrl=), not with the bearer
        // scheme's bare 401 that Chromium shows as an error page; the cookie's challenge still answers 401 under /api (issue #20).
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o => o.DefaultChallengeScheme = IdentityConstants.ApplicationScheme);
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/signin";
            o.Cookie.Name = "mikoshi";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnRedirectToLogin = context => ApiAware(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);

            // Signing in at the login path, the handler itself follows ?returnUrl=: through the same local-only,
            // ASCII-encoded check as the page's own redirect (a raw /あ in a Location header was a 500).
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(UiEndpoints.LocalOrHome(context.RedirectUri));
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization();

        // Each token and cookie is unprotected once, not on every request (RememberedTickets). These run after the
        // handlers' own set-up, which made the formats they wrap.
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme)
            .PostConfigure(o => o.BearerTokenProtector = new RememberedTickets(o.BearerTokenProtector));
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure(o => o.TicketDataFormat = new RememberedTickets(o.TicketDataFormat));

        // Keys live in the database, so every replica reads every other's cookies and tokens; each is encrypted
        // with the key-encryption key, kept outside the database, so a copy of the database cannot forge or decrypt.
        builder.Services.AddDataProtection().SetApplicationName("Mikoshi").PersistKeysToDbContext<MikoshiDb>();
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<KeyEncryptionKey>((o, kek) => o.XmlEncryptor = new KeyRingEncryptor(kek));

        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            o.SerializerOptions.Encoder = Writer.Json.Encoder;
            o.SerializerOptions.TypeInfoResolver = StorableText.Applied(o.SerializerOptions.TypeInfoResolver);
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Mikoshi API";
            document.Info.Description = "Amounts are strings of integer minor units next to their asset. Errors are problem+json with a stable `code`.";
            return Task.CompletedTask;
        }));

        builder.Services.AddMikoshiUi();
        builder.Services.AddHostedService<GovernanceExecutorService>();
        builder.Services.AddHostedService<ChainIndexerService>();
        builder.Services.AddHostedService<Features.Mail.MailSender>();
        builder.Services.AddHostedService<Features.Notifications.NotificationService>();
        builder.Services.AddHostedService<HeadVersionListener>();
        builder.Services.AddHealthChecks();
        builder.Services.AddMikoshiRateLimits();
        builder.Services.AddTrustedProxies();
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
        app.UseProblemResponses();
        app.UseMikoshiUi();
        app.UseProblemStatusCodes();
        app.UseRouting();

        // Before anything answers for an endpoint (even "no such endpoint"): a forged cookie write is refused as one.
        app.UseAuthentication();
        app.UseSecurityStampCheck();
        app.UseSameOriginWrites();
        app.UseApiNotFound();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            ApplyCurrentCultureToResponseHeaders = true,
        });
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseReaderZone();
        app.UseAntiforgery();

        app.MapHealthChecks("/health");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api-reference", o => o.WithOpenApiRoutePattern("/openapi/{documentName}.json").WithTitle("Mikoshi API")
            .DisableDefaultFonts()); // its fonts would come from another host, which the CSP does not allow

        var api = app.MapGroup("/api/v1").WithTags("Mikoshi").ProducesProblemsOfItsArea();
        Register.Map(api);
        Login.Map(api);
        Passwords.Map(api);
        Me.Map(api);
        CreateCommunity.Map(api);
        GetCommunity.Map(api);
        SetRoles.Map(api);
        RecordDeposit.Map(api);
        ReadLedger.Map(api);
        MintToken.Map(api);
        TransferToken.Map(api);
        Listings.Map(api);
        RedeemToken.Map(api);
        Succession.Map(api);
        NamedSuccessions.Map(api);
        LlcDao.Map(api);
        ReadTokens.Map(api);
        ChangeParameters.Map(api);
        Profiles.Map(api);
        Privacy.Map(api);
        ProjectBoard.Map(api);
        Teams.Map(api);
        ContributionLog.Map(api);
        ThanksFeed.Map(api);
        Works.Map(api);
        Agreements.Map(api);
        RecordRevenue.Map(api);
        Earnings.Map(api);
        Payouts.Map(api);
        RevenueSettings.Map(api);
        Features.Tax.TaxSettings.Map(api);
        Features.Tax.TaxReports.Map(api);
        Features.Books.BooksExport.Map(api);
        Proposals.Map(api);
        Voting.Map(api);
        Delegations.Map(api);
        CustodialKeys.Map(api);
        SignInWithEthereum.Map(api);
        WalletLinks.Map(api);
        Features.Feeds.Calendars.Map(api);
        Features.Feeds.CommunityNews.Map(api);
        TimeZones.Map(api);
        Features.Notifications.Inbox.Map(api);
        Features.Notifications.CommunityChannels.Map(api);

        ChainDeployments.Map(api);
        ChainClaims.Map(api);
        Features.Matching.Suggestions.Map(api);
        Features.Matching.ReputationBoard.Map(api);
        Features.Matching.ContributionViews.Map(api);
        Features.Payments.StripeCheckout.Map(api);
        Features.Payments.StripeWebhook.Map(api);
        Features.Payments.PaymentBook.Map(api);
        Features.Payments.BankTransfers.Map(api);
        Features.Payments.PaymentSettings.Map(api);

        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        app.MapUiEndpoints();
        return app;
    }

    /// <summary>The API answers 401/403; only the UI redirects to the sign-in page.</summary>
    private static Task ApiAware(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}
