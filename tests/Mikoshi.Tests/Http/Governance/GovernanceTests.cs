using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Governance;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Governance;

/// <summary>
/// Proposals, signed votes, delegation, exit during grace and automatic execution, through HTTP on both stores. One app
/// per store for the class (<see cref="SharedApps"/>): each test founds its own community and counts only its own
/// settlements and grants; the clock only moves forward.
/// </summary>
public sealed class GovernanceTests(SharedApps apps) : IClassFixture<SharedApps>
{
    /// <summary>
    /// A member let in by a door (a proposal form open in a tab, a slow command line) who redeems their last token
    /// before the write runs: the use case reads the roles again under the writer's lock and refuses, so no proposal is
    /// opened and nothing is written to the audit chain.
    /// </summary>
    [Fact]
    public async Task Proposal_ByAMemberWhoseLastTokenWentAfterTheDoorLetThemIn_IsRefusedUnderTheLock()
    {
        var app = apps.For("sqlite");
        var s = await GovernanceSetup.CreateAsync(app);
        await using var scope = app.Scope();
        var admitted = await scope.ServiceProvider.GetRequiredService<Callers>().InAsync(s.Slug, new PersonId(Guid.Parse(s.Ben.Id)));
        Assert.True(admitted!.May(Access.Member));

        Assert.Equal(HttpStatusCode.OK, (await s.RedeemAsync(s.Ben)).StatusCode);
        var audit = await AuditLinksAsync(app);
        var proposed = await scope.ServiceProvider.GetRequiredService<Proposals>()
            .CreateAsync(admitted, new ProposalRequest("signal", "A stale proposal", "Opened from a tab left open.", null, null, null, null, null), null);

        Assert.False(proposed.IsSuccess);
        Assert.Equal(CommonErrors.Codes.Forbidden, proposed.Error.Code);
        Assert.Equal(audit, await AuditLinksAsync(app));
        var listed = await (await app.CreateClient().GetAsync($"{s.Community}/proposals")).JsonAsync();
        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());
    }

    private static async Task<int> AuditLinksAsync(TestApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<MikoshiDb>().AuditLog.CountAsync();
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task FundProposal_PassesThroughGrace_WhereOnlyNonYesVotersMayExit_ThenExecutesOnce(string provider)
    {
        var app = apps.For(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        var id = await s.OpenAsync(s.Aki, "fund", new { projectId = s.Project, asset = "JPY", amount = "30000", recoupRateBps = 2000 });

        var shown = await s.ShowAsync(id, s.Aki);
        Assert.Equal("active", shown.GetProperty("state").GetString());
        Assert.Equal(2_000, shown.GetProperty("quorumBps").GetInt32());
        Assert.Equal(5_000, shown.GetProperty("thresholdBps").GetInt32());
        Assert.Equal(shown.GetProperty("closesAt").GetDateTimeOffset(), shown.GetProperty("nextChangeAt").GetDateTimeOffset());
        Assert.Equal(2, shown.GetProperty("you").GetProperty("ownPower").GetInt64());
        Assert.Equal(4, shown.GetProperty("tally").GetProperty("totalPower").GetInt64());

        await s.VoteOkAsync(s.Aki, id, "for");
        await s.VoteOkAsync(s.Ben, id, "against");
        Assert.Equal((2, 1, 0), await s.TallyAsync(id));
        Assert.Equal("not_proposer", await (await s.Ben.Client.PostJsonAsync($"{s.Proposal(id)}/cancel", new { })).ProblemCodeAsync());

        // Grace: Ben (against) leaves with his share of the treasury as it is before execution; Aki (for) may not.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("grace", await s.StateAsync(id));
        Assert.Empty(await s.ExecuteAsync());
        // The ¥100,000 seeded before any token existed is the community's (unowned), so each of the four tokens
        // owns what it paid, ¥10,000, and Ben's takes exactly that.
        var treasuryBefore = await s.TreasuryAsync();
        Assert.Equal(140_000, treasuryBefore);
        Assert.Equal(HttpStatusCode.OK, (await s.RedeemAsync(s.Ben)).StatusCode);
        Assert.Equal(130_000, await s.TreasuryAsync());
        Assert.Equal("token_locked_by_vote", await (await s.RedeemAsync(s.Aki)).ProblemCodeAsync());

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("queued", await s.StateAsync(id));
        var settled = Assert.Single(await s.ExecuteAsync());
        Assert.Equal("executed", settled.Outcome);
        Assert.Empty(await s.ExecuteAsync());
        var executed = await s.ShowAsync(id);
        Assert.Equal("executed", executed.GetProperty("state").GetString());
        Assert.True(executed.GetProperty("execution").GetProperty("entry").GetInt64() > 0);
        Assert.Equal(30_000, await s.BalanceAsync($"project:{s.Project}"));
        Assert.Equal(1, await s.GrantsAsync());
        Assert.Equal("proposal_not_cancellable", await (await s.Aki.Client.PostJsonAsync($"{s.Proposal(id)}/cancel", new { })).ProblemCodeAsync());

        // Processed: Aki may leave now.
        Assert.Equal(HttpStatusCode.OK, (await s.RedeemAsync(s.Aki)).StatusCode);
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task BadInput_IsRefusedWithItsCode_AndChangesNothing(string provider)
    {
        var app = apps.For(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        var draft = (await (await s.ProposeAsync(s.Aki, "signal", opensAt: app.Clock.GetUtcNow().AddHours(1))).JsonAsync()).GetProperty("id").GetInt64();
        var open = await s.OpenAsync(s.Aki, "signal");
        var aki = await s.KeyOfAsync(s.Aki);
        var ben = await s.KeyOfAsync(s.Ben);
        await s.VoteOkAsync(s.Cai, open, "for");
        Assert.Equal(HttpStatusCode.OK, (await s.Ben.Client.PutAsJsonAsync($"{s.Community}/delegation", new { @delegate = s.Cai.Id })).StatusCode);
        var domain = await s.DomainAsync();
        var before = await s.SnapshotAsync();

        async Task Refused(string code, Task<HttpResponseMessage> request)
        {
            var response = await request;
            Assert.Equal(code, await response.ProblemCodeAsync());
            Assert.Equal(before, await s.SnapshotAsync());
        }

        var votes = $"{s.Proposal(open)}/votes";
        await Refused("outside_voting_window", s.VoteCustodialAsync(s.Aki, draft, "for"));
        await Refused("outside_voting_window", s.Aki.Client.PostJsonAsync($"{s.Proposal(draft)}/votes", GovernanceSetup.SignedVote(aki, domain, draft, "for", 1)));
        await Refused("choice_not_on_ballot", s.VoteCustodialAsync(s.Aki, open, "maybe"));
        await Refused("choice_not_on_ballot", s.Aki.Client.PostJsonAsync(votes, GovernanceSetup.SignedVote(aki, domain, open, "FOR", 1)));
        await Refused("invalid_signature", s.Aki.Client.PostJsonAsync(votes, new { choice = "for", voter = aki.Address.ToString(), nonce = 1, reason = "", signature = "0x1234" }));
        await Refused("invalid_signature", s.Aki.Client.PostJsonAsync(votes, new { choice = "for", voter = aki.Address.ToString(), nonce = 1, reason = "", signature = "0x" + new string('z', 130) }));
        await Refused("invalid_address", s.Aki.Client.PostJsonAsync(votes, new { choice = "for", voter = "0x12", nonce = 1, reason = "", signature = "0x00" }));
        await Refused("signature_mismatch", s.Aki.Client.PostJsonAsync(votes, GovernanceSetup.SignedVote(ben, domain, open, "for", 1, voter: aki.Address)));
        await Refused("delegation_loop", s.Cai.Client.PutAsJsonAsync($"{s.Community}/delegation", new { @delegate = s.Ben.Id }));
        await Refused("delegation_loop", s.Aki.Client.PutAsJsonAsync($"{s.Community}/delegation", new { @delegate = s.Aki.Id }));
        await Refused("person_not_found", s.Aki.Client.PutAsJsonAsync($"{s.Community}/delegation", new { @delegate = "nobody" }));
        await Refused("parameter_out_of_range", s.ProposeAsync(s.Aki, "parameter", new { name = "royaltyBps", value = "20000" }));
        await Refused("parameter_out_of_range", s.ProposeAsync(s.Aki, "parameter", new { name = "treasuryBps", value = 9_999 }));
        await Refused("parameter_out_of_range", s.ProposeAsync(s.Aki, "parameter", new { name = "charter.thresholdBps", value = "4000" }));
        await Refused("parameter_out_of_range", s.ProposeAsync(s.Aki, "parameter", new { name = "fund.quorumBps", value = "10001" }));
        await Refused("parameter_out_of_range", s.ProposeAsync(s.Aki, "parameter", new { name = "signal.votingPeriodHours", value = "0" }));
        await Refused("unknown_parameter", s.ProposeAsync(s.Aki, "parameter", new { name = "ownerOfEverything", value = "me" }));
        await Refused("invalid_proposal", s.ProposeAsync(s.Aki, "coup"));
        await Refused("invalid_proposal", s.ProposeAsync(s.Aki, "signal", strategy: "plutocracy"));
        await Refused("invalid_proposal", s.ProposeAsync(s.Aki, "signal", opensAt: app.Clock.GetUtcNow().AddDays(-1)));
        await Refused("invalid_proposal", s.ProposeAsync(s.Aki, "fund", new { projectId = "one" }));
        await Refused("project_not_found", s.ProposeAsync(s.Aki, "fund", new { projectId = 99, asset = "JPY", amount = "1" }));
        await Refused("invalid_charter", s.ProposeAsync(s.Aki, "charter", new { text = "x", values = new[] { "same", "same" } }));
        await Refused("forbidden", s.ProposeAsync(s.Dan, "signal"));
        await Refused("proposal_not_found", s.VoteCustodialAsync(s.Aki, 99, "for"));

        app.Clock.Advance(TimeSpan.FromDays(1));
        await Refused("outside_voting_window", s.VoteCustodialAsync(s.Cai, open, "against"));
        await Refused("outside_voting_window", s.Aki.Client.PostJsonAsync(votes, GovernanceSetup.SignedVote(aki, domain, open, "for", 1)));
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task FundProposal_ThatWouldOverdrawTheTreasury_FailsCleanly_AndMovesNoMoney(string provider)
    {
        var app = apps.For(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        var id = await s.OpenAsync(s.Aki, "fund", new { projectId = s.Project, asset = "JPY", amount = "10000000" });
        await s.VoteOkAsync(s.Aki, id, "for");
        app.Clock.Advance(TimeSpan.FromDays(2));
        var treasury = await s.TreasuryAsync();
        var entries = await s.EntriesAsync();

        var settled = Assert.Single(await s.ExecuteAsync());
        Assert.Equal(("failed", "insufficient_funds"), (settled.Outcome, settled.FailureCode));
        var shown = await s.ShowAsync(id);
        Assert.Equal("failed", shown.GetProperty("state").GetString());
        Assert.Equal("insufficient_funds", shown.GetProperty("execution").GetProperty("failureCode").GetString());
        Assert.Equal(treasury, await s.TreasuryAsync());
        Assert.Equal(entries, await s.EntriesAsync());
        Assert.Equal(0, await s.GrantsAsync());
        Assert.Empty(await s.ExecuteAsync());

        // The yes voter is released: the proposal is processed.
        Assert.Equal(HttpStatusCode.OK, (await s.RedeemAsync(s.Aki)).StatusCode);
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task TokenBoughtAfterOpening_BuysNoVote(string provider)
    {
        var app = apps.For(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        var id = await s.OpenAsync(s.Aki, "signal");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await s.Admin.DepositAsync(s.Slug, "50000", personId: s.Dan.Id);
        await GovernanceSetup.MintAsync(s.Slug, s.Dan);
        await GovernanceSetup.MintAsync(s.Slug, s.Ben);

        var dan = (await s.ShowAsync(id, s.Dan)).GetProperty("you");
        Assert.Equal(0, dan.GetProperty("tokens").GetInt64());
        Assert.False(dan.GetProperty("canVote").GetBoolean());
        Assert.Equal("no_voting_power", await (await s.VoteCustodialAsync(s.Dan, id, "for")).ProblemCodeAsync());

        // Ben's second token came after the snapshot too: he votes with one.
        await s.VoteOkAsync(s.Ben, id, "against");
        Assert.Equal((0, 1, 0), await s.TallyAsync(id));

        // A proposal opened now sees both.
        var later = await s.OpenAsync(s.Aki, "signal");
        await s.VoteOkAsync(s.Dan, later, "for");
        await s.VoteOkAsync(s.Ben, later, "for");
        Assert.Equal((3, 0, 0), await s.TallyAsync(later));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Delegation_GivesTheDelegateTheDelegatorsPower_UntilTheDelegatorVotesThemselves(string provider)
    {
        var app = apps.For(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await s.Ben.Client.PutAsJsonAsync($"{s.Community}/delegation", new { @delegate = s.Aki.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Cai.Client.PutAsJsonAsync($"{s.Community}/delegation", new { @delegate = s.Ben.Id })).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var id = await s.OpenAsync(s.Aki, "signal");

        // One level: Aki casts her 2 and Ben's 1; Cai's power stays with Ben, who has not voted.
        await s.VoteOkAsync(s.Aki, id, "for");
        Assert.Equal((3, 0, 0), await s.TallyAsync(id));
        var ben = (await s.ShowAsync(id, s.Ben)).GetProperty("you");
        Assert.Equal(s.Aki.Id, ben.GetProperty("delegatedTo").GetString());
        Assert.Equal(1, ben.GetProperty("delegatedPower").GetInt64());

        // Ben's own vote overrides his delegation and carries Cai's power.
        await s.VoteOkAsync(s.Ben, id, "against");
        Assert.Equal((2, 2, 0), await s.TallyAsync(id));

        // He changes his mind: the latest vote counts; every vote is kept.
        await s.VoteOkAsync(s.Ben, id, "abstain");
        Assert.Equal((2, 0, 2), await s.TallyAsync(id));

        // Revoking now changes proposals that open later, not this one.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await s.Ben.Client.PutAsJsonAsync($"{s.Community}/delegation", new { @delegate = (string?)null })).StatusCode);
        Assert.Equal((2, 0, 2), await s.TallyAsync(id));
        var export = await (await app.CreateClient().GetAsync($"{s.Proposal(id)}/votes")).JsonAsync();
        Assert.Equal(3, export.GetProperty("votes").GetArrayLength());
        Assert.Equal([true, false, true], export.GetProperty("votes").EnumerateArray().Select(v => v.GetProperty("counted").GetBoolean()));
        Assert.Equal(2, export.GetProperty("delegations").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task SignedVotes_AreVerifiedByRecovery_AndReplaysOtherProposalsAndNonHoldersAreRefused(string provider)
    {
        var app = apps.For(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        var id = await s.OpenAsync(s.Aki, "signal");
        var other = await s.OpenAsync(s.Aki, "signal");
        var aki = await s.KeyOfAsync(s.Aki);
        var domain = await s.DomainAsync();
        var votes = $"{s.Proposal(id)}/votes";

        // The typed data the API hands out is what the signature covers; without a nonce, the voter's next.
        var typed = await (await app.CreateClient().GetAsync($"{s.Proposal(id)}/typed-data?voter={aki.Address}&choice=for&reason=yes")).JsonAsync();
        Assert.Equal("Vote", typed.GetProperty("primaryType").GetString());
        Assert.Equal(31337, typed.GetProperty("domain").GetProperty("chainId").GetInt64());
        Assert.Equal(1, typed.GetProperty("message").GetProperty("nonce").GetInt64());
        Assert.Equal("0x" + Convert.ToHexStringLower(domain.Salt), typed.GetProperty("domain").GetProperty("salt").GetString());

        var first = GovernanceSetup.SignedVote(aki, domain, id, "for", 1, "yes");
        Assert.Equal(HttpStatusCode.Created, (await app.CreateClient().PostJsonAsync(votes, first)).StatusCode);
        Assert.Equal("vote_replayed", await (await app.CreateClient().PostJsonAsync(votes, first)).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Created, (await app.CreateClient().PostJsonAsync(votes, GovernanceSetup.SignedVote(aki, domain, id, "against", 5))).StatusCode);
        Assert.Equal("vote_replayed", await (await app.CreateClient().PostJsonAsync(votes, GovernanceSetup.SignedVote(aki, domain, id, "for", 3))).ProblemCodeAsync());
        Assert.Equal((0, 2, 0), await s.TallyAsync(id));

        // Signed for another proposal, another community, or another chain: it recovers someone else.
        Assert.Equal("signature_mismatch", await (await app.CreateClient().PostJsonAsync(votes, GovernanceSetup.SignedVote(aki, domain, other, "for", 9))).ProblemCodeAsync());
        var elsewhere = VoteDomain.For(Guid.NewGuid(), domain.ChainId);
        Assert.Equal("signature_mismatch", await (await app.CreateClient().PostJsonAsync(votes, GovernanceSetup.SignedVote(aki, elsewhere, id, "for", 9))).ProblemCodeAsync());
        Assert.Equal("signature_mismatch", await (await app.CreateClient().PostJsonAsync(votes, GovernanceSetup.SignedVote(aki, VoteDomain.For(Guid.Empty, 1), id, "for", 9))).ProblemCodeAsync());

        // Non-holders: a member without tokens at the snapshot, and an address linked to nobody.
        var dan = await s.KeyOfAsync(s.Dan);
        Assert.Equal("no_voting_power", await (await app.CreateClient().PostJsonAsync(votes, GovernanceSetup.SignedVote(dan, domain, id, "for", 1))).ProblemCodeAsync());
        Assert.Equal("no_voting_power", await (await app.CreateClient().PostJsonAsync(votes, GovernanceSetup.SignedVote(CustodialKey.Generate(), domain, id, "for", 1))).ProblemCodeAsync());

        // Anyone can check every exported vote: recompute the digest, recover the signer.
        var export = await (await app.CreateClient().GetAsync(votes)).JsonAsync();
        foreach (var vote in export.GetProperty("votes").EnumerateArray())
        {
            var message = new VoteMessage(id, vote.GetProperty("choice").GetString()!, EthAddress.Parse(vote.GetProperty("voter").GetString()).Value,
                vote.GetProperty("nonce").GetInt64(), vote.GetProperty("reason").GetString()!);
            var digest = VoteTypedData.Digest(domain, message);
            Assert.Equal("0x" + Convert.ToHexStringLower(digest), vote.GetProperty("digest").GetString());
            Assert.Equal(message.Voter, Signatures.Recover(digest, vote.GetProperty("signature").GetString()).Value);
        }

        var key = await (await s.Aki.Client.GetAsync("/api/v1/me/custodial-key")).JsonAsync();
        Assert.Equal(aki.Address.ToString(), key.GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, (await (await s.Cai.Client.GetAsync("/api/v1/me/custodial-key")).JsonAsync()).GetProperty("address").ValueKind);
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task ParameterAndCharterProposals_ExecuteThemselves_AndACharterNeedsTwoThirds(string provider)
    {
        var app = apps.For(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        var rate = await s.OpenAsync(s.Aki, "parameter", new { name = "redemptionRateBps", value = "5000" });
        var quorum = await s.OpenAsync(s.Aki, "parameter", new { name = "fund.quorumBps", value = 5000 });
        var narrow = await s.OpenAsync(s.Aki, "charter", new { text = "We make things together, kindly.", values = new[] { "joy", "kindness" } });
        foreach (var id in new[] { rate, quorum, narrow })
        {
            await s.VoteOkAsync(s.Aki, id, "for");
            await s.VoteOkAsync(s.Ben, id, "against");
        }

        await s.VoteOkAsync(s.Cai, narrow, "abstain");
        app.Clock.Advance(TimeSpan.FromDays(2));
        var settled = (await s.ExecuteAsync()).ToDictionary(x => x.Proposal, x => x.Outcome);
        Assert.Equal("executed", settled[rate]);
        Assert.Equal("executed", settled[quorum]);
        Assert.Equal("defeated", settled[narrow]);   // 2 of 3 is not more than two thirds

        var membership = await (await app.CreateClient().GetAsync($"{s.Community}/membership")).JsonAsync();
        Assert.Equal(5000, membership.GetProperty("redemptionRateBps").GetInt32());
        var fund = (await (await s.ProposeAsync(s.Aki, "fund", new { projectId = s.Project, asset = "JPY", amount = "1" })).JsonAsync());
        Assert.Equal(5000, fund.GetProperty("quorumBps").GetInt32());

        var charter = await s.OpenAsync(s.Aki, "charter", new { text = "We make things together, kindly.", values = new[] { "joy", "kindness" } });
        await s.VoteOkAsync(s.Aki, charter, "for");
        await s.VoteOkAsync(s.Cai, charter, "for");
        await s.VoteOkAsync(s.Ben, charter, "against");
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Contains(await s.ExecuteAsync(), x => x.Proposal == charter && x.Outcome == "executed");
        var community = await (await app.CreateClient().GetAsync(s.Community)).JsonAsync();
        Assert.Contains("kindly", community.GetRawText(), StringComparison.Ordinal);
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Cancel_ByTheProposer_StopsVotingAndExecution(string provider)
    {
        var app = apps.For(provider);
        var s = await GovernanceSetup.CreateAsync(app);
        var id = await s.OpenAsync(s.Aki, "fund", new { projectId = s.Project, asset = "JPY", amount = "1000" });
        await s.VoteOkAsync(s.Aki, id, "for");
        var cancelled = await s.Aki.Client.PostJsonAsync($"{s.Proposal(id)}/cancel", new { });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.JsonAsync()).GetProperty("state").GetString());
        Assert.Equal("outside_voting_window", await (await s.VoteCustodialAsync(s.Ben, id, "for")).ProblemCodeAsync());
        Assert.Equal("proposal_not_cancellable", await (await s.Aki.Client.PostJsonAsync($"{s.Proposal(id)}/cancel", new { })).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await s.RedeemAsync(s.Aki)).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Empty(await s.ExecuteAsync());
        Assert.Equal(0, await s.GrantsAsync());
        var list = await (await app.CreateClient().GetAsync($"{s.Community}/proposals")).JsonAsync();
        Assert.Equal("cancelled", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("state").GetString());
    }
}
