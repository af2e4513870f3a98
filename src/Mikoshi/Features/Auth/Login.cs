using Mikoshi.Api;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Features.Auth;

public sealed record LoginRequest(string? Email, string? Password);

/// <summary>
/// Exchanges an email and a password for a bearer token (API clients; the UI uses a cookie). Guessing is slowed per
/// address and account (<see cref="SignInThrottle"/>), never locked: the owner signs in from a new address.
/// </summary>
public static class Login
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/login", async (LoginRequest request, PasswordSignIn passwords, HttpContext http) =>
        {
            var check = await passwords.CheckAsync(request.Email, request.Password, http.Connection.RemoteIpAddress);
            if (!check.Succeeded)
            {
                SetRetryAfter(http, check.RetryAfter);
                return Problems.For(check.Error);
            }

            return Results.Ok(await BearerTokens.IssueAsync(http, check.User!));
        })
        .Allow(Access.Anyone)
        .LimitedAsSignIn()
        .WithSummary("Sign in; returns a bearer token (no refresh token: sign in again when it ends).")
        .Produces<AccessTokenView>();

    internal static void SetRetryAfter(HttpContext http, TimeSpan wait)
    {
        if (wait > TimeSpan.Zero)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
