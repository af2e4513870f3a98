using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Governance;
using Mikoshi.Tests.Http.Governance;
using Mikoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mikoshi.Tests.Properties;

/// <summary>
/// The tally equals the sum of snapshot power over the latest valid votes, recomputed naively: each holder's
/// power goes to their own latest choice if they voted, else to the latest choice of the person they delegated
/// to if that person voted, else nowhere. Checked on random holdings, delegations (loops included), strategies
/// and vote sequences (changes, stale nonces, voters without power), and through the API from its public export.
/// </summary>
public sealed class GovernanceTallyProperties(ITestOutputHelper output)
{
    private const int People = 7;

    [Fact]
    public void Tally_IsTheSumOfSnapshotPowerOverLatestValidVotes()
    {
        var gen =
            from tokens in Gen.Long[0, 9].Array[People]
            from delegates in Gen.Int[-1, People - 1].Array[People]
            from strategy in Gen.Int[0, 2].Select(i => (VotingStrategy)i)
            from votes in Gen.Select(Gen.Int[0, People - 1], Gen.Int[0, 2].Select(i => VoteChoices.All[i]), Gen.Long[0, 6]).Array[0, 30]
            select (tokens, delegates, strategy, votes);
        gen.Sample(sample =>
        {
            var (tokens, delegates, strategy, votes) = sample;
            var ids = Enumerable.Range(0, People).Select(_ => Guid.NewGuid()).ToArray();
            var tokenMap = Enumerable.Range(0, People).ToDictionary(i => ids[i], i => tokens[i]);
            var delegateOf = Enumerable.Range(0, People).Where(i => delegates[i] >= 0).ToDictionary(i => ids[i], i => ids[delegates[i]]);
            var snapshot = new Snapshot(0, strategy, tokenMap, tokenMap.ToDictionary(t => t.Key, t => VotingPower.Of(strategy, t.Value)), delegateOf);

            // What the server accepts: a voter with power (own or delegated) at the snapshot, a nonce above their last.
            var accepted = new List<VoteRow>();
            var lastNonce = new Dictionary<Guid, long>();
            foreach (var (who, choice, nonce) in votes)
            {
                var person = ids[who];
                if (snapshot.CanVote(person) && nonce > lastNonce.GetValueOrDefault(person, -1))
                {
                    lastNonce[person] = nonce;
                    accepted.Add(new VoteRow { PersonId = new PersonId(person), Choice = choice, Nonce = nonce, Sequence = accepted.Count + 1 });
                }
            }

            var tally = snapshot.Count(accepted, Bps.Zero, ProposalRulesFor.MajorityBps);
            var naive = Naive(ids, tokenMap, delegateOf, strategy, accepted);
            Assert.Equal(naive, (tally.For, tally.Against, tally.Abstain));
            Assert.Equal(tokenMap.Values.Sum(t => VotingPower.Of(strategy, t)), tally.TotalPower);
        }, iter: 2_000);
    }

    [Theory]
    [InlineData("sqlite", 3)]
    [InlineData("postgres", 1)]
    public async Task TallyThroughTheApi_IsWhatAnyoneRecomputesFromTheExport(string provider, int runs)
    {
        await using var app = TestApp.Create(provider);
        var seed = Environment.GetEnvironmentVariable("MIKOSHI_GOV_SEED") is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"MIKOSHI_GOV_SEED={seed}");
        var random = new Random(seed);
        var admin = await app.SignUpAsync(displayName: "Admin");
        var people = new Person[5];
        for (var i = 0; i < people.Length; i++)
        {
            people[i] = await app.SignUpAsync(displayName: $"p{i}");
        }

        for (var run = 0; run < runs; run++)
        {
            var slug = await admin.FoundCommunityAsync();
            foreach (var person in people)
            {
                var count = random.Next(0, 4);
                if (count > 0)
                {
                    await admin.DepositAsync(slug, "50000", personId: person.Id);
                }

                for (var t = 0; t < count; t++)
                {
                    await GovernanceSetup.MintAsync(slug, person);
                }
            }

            await admin.DepositAsync(slug, "10000", personId: people[0].Id);
            await GovernanceSetup.MintAsync(slug, people[0]);
            foreach (var person in people)
            {
                var to = random.Next(-1, people.Length);
                if (to >= 0)
                {
                    var set = await person.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/delegation", new { @delegate = people[to].Id });
                    Assert.Contains(set.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.UnprocessableEntity });
                }
            }

            app.Clock.Advance(TimeSpan.FromSeconds(1));
            var strategy = new[] { "token-weighted", "one-member-one-vote", "quadratic" }[random.Next(3)];
            var opened = await people[0].Client.PostJsonAsync($"/api/v1/communities/{slug}/proposals", new { kind = "signal", title = "t", strategy });
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            var proposal = $"/api/v1/communities/{slug}/proposals/{(await opened.JsonAsync()).GetProperty("id").GetInt64()}";

