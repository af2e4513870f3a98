using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Mikoshi.Features.Auth;

/// <summary>
/// The bearer token's (and the sign-in cookie's) ticket format, remembering the tickets it unprotected. Unprotecting
/// decrypts the token, derives its keys and checks its MAC: a third of a signed-in cached page's time in the profile
/// (docs/benchmarks.md section 25). A token is unprotected once; its next requests find the ticket by the token's exact
/// text.
/// <list type="bullet">
/// <item>Only what the inner format accepted is remembered, so a forged or altered token is checked every time and
/// never fills the memory.</item>
/// <item>Each caller gets its own copy: a handler that sets a ticket's properties (the cookie's sliding renewal)
/// changes no other request's.</item>
/// <item>What the handlers check after unprotecting is still checked on every request: the ticket's expiry by the
/// handler, the security stamp by <see cref="BearerTokens"/>.</item>
/// <item>A ticket is kept at most <see cref="Longest"/>, and at most <see cref="Entries"/> of them, so a data-protection
/// key revoked by hand stops being honoured within minutes (docs/security.md).</item>
/// </list>
/// It lives as long as the handler's options, which is the app's life.
/// </summary>
public sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    public const int Entries = 4_096;

    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    private readonly MemoryCache tickets = new(new MemoryCacheOptions { SizeLimit = Entries, CompactionPercentage = 0.25 });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // A purpose (a TLS token binding) is part of what the MAC covers; such tickets are not remembered.
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (tickets.TryGetValue(protectedText, out AuthenticationTicket? known) && known is not null)
        {
            return known.Clone();
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket is null)
        {
            return null;
        }

        tickets.Set(protectedText, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Longest });
        return ticket.Clone();
    }

    public void Dispose() => tickets.Dispose();
}
