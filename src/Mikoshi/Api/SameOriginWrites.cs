using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Mikoshi.Domain;

namespace Mikoshi.Api;

/// <summary>
/// Cross-site request forgery, closed in one place. A browser attaches the session cookie to any request to this
/// host, whoever's page sends it — SameSite=Lax stops other sites, but not a sibling subdomain or another port of
/// the same host, and a <c>&lt;form enctype=text/plain&gt;</c> needs no preflight. So every unsafe request
/// (POST, PUT, PATCH, DELETE) that the cookie would authenticate must come from this origin
/// (<c>Sec-Fetch-Site: same-origin</c> or none sent; <c>Origin</c>, when sent, equal to ours) and must carry either
/// the antiforgery token (the UI's forms and passkeys.js) or a JSON body (the UI's fetch calls: a page elsewhere
/// cannot send one without a CORS preflight, and none is granted). A bearer token is never sent by a browser on
/// its own, so calls that carry one are left alone; so are requests without the cookie, which act for nobody.
/// A refusal is 403 <c>cross_origin_refused</c> or <c>csrf_token_missing</c>, before anything runs.
/// </summary>
public static class SameOriginWrites
{
    /// <summary>Refuses forged cookie writes; between authentication (the token is bound to the person) and the endpoints.</summary>
    public static void UseSameOriginWrites(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (await RefusalAsync(http) is { } refused)
            {
                // An operator should see forged writes (and any page of ours that trips the check by mistake).
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SameOriginWrites).FullName!)
                    .LogWarning("Refused {Method} {Path} made with the session cookie: {Code} (Origin {Origin}, Sec-Fetch-Site {Site}, {ContentType})",
                        http.Request.Method, http.Request.Path.Value, refused.Code, http.Request.Headers.Origin.ToString(),
                        http.Request.Headers["Sec-Fetch-Site"].ToString(), http.Request.ContentType);
                await Problems.For(refused).ExecuteAsync(http);
                return;
            }

            await next(http);
        });

    private static async Task<Error?> RefusalAsync(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return null;
        }

        if (IsBearer(request) || !CarriesTheSessionCookie(http))
        {
            return null;
        }

        if (!FromThisOrigin(http))
        {
            return ApiErrors.CrossOriginRefused;
        }

        if (IsJson(request.ContentType))
        {
            return null;
        }

        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        bool valid;
        try
        {
            valid = await antiforgery.IsRequestValidAsync(http);
        }
        catch (InvalidDataException)
        {
            // A form body that does not parse carries no token.
            valid = false;
        }

        return valid ? null : ApiErrors.CsrfTokenMissing;
    }

    /// <summary>
    /// The composite scheme uses a bearer token whenever one is sent, and then never reads the cookie; an empty one
    /// counts as none (the scheme would fall back to the cookie).
    /// </summary>
    private static bool IsBearer(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.AsSpan(7).Trim().Length > 0;
    }

    private static bool CarriesTheSessionCookie(HttpContext http)
    {
        var cookie = http.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie.Name;

        // A large ticket is split into chunks (name, nameC1, nameC2…); the first always keeps the name.
        return cookie is not null && http.Request.Cookies.ContainsKey(cookie);
    }

    private static bool FromThisOrigin(HttpContext http)
    {
        var headers = http.Request.Headers;
        var site = headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var origin = headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, OwnOrigin(http), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>This server's origin as a browser writes it: <c>Mikoshi:PublicOrigin</c> when set, else the request's scheme and host.</summary>
    public static string OwnOrigin(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["Mikoshi:PublicOrigin"];
        return configured is { Length: > 0 } && Uri.TryCreate(configured, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority)
            : $"{http.Request.Scheme}://{http.Request.Host.Value}";
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
