using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;

namespace Mikoshi.Features.Auth;

public sealed record LoginRequest(string? Email, string? Password);

/// <summary>Exchanges an email and a password for a bearer token (API clients; the UI uses a cookie).</summary>
public static class Login
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/login", async (LoginRequest request, SignInManager<MikoshiUser> signIn) =>
        {
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.Email ?? string.Empty, request.Password ?? string.Empty,
                isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                return Problems.For(Error.Of("rate_limited", "Too many failed attempts; try again in a few minutes."));
            }

            // On success the bearer handler has already written the token as the response.
            return result.Succeeded
                ? Results.Empty
                : Problems.For(Error.Of("invalid_credentials", "That email and password do not match."));
        })
        .Allow(Access.Anyone)
        .LimitedAsSignIn()
        .WithSummary("Sign in; returns a bearer token.")
        .Produces<AccessTokenResponse>();
}
