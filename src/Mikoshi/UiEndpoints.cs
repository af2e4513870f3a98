using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
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
    /// Pages get an HTML error page and HTML status pages; the API keeps its problem+json, so
    /// these only wrap requests outside /api and /openapi.
    /// </summary>
    public static void UseMikoshiUi(this WebApplication app) =>
        app.UseWhen(http => IsPage(http.Request.Path), ui =>
        {
            ui.UseExceptionHandler("/error", createScopeForErrors: true);
            ui.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        });

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
        app.MapPost("/signout", async ([FromForm] string? returnUrl, SignInManager<MikoshiUser> signIn) =>
        {
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
            Results.Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json"));
    }

    /// <summary>A local path to return to; anything else (another host, //evil) goes home.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/account/passkeys", StringComparison.OrdinalIgnoreCase);
}
