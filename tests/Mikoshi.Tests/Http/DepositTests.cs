using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Ledger;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

public sealed class DepositTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Deposit_ForTheTreasuryAndForAPerson_MovesMoneyFromOutside(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var member = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();

        await admin.DepositAsync(slug, "150000");
        await admin.DepositAsync(slug, "3000", personId: member.Id);

        var all = await (await admin.Client.GetAsync($"/api/v1/communities/{slug}/accounts")).JsonAsync();
        var own = await (await member.Client.GetAsync($"/api/v1/communities/{slug}/accounts")).JsonAsync();
        var balances = all.GetProperty("items").EnumerateArray().ToDictionary(b => b.GetProperty("account").GetString()!, b => b.GetProperty("amount").GetString());
        Assert.Equal("150000", balances["treasury"]);
        Assert.Equal("3000", balances[$"person:{member.Id}"]);
        Assert.Equal("-153000", balances["external"]);
        var mine = Assert.Single(own.GetProperty("items").EnumerateArray());
        Assert.Equal("3000", mine.GetProperty("amount").GetString());
        await AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Amounts_Beyond10To27_AreExactThroughJsonAndTheStore(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        const string huge = "1000000000000000000000000001";
        const string max = "1000000000000000000000000000000";

        await admin.DepositAsync(slug, huge, "ETH");
        await admin.DepositAsync(slug, max, "ETH");

        var community = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}")).JsonAsync();
        var treasury = Assert.Single(community.GetProperty("figures").GetProperty("treasury").EnumerateArray());
        Assert.Equal("1001000000000000000000000000001", treasury.GetProperty("amount").GetString());
        var ledger = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/ledger")).JsonAsync();
        Assert.Equal(huge, ledger.GetProperty("items")[1].GetProperty("postings")[1].GetProperty("amount").GetString());
        await AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Deposit_RetriedWithItsKey_IsRecordedOnce_AndAnotherBodyIsAConflict(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var body = new { asset = "JPY", amount = "5000", reference = "振込 0001", memo = "会費" };

        var first = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", body, "key-1");
        var retry = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", body, "key-1");
        var other = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", body with { }, "key-2");
        var reused = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", new { asset = "JPY", amount = "5001", reference = "振込 0001", memo = "会費" }, "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("idempotency_key_reused", await reused.ProblemCodeAsync());
        var ledger = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/ledger")).JsonAsync();
        Assert.Equal(2, ledger.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task AnotherTreasurer_SendingTheSameKeyAndBody_GetsAWriteOfTheirOwn_NotTheFirstAnswer(string provider)
    {
        // A key belongs to its caller: a second account that learns (or guesses) someone's key must neither be answered
        // with their stored result nor block their retry.
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var treasurer = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsync($"/api/v1/communities/{slug}/roles/{treasurer.Id}", JsonContent.Create(new { roles = new[] { "treasurer" } }))).StatusCode);
        var body = new { asset = "JPY", amount = "5000", reference = "振込 0003", memo = "会費" };

        var mine = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", body, "shared-key");
        var theirs = await treasurer.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", body, "shared-key");
        var myRetry = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", body, "shared-key");

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual((await mine.JsonAsync()).GetProperty("entry").GetInt64(), (await theirs.JsonAsync()).GetProperty("entry").GetInt64());
        Assert.Equal("true", myRetry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await mine.Content.ReadAsStringAsync(), await myRetry.Content.ReadAsStringAsync());
        var ledger = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/ledger")).JsonAsync();
        Assert.Equal(2, ledger.GetProperty("items").GetArrayLength());
    }

    /// <summary>
    /// A treasurer let in by a door (a page open in a tab, a slow command line) and demoted before the write runs: the
    /// use case reads the roles again under the writer's lock and refuses, so nothing is recorded.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Deposit_ByATreasurerDemotedAfterTheDoorLetThemIn_IsRefusedUnderTheLock(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var treasurer = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var roles = $"/api/v1/communities/{slug}/roles/{treasurer.Id}";
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsync(roles, JsonContent.Create(new { roles = new[] { "treasurer" } }))).StatusCode);
        await using var scope = app.Scope();
        var admitted = await scope.ServiceProvider.GetRequiredService<Callers>().InAsync(slug, new PersonId(Guid.Parse(treasurer.Id)));
        Assert.True(admitted!.CanKeepTheBooks);

        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsync(roles, JsonContent.Create(new { roles = Array.Empty<string>() }))).StatusCode);
        var recorded = await scope.ServiceProvider.GetRequiredService<RecordDeposit>()
            .HandleAsync(admitted, new DepositRequest("JPY", "5000", "振込 0002", null, null));

        Assert.False(recorded.IsSuccess);
        Assert.Equal(CommonErrors.Codes.Forbidden, recorded.Error.Code);
        var ledger = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/ledger")).JsonAsync();
        Assert.Equal(0, ledger.GetProperty("items").GetArrayLength());
    }

    private static readonly (string Body, string Code, int Status)[] BadBodies =
    [
        ("""{"asset":"JPY","amount":"-5","reference":"r"}""", "invalid_amount", 422),
        ("""{"asset":"JPY","amount":"1.5","reference":"r"}""", "invalid_amount", 422),
        ("""{"asset":"JPY","amount":"0","reference":"r"}""", "invalid_amount", 422),
        ("""{"asset":"JPY","amount":"abc","reference":"r"}""", "invalid_amount", 422),
        ("""{"asset":"JPY","amount":"1e9","reference":"r"}""", "invalid_amount", 422),
        ("""{"asset":"JPY","amount":"","reference":"r"}""", "invalid_amount", 422),
        ("""{"asset":"JPY","amount":" 12","reference":"r"}""", "invalid_amount", 422),
        ("""{"asset":"JPY","amount":"1000000000000000000000000000001","reference":"r"}""", "amount_out_of_range", 422),
        ("""{"asset":"JPY","amount":"99999999999999999999999999999999999999999999999","reference":"r"}""", "amount_out_of_range", 422),
        ("""{"asset":"JPY","amount":1500,"reference":"r"}""", "malformed_request", 400),
        ("""{"asset":"JPY","amount":15.5,"reference":"r"}""", "malformed_request", 400),
        ("""{"asset":"JPY","amount":true,"reference":"r"}""", "malformed_request", 400),
        ("""{"asset":"DOGE","amount":"1","reference":"r"}""", "unknown_asset", 422),
        ("""{"asset":"USDC","amount":"1","reference":"r"}""", "unknown_asset", 422),
        ("""{"asset":null,"amount":"1","reference":"r"}""", "unknown_asset", 422),
        ("""{"asset":"JPY","amount":"1","reference":""}""", "invalid_reference", 422),
        ("""{"asset":"JPY","amount":"1","reference":"r","personId":"nobody"}""", "person_not_found", 404),
        ("""{"asset":"JPY","amount":"1","reference":"r","personId":"00000000000000000000000000000001"}""", "person_not_found", 404),
        ("""{"asset":"JPY","amount":"1",""", "malformed_request", 400),
        ("""[1,2,3]""", "malformed_request", 400),
        ("""not json at all""", "malformed_request", 400),
        ("", "malformed_request", 400),
    ];

    /// <summary>Every bad body against one community: each is refused with its status and code, and the store is as before.</summary>
    [Fact]
    public async Task Deposit_WithBadInput_IsRefusedWithItsCode_AndChangesNothing()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "100");
        var before = await StoreSnapshot.TakeAsync(app);

        foreach (var (body, code, status) in BadBodies)
        {
            var response = await admin.Client.PostRawAsync($"/api/v1/communities/{slug}/deposits", body);
            var answered = await response.ProblemCodeAsync();
            Assert.True((int)response.StatusCode == status && answered == code, $"{body}: {(int)response.StatusCode} {answered}, expected {status} {code}");
            Assert.True(before == await StoreSnapshot.TakeAsync(app), $"{body} changed the store");
        }
    }

    [Fact]
    public async Task Deposit_AsFormData_IsUnsupported()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();

        var response = await admin.Client.PostRawAsync($"/api/v1/communities/{slug}/deposits", "asset=JPY&amount=1", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", await response.ProblemCodeAsync());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Deposit_ThatWouldOverflowABalance_IsRefusedAndChangesNothing(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        const string max = "1000000000000000000000000000000";

        // Int128 holds 1.7 × 10^38; 10^30 at a time, the 170 millionth deposit would overflow.
        // Seed the balance near the limit directly, then show the API refuses cleanly.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var writer = scope.ServiceProvider.GetRequiredService<Writer>();
            var community = db.Communities.Single(c => c.Slug == slug);
            var nearMax = Domain.Money.Of(Domain.Asset.Jpy, Int128.MaxValue - Int128.Parse(max, System.Globalization.CultureInfo.InvariantCulture) + 1);
            var entry = Domain.Ledger.JournalEntry.Move("deposit", "seed", Domain.Ledger.AccountId.External, Domain.Ledger.AccountId.Treasury, nearMax).Value;
            var seeded = await writer.RunAsync(community.Id.Value, "test", null, async write => await write.PostAsync(entry, "seed"));
            Assert.True(seeded.IsSuccess);
        }

        var before = await StoreSnapshot.TakeAsync(app);
        var response = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", new { asset = "JPY", amount = max, reference = "r" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("amount_out_of_range", await response.ProblemCodeAsync());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task ManyEntriesInOneWrite_EachSeesTheBalancesTheEntriesBeforeItLeft(string provider)
    {
        // A write finds a balance by its key among the rows it already tracks: one an earlier entry of the same write
        // added, before it was ever saved, must be found and moved again, not added twice or read as empty.
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var person = Domain.Ledger.AccountId.ForPerson(Guid.NewGuid());
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var writer = scope.ServiceProvider.GetRequiredService<Writer>();
            var community = db.Communities.Single(c => c.Slug == slug);
            var written = await writer.RunAsync(community.Id.Value, "test", null, async write =>
            {
                for (var i = 1; i <= 40; i++)
                {
                    // Odd: ¥100 comes in for the person; even: ¥60 of it goes on to the treasury, which only a balance
                    // that already holds the earlier deposits allows.
                    var entry = i % 2 == 1
                        ? Domain.Ledger.JournalEntry.Move("deposit", null, Domain.Ledger.AccountId.External, person, Money.Of(Asset.Jpy, 100)).Value
                        : Domain.Ledger.JournalEntry.Move("transfer", null, person, Domain.Ledger.AccountId.Treasury, Money.Of(Asset.Jpy, 60)).Value;
                    var posted = await write.PostAsync(entry, $"r{i}");
                    if (!posted.IsSuccess)
                    {
                        return posted.Error;
                    }
                }

                return Result<int>.Ok(40);
            });
            Assert.True(written.IsSuccess, written.Error?.Code);
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var community = db.Communities.Single(c => c.Slug == slug);
            var balances = db.Balances.Where(b => b.CommunityId == community.Id).ToDictionary(b => b.Account, b => b.Units);
            Assert.Equal(20 * 40, balances[person.ToString()]);
            Assert.Equal(20 * 60, balances[Domain.Ledger.AccountId.Treasury.ToString()]);
            Assert.Equal(-20 * 100, balances[Domain.Ledger.AccountId.External.ToString()]);
            Assert.True((await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync()).IsClean);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task OneContext_ATrackedWriteAfterALeanOne_ReadsTheBalancesTheLeanOneLeft(string provider)
    {
        // A deposit is a lean write: it stores its rows without the context's change tracker. A context that had read a
        // balance in an earlier write (and still tracks it) must not take that old figure for the store's afterwards,
        // neither in a read nor in a later write.
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var person = Domain.Ledger.AccountId.ForPerson(Guid.NewGuid());
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var writer = scope.ServiceProvider.GetRequiredService<Writer>();
            var caller = await scope.ServiceProvider.GetRequiredService<Callers>().InAsync(slug, new PersonId(Guid.Parse(admin.Id)));
            var chain = caller!.RequireCommunity().Id.Value;
            var tracked = await writer.RunAsync(chain, admin.Id, null, async write =>
                await write.PostAsync(Domain.Ledger.JournalEntry.Move("deposit", null, Domain.Ledger.AccountId.External, Domain.Ledger.AccountId.Treasury, Money.Of(Asset.Jpy, 100)).Value, "first"));
            Assert.True(tracked.IsSuccess, tracked.Error?.Code);

            var lean = await writer.PostAsync(caller, Access.Treasurer, null,
                Domain.Ledger.JournalEntry.Move("deposit", null, Domain.Ledger.AccountId.External, Domain.Ledger.AccountId.Treasury, Money.Of(Asset.Jpy, 50)).Value, "second", number => number);
            Assert.True(lean.IsSuccess, lean.Error?.Code);

            // A read outside any write, as a mint's price is read before the mint (the demo does): the store's ¥150.
            Assert.Equal(150, await TreasuryPools.BalanceAsync(db, caller.RequireCommunity().Id, "JPY"));

            // All ¥150 out: only a write that reads the treasury as the store holds it now may.
            var after = await writer.RunAsync(chain, admin.Id, null, async write =>
                await write.PostAsync(Domain.Ledger.JournalEntry.Move("grant", null, Domain.Ledger.AccountId.Treasury, person, Money.Of(Asset.Jpy, 150)).Value, "third"));
            Assert.True(after.IsSuccess, after.Error?.Code);
            Assert.Equal(3, after.Value.Value);
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var community = db.Communities.Single(c => c.Slug == slug);
            var balances = db.Balances.Where(b => b.CommunityId == community.Id).ToDictionary(b => b.Account, b => b.Units);
            Assert.Equal(150, balances[person.ToString()]);
            Assert.Equal(0, balances[Domain.Ledger.AccountId.Treasury.ToString()]);
            Assert.True((await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync()).IsClean);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task ALeanWriteInsideAnotherWrite_FailsLoudly_AndNothingOfEitherIsStored(string provider)
    {
        // Inside a tracked write the lean one would lock and move the head under a write that saves its own copy of the
        // head afterwards. It must refuse to run there, not quietly number an entry twice.
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await using var scope = app.Scope();
        var writer = scope.ServiceProvider.GetRequiredService<Writer>();
        var caller = (await scope.ServiceProvider.GetRequiredService<Callers>().InAsync(slug, new PersonId(Guid.Parse(admin.Id))))!;
        var entry = Domain.Ledger.JournalEntry.Move("deposit", null, Domain.Ledger.AccountId.External, Domain.Ledger.AccountId.Treasury, Money.Of(Asset.Jpy, 100)).Value;
        var before = await StoreSnapshot.TakeAsync(app);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.RunAsync(caller, Access.Treasurer, null, async write =>
        {
            var outer = await write.PostAsync(entry, "outer");
            _ = await writer.PostAsync(caller, Access.Treasurer, null, entry, "inner", number => number);
            return outer;
        }));

        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task OneKey_ForDepositsToTwoCommunitiesAtOnce_CommitsOne_RefusesTheOther_AndLeavesNothingHalfWritten(string provider)
    {
        // A key belongs to its caller, whichever community the request is for; the two writes lock different heads, so on
        // PostgreSQL they run side by side and both may find the key free: the store's unique key then refuses the second
        // (409 conflict) after some of its rows were sent. On SQLite the second sees the first's key (409 reused).
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var slugs = new[] { await admin.FoundCommunityAsync(), await admin.FoundCommunityAsync() };
        var callers = new Caller[2];
        await using (var scope = app.Scope())
        {
            for (var i = 0; i < 2; i++)
            {
                callers[i] = (await scope.ServiceProvider.GetRequiredService<Callers>().InAsync(slugs[i], new PersonId(Guid.Parse(admin.Id))))!;
            }
        }

        const int Pairs = 12;
        for (var pair = 0; pair < Pairs; pair++)
        {
            var both = Enumerable.Range(0, 2).Select(async i =>
            {
                await using var scope = app.Scope();
                var writer = scope.ServiceProvider.GetRequiredService<Writer>();
                var key = new IdempotencyKey($"pair-{pair}", $"deposit to {slugs[i]}");
                var entry = Domain.Ledger.JournalEntry.Move("deposit", null, Domain.Ledger.AccountId.External, Domain.Ledger.AccountId.Treasury, Money.Of(Asset.Jpy, 1000)).Value;
                var posted = await writer.PostAsync(callers[i], Access.Treasurer, key, entry, $"pair {pair}", number => number);

                // The context that lost is still good for another write: nothing of the refused one is left open on it.
                var next = await writer.PostAsync(callers[i], Access.Treasurer, null, entry, $"after pair {pair}", number => number);
                Assert.True(next.IsSuccess, next.Error?.Code);
                return posted.IsSuccess ? "ok" : posted.Error.Code;
            }).ToArray();
            var answers = await Task.WhenAll(both);
            Assert.Equal(1, answers.Count(a => a == "ok"));
            Assert.Contains(answers.Single(a => a != "ok"), new[] { WriteErrors.Codes.Conflict, WriteErrors.Codes.IdempotencyKeyReused });
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var treasuries = db.Balances.Where(b => b.Account == Domain.Ledger.AccountId.Treasury.ToString()).ToList()
                .Where(b => callers.Any(c => c.RequireCommunity().Id == b.CommunityId)).Sum(b => (long)b.Units);
            Assert.Equal((Pairs + 2 * Pairs) * 1000, treasuries);
            Assert.True((await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync()).IsClean);
        }
    }

    [Fact]
    public async Task Deposit_ByAVisitor_IsForbidden_AndByNobody_Unauthorized()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var visitor = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var before = await StoreSnapshot.TakeAsync(app);
        var body = new { asset = "JPY", amount = "1", reference = "r" };

        var byVisitor = await visitor.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits", body);
        var byNobody = await app.CreateClient().PostJsonAsync($"/api/v1/communities/{slug}/deposits", body);

        Assert.Equal("forbidden", await byVisitor.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byVisitor.StatusCode);
        Assert.Equal("not_signed_in", await byNobody.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Fact]
    public async Task Ledger_PagesNewestFirst_AndRefusesABadCursor()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        for (var i = 1; i <= 5; i++)
        {
            await admin.DepositAsync(slug, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var client = app.CreateClient();
        var first = await (await client.GetAsync($"/api/v1/communities/{slug}/ledger?limit=3")).JsonAsync();
        var next = first.GetProperty("nextCursor").GetString()!;
        var second = await (await client.GetAsync($"/api/v1/communities/{slug}/ledger?limit=3&cursor={Uri.EscapeDataString(next)}")).JsonAsync();
        var bad = await client.GetAsync($"/api/v1/communities/{slug}/ledger?cursor=%%%");
        var tooMany = await client.GetAsync($"/api/v1/communities/{slug}/ledger?limit=100000");
        var notANumber = await client.GetAsync($"/api/v1/communities/{slug}/ledger?limit=abc");

        Assert.Equal([5L, 4L, 3L], first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("entry").GetInt64()));
        Assert.Equal([2L, 1L], second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("entry").GetInt64()));
        Assert.Equal("invalid_cursor", await bad.ProblemCodeAsync());
        Assert.Equal("invalid_limit", await tooMany.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Equal("malformed_request", await notANumber.ProblemCodeAsync());
    }

    [Fact]
    public async Task UnknownCommunity_AndUnknownEndpoint_AreProblemNotFound()
    {
        var app = apps.For("sqlite");
        var client = app.CreateClient();

        var community = await client.GetAsync("/api/v1/communities/nope/ledger");
        var endpoint = await client.GetAsync("/api/v1/nothing-here");

        Assert.Equal("community_not_found", await community.ProblemCodeAsync());
        Assert.Equal("not_found", await endpoint.ProblemCodeAsync());
    }

    internal static async Task AssertVerifiedAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();
        Assert.True(report.IsClean, string.Join("\n", report.Findings));
    }
}
