using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Features.People;

/// <param name="ShownInPublic">True to be shown by id and name on every community's public pages.</param>
public sealed record PrivacyRequest(bool? ShownInPublic);

public sealed record PrivacyView(bool ShownInPublic);

/// <summary>
/// A person's choice of how public pages show them (issue 15, finding 4): under a per-community pseudonym
/// (the default) or by id and name. Members of a community see each other by name either way; see
/// <see cref="Ledger.PublicNames"/>.
/// </summary>
public static class Privacy
{
    public static async Task<PrivacyView> ViewAsync(MikoshiDb db, PersonId person) =>
        new(await db.Users.AsNoTracking().Where(u => u.Id == person.Value).Select(u => u.ShownInPublic).SingleAsync());

    public static async Task<Result<PrivacyView>> SetAsync(Writer writer, PersonId person, PrivacyRequest request)
    {
        if (request.ShownInPublic is not { } shown)
        {
            return PeopleErrors.InvalidPrivacy;
        }

        var written = await writer.RunAsync(Guid.Empty, person.ToString(), null, async write =>
        {
            var user = await write.Db.Users.SingleAsync(u => u.Id == person.Value);
            user.ShownInPublic = shown;
            await write.AuditAsync("person.privacy", new { personId = person.ToString(), shownInPublic = shown });
            return Result<PrivacyView>.Ok(new PrivacyView(shown));
        });
        return written.IsSuccess ? new PrivacyView(shown) : written.Error;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me/privacy", async (HttpContext http, MikoshiDb db) => Results.Ok(await ViewAsync(db, http.Caller().RequirePerson())))
            .Allow(Access.SignedIn)
            .WithSummary("How public pages show me: under a pseudonym per community (the default), or by id and name.")
            .Produces<PrivacyView>();
        api.MapPut("/me/privacy", async (PrivacyRequest request, Writer writer, HttpContext http) =>
                Problems.From(await SetAsync(writer, http.Caller().RequirePerson(), request)))
            .Allow(Access.SignedIn)
            .WithSummary("Choose how public pages show me: {\"shownInPublic\": true} by id and name to everyone, false under a pseudonym outside my communities.")
            .Produces<PrivacyView>();
    }
}
