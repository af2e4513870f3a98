using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Http.Governance;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Secrets;

/// <summary>
/// Issue 15, finding 4: summing the anonymous ledger's postings of <c>person:&lt;id&gt;</c> gave each person's private
/// balance, and the public vote list tied wallet addresses to person ids. Outsiders now see a per-community
/// pseudonym unless the person chose to be shown; members see names; the books and their proof are unchanged.
/// </summary>
public sealed class PrivacyTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task PublicLedger_ToOutsiders_NamesNoOne_SoNoBalanceCanBeSummedByPerson_AndVerifyStillProvesTheBooks(string provider)
    {
        await using var app = TestApp.Create(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        var people = new[] { s.Admin, s.Aki, s.Ben, s.Cai, s.Dan };

        foreach (var (reader, client) in new[] { ("anonymous", app.CreateClient()), ("a visitor", s.Dan.Client) })
        {
            var text = await client.GetStringAsync($"{s.Community}/ledger?limit=100");
            foreach (var person in people)
            {
                Assert.DoesNotContain(person.Id, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(Guid.Parse(person.Id).ToString("N"), text, StringComparison.OrdinalIgnoreCase);
            }

            foreach (var name in new[] { "\"Aki\"", "\"Ben\"", "\"Cai\"", "\"Admin\"" })
            {
                Assert.DoesNotContain(name, text, StringComparison.Ordinal);
            }

            // Every person's account reads as a pseudonym, and the pseudonyms still add up to each person's balance.
            var sums = Sums(JsonDocument.Parse(text).RootElement);
            var personAccounts = sums.Keys.Where(a => a.StartsWith("person:", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, personAccounts.Count);
            Assert.All(personAccounts, a => Assert.Matches("^person:member-[0-9a-f]{12}$", a));
            foreach (var member in new[] { s.Aki, s.Ben, s.Cai })
            {
                var own = await OwnBalanceAsync(s, member);
                Assert.Contains(own, personAccounts.Select(a => sums[a]));
            }

            // The audit log names people: it is for the community's own members.
            var audit = await client.GetAsync($"{s.Community}/audit");
            Assert.Equal(reader == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, audit.StatusCode);
        }

        // A member sees everyone by id and name: the same entries, the same totals.
        var inside = JsonDocument.Parse(await s.Ben.Client.GetStringAsync($"{s.Community}/ledger?limit=100")).RootElement;
        var insideText = inside.GetRawText();
        Assert.Contains($"person:{Guid.Parse(s.Aki.Id):N}", insideText, StringComparison.Ordinal);
        Assert.Contains("\"Aki\"", insideText, StringComparison.Ordinal);
        var outside = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"{s.Community}/ledger?limit=100")).RootElement;
        Assert.Equal(Sums(inside).Values.Order(), Sums(outside).Values.Order());

        // The books and their proof are unchanged: verify is clean and the members' audit export verifies offline.
        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync()).IsClean);
        }

        var export = await s.Aki.Client.GetStringAsync($"{s.Community}/audit");
        Assert.True(Verifier.VerifyExport(new StringReader(export)).IsClean);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task APersonWhoChoseToBeShown_AppearsByNameToEveryone_OthersStayPseudonyms_InEachCommunityADifferentOne(string provider)
    {
        await using var app = TestApp.Create(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        var before = await Pseudonym(app, s.Community, s.Admin, s.Ben);

        var refused = await s.Aki.Client.PutAsJsonAsync("/api/v1/me/privacy", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("invalid_privacy", await refused.ProblemCodeAsync());
        Assert.False((await (await s.Aki.Client.GetAsync("/api/v1/me/privacy")).JsonAsync()).GetProperty("shownInPublic").GetBoolean());

        var shown = await s.Aki.Client.PutAsJsonAsync("/api/v1/me/privacy", new { shownInPublic = true });
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.True((await (await s.Aki.Client.GetAsync("/api/v1/me/privacy")).JsonAsync()).GetProperty("shownInPublic").GetBoolean());

        var text = await app.CreateClient().GetStringAsync($"{s.Community}/ledger?limit=100");
        var aki = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().SelectMany(e => e.GetProperty("postings").EnumerateArray())
            .Where(p => p.GetProperty("account").GetString() == $"person:{Guid.Parse(s.Aki.Id):N}").ToList();
        Assert.NotEmpty(aki);
        Assert.All(aki, p => Assert.Equal("Aki", p.GetProperty("name").GetString()));
        Assert.DoesNotContain(s.Ben.Id.Replace("-", string.Empty, StringComparison.Ordinal), text, StringComparison.OrdinalIgnoreCase);

        // Stable in one community, unlinkable across two.
        Assert.Equal(before, await Pseudonym(app, s.Community, s.Admin, s.Ben));
        var other = await s.Admin.FoundCommunityAsync();
        await s.Admin.DepositAsync(other, "700", personId: s.Ben.Id);
        Assert.NotEqual(before, await Pseudonym(app, $"/api/v1/communities/{other}", s.Admin, s.Ben));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task PublicVoteList_ToOutsiders_TiesNoAddressToAPerson_YetTheTallyCanBeRecomputed(string provider)
    {
        await using var app = TestApp.Create(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        var proposal = await s.OpenAsync(s.Aki, "signal");
        await s.VoteOkAsync(s.Aki, proposal, "for");
        await s.VoteOkAsync(s.Ben, proposal, "against");

        var outside = await (await app.CreateClient().GetAsync($"{s.Proposal(proposal)}/votes")).JsonAsync();
        var text = outside.GetRawText();
        foreach (var person in new[] { s.Admin, s.Aki, s.Ben, s.Cai })
        {
            Assert.DoesNotContain(person.Id, text, StringComparison.OrdinalIgnoreCase);
        }

        // Signatures and addresses stay public; each vote's pseudonym is a holder's, so power per vote is known.
        var holders = outside.GetProperty("holders").EnumerateArray().ToDictionary(h => h.GetProperty("personId").GetString()!, h => h.GetProperty("power").GetInt64());
        var votes = outside.GetProperty("votes").EnumerateArray().ToList();
        Assert.Equal(2, votes.Count);
        Assert.All(votes, v => Assert.StartsWith("0x", v.GetProperty("signature").GetString(), StringComparison.Ordinal));
        Assert.All(votes, v => Assert.StartsWith("0x", v.GetProperty("voter").GetString(), StringComparison.Ordinal));
        var tally = outside.GetProperty("tally");
        Assert.Equal(tally.GetProperty("for").GetInt64(), votes.Where(v => v.GetProperty("choice").GetString() == "for").Sum(v => holders[v.GetProperty("personId").GetString()!]));
        Assert.Equal(tally.GetProperty("against").GetInt64(), votes.Where(v => v.GetProperty("choice").GetString() == "against").Sum(v => holders[v.GetProperty("personId").GetString()!]));
        Assert.Equal(2, tally.GetProperty("for").GetInt64());

        // A member sees who voted; a person who chose to be shown is shown to everyone.
        Assert.Contains(s.Aki.Id, (await (await s.Cai.Client.GetAsync($"{s.Proposal(proposal)}/votes")).JsonAsync()).GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await s.Aki.Client.PutAsJsonAsync("/api/v1/me/privacy", new { shownInPublic = true })).StatusCode);
        var afterChoice = (await (await app.CreateClient().GetAsync($"{s.Proposal(proposal)}/votes")).JsonAsync()).GetRawText();
        Assert.Contains(s.Aki.Id, afterChoice, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Ben.Id, afterChoice, StringComparison.Ordinal);
    }

    /// <summary>Each account's total over the page's postings, in minor units.</summary>
    private static Dictionary<string, long> Sums(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().SelectMany(e => e.GetProperty("postings").EnumerateArray())
            .Where(p => p.GetProperty("asset").GetString() == "JPY")
            .GroupBy(p => p.GetProperty("account").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(p => long.Parse(p.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture)));

    private static async Task<long> OwnBalanceAsync(GovernanceSetup s, Person person)
    {
        var accounts = await (await person.Client.GetAsync($"{s.Community}/accounts")).JsonAsync();
        var own = accounts.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("asset").GetString() == "JPY");
        return long.Parse(own.GetProperty("amount").GetString()!.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    /// <summary>The account an outsider sees for <paramref name="person"/>: where an insider sees theirs, matched by entry and index.</summary>
    private static async Task<string> Pseudonym(TestApp app, string community, Person insider, Person person)
    {
        var account = $"person:{Guid.Parse(person.Id):N}";
        var inside = JsonDocument.Parse(await insider.Client.GetStringAsync($"{community}/ledger?limit=100")).RootElement.GetProperty("items");
        var outside = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"{community}/ledger?limit=100")).RootElement.GetProperty("items");
        for (var e = 0; e < inside.GetArrayLength(); e++)
        {
            var postings = inside[e].GetProperty("postings");
            for (var p = 0; p < postings.GetArrayLength(); p++)
            {
                if (postings[p].GetProperty("account").GetString() == account)
                {
                    return outside[e].GetProperty("postings")[p].GetProperty("account").GetString()!;
                }
            }
        }

        throw new InvalidOperationException($"{person.Id} has no posting in {community}");
    }
}
