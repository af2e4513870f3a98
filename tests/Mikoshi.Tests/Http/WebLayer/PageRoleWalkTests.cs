using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.WebLayer;

/// <summary>
/// The page × role walk of the governance area, within the suite's budget: the three most sensitive writing forms
/// (opening a proposal, delegating one's vote, adding a community channel) posted by a visitor, a member, a treasurer
/// and an admin with the antiforgery token their session renders, each admitted exactly when the access its API
/// endpoint declares admits the role (a refused post adds nothing to the audit chain); and what the pages show: the
/// proposal form to members only, the channels page's forms to admins only.
/// </summary>
public sealed partial class PageRoleWalkTests
{
    private sealed record FormRow(string Name, string Page, string Handler, string Method, string Route, Func<string, Dictionary<string, string>> Fields);

    [Fact]
    public async Task SensitiveForms_AdmitExactlyTheRolesTheirEndpointsState_AndPagesShowTheirPanelsToThoseRoles()
    {
        await using var app = TestApp.Create("sqlite");
        var (slug, admin, treasurer, member, visitor) = await RoleCast.FoundAsync(app);
        var walkers = new (string Name, Person Person, HashSet<Role> Roles)[]
        {
            ("visitor", visitor, [Role.Visitor]),
            ("member", member, [Role.Visitor, Role.Member]),
            ("treasurer", treasurer, [Role.Visitor, Role.Treasurer]),
            ("admin", admin, [Role.Visitor, Role.Admin]),
        };
        FormRow[] forms =
        [
            new("open a proposal", $"/c/{slug}/proposals", "propose", "POST", "/api/v1/communities/{slug}/proposals",
                _ => new() { ["Kind"] = "signal", ["Title"] = "From the page", ["Body"] = "A walk.", ["Strategy"] = "token-weighted" }),
            new("delegate one's vote", $"/c/{slug}/proposals", "delegate", "PUT", "/api/v1/communities/{slug}/delegation",
                _ => new() { ["Delegate"] = admin.Id }),
            new("add a channel", $"/c/{slug}/channels", "add-channel", "POST", "/api/v1/communities/{slug}/channels",
                who => new() { ["kind"] = "slack", ["label"] = $"walk {who}", ["url"] = "https://93.184.215.14/slack", ["language"] = "ja", ["events"] = "proposal.opened" }),
        ];
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var failures = new List<string>();
        foreach (var (name, person, roles) in walkers)
        {
            var caller = new Caller(new PersonId(Guid.Parse(person.Id)), null, roles);
            var browser = await CookieSessions.SignedInAsync(app, person.Email);

            var proposals = await (await browser.GetAsync($"/c/{slug}/proposals")).Content.ReadAsStringAsync();
            if (proposals.Contains("data-testid=\"proposal-form\"", StringComparison.Ordinal) != caller.May(Access.Member))
            {
                failures.Add($"the proposal form as {name}");
            }

            var channels = await browser.GetAsync($"/c/{slug}/channels");
            var channelForms = (await channels.Content.ReadAsStringAsync()).Contains("data-testid=\"channel-label\"", StringComparison.Ordinal);
            if (channelForms != caller.May(Access.Admin))
            {
                failures.Add($"the channels page's forms as {name} ({(int)channels.StatusCode})");
            }

            foreach (var form in forms)
            {
                var endpoint = endpoints.Single(e => e.RoutePattern.RawText == form.Route
                    && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Contains(form.Method));
                var expected = caller.May(endpoint.Metadata.GetMetadata<AccessMetadata>()!.Who);
                var fields = form.Fields(name);
                fields["_handler"] = form.Handler;
                fields["__RequestVerificationToken"] = await TokenAsync(browser, $"/c/{slug}");
                var before = await AuditLinksAsync(app);
                var posted = await browser.PostAsync(form.Page, new FormUrlEncodedContent(fields));
                var admitted = await AuditLinksAsync(app) > before;
                if (admitted != expected || (int)posted.StatusCode >= 500)
                {
                    failures.Add($"{form.Name} as {name}: {(admitted ? "admitted" : "refused")} ({(int)posted.StatusCode}), expected {(expected ? "admitted" : "refused")}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>The antiforgery token the session's pages render (the layout's sign-out form carries it on every page).</summary>
    private static async Task<string> TokenAsync(HttpClient browser, string page)
    {
        var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, $"{page} renders no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups["token"].Value);
    }

    private static async Task<int> AuditLinksAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<MikoshiDb>().AuditLog.CountAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
