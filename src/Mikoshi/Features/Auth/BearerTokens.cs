using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mikoshi.Data;

namespace Mikoshi.Features.Auth;

/// <summary>What login answers: an access token and how many seconds it lives. No refresh token (see decisions.md).</summary>
public sealed record AccessTokenView(string TokenType, string AccessToken, long ExpiresIn);

/// <summary>
/// Bearer tokens: issued without a refresh token, and ended at once with the person's security stamp. Every
/// authenticated request (bearer or cookie) has its stamp claim compared with the stored stamp, one primary-key read;
/// a stamp changed by sign-out, <c>POST /auth/revoke</c>, a password change or reset, or a wallet unlink ends every
/// token and session issued before it.
/// </summary>
public static class BearerTokens
{
    public static async Task<AccessTokenView> IssueAsync(HttpContext http, MikoshiUser user)
    {
        var services = http.RequestServices;
        var principal = await services.GetRequiredService<SignInManager<MikoshiUser>>().CreateUserPrincipalAsync(user);
        var options = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var now = (options.TimeProvider ?? services.GetRequiredService<TimeProvider>()).GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var token = options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme));
        return new AccessTokenView("Bearer", token, (long)options.BearerTokenExpiration.TotalSeconds);
    }

    /// <summary>Forgets the caller when their token's or cookie's security stamp is no longer the person's.</summary>
    public static void UseSecurityStampCheck(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(http))
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    // A cookie from before the change: the browser should forget it too.
                    http.Response.Cookies.Delete("mikoshi");
                }
            }

            await next(http);
        });

    private static async Task<bool> IsCurrentAsync(HttpContext http)
    {
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var stamp = http.User.FindFirstValue(claims.SecurityStampClaimType);
        if (stamp is null || !Guid.TryParse(http.User.FindFirstValue(claims.UserIdClaimType), out var id))
        {
            return false;
        }

        // Every signed-in request asks this. On PostgreSQL with the store's notifications live, a stamp already read is
        // kept until the person changes (HeadVersionFeed, StampWatch). Otherwise one statement straight from the data
        // reader, not a LINQ query translated from its expression each time; on SQLite prepared once on a connection
        // kept open.
        var feed = http.RequestServices.GetRequiredService<HeadVersionFeed>();
        if (!feed.TryStamp(id, out var stored))
        {
            var began = feed.BeginStamp();
            var db = http.RequestServices.GetRequiredService<MikoshiDb>();
            stored = await http.RequestServices.GetRequiredService<ReadCache>().HotQueryAsync(db, """SELECT "SecurityStamp" FROM "AspNetUsers" WHERE "Id" = @id""",
                command => ReadCache.Parameter(db, command, "@id", id),
                async reader => await reader.ReadAsync() && !await reader.IsDBNullAsync(0) ? reader.GetString(0) : null);
            feed.LearnedStamp(began, id, stored);
        }

        return stored is not null && string.Equals(stored, stamp, StringComparison.Ordinal);
    }
}
