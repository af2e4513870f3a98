using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Governance;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Governance;

/// <summary>
/// Tests step the governance executor by hand under their own clock, so that what they assert is what they
/// did; the background executor would race them. It is off for every host this test run builds, unless a test
/// turns it on (the two-replica test does).
/// </summary>
internal static class QuietExecutor
{
#pragma warning disable CA2255 // A test assembly is the one place a module initializer belongs: before any host is built.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void TurnOff() => Environment.SetEnvironmentVariable("Mikoshi__Governance__ExecutorPollSeconds", "0");
}

/// <summary>
/// A community for governance tests: Admin founds it and puts ¥100,000 in the treasury; Aki holds two
/// tokens and leads a project; Ben and Cai hold one token each; Dan has signed up but holds none.
/// </summary>
public sealed record GovernanceSetup(TestApp App, string Slug, Person Admin, Person Aki, Person Ben, Person Cai, Person Dan, long Project)
{
    public string Community => $"/api/v1/communities/{Slug}";

    public static async Task<GovernanceSetup> CreateAsync(TestApp app)
    {
        var admin = await app.SignUpAsync(displayName: "Admin");
        var aki = await app.SignUpAsync(displayName: "Aki");
        var ben = await app.SignUpAsync(displayName: "Ben");
        var cai = await app.SignUpAsync(displayName: "Cai");
        var dan = await app.SignUpAsync(displayName: "Dan");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "100000");
        foreach (var (person, tokens) in new[] { (aki, 2), (ben, 1), (cai, 1) })
        {
            await admin.DepositAsync(slug, "50000", personId: person.Id);
            for (var i = 0; i < tokens; i++)
            {
                await MintAsync(slug, person);
            }
        }

        var created = await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects", new { title = "祭りの絵巻" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = (await created.JsonAsync()).GetProperty("id").GetInt64();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return new GovernanceSetup(app, slug, admin, aki, ben, cai, dan, project);
    }

    public static async Task MintAsync(string slug, Person person) =>
        Assert.Equal(HttpStatusCode.Created, (await person.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);

    public Task<HttpResponseMessage> ProposeAsync(Person proposer, string kind, object? payload = null, string? strategy = null, int? graceHours = null, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null) =>
        proposer.Client.PostJsonAsync($"{Community}/proposals", new { kind, title = $"A {kind} proposal", body = "Why we should.", payload, strategy, graceHours, opensAt, closesAt });

    /// <summary>Opens a proposal (voting now, for a day; grace a day) and returns its id.</summary>
    public async Task<long> OpenAsync(Person proposer, string kind, object? payload = null, string? strategy = null)
    {
        var response = await ProposeAsync(proposer, kind, payload, strategy, graceHours: 24, closesAt: App.Clock.GetUtcNow().AddDays(1));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    public string Proposal(long id) => $"{Community}/proposals/{id}";

    public Task<HttpResponseMessage> VoteCustodialAsync(Person voter, long proposal, string choice, string reason = "") =>
        voter.Client.PostJsonAsync($"{Proposal(proposal)}/votes/custodial", new { choice, reason });

    public async Task VoteOkAsync(Person voter, long proposal, string choice)
    {
        var response = await VoteCustodialAsync(voter, proposal, choice);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> ShowAsync(long proposal, Person? viewer = null) =>
        await (await (viewer?.Client ?? App.CreateClient()).GetAsync(Proposal(proposal))).JsonAsync();

    public async Task<string> StateAsync(long proposal) => (await ShowAsync(proposal)).GetProperty("state").GetString()!;

    public async Task<(long For, long Against, long Abstain)> TallyAsync(long proposal)
    {
        var tally = (await ShowAsync(proposal)).GetProperty("tally");
        return (tally.GetProperty("for").GetInt64(), tally.GetProperty("against").GetInt64(), tally.GetProperty("abstain").GetInt64());
    }

    /// <summary>The person's custodial key, exported from the API: a key a test can sign anything with.</summary>
    public async Task<CustodialKey> KeyOfAsync(Person person)
    {
        var exported = await (await person.Client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync();
        return CustodialKey.FromSecret(Convert.FromHexString(exported.GetProperty("secret").GetString()![2..])).Value;
    }

    /// <summary>A vote body signed with <paramref name="key"/> for the given community domain and message.</summary>
    public static object SignedVote(CustodialKey key, VoteDomain domain, long proposal, string choice, long nonce, string reason = "", EthAddress? voter = null)
    {
        var message = new VoteMessage(proposal, choice, voter ?? key.Address, nonce, reason);
        return new { choice, voter = message.Voter.ToString(), nonce, reason, signature = key.Sign(VoteTypedData.Digest(domain, message)) };
    }

    public async Task<VoteDomain> DomainAsync()
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == Slug);
        return VoteDomain.For(community.Id.Value, VoteDomain.DefaultChainId);
    }

    /// <summary>
    /// One step of the executor; what it settled in this community (in an app a test class shares, the step also
    /// settles what other tests left due in theirs).
    /// </summary>
    public async Task<IReadOnlyList<Settlement>> ExecuteAsync() =>
        [.. (await App.Services.GetRequiredService<GovernanceExecutor>().StepAsync()).Where(s => s.Community == Slug)];

    /// <summary>This community's grants.</summary>
    public async Task<int> GrantsAsync()
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == Slug);
        return await db.Grants.CountAsync(g => g.CommunityId == community.Id);
    }

    /// <summary>This community's journal entries.</summary>
    public async Task<int> EntriesAsync()
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == Slug);
        return await db.JournalEntries.CountAsync(e => e.CommunityId == community.Id);
    }

    /// <summary>The store as text, governance tables included: a refused request must leave it unchanged.</summary>
    public async Task<string> SnapshotAsync()
    {
        var text = new StringBuilder(await StoreSnapshot.TakeAsync(App));
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        foreach (var p in await db.Proposals.AsNoTracking().OrderBy(p => p.Number).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"proposal {p.Number} {p.Outcome?.ToString().ToLowerInvariant()} {p.CancelledAtUnixMs} {p.FailureCode} {p.ExecutionEntryNumber}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"votes {await db.Votes.CountAsync()} delegations {await db.Delegations.CountAsync()} open {await db.Delegations.CountAsync(d => d.UntilUnixMs == null)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"keys {await db.CustodialKeys.CountAsync()} links {await db.WalletLinks.CountAsync()} rules {await db.GovernanceRules.CountAsync()}");
        return text.ToString();
    }

    public static long Units(JsonElement amount) => long.Parse(amount.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);

    public Task<long> TreasuryAsync() => BalanceAsync(Domain.Ledger.AccountId.Treasury.ToString());

    public async Task<long> BalanceAsync(string account)
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == Slug);
        var rows = await db.Balances.AsNoTracking().Where(b => b.CommunityId == community.Id && b.Account == account && b.Asset == "JPY").ToListAsync();
        return rows.Count == 0 ? 0 : (long)rows[0].Units;
    }

    public async Task<int> CountAsync(Func<MikoshiDb, Task<int>> count)
    {
        await using var scope = App.Scope();
        return await count(scope.ServiceProvider.GetRequiredService<MikoshiDb>());
    }

    public async Task<HttpResponseMessage> RedeemAsync(Person holder)
    {
        var tokens = await (await App.CreateClient().GetAsync($"{Community}/tokens?owner={holder.Id}")).JsonAsync();
        var serial = tokens.GetProperty("items").EnumerateArray().First().GetProperty("id").GetInt64();
        return await holder.Client.PostJsonAsync($"{Community}/tokens/{serial}/redeem", new { });
    }
}
