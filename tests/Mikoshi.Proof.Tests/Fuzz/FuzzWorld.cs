using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Fuzz;

public enum FuzzCaller
{
    Anonymous,
    Visitor,
    Member,
    Admin,
}

/// <summary>
/// A seeded community for the fuzzer to attack: an admin (its founder), a member holding two tokens
/// with one listed, a visitor, and a project with a contribution, an invitation, thanks and a skill,
/// so that every kind of id in a route names something real.
/// </summary>
public sealed record FuzzWorld(string Slug, Person Admin, Person Member, Person Visitor, HttpClient Anonymous)
{
    /// <summary>Ids up to this many exist for tokens, listings, projects, invitations and contributions (most of them).</summary>
    public const long KnownIds = 3;

    public FuzzTargets Targets => new(Slug, [Admin.Id, Member.Id, Visitor.Id], KnownIds);

    public HttpClient Client(FuzzCaller caller) => caller switch
    {
        FuzzCaller.Anonymous => Anonymous,
        FuzzCaller.Visitor => Visitor.Client,
        FuzzCaller.Member => Member.Client,
        _ => Admin.Client,
    };

    public static async Task<FuzzWorld> SeedAsync(WebApplicationFactory<Program> app)
    {
        var admin = await SignUpAsync(app, "Fuzz Admin");
        var member = await SignUpAsync(app, "Fuzz Member");
        var visitor = await SignUpAsync(app, "Fuzz Visitor");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "1000000", personId: member.Id);
        await admin.DepositAsync(slug, "500000");
        for (var i = 0; i < 2; i++)
        {
            await Ok(await member.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { }));
        }

        var api = $"/api/v1/communities/{slug}";
        await Ok(await member.Client.PostJsonAsync($"{api}/tokens/2/listings", new { price = "1000" }));
        var project = await Ok(await member.Client.PostJsonAsync($"{api}/projects", new { title = "Fuzz book", description = "A book.", neededSkills = new[] { "drawing" }, values = new[] { "joy" } }));
        var id = project.GetProperty("id").GetInt64();
        await Ok(await member.Client.PostJsonAsync($"{api}/projects/{id}/contributions", new { summary = "Drew the cover", evidenceUrl = "https://example.jp/cover", occurredAt = "2026-11-01T00:00:00Z" }));
        await Ok(await member.Client.PostJsonAsync($"{api}/projects/{id}/invitations", new { personId = visitor.Id, role = "illustrator" }));
        await Ok(await member.Client.PostJsonAsync($"{api}/thanks", new { to = admin.Id, message = "Thank you", projectId = id }));
        await Ok(await admin.Client.PostJsonAsync($"{api}/skills", new { name = "drawing" }));
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        return new FuzzWorld(slug, admin, member, visitor, anonymous);
    }

    /// <summary>
    /// Generated requests may succeed, and some successes spoil the roles (a token transferred away, an
    /// admin role handed over): true while every caller still is what its name says.
    /// </summary>
    public async Task<bool> IntactAsync(IServiceProvider services)
    {
        // A fuzzed POST /auth/revoke or password change ends that caller's tokens (issue 15): then a new world.
        foreach (var person in new[] { Admin, Member, Visitor })
        {
            if ((await person.Client.GetAsync("/api/v1/me")).StatusCode != System.Net.HttpStatusCode.OK)
            {
                return false;
            }
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == Slug);
        PersonId Id(Person p) => new(Guid.Parse(p.Id));
        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.CommunityId == community.Id).ToListAsync();
        var holders = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id && t.OwnerId != null).Select(t => t.OwnerId!.Value).ToListAsync();
        return roles.Any(r => r.PersonId == Id(Admin) && r.Role == Role.Admin)
            && !roles.Any(r => r.PersonId == Id(Member) || r.PersonId == Id(Visitor))
            && holders.Contains(Id(Member)) && !holders.Contains(Id(Admin)) && !holders.Contains(Id(Visitor));
    }

    private static async Task<Person> SignUpAsync(WebApplicationFactory<Program> app, string displayName)
    {
        var email = $"fuzz{Guid.NewGuid():N}@example.jp";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        await Ok(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Person.Password, displayName }));
        var token = (await Ok(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Person.Password }))).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var me = await Ok(await client.GetAsync("/api/v1/me"));
        return new Person(me.GetProperty("personId").GetString()!, email, client);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"seeding {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