            // After the snapshot, holdings and delegations change: none of it may count.
            await admin.DepositAsync(slug, "50000", personId: people[4].Id);
            await GovernanceSetup.MintAsync(slug, people[4]);
            await people[1].Client.PutAsJsonAsync($"/api/v1/communities/{slug}/delegation", new { @delegate = (string?)null });
            for (var step = 0; step < 15; step++)
            {
                var voter = people[random.Next(people.Length)];
                var choice = new[] { "for", "against", "abstain" }[random.Next(3)];
                var response = await voter.Client.PostJsonAsync($"{proposal}/votes/custodial", new { choice, reason = $"step {step}" });
                Assert.True(response.StatusCode is HttpStatusCode.Created || await response.ProblemCodeAsync() == "no_voting_power", await response.Content.ReadAsStringAsync());
                app.Clock.Advance(TimeSpan.FromSeconds(random.Next(1, 30)));
            }

            var export = await (await app.CreateClient().GetAsync($"{proposal}/votes")).JsonAsync();
            var recomputed = Recompute(export);
            var tally = export.GetProperty("tally");
            Assert.Equal(recomputed, (tally.GetProperty("for").GetInt64(), tally.GetProperty("against").GetInt64(), tally.GetProperty("abstain").GetInt64()));
            var shown = (await (await app.CreateClient().GetAsync(proposal)).JsonAsync()).GetProperty("tally");
            Assert.Equal(tally.GetRawText(), shown.GetRawText());
        }
    }

    /// <summary>The tally from the public export alone: holders' power, delegations, and the latest signed vote of each voter whose signature checks out.</summary>
    private static (long For, long Against, long Abstain) Recompute(JsonElement export)
    {
        var d = export.GetProperty("domain");
        var domain = new VoteDomain(d.GetProperty("name").GetString()!, d.GetProperty("version").GetString()!, d.GetProperty("chainId").GetInt64(),
            Convert.FromHexString(d.GetProperty("salt").GetString()![2..]));
        var proposal = export.GetProperty("proposal").GetInt64();
        var latest = new Dictionary<string, (long Nonce, string Choice)>();
        foreach (var vote in export.GetProperty("votes").EnumerateArray())
        {
            var message = new VoteMessage(proposal, vote.GetProperty("choice").GetString()!, EthAddress.Parse(vote.GetProperty("voter").GetString()).Value,
                vote.GetProperty("nonce").GetInt64(), vote.GetProperty("reason").GetString()!);
            var signer = Signatures.Recover(VoteTypedData.Digest(domain, message), vote.GetProperty("signature").GetString());
            Assert.True(signer.IsSuccess && signer.Value == message.Voter, "an exported vote does not verify");
            var person = vote.GetProperty("personId").GetString()!;
            if (!latest.TryGetValue(person, out var seen) || message.Nonce > seen.Nonce)
            {
                latest[person] = (message.Nonce, message.Choice);
            }
        }

        var delegateOf = export.GetProperty("delegations").EnumerateArray().ToDictionary(x => x.GetProperty("delegator").GetString()!, x => x.GetProperty("delegate").GetString()!);
        long inFavour = 0, against = 0, abstain = 0;
        foreach (var holder in export.GetProperty("holders").EnumerateArray())
        {
            var person = holder.GetProperty("personId").GetString()!;
            var power = holder.GetProperty("power").GetInt64();
            var caster = latest.ContainsKey(person) ? person : delegateOf.GetValueOrDefault(person);
            if (caster is not null && latest.TryGetValue(caster, out var vote))
            {
                _ = vote.Choice switch { "for" => inFavour += power, "against" => against += power, _ => abstain += power };
            }
        }

        return (inFavour, against, abstain);
    }

    private static (long For, long Against, long Abstain) Naive(Guid[] ids, Dictionary<Guid, long> tokens, Dictionary<Guid, Guid> delegateOf, VotingStrategy strategy, List<VoteRow> accepted)
    {
        var latest = new Dictionary<Guid, string>();
        foreach (var vote in accepted)
        {
            latest[vote.PersonId.Value] = vote.Choice;   // accepted nonces only rise, so the last accepted is the latest
        }

        long inFavour = 0, against = 0, abstain = 0;
        foreach (var holder in ids)
        {
            var power = VotingPower.Of(strategy, tokens[holder]);
            var caster = latest.ContainsKey(holder) ? holder : delegateOf.TryGetValue(holder, out var to) && to != holder ? to : (Guid?)null;
            if (caster is { } c && latest.TryGetValue(c, out var choice))
            {
                _ = choice switch { "for" => inFavour += power, "against" => against += power, _ => abstain += power };
            }
        }

        return (inFavour, against, abstain);
    }
}
