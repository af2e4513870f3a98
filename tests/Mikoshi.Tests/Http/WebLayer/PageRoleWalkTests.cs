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
/// The page × role walk: the community's settings and money forms (a deposit, the membership parameters, the
/// community's time zone, a new project, tax settings, a payee's withholding kind, the books' account names, the
/// payout sender, the LLC-DAO mode, the contribution half-life) and the governance forms (opening a proposal,
/// delegating one's vote, adding a community channel), each posted by a visitor, a member, a treasurer and an admin
/// with the antiforgery token their session renders, and each admitted exactly when the access its API endpoint
/// declares admits the role (a refused post adds nothing to the audit chain); and what the pages show: the proposal
/// form to members only, the channels page's forms to admins only. A second test keeps the walk whole: every form a
/// page renders is walked here or listed below with the reason it is not.
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
            new("record a deposit", $"/c/{slug}", "deposit", "POST", "/api/v1/communities/{slug}/deposits",
                who => new() { ["Input.Key"] = Guid.NewGuid().ToString(), ["Input.Asset"] = "JPY", ["Input.Amount"] = "1000", ["Input.Reference"] = $"walk-{who}", ["Input.PersonId"] = string.Empty }),
            new("change the membership parameters", $"/c/{slug}", "parameters", "PUT", "/api/v1/communities/{slug}/parameters",
                who => new() { ["BasePrice"] = who == "admin" ? "1200" : "1100", ["Slope"] = "10", ["SupplyCap"] = string.Empty, ["Royalty"] = "5", ["Redemption"] = "90" }),
            new("set the community's time zone", $"/c/{slug}", "community-time-zone", "PUT", "/api/v1/communities/{slug}/time-zone",
                _ => new() { ["TimeZone"] = "Europe/London" }),
            new("start a project", $"/c/{slug}/projects", "new-project", "POST", "/api/v1/communities/{slug}/projects",
                who => new() { ["Key"] = Guid.NewGuid().ToString(), ["Title"] = $"Walk {who}", ["Description"] = "A walk." }),
            new("change the tax settings", $"/c/{slug}/tax", "tax-settings", "PUT", "/api/v1/communities/{slug}/tax-settings",
                who => new() { ["DefaultKind"] = "none", ["RequireTaxStatus"] = who is "visitor" or "treasurer" ? "true" : "false" }),
            new("set a payee's withholding kind", $"/c/{slug}/tax", "payee-kind", "PUT", "/api/v1/communities/{slug}/payees/{personId}/kind",
                who => new() { ["Person"] = member.Id, ["Kind"] = who is "visitor" or "treasurer" ? "manuscript" : "design" }),
            new("name the books' accounts", $"/c/{slug}/tax", "book-accounts", "PUT", "/api/v1/communities/{slug}/books/accounts",
                who => new() { ["acct:treasury"] = $"売上高 {who}" }),
            new("set the payout sender", $"/c/{slug}/payouts", "sender", "PUT", "/api/v1/communities/{slug}/payout-sender",
                who => new()
                {
                    ["SenderCode"] = "1234567890", ["SenderName"] = $"ミコシ {who.ToUpperInvariant()}", ["BankCode"] = "0005", ["BankName"] = "ミツビシユーエフジエイ",
                    ["BranchCode"] = "123", ["BranchName"] = "シブヤ", ["AccountType"] = "1", ["AccountNumber"] = "7654321",
                }),
            new("set the contribution half-life", $"/c/{slug}/contribution", "half-life", "PUT", "/api/v1/communities/{slug}/matching-settings",
                who => new() { ["HalfLifeDays"] = who is "visitor" or "treasurer" ? "120" : "150" }),
            new("open a proposal", $"/c/{slug}/proposals", "propose", "POST", "/api/v1/communities/{slug}/proposals",
                _ => new() { ["Kind"] = "signal", ["Title"] = "From the page", ["Body"] = "A walk.", ["Strategy"] = "token-weighted" }),
            new("delegate one's vote", $"/c/{slug}/proposals", "delegate", "PUT", "/api/v1/communities/{slug}/delegation",
                _ => new() { ["Delegate"] = admin.Id }),
            new("add a channel", $"/c/{slug}/channels", "add-channel", "POST", "/api/v1/communities/{slug}/channels",
                who => new() { ["kind"] = "slack", ["label"] = $"walk {who}", ["url"] = "https://93.184.215.14/slack", ["language"] = "ja", ["events"] = "proposal.opened" }),

            // Last: the LLC-DAO mode changes what the other forms may do.
            new("turn the LLC-DAO mode on", $"/c/{slug}/llc", "llc-settings", "PUT", "/api/v1/communities/{slug}/llc",
                _ => new() { ["Enabled"] = "true" }),
        ];
        Assert.Equal(Walked.Order(StringComparer.Ordinal), forms.Select(f => f.Handler).Order(StringComparer.Ordinal));
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

    /// <summary>
    /// Every form the pages render (read from the Razor sources) is walked above or named here with its reason, so a
    /// new form fails this test until it joins the walk or says why it need not.
    /// </summary>
    [Fact]
    public void EveryFormOfThePages_IsWalked_OrSaysWhyNot()
    {
        var components = Path.Combine(Repository.Root, "src", "Mikoshi", "Components");
        var rendered = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => FormName().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);

        var unaccounted = rendered.Except(Walked).Except(NotWalked.Keys).Order(StringComparer.Ordinal).ToList();
        var gone = Walked.Concat(NotWalked.Keys).Except(rendered).Order(StringComparer.Ordinal).ToList();
        Assert.True(unaccounted.Count == 0, $"forms neither walked nor listed with a reason: {string.Join(", ", unaccounted)}");
        Assert.True(gone.Count == 0, $"listed forms no page renders any more: {string.Join(", ", gone)}");
    }

    private static readonly string[] Walked =
    [
        "deposit", "parameters", "community-time-zone", "new-project", "tax-settings", "payee-kind", "book-accounts",
        "sender", "half-life", "propose", "delegate", "add-channel", "llc-settings",
    ];

    private const string Own = "acts for the signed-in person on their own account, in no community's role";
    private const string Anonymous = "signs up, in or out, or answers a mailed link: there is no community role yet";
    private const string Founding = "founds a community: any signed-in person may, and there is no community role yet";
    private const string OwnerRule = "admitted by a finer rule than a role (the token's owner, the delegator, the project's lead or team, the proposal's author, the plan's holder or guardian), which its use case checks under the lock and the area's HTTP tests walk";
    private const string NeedsState = "needs state the walk's community lacks (money to pay a mint with, claims to batch, a statement file, withholding due, a chain deployment); its access is the endpoint's, walked by AccessTests";

    private static readonly Dictionary<string, string> NotWalked = new(StringComparer.Ordinal)
    {
        ["calendar"] = Own,
        ["privacy"] = Own,
        ["unlink-wallet"] = Own,
        ["add-passkey"] = Own,
        ["change-password"] = Own,
        ["profile"] = Own,
        ["time-zone"] = Own,
        ["tax-profile"] = Own,
        ["bank-account"] = Own,
        ["notification-settings"] = Own,
        ["read-all"] = Own,
        ["heir-plans"] = Own,
        ["unsubscribe"] = Own,
        ["found"] = Founding,
        ["confirm-email"] = Anonymous,
        ["forgot-password"] = Anonymous,
        ["reset-password"] = Anonymous,
        ["passkey-signin"] = Anonymous,
        ["signin"] = Anonymous,
        ["signup"] = Anonymous,
        ["gift"] = OwnerRule,
        ["list"] = OwnerRule,
        ["redeem"] = OwnerRule,
        ["withdraw"] = OwnerRule,
        ["buy"] = OwnerRule,
        ["buy-lowest"] = OwnerRule,
        ["mint"] = NeedsState,
        ["vote"] = OwnerRule,
        ["cancel"] = OwnerRule,
        ["revoke"] = OwnerRule,
        ["plan"] = OwnerRule,
        ["veto"] = OwnerRule,
        ["execute"] = OwnerRule,
        ["claim"] = OwnerRule,
        ["confirm"] = OwnerRule,
        ["status"] = OwnerRule,
        ["contribution"] = OwnerRule,
        ["grant"] = OwnerRule,
        ["invite"] = OwnerRule,
        ["revenue"] = OwnerRule,
        ["propose-split"] = OwnerRule,
        ["join"] = OwnerRule,
        ["thanks"] = OwnerRule,
        ["work"] = OwnerRule,
        ["batch"] = NeedsState,
        ["import"] = NeedsState,
        ["pay"] = NeedsState,
        ["transfer"] = NeedsState,
        ["pay-withholding"] = NeedsState,
        ["chain-publish"] = NeedsState,
        ["llc-approve"] = NeedsState,
    };

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

    [GeneratedRegex("(?:@formname|FormName)=\"(?<name>[a-z0-9-]+)\"")]
    private static partial Regex FormName();
}
