using System.Net;
using System.Net.Http.Json;

namespace Mikoshi.Tests.Infrastructure;

/// <summary>
/// One community with a person in each role, for the walks that try every door as every role: its founder (admin), a
/// treasurer, a member holding <c>tokens</c> tokens bought with a deposit, and a visitor who holds nothing.
/// </summary>
public sealed record RoleCast(string Slug, Person Admin, Person Treasurer, Person Member, Person Visitor)
{
    public static async Task<RoleCast> FoundAsync(TestApp app, int tokens = 1)
    {
        var admin = await app.SignUpAsync();
        var treasurer = await app.SignUpAsync();
        var visitor = await app.SignUpAsync();
        var member = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "100000", personId: member.Id);
        for (var i = 0; i < tokens; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await member.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsync($"/api/v1/communities/{slug}/roles/{treasurer.Id}", JsonContent.Create(new { roles = new[] { "treasurer" } }))).StatusCode);
        return new RoleCast(slug, admin, treasurer, member, visitor);
    }
}
