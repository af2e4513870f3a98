using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;

namespace Mikoshi.Api;

/// <summary>The access an endpoint declared, readable from its metadata.</summary>
public sealed record AccessMetadata(Access Who);

public static class AccessExtensions
{
    private const string CallerKey = "mikoshi.caller";
    private const string VersionKey = "mikoshi.head-version";

    public static Caller Caller(this HttpContext http) =>
        http.Items[CallerKey] as Caller ?? throw new InvariantViolatedException("Endpoint has no access filter.");

    /// <summary>
    /// The head version the access filter read for this request's community (its first statement), or null on a
    /// route without one: a handler answers a cached read at this version (docs/caches.md).
    /// </summary>
    public static HeadVersion? ReadAt(this HttpContext http) => http.Items[VersionKey] as HeadVersion?;

    public static PersonId? PersonOf(ClaimsPrincipal user) => Callers.PersonOf(user);

    /// <summary>Whether the request carries an Idempotency-Key under which this caller's write already succeeded.</summary>
    private static async Task<bool> IsRetryOfAnAnsweredWriteAsync(HttpContext http, PersonId person)
    {
        var key = http.Request.Headers[Idempotency.Header].ToString();
        if (key.Length is 0 or > IdempotencyKey.MaxKeyLength)
        {
            return false;
        }

        var scope = person.ToString();
        return await http.RequestServices.GetRequiredService<MikoshiDb>().IdempotencyKeys.AsNoTracking()
            .AnyAsync(k => k.Scope == scope && k.Key == key);
    }

    /// <summary>Declares who may call the endpoint and enforces it before the handler runs.</summary>
    public static RouteHandlerBuilder Allow(this RouteHandlerBuilder endpoint, Access who) =>
        endpoint.WithMetadata(new AccessMetadata(who)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var person = Callers.PersonOf(http.User);
            var caller = Callers.Outside(person);
            if (http.Request.RouteValues.TryGetValue("slug", out var slugValue) && slugValue is string slug)
            {
                // The community and the caller's roles come from the read cache, keyed by the head version this reads
                // first: a revocation bumps it, so the very next request is judged on the roles as they are now.
                var found = await http.RequestServices.GetRequiredService<Callers>().AtAsync(slug, person);
                if (found is null)
                {
                    return Problems.For(CommunityErrors.CommunityNotFound);
                }

                caller = found.Caller;
                http.Items[VersionKey] = found.At;
            }

            if (who != Access.Anyone && person is null)
            {
                return Problems.For(ApiErrors.NotSignedIn);
            }

            var allowed = caller.May(who);
            if (!allowed && person is not null && await IsRetryOfAnAnsweredWriteAsync(http, person.Value))
            {
                // This door let the key's first request through and the write succeeded; its retry gets that
                // answer back (or idempotency_key_reused) even if the caller has since lost the role — say a
                // member who listed their last token and saw it sold before the answer reached them.
                allowed = true;
            }

            if (!allowed)
            {
                return Problems.For(CommonErrors.Forbidden);
            }

            http.Items[CallerKey] = caller;
            return await next(context);
        });
}
