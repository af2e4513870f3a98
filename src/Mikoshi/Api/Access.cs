using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Api;

/// <summary>Who may call an endpoint. Every API endpoint states one; a test walks them all.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Anyone,

    /// <summary>Any signed-in person (a visitor of every community).</summary>
    SignedIn,

    /// <summary>A person holding at least one membership token of the community in the route.</summary>
    Member,

    /// <summary>A treasurer or an admin of the community in the route.</summary>
    Treasurer,

    /// <summary>Anyone with a place in the community in the route: a token holder, a treasurer or an admin.</summary>
    Insider,

    /// <summary>An admin of the community in the route.</summary>
    Admin,
}

/// <summary>The access an endpoint declared, readable from its metadata.</summary>
public sealed record AccessMetadata(Access Who);

/// <summary>The caller of a request: who they are, and their roles in the community of the route, if any.</summary>
public sealed record Caller(PersonId? Person, Community? Community, IReadOnlySet<Role> Roles)
{
    public PersonId RequirePerson() => Person ?? throw new InvariantViolatedException("The access filter lets no anonymous caller reach this.");

    public Community RequireCommunity() => Community ?? throw new InvariantViolatedException("The route has no community.");

    public bool Is(Role role) => Roles.Contains(role);

    /// <summary>Treasurer powers: a treasurer, or an admin.</summary>
    public bool CanKeepTheBooks => Is(Role.Treasurer) || Is(Role.Admin);

    /// <summary>The audit actor: the person's id, or <c>anonymous</c>.</summary>
    public string Actor => Person?.ToString() ?? "anonymous";
}

public static class AccessExtensions
{
    private const string CallerKey = "mikoshi.caller";

    public static Caller Caller(this HttpContext http) =>
        http.Items[CallerKey] as Caller ?? throw new InvariantViolatedException("Endpoint has no access filter.");

    public static PersonId? PersonOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? new PersonId(id) : null;

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
            var person = http.User.Identity?.IsAuthenticated == true ? PersonOf(http.User) : null;
            Community? community = null;
            var roles = new HashSet<Role> { Role.Visitor };
            if (http.Request.RouteValues.TryGetValue("slug", out var slugValue) && slugValue is string slug)
            {
                var db = http.RequestServices.GetRequiredService<MikoshiDb>();
                community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
                if (community is null)
                {
                    return Problems.For(CommunityErrors.CommunityNotFound);
                }

                if (person is not null)
                {
                    var held = await db.CommunityRoles.AsNoTracking()
                        .Where(r => r.CommunityId == community.Id && r.PersonId == person.Value)
                        .Select(r => r.Role).ToListAsync();
                    roles.UnionWith(held);
                    if (await db.Tokens.AnyAsync(t => t.CommunityId == community.Id && t.OwnerId == person.Value))
                    {
                        roles.Add(Role.Member);
                    }
                }
            }

            if (who != Access.Anyone && person is null)
            {
                return Problems.For(ApiErrors.NotSignedIn);
            }

            var allowed = who switch
            {
                Access.Member => roles.Contains(Role.Member),
                Access.Treasurer => roles.Contains(Role.Treasurer) || roles.Contains(Role.Admin),
                Access.Admin => roles.Contains(Role.Admin),
                Access.Insider => Features.Ledger.PublicNames.IsInsider(roles),
                _ => true,
            };
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

            http.Items[CallerKey] = new Caller(person, community, roles);
            return await next(context);
        });
}
