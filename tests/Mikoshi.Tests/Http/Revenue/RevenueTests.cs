using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Revenue;

/// <summary>Split agreements, grants, revenue, claims and payouts through HTTP, on both stores.</summary>
public sealed class RevenueTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Revenue_RunsTheWaterfall_EveryUnitAccounted_ThenClaimsArePaidOutByZengin(string provider)
    {
        var app = apps.For(provider);
        var s = await RevenueSetup.CreateAsync(app);
        await s.Admin.DepositAsync(s.Slug, "100000");
        var granted = await s.Admin.Client.PostJsonAsync($"{s.Project}/grants", new { asset = "JPY", amount = "30000", recoupRateBps = 5000 });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);

        // ¥100,000: ¥30,000 recouped (half, capped at the grant); of ¥70,000, 20% treasury, 10% holders,
        // 70% contributors = ¥49,000: Cai's fixed 10% = ¥4,900, then Aki 2 : Ben 1 of ¥44,100.
        var response = await s.RecordAsync("100000", key: "sale-1");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var revenue = await response.JsonAsync();
        var parts = RevenueSetup.Parts(revenue);
        Assert.Equal(30_000, parts["recouped"]);
        Assert.Equal(14_000, parts["treasury"]);
        Assert.Equal(7_000, parts["holders"]);
        Assert.Equal(0, parts["reserve"]);
        Assert.Equal(29_400, parts[s.Aki.Id]);
        Assert.Equal(14_700, parts[s.Ben.Id]);
        Assert.Equal(4_900, parts[s.Cai.Id]);
        Assert.Equal(100_000, parts.Values.Sum());
        Assert.Equal(1, revenue.GetProperty("agreementVersion").GetInt32());

        // A retry replays; the same key for another amount is refused; nothing is recorded twice.
        var replay = await s.RecordAsync("100000", key: "sale-1");
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(revenue.GetProperty("entry").GetInt64(), (await replay.JsonAsync()).GetProperty("entry").GetInt64());
        Assert.Equal("idempotency_key_reused", await (await s.RecordAsync("100001", key: "sale-1")).ProblemCodeAsync());
        var money = await (await app.CreateClient().GetAsync($"{s.Project}/revenue")).JsonAsync();
        Assert.Single(money.GetProperty("revenue").EnumerateArray());
        var funding = Assert.Single(money.GetProperty("funding").EnumerateArray());
        Assert.Equal("0", funding.GetProperty("outstanding").GetProperty("amount").GetString());

        // Aki: ¥40,000 left from the deposit after minting, ¥29,400 as a contributor, ¥7,000 as the only holder.
        var aki = await s.EarningsAsync(s.Aki);
        Assert.Equal(69_400, RevenueSetup.Units(aki.GetProperty("balance")));
        Assert.Equal(7_000, RevenueSetup.Units(aki.GetProperty("holderShareAccrued")));
        Assert.Equal(76_400, RevenueSetup.Units(aki.GetProperty("claimable")));

        var claims = $"{s.Community}/me/claims";
        Assert.Equal("bank_account_required", await (await s.Aki.Client.PostJsonAsync(claims, new { asset = "JPY" })).ProblemCodeAsync());
        await RevenueSetup.SetBankAccountAsync(s.Aki);
        await RevenueSetup.SetBankAccountAsync(s.Ben, "ﾍﾞﾝ ｽﾐｽ");
        var claimed = await s.Aki.Client.PostJsonAsync(claims, new { asset = "JPY" });
        Assert.Equal(HttpStatusCode.Created, claimed.StatusCode);
        Assert.Equal(76_400, RevenueSetup.Units((await claimed.JsonAsync()).GetProperty("amount")));
        Assert.Equal("nothing_to_claim", await (await s.Aki.Client.PostJsonAsync(claims, new { asset = "JPY" })).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.Created, (await s.Ben.Client.PostJsonAsync(claims, new { asset = "JPY" })).StatusCode);
        Assert.Equal(0, RevenueSetup.Units((await s.EarningsAsync(s.Aki)).GetProperty("claimable")));

        // The batch: yen needs the community's paying account first; then CSV and a Zengin file.
        var payouts = $"{s.Community}/payouts";
        var date = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2);
        Assert.Equal("payout_sender_missing", await (await s.Admin.Client.PostJsonAsync(payouts, new { asset = "JPY", transferDate = date })).ProblemCodeAsync());
        await s.SetSenderAsync();
        var batched = await s.Admin.Client.PostJsonAsync(payouts, new { asset = "JPY", transferDate = date });
        Assert.Equal(HttpStatusCode.Created, batched.StatusCode);
        var batch = await batched.JsonAsync();
        Assert.Equal(76_400 + 14_700, RevenueSetup.Units(batch.GetProperty("total")));
        var id = batch.GetProperty("id").GetInt64();
        var csv = await (await s.Admin.Client.GetAsync($"{payouts}/{id}/export?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("76400,JPY,0001,001,1,1234567", csv, StringComparison.Ordinal);
        var zengin = await (await s.Admin.Client.GetAsync($"{payouts}/{id}/export?format=zengin")).Content.ReadAsByteArrayAsync();
        Assert.Equal(5 * 122, zengin.Length);   // header, two transfers, trailer, end; CR LF after each
        Assert.Equal("121", Encoding.ASCII.GetString(zengin, 0, 3));
        Assert.Equal("8000002000000091100", Encoding.ASCII.GetString(zengin, 3 * 122, 19));   // trailer: 2 transfers, ¥91,100

        Assert.Equal(HttpStatusCode.OK, (await s.Admin.Client.PostJsonAsync($"{payouts}/{id}/confirm", new { })).StatusCode);
        Assert.Equal("batch_already_paid", await (await s.Admin.Client.PostJsonAsync($"{payouts}/{id}/confirm", new { })).ProblemCodeAsync());
        Assert.Equal(76_400, RevenueSetup.Units((await s.EarningsAsync(s.Aki)).GetProperty("paid")));

        var statement = await (await s.Aki.Client.GetAsync($"{s.Community}/me/statement?format=csv")).Content.ReadAsStringAsync();
        foreach (var kind in new[] { "deposit", "mint", "revenue", "holder-share", "claim" })
        {
            Assert.Contains($",{kind},", statement, StringComparison.Ordinal);
        }

        // A statement's days are the community's (JST here): a deposit at 00:30 JST belongs to that JST day, not to the
        // UTC day before it.
        var utc = app.Clock.GetUtcNow();
        app.Clock.Advance(new DateTimeOffset(utc.Year, utc.Month, utc.Day, 15, 30, 0, TimeSpan.Zero).AddDays(1) - utc);
        var jstDay = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        await s.Admin.DepositAsync(s.Slug, "123", personId: s.Aki.Id);
        var day = await (await s.Aki.Client.GetAsync($"{s.Community}/me/statement?format=csv&from={jstDay:yyyy-MM-dd}&to={jstDay:yyyy-MM-dd}")).Content.ReadAsStringAsync();
        Assert.Matches(@",deposit,.*,123(,|\r?$)", day.Split('\n').First(l => l.Contains(",deposit,", StringComparison.Ordinal)));
        var dayBefore = await (await s.Aki.Client.GetAsync($"{s.Community}/me/statement?format=csv&from={jstDay.AddDays(-1):yyyy-MM-dd}&to={jstDay.AddDays(-1):yyyy-MM-dd}")).Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@",deposit,.*,123(,|\r?$)", dayBefore);

        Assert.Equal("forbidden", await (await s.Ben.Client.GetAsync($"{s.Community}/people/{s.Aki.Id}/statement")).ProblemCodeAsync());
        Assert.Contains("\"kind\":\"revenue\"", await (await s.Admin.Client.GetAsync($"{s.Community}/people/{s.Aki.Id}/statement")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Revenue_UsesTheVersionInForceWhenItArrived_AndAPendingVersionNeverApplies(string provider)
    {
        var app = apps.For(provider);
        var s = await RevenueSetup.CreateAsync(app);
        var before = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromDays(1));

        // Version 2 gives Ben everything, but until Ben accepts it, version 1 still applies.
        var second = await s.ProposeAsync(new { personId = s.Ben.Id, weight = 1 });
        Assert.Equal(42, RevenueSetup.Parts(await s.RecordOkAsync("100"))[s.Aki.Id]);
        await s.AcceptAsync(s.Ben, second);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var now = RevenueSetup.Parts(await s.RecordOkAsync("1000"));
        var earlier = await s.RecordOkAsync("1000", occurredAt: before.AddMinutes(1));
        Assert.Equal(700, now[s.Ben.Id]);
        Assert.False(now.ContainsKey(s.Aki.Id));
        Assert.Equal(1, earlier.GetProperty("agreementVersion").GetInt32());
        Assert.Equal(420, RevenueSetup.Parts(earlier)[s.Aki.Id]);
        Assert.Equal("no_split_agreement", await (await s.RecordAsync("1000", occurredAt: before.AddDays(-1))).ProblemCodeAsync());

        var versions = await (await app.CreateClient().GetAsync($"{s.Project}/agreements")).JsonAsync();
        Assert.Equal(["in-force", "superseded"], versions.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("state").GetString()));
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task HolderShare_IsSettledToTheOwnerWhenATokenMoves_AndTheNewOwnerEarnsFromThen(string provider)
    {
        var app = apps.For(provider);
        var s = await RevenueSetup.CreateAsync(app);
        await s.RecordOkAsync("10000");   // holders ¥1,000, all Aki's
        Assert.Equal(HttpStatusCode.OK, (await s.Aki.Client.PostJsonAsync($"{s.Community}/tokens/1/transfer", new { to = s.Cai.Id })).StatusCode);

        var aki = await s.EarningsAsync(s.Aki);
        Assert.Equal(0, RevenueSetup.Units(aki.GetProperty("holderShareAccrued")));
        Assert.Equal(40_000 + 4_200 + 1_000, RevenueSetup.Units(aki.GetProperty("balance")));
        await s.RecordOkAsync("10000");
        var cai = await s.EarningsAsync(s.Cai);
        Assert.Equal(1_000, RevenueSetup.Units(cai.GetProperty("holderShareAccrued")));
        Assert.Equal(1_400, RevenueSetup.Units(cai.GetProperty("balance")));
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task CapMode_PaysHoldersUpToWhatTheyPaidIn_AndRouting_SendsTheHolderShareToTheTreasury(string provider)
    {
        var app = apps.For(provider);
        var s = await RevenueSetup.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await s.Admin.Client.PutAsJsonAsync($"{s.Community}/revenue-policy", new { capAtPaidIn = true, holderBps = 5000, treasuryBps = 0 })).StatusCode);

        // Aki paid ¥10,000 for the token: of ¥15,000 owed to holders, ¥10,000 reaches Aki, ¥5,000 the treasury.
        await s.RecordOkAsync("30000");
        Assert.Equal(10_000, RevenueSetup.Units((await s.EarningsAsync(s.Aki)).GetProperty("holderShareAccrued")));
        await RevenueSetup.SetBankAccountAsync(s.Aki);
        var claimed = await (await s.Aki.Client.PostJsonAsync($"{s.Community}/me/claims", new { asset = "JPY" })).JsonAsync();
        Assert.Equal(40_000 + 9_000 + 10_000, RevenueSetup.Units(claimed.GetProperty("amount")));

        Assert.Equal(HttpStatusCode.OK, (await s.Admin.Client.PutAsJsonAsync($"{s.Community}/revenue-policy", new { holderShareToTreasury = true })).StatusCode);
        var routed = RevenueSetup.Parts(await s.RecordOkAsync("10000"));
        Assert.Equal(0, routed["holders"]);
        Assert.Equal(5_000, routed["treasury"]);
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task BadInput_AnswersItsCode_AndChangesNothing(string provider)
    {
        var app = apps.For(provider);
        var s = await RevenueSetup.CreateAsync(app);
        await s.RecordOkAsync("1000");
        var agreements = $"{s.Project}/agreements";
        var pending = await s.ProposeAsync(new { personId = s.Aki.Id, weight = 1 }, new { personId = s.Ben.Id, weight = 1 });
        await RevenueSetup.SetBankAccountAsync(s.Ben);
        Assert.Equal(HttpStatusCode.Created, (await s.Ben.Client.PostJsonAsync($"{s.Community}/me/claims", new { asset = "JPY" })).StatusCode);

        foreach (var (code, request) in new (string, Func<Task<HttpResponseMessage>>)[]
        {
            ("invalid_split", () => s.Aki.Client.PostJsonAsync(agreements, new { parties = new object[] { new { personId = s.Aki.Id, weight = -1 }, new { personId = s.Ben.Id, weight = 2 } } })),
            ("invalid_split", () => s.Aki.Client.PostJsonAsync(agreements, new { parties = new object[] { new { personId = s.Aki.Id, weight = 0 }, new { personId = s.Ben.Id, weight = 0 } } })),
            ("invalid_split", () => s.Aki.Client.PostJsonAsync(agreements, new { parties = Array.Empty<object>() })),
            ("party_not_on_team", () => s.Aki.Client.PostJsonAsync(agreements, new { parties = new object[] { new { personId = s.Cai.Id, weight = 1 } } })),
            ("person_not_found", () => s.Aki.Client.PostJsonAsync(agreements, new { parties = new object[] { new { personId = "nobody", weight = 1 } } })),
            ("not_project_lead", () => s.Ben.Client.PostJsonAsync(agreements, new { parties = new object[] { new { personId = s.Ben.Id, weight = 1 } } })),
            ("not_a_party", () => s.Cai.Client.PostJsonAsync($"{agreements}/{pending}/accept", new { })),
            ("already_accepted", () => s.Aki.Client.PostJsonAsync($"{agreements}/{pending}/accept", new { })),
            ("agreement_not_pending", () => s.Ben.Client.PostJsonAsync($"{agreements}/1/accept", new { })),
            ("agreement_not_found", () => s.Ben.Client.PostJsonAsync($"{agreements}/9/accept", new { })),
            ("unknown_asset", () => s.RecordAsync("1000", asset: "USDC")),
            ("invalid_amount", () => s.RecordAsync("0")),
            ("invalid_amount", () => s.RecordAsync("-5")),
            ("invalid_occurred_at", () => s.RecordAsync("1000", occurredAt: app.Clock.GetUtcNow().AddDays(1))),
            ("idempotency_key_required", () => s.Admin.Client.PostJsonAsync($"{s.Project}/revenue", new { asset = "JPY", amount = "1000", source = "x" })),
            ("invalid_source", () => s.Admin.Client.PostJsonAsync($"{s.Project}/revenue", new { asset = "JPY", amount = "1000", source = " " }, "k-src")),
            ("forbidden", () => s.Aki.Client.PostJsonAsync($"{s.Project}/revenue", new { asset = "JPY", amount = "1000", source = "x" }, "k-aki")),
            ("project_not_found", () => s.Admin.Client.PostJsonAsync($"{s.Community}/projects/99/revenue", new { asset = "JPY", amount = "1000", source = "x" }, "k-99")),
            ("insufficient_funds", () => s.Admin.Client.PostJsonAsync($"{s.Project}/grants", new { asset = "JPY", amount = "999999999" })),
            ("invalid_recoup_rate", () => s.Admin.Client.PostJsonAsync($"{s.Project}/grants", new { asset = "JPY", amount = "1", recoupRateBps = 10_001 })),
            ("invalid_recoup_rate", () => s.Admin.Client.PostJsonAsync($"{s.Project}/grants", new { asset = "JPY", amount = "1", recoupRateBps = -1 })),
            ("nothing_to_claim", () => s.Ben.Client.PostJsonAsync($"{s.Community}/me/claims", new { asset = "JPY" })),
            ("bank_account_required", () => s.Cai.Client.PostJsonAsync($"{s.Community}/me/claims", new { asset = "JPY" })),
            ("invalid_parameter", () => s.Admin.Client.PutAsJsonAsync($"{s.Community}/revenue-policy", new { treasuryBps = 9000, holderBps = 2000 })),
            ("invalid_bank_code", () => s.Cai.Client.PutAsJsonAsync("/api/v1/me/bank-account", new { bankCode = "12", bankName = "ミズホ", branchCode = "001", branchName = "x", accountType = 1, accountNumber = "1234567", holderName = "ｶｲ" })),
            ("batch_not_found", () => s.Admin.Client.PostJsonAsync($"{s.Community}/payouts/9/confirm", new { })),
            ("no_pending_claims", () => s.Admin.Client.PostJsonAsync($"{s.Community}/payouts", new { asset = "ETH" })),
        })
        {
            var before = await StoreSnapshot.TakeAsync(app);
            Assert.Equal(code, await (await request()).ProblemCodeAsync());
            Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        }

        await DepositTests.AssertVerifiedAsync(app);
    }
}
