using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Api;
using Mikoshi.Cli;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Tests.Http.Payments;
using Mikoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mikoshi.Tests.Cli;

/// <summary>
/// The command line × role walk: every verb of the whole command tree that acts in a community as someone (<c>--by</c>
/// and <c>--community</c>) runs as a visitor, a member, a treasurer and an admin, and is admitted
/// exactly when the API endpoint that does the same declares an <see cref="Access"/> that admits the role. A refused
/// run prints <c>error forbidden:</c> and writes nothing to the audit chain. The table below names each verb's
/// endpoint; the walk fails when a verb of the tree (read from its root) has no row, so a new verb cannot be left out.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class CliRoleWalkTests(ITestOutputHelper log)
{
    private enum Walker
    {
        Visitor,
        Member,
        Treasurer,
        Admin,
    }

    /// <summary>
    /// A verb, the endpoint doing the same (method and route pattern; none for a purely local verb), its arguments
    /// beyond <c>--by</c> and <c>--community</c>, and when the walk cannot hold it to its endpoint, why (reported, not
    /// walked). In the arguments {admin}, {treasurer}, {member} and {visitor} stand for those people's emails and
    /// {other} for a person outside the walk, {statement} for a bank statement file.
    /// </summary>
    private sealed record VerbRow(string Verb, string? Method, string? Route, string[] Arguments, string? Reason = null);

    private const string Community = "/api/v1/communities/{slug}";

    // In an order where what an admitted run leaves (a listing, a proposal, an invitation) is what the next verb needs.
    // The setup leaves the member holding tokens 1 to 3 and leading project 1, and {other}, a member outside the walk
    // for what must go to someone else (a token, a succession, thanks), leading project 2 with the admin invited to it
    // (invitation 1). Proposals, channels and the later invitations are the rows' own.
    private static readonly VerbRow[] Table =
    [
        new("deposit", "POST", $"{Community}/deposits", ["--asset", "JPY", "--amount", "1000", "--reference", "walk", "--for", "{member}"]),
        new("token mint", "POST", $"{Community}/tokens", []),
        new("token sell", "POST", $"{Community}/tokens/{{tokenId:long}}/listings", ["1", "--price", "1000"]),
        new("token buy", "POST", $"{Community}/listings/{{listingId:long}}/buy", ["1"]),
        new("token transfer", "POST", $"{Community}/tokens/{{tokenId:long}}/transfer", ["2", "--to", "{other}"]),
        new("token redeem", "POST", $"{Community}/tokens/{{tokenId:long}}/redeem", ["3"]),
        new("succession plan", "PUT", $"{Community}/succession", ["--successor", "{other}"]),
        new("succession confirm", "POST", $"{Community}/people/{{personId}}/succession/confirm", ["--holder", "{member}"]),
        new("succession claim", "POST", $"{Community}/people/{{personId}}/succession/claim", ["--holder", "{member}"]),
        new("project create", "POST", $"{Community}/projects", ["--title", "A walk"]),
        new("project status", "POST", $"{Community}/projects/{{projectId:long}}/status", ["1", "--to", "forming"]),
        new("project invite", "POST", $"{Community}/projects/{{projectId:long}}/invitations", ["1", "--person", "{treasurer}", "--role", "artist"]),
        new("project join", "POST", $"{Community}/projects/{{projectId:long}}/join-requests", ["2", "--role", "writer"]),
        new("project decline", "POST", $"{Community}/invitations/{{invitationId:long}}/decline", ["2"]),
        new("project accept", "POST", $"{Community}/invitations/{{invitationId:long}}/accept", ["1"]),
        new("project work", "POST", $"{Community}/projects/{{projectId:long}}/works", ["1", "--title", "A work", "--url", "https://example.org/work"]),
        new("contribution record", "POST", $"{Community}/projects/{{projectId:long}}/contributions", ["1", "--summary", "Drew it"]),
        new("contribution acknowledge", "POST", $"{Community}/contributions/{{contributionId:long}}/acknowledge", ["1"]),
        new("thanks", "POST", $"{Community}/thanks", ["--to", "{other}", "--message", "Thank you"],
            "membership is the use case's own rule, checked under the lock: the CLI refuses a non-member with not_a_member (403), the endpoint's Member door with forbidden (ProjectCliTests holds the CLI to not_a_member)"),
        new("split propose", "POST", $"{Community}/projects/{{projectId:long}}/agreements", ["--project", "1", "--party", "{member}=1"]),
        new("split accept", "POST", $"{Community}/projects/{{projectId:long}}/agreements/{{version:int}}/accept", ["1", "--project", "1"]),
        new("grant", "POST", $"{Community}/projects/{{projectId:long}}/grants", ["--project", "1", "--asset", "JPY", "--amount", "100"]),
        new("revenue record", "POST", $"{Community}/projects/{{projectId:long}}/revenue", ["--project", "1", "--asset", "JPY", "--amount", "1000", "--source", "shop", "--idempotency-key", "walk"]),
        new("earnings", "GET", $"{Community}/me/earnings", []),
        new("claim", "POST", $"{Community}/me/claims", ["--asset", "JPY"]),
        new("statement", "GET", $"{Community}/me/statement", []),
        new("revenue-policy", "PUT", $"{Community}/revenue-policy", ["--cap-at-paid-in", "false"]),
        new("payout sender", "PUT", $"{Community}/payout-sender", ["--sender-code", "1234567890", "--sender-name", "ミコシ", "--bank-code", "0001", "--bank-name", "ミズホ", "--branch-code", "001", "--branch-name", "ホンテン", "--account-number", "1234567"]),
        new("payout create", "POST", $"{Community}/payouts", ["--asset", "JPY"]),
        new("payout confirm", "POST", $"{Community}/payouts/{{batchId:long}}/confirm", ["1"]),
        new("bank import", "POST", $"{Community}/bank/imports", ["{statement}"]),
        new("payments list", "GET", $"{Community}/payments", []),
        new("tax pay-withholding", "POST", $"{Community}/tax/withholding-payments", ["--period", "2026-01"]),
        new("tax notice", "GET", $"{Community}/me/tax/notice", []),
        new("tax settings", "PUT", $"{Community}/tax-settings", []),
        new("tax kind", "PUT", $"{Community}/payees/{{personId}}/kind", ["--person", "{member}", "--kind", "none"]),
        new("books accounts", "PUT", $"{Community}/books/accounts", ["--set", "treasury=普通預金"]),
        new("proposal create", "POST", $"{Community}/proposals", ["--kind", "signal", "--title", "A walk"]),
        new("proposal vote", "POST", $"{Community}/proposals/{{proposalId:long}}/votes/custodial", ["1", "--choice", "for"]),
        new("delegate", "PUT", $"{Community}/delegation", ["--to", "{admin}"]),
        new("proposal cancel", "POST", $"{Community}/proposals/{{proposalId:long}}/cancel", ["1"]),
        new("channel add", "POST", $"{Community}/channels", ["--kind", "slack", "--label", "walk", "--url", "https://93.184.215.14/slack"]),
        new("channel list", "GET", $"{Community}/channels", []),
        new("channel events", "PUT", $"{Community}/channels/{{channel:long}}/events", ["1", "--events", "proposal.opened"]),
        new("channel delete", "DELETE", $"{Community}/channels/{{channel:long}}", ["1"]),
        new("chain deploy", "POST", $"{Community}/chain/deployment", []),
        new("chain publish", "POST", $"{Community}/chain/epochs", []),

        // Late: the member's run hands every token of theirs to the successor the plan above named.
        new("succession execute", "POST", $"{Community}/succession/execute", []),

        // After everything else: the LLC-type DAO mode refuses chain mode, a revenue policy without the cap and a
        // succession its articles do not provide for.
        new("llc set", "PUT", $"{Community}/llc", ["--enabled", "true"]),
        new("llc approve", "PUT", $"{Community}/llc/members/{{personId}}", ["{visitor}"]),
    ];

    [Fact]
    public void TheTable_CoversEveryVerbOfTheCommandTree_ThatActsInACommunityAsSomeone()
    {
        var verbs = new List<string>();
        foreach (var command in Commands.Root().Subcommands)
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
        var (slug, admin, treasurer, member, visitor) = await RoleCast.FoundAsync(app, tokens: 3);
        var other = await app.SignUpAsync();
        var api = $"/api/v1/communities/{slug}";
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostJsonAsync($"{api}/projects", new { title = "The member's project" })).StatusCode);
        await admin.DepositAsync(slug, "100000", personId: other.Id);
        Assert.Equal(HttpStatusCode.Created, (await other.Client.PostJsonAsync($"{api}/tokens", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.Client.PostJsonAsync($"{api}/projects", new { title = "Another's project" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.Client.PostJsonAsync($"{api}/projects/2/invitations", new { personId = admin.Id, role = "writer" })).StatusCode);
        var statement = Path.Combine(Path.GetTempPath(), $"walk-statement-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(statement, Zengin.File(Zengin.Deposit(1, 4000, "ﾀﾅｶ")));
        var placeholders = new Dictionary<string, string>
        {
            ["{admin}"] = admin.Email,
            ["{treasurer}"] = treasurer.Email,
            ["{member}"] = member.Email,
            ["{visitor}"] = visitor.Email,
            ["{other}"] = other.Email,
            ["{statement}"] = statement,
        };
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
        var unheld = new List<string>();
        foreach (var row in Table)
        {
            if (row.Reason is { } reason || row.Route is null)
            {
                unheld.Add($"{row.Verb}: {row.Reason ?? "no endpoint"}");
                continue;
            }

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
                var arguments = row.Arguments.Select(a => placeholders.Aggregate(a, (text, p) => text.Replace(p.Key, p.Value, StringComparison.Ordinal)));
                var before = await AuditLinksAsync(app);
                var (code, output, error) = await CliRunner.RunAsync([.. row.Verb.Split(' '), .. arguments, "--by", person.Email, "--community", slug, .. store]);
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

        // The rows the walk cannot hold to their endpoint are said, so the run shows them.
        log.WriteLine("Not walked: " + (unheld.Count == 0 ? "none" : string.Join("; ", unheld)));
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal((Table.Length - unheld.Count) * walkers.Count, walked);
    }

    private static async Task<int> AuditLinksAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<MikoshiDb>().AuditLog.CountAsync();
    }
}
