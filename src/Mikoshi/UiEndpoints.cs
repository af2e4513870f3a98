using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Mikoshi.Api;
using Mikoshi.Components;
using Mikoshi.Data;

namespace Mikoshi;

/// <summary>
/// Everything only the web UI needs: its services, its error and status pages, and the small
/// non-page endpoints (language switch, sign-out, the JSON the browser's passkey API asks for).
/// </summary>
public static class UiEndpoints
{
    public static IServiceCollection AddMikoshiUi(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<ErrorText>();
        return services;
    }

    /// <summary>
    /// A failing page answers with a friendly HTML page in the reader's language instead of the
    /// API's problem+json; the API and its documents keep theirs. (Unknown pages are the NotFound
    /// page's catch-all route, so no status-code re-execution is needed.)
    /// </summary>
    public static void UseMikoshiUi(this WebApplication app) =>
        app.UseWhen(http => IsPage(http.Request.Path), ui => ui.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = http =>
            {
                // The localization middleware ran deeper in the pipeline; its choice is kept on the request.
                if (http.Features.Get<IRequestCultureFeature>() is { } culture)
                {
                    CultureInfo.CurrentCulture = culture.RequestCulture.Culture;
                    CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
                }

                return RenderErrorPageAsync(http);
            },
        }));

    private static async Task RenderErrorPageAsync(HttpContext http)
    {
        // The failed render left its services (navigation, renderer) half-used: render in a fresh scope.
        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var failed = http.RequestServices;
        http.RequestServices = scope.ServiceProvider;
        try
        {
            await new RazorComponentResult<ErrorDocument> { StatusCode = StatusCodes.Status500InternalServerError }.ExecuteAsync(http);
        }
        finally
        {
            http.RequestServices = failed;
        }
    }

    public static void MapUiEndpoints(this WebApplication app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (MikoshiApp.Cultures.Any(c => c.Name == culture))
            {
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            return Results.LocalRedirect(LocalOrHome(returnUrl));
        }).ExcludeFromDescription();

        // [FromForm] makes the antiforgery middleware check the token the layout's form sends.
        // Signing out ends every session and bearer token of the person (a new security stamp; issue 15).
        app.MapPost("/signout", async ([FromForm] string? returnUrl, SignInManager<MikoshiUser> signIn, HttpContext http) =>
        {
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalOrHome(returnUrl));
        }).ExcludeFromDescription();

        // The browser's WebAuthn API needs options made by the server before it can create or use a
        // passkey; passkeys.js fetches them with the page's antiforgery token in a header.
        var passkeys = app.MapGroup("/account/passkeys").ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        passkeys.MapPost("/creation-options", async (HttpContext http, UserManager<MikoshiUser> users, SignInManager<MikoshiUser> signIn) =>
        {
            if (await users.GetUserAsync(http.User) is not { } user)
            {
                return Results.Unauthorized();
            }

            var entity = new PasskeyUserEntity
            {
                Id = await users.GetUserIdAsync(user),
                Name = user.Email ?? user.DisplayName,
                DisplayName = user.DisplayName,
            };
            return Results.Content(await signIn.MakePasskeyCreationOptionsAsync(entity), "application/json");
        });
        passkeys.MapPost("/request-options", async (SignInManager<MikoshiUser> signIn) =>
            Results.Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json"))
            .LimitedAsSignIn();
    }

    /// <summary>
    /// A local path to return to; anything else goes home: another host, //evil, /\evil, and any control character or
    /// backslash anywhere (browsers drop tabs and newlines from a URL and read \ as /, so /&lt;TAB&gt;/evil is //evil).
    /// Characters beyond ASCII are percent-encoded (UTF-8), as a Location header must be: /あ returns as /%E3%81%82.
    /// </summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.Any(c => char.IsControl(c) || c == '\\')
            ? AsciiOnly(returnUrl)
            : "/";

    private static string AsciiOnly(string path)
    {
        if (path.All(char.IsAscii))
        {
            return path;
        }

        var ascii = new System.Text.StringBuilder(path.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];

        // A lone surrogate enumerates as U+FFFD.
        foreach (var rune in path.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                ascii.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                ascii.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return ascii.ToString();
    }

    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/account/passkeys", StringComparison.OrdinalIgnoreCase);
}
