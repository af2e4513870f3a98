using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mikoshi.Features.Auth;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>
/// A token is unprotected once and its ticket remembered (<see cref="RememberedTickets"/>): what was refused is
/// checked again every time, each request gets a ticket of its own, and expiry and revocation still hold on a
/// remembered token.
/// </summary>
public sealed class RememberedTicketsTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public void AToken_IsUnprotectedOnce_AndEachCallerGetsATicketOfItsOwn()
    {
        var inner = new CountingFormat();
        using var tickets = new RememberedTickets(inner);
        var token = inner.Protect(Ticket("alice"));

        // The first caller's ticket, and a remembered one, each changed the way a handler might.
        foreach (var changed in new[] { tickets.Unprotect(token)!, tickets.Unprotect(token)! })
        {
            changed.Properties.ExpiresUtc = DateTimeOffset.MaxValue;
            ((ClaimsIdentity)changed.Principal.Identity!).AddClaim(new Claim("role", "admin"));
        }

        var next = tickets.Unprotect(token)!;

        Assert.Equal(1, inner.Unprotected);
        Assert.Equal("alice", next.Principal.Identity!.Name);
        Assert.Equal(Expires, next.Properties.ExpiresUtc);
        Assert.DoesNotContain(next.Principal.Claims, c => c.Type == "role");
    }

    [Fact]
    public void ATokenRefused_IsCheckedAgainEveryTime_AndNotRemembered()
    {
        var inner = new CountingFormat();
        using var tickets = new RememberedTickets(inner);
        var token = inner.Protect(Ticket("alice"));
        var forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.Null(tickets.Unprotect(forged));
        Assert.Null(tickets.Unprotect(forged));
        Assert.NotNull(tickets.Unprotect(token));

        Assert.Equal(3, inner.Unprotected);
    }

    [Fact]
    public void ATokenBoundToAPurpose_IsNotRemembered()
    {
        var inner = new CountingFormat();
        using var tickets = new RememberedTickets(inner);
        var token = inner.Protect(Ticket("alice"), "binding");

        Assert.NotNull(tickets.Unprotect(token, "binding"));
        Assert.NotNull(tickets.Unprotect(token, "binding"));
        Assert.Null(tickets.Unprotect(token));

        Assert.Equal(3, inner.Unprotected);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ARememberedToken_IsRefusedOnceRevoked_AndTheAppRemembersBothSchemes(string provider)
    {
        var app = apps.For(provider);
        var options = app.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.IsType<RememberedTickets>(options.BearerTokenProtector);
        Assert.IsType<RememberedTickets>(cookie.TicketDataFormat);

        var person = await app.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await person.Client.PostAsync("/api/v1/auth/revoke", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    private static readonly DateTimeOffset Expires = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static AuthenticationTicket Ticket(string name) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test")),
            new AuthenticationProperties { ExpiresUtc = Expires }, IdentityConstants.BearerScheme);

    /// <summary>The real ticket format, counting the unprotects that reach it.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        private readonly TicketDataFormat real = new(new EphemeralDataProtectionProvider().CreateProtector("tests"));

        public int Unprotected { get; private set; }

        public string Protect(AuthenticationTicket data) => real.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => real.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotected++;
            return real.Unprotect(protectedText, purpose);
        }
    }
}
