using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Api;
using Mikoshi.Cli;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Cli;

/// <summary>
/// The command line × role walk of the governance area (proposals, delegation, channels, chain mode): every verb that
/// acts in a community as someone (<c>--by</c>) runs as a visitor, a member, a treasurer and an admin, and is admitted
/// exactly when the API endpoint that does the same declares an <see cref="Access"/> that admits the role. A refused
/// run prints <c>error forbidden:</c> and writes nothing to the audit chain. The table below names each verb's
/// endpoint; the walk fails when a verb of these commands has no row, so a new verb cannot be left out.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class CliRoleWalkTests
{
    private enum Walker
    {
        Visitor,
        Member,
        Treasurer,
        Admin,
    }

    /// <summary>A verb, the endpoint doing the same (method and route pattern), and its arguments beyond <c>--by</c> and <c>--community</c>.</summary>
    private sealed record VerbRow(string Verb, string Method, string Route, string[] Arguments);

    // In an order where what an admitted run leaves (a channel made, a proposal cancelled) is what the next verb needs.
    private static readonly VerbRow[] Table =
    [
        new("proposal create", "POST", "/api/v1/communities/{slug}/proposals", ["--kind", "signal", "--title", "A walk"]),
        new("proposal vote", "POST", "/api/v1/communities/{slug}/proposals/{proposalId:long}/votes/custodial", ["1", "--choice", "for"]),
        new("delegate", "PUT", "/api/v1/communities/{slug}/delegation", []),
        new("proposal cancel", "POST", "/api/v1/communities/{slug}/proposals/{proposalId:long}/cancel", ["1"]),
        new("channel add", "POST", "/api/v1/communities/{slug}/channels", ["--kind", "slack", "--label", "walk", "--url", "https://93.184.215.14/slack"]),
        new("channel list", "GET", "/api/v1/communities/{slug}/channels", []),
        new("channel events", "PUT", "/api/v1/communities/{slug}/channels/{channel:long}/events", ["1", "--events", "proposal.opened"]),
        new("channel delete", "DELETE", "/api/v1/communities/{slug}/channels/{channel:long}", ["1"]),
        new("chain deploy", "POST", "/api/v1/communities/{slug}/chain/deployment", []),
        new("chain publish", "POST", "/api/v1/communities/{slug}/chain/epochs", []),
    ];

    [Fact]
    public void TheTable_CoversEveryVerbOfTheseCommands_ThatActsInACommunityAsSomeone()
    {
        var verbs = new List<string>();
        foreach (var command in GovernanceCommands.All().Append(NotificationCommands.Channel()).Append(ChainCommands.Chain()))
        {
            Collect(command, string.Empty, verbs);
        }

        Assert.Equal(verbs.Order(StringComparer.Ordinal), Table.Select(r => r.Verb).Order(StringComparer.Ordinal));
    }

    private static void Collect(Command command, string prefix, List<string> verbs)
    {
        var name = prefix.Length == 0 ? command.Name : $"{prefix} {command.Name}";
        if (command.Subcommands.Count > 0)
        {
            foreach (var sub in command.Subcommands)
            {
                Collect(sub, name, verbs);
            }

            return;
        }

        if (command.Options.Any(o => o.Name == "--by") && command.Options.Any(o => o.Name == "--community"))
        {
            verbs.Add(name);
        }
    }

    [Fact]
    public async Task EveryVerb_AdmitsExactlyTheRolesItsEndpointStates_AndARefusalWritesNothing()
    {
        await using var app = TestApp.Create("sqlite");
        var (slug, admin, treasurer, member, visitor) = await RoleCast.FoundAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostJsonAsync($"/api/v1/communities/{slug}/proposals", new { kind = "signal", title = "The first", body = "To vote on." })).StatusCode);
        var walkers = new Dictionary<Walker, (Person Person, HashSet<Role> Roles)>
        {
            [Walker.Visitor] = (visitor, [Role.Visitor]),
            [Walker.Member] = (member, [Role.Visitor, Role.Member]),
            [Walker.Treasurer] = (treasurer, [Role.Visitor, Role.Treasurer]),
            [Walker.Admin] = (admin, [Role.Visitor, Role.Admin]),
        };
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        string[] store = ["--provider", "sqlite", "--db", app.Store.ConnectionString];

        var failures = new List<string>();
        var walked = 0;
        foreach (var row in Table)
        {
            var endpoint = endpoints.SingleOrDefault(e => e.RoutePattern.RawText == row.Route
                && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Contains(row.Method));
            var access = endpoint?.Metadata.GetMetadata<AccessMetadata>()?.Who;
            if (access is not { } who)
            {
                failures.Add($"{row.Verb}: no endpoint {row.Method} {row.Route} with an access");
                continue;
            }

            foreach (var (walker, (person, roles)) in walkers)
            {
                var expected = new Caller(new PersonId(Guid.Parse(person.Id)), null, roles).May(who);
                string[] extra = row.Verb == "delegate" ? ["--to", admin.Email] : [];
                var before = await AuditLinksAsync(app);
                var (code, output, error) = await CliRunner.RunAsync([.. row.Verb.Split(' '), .. row.Arguments, .. extra, "--by", person.Email, "--community", slug, .. store]);
                var refused = code != 0 && error.StartsWith("error forbidden:", StringComparison.Ordinal);
                walked++;
                if (refused == expected)
                {
                    failures.Add($"{row.Verb} as {walker}: {(expected ? "refused" : "admitted")}, but {who} {(expected ? "admits" : "refuses")} it ({code}: {output}{error})".Trim());
                }
                else if (refused && await AuditLinksAsync(app) != before)
                {
                    failures.Add($"{row.Verb} as {walker}: refused, but the audit chain grew");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(Table.Length * walkers.Count, walked);
    }

    private static async Task<int> AuditLinksAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<MikoshiDb>().AuditLog.CountAsync();
    }
}
