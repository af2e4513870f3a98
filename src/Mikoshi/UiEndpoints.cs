using Microsoft.AspNetCore.Localization;

namespace Mikoshi;

/// <summary>Small non-page endpoints the UI needs: switching language.</summary>
public static class UiEndpoints
{
    public static void MapUiEndpoints(this WebApplication app) =>
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (MikoshiApp.Cultures.Any(c => c.Name == culture))
            {
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).ExcludeFromDescription();
}
