using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Features.Communities;

public sealed record CreateCommunityRequest(
    string? Slug,
    string? Name,
    string? CharterText,
    IReadOnlyList<string>? Values,
    string? BaseAsset,
    IReadOnlyList<string>? Assets);

/// <summary>Founds a community; the founder becomes its first admin. Its audit chain starts here.</summary>
public sealed class CreateCommunity(Writer writer, MikoshiDb db, TimeProvider clock)
{
    /// <summary>The caller, signed in, founds it; no community exists yet for a role to be checked in.</summary>
    public async Task<Result<Committed<CommunityView>>> HandleAsync(Caller caller, CreateCommunityRequest request, IdempotencyKey? idempotency = null)
    {
        if (!caller.May(Access.SignedIn))
        {
            return CommonErrors.Forbidden;
        }

        var founder = caller.RequirePerson();
        var founded = Community.Found(request.Slug, request.Name, request.CharterText, request.Values,
            request.BaseAsset, request.Assets, founder, clock.GetUtcNow());
        if (!founded.IsSuccess)
        {
            return founded.Error;
        }

        var community = founded.Value;
        return await writer.RunAsync(community.Id.Value, founder.ToString(), idempotency, async write =>
        {
            if (await db.Communities.AnyAsync(c => c.Slug == community.Slug))
            {
                return CommunityErrors.SlugTaken;
            }

            db.Communities.Add(community);
            db.CommunityRoles.Add(new CommunityRoleRow { CommunityId = community.Id, PersonId = founder, Role = Role.Admin });
            await write.AuditAsync("community.founded", new
            {
                id = community.Id.ToString(),
                slug = community.Slug,
                name = community.Name,
                charter = community.CharterText,
                values = community.Values,
                baseAsset = community.BaseAsset,
                assets = community.Assets,
                founder = founder.ToString(),
            });
            var head = await write.AuditAsync("role.granted", new { person = founder.ToString(), role = "admin" });
            return Result<CommunityView>.Ok(CommunityView.Of(community, new Figures([], 0, 0, new AuditHead(head.Sequence, head.Hash), 1)));
        });
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/communities", (CreateCommunityRequest request, CreateCommunity create, HttpContext http) =>
            Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => create.HandleAsync(caller, request, key)))
        .Allow(Access.SignedIn)
        .WithSummary("Found a community with a charter; the caller becomes its first admin.")
        .Produces<CommunityView>(StatusCodes.Status201Created);
}
