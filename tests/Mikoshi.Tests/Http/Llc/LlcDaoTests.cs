using System.Net;
using System.Net.Http.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Llc;

/// <summary>
/// The LLC-type DAO mode (合同会社型DAO): one setting; tokens reach only people the 業務執行社員 approved (会社法585条), by
/// mint, gift, purchase or succession; succession only under the articles (608条); no member gains more than they paid in.
/// Every refusal is a problem with a stable code and changes nothing in the store.
/// </summary>
public sealed class LlcDaoTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task LlcMode_RefusesUnapprovedMovesInheritanceWithoutTheClauseAndGainsOverTheCap_AndTheApprovedPathWorks(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync(displayName: "代表 管理者");
        var aki = await app.SignUpAsync(displayName: "秋 Aki");
        var ben = await app.SignUpAsync(displayName: "弁 Ben");
        var cai = await app.SignUpAsync(displayName: "才 Cai");
        var slug = await admin.FoundCommunityAsync();
        var c = $"/api/v1/communities/{slug}";
        foreach (var person in new[] { aki, ben, cai })
        {
            await admin.DepositAsync(slug, "50000", personId: person.Id);
        }

        // Aki holds a token (paid in ¥10,000) before the mode is on; Aki names Ben as successor.
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"{c}/tokens", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await aki.Client.PutAsJsonAsync($"{c}/succession", Plan(ben))).StatusCode);

        // One setting, by an admin only: it turns the cap on with it, and registers the admin and every holder.
        Assert.Equal(HttpStatusCode.Forbidden, (await aki.Client.PutAsJsonAsync($"{c}/llc", new { enabled = true })).StatusCode);
        var on = await admin.Client.PutAsJsonAsync($"{c}/llc", new { enabled = true });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        var settings = await on.JsonAsync();
        Assert.True(settings.GetProperty("enabled").GetBoolean());
        Assert.True(settings.GetProperty("capAtPaidIn").GetBoolean());
        Assert.False(settings.GetProperty("articlesProvideInheritance").GetBoolean());
        var register = await RegisterAsync(admin, c);
        Assert.Equal("executive", register[admin.Id]);
        Assert.Equal("non_executive", register[aki.Id]);
        Assert.Equal(2, register.Count);

        // Aki lists the token for ¥20,000: ¥19,000 to Aki after the 5% royalty, ¥9,000 over what Aki paid in.
        var dear = (await (await aki.Client.PostJsonAsync($"{c}/tokens/1/listings", new { price = "20000" })).JsonAsync()).GetProperty("id").GetInt64();

        var before = await StoreSnapshot.TakeAsync(app);
        var refusals = new (string Name, Func<Task<HttpResponseMessage>> Call, HttpStatusCode Status, string Code)[]
        {
            ("gift to an unapproved person", () => aki.Client.PostJsonAsync($"{c}/tokens/1/transfer", new { to = ben.Id }), HttpStatusCode.Forbidden, "llc_transfer_not_approved"),
            ("purchase by an unapproved person", () => ben.Client.PostJsonAsync($"{c}/listings/{dear}/buy", new { }, "buy-1"), HttpStatusCode.Forbidden, "llc_purchase_not_approved"),
            ("mint by an unapproved person", () => cai.Client.PostJsonAsync($"{c}/tokens", new { }), HttpStatusCode.Forbidden, "llc_member_not_approved"),
            ("succession without the clause", () => aki.Client.PostJsonAsync($"{c}/succession/execute", new { }, "run-1"), HttpStatusCode.Conflict, "llc_succession_not_in_articles"),
            ("approval by a non-executive member", () => aki.Client.PutAsJsonAsync($"{c}/llc/members/{ben.Id}", new { role = "non_executive" }), HttpStatusCode.Forbidden, "llc_not_executive"),
            ("an unknown role", () => admin.Client.PutAsJsonAsync($"{c}/llc/members/{ben.Id}", new { role = "director" }), HttpStatusCode.UnprocessableEntity, "invalid_llc_role"),
            ("the cap turned off", () => admin.Client.PutAsJsonAsync($"{c}/revenue-policy", new { capAtPaidIn = false }), HttpStatusCode.Conflict, "llc_cap_required"),
            ("chain mode, whose contract cannot ask for consent", () => admin.Client.PostJsonAsync($"{c}/chain/deployment", new { }), HttpStatusCode.Conflict, "llc_chain_mode"),
        };
        foreach (var (name, call, status, code) in refusals)
        {
            var response = await call();
            Assert.True(response.StatusCode == status, $"{name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(code, await response.ProblemCodeAsync());
        }

        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));

        // The executive member approves Ben: still no sale that pays Aki more than Aki paid in.
        var approved = await admin.Client.PutAsJsonAsync($"{c}/llc/members/{ben.Id}", new { role = "non_executive" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("non_executive", (await approved.JsonAsync()).GetProperty("role").GetString());
        var approvedState = await StoreSnapshot.TakeAsync(app);
        var overCap = await ben.Client.PostJsonAsync($"{c}/listings/{dear}/buy", new { }, "buy-2");
        Assert.Equal(HttpStatusCode.Conflict, overCap.StatusCode);
        Assert.Equal("llc_gain_over_cap", await overCap.ProblemCodeAsync());
        Assert.Equal(approvedState, await StoreSnapshot.TakeAsync(app));

        // At ¥10,000 (¥9,500 to Aki) the approved buyer buys; Ben has paid in ¥10,000 now.
        var fair = (await (await aki.Client.PostJsonAsync($"{c}/tokens/1/listings", new { price = "10000" })).JsonAsync()).GetProperty("id").GetInt64();
        var sale = await ben.Client.PostJsonAsync($"{c}/listings/{fair}/buy", new { }, "buy-3");
        Assert.Equal(HttpStatusCode.OK, sale.StatusCode);

        // Ben gifts to Cai only once Cai is approved.
        Assert.Equal("llc_transfer_not_approved", await (await ben.Client.PostJsonAsync($"{c}/tokens/1/transfer", new { to = cai.Id })).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"{c}/llc/members/{cai.Id}", new { role = "executive" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ben.Client.PostJsonAsync($"{c}/tokens/1/transfer", new { to = cai.Id })).StatusCode);

        // With "定款に相続の定めあり" the succession runs, to an approved successor.
        Assert.Equal(HttpStatusCode.OK, (await cai.Client.PutAsJsonAsync($"{c}/succession", Plan(ben))).StatusCode);
        Assert.Equal("llc_succession_not_in_articles", await (await cai.Client.PostJsonAsync($"{c}/succession/execute", new { }, "run-2")).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"{c}/llc", new { articlesProvideInheritance = true })).StatusCode);
        var inherited = await cai.Client.PostJsonAsync($"{c}/succession/execute", new { }, "run-3");
        Assert.Equal(HttpStatusCode.OK, inherited.StatusCode);
        var token = await (await app.CreateClient().GetAsync($"{c}/tokens/1")).JsonAsync();
        Assert.Equal(ben.Id, token.GetProperty("owner").GetString());

        // The register as CSV, and the draft articles marked as a draft for a professional's review.
        var bytes = await (await admin.Client.GetAsync($"{c}/llc/members?format=csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("社員ID,氏名,区分,出資額", csv, StringComparison.Ordinal);
        Assert.Contains($"{admin.Id},代表 管理者,業務執行社員,0,JPY,0", csv, StringComparison.Ordinal);
        Assert.Contains($"{ben.Id},弁 Ben,非業務執行社員,10000,JPY,1", csv, StringComparison.Ordinal);
        Assert.Contains($"{cai.Id},才 Cai,業務執行社員,0,JPY,0", csv, StringComparison.Ordinal);
        var articles = await (await app.CreateClient().GetAsync($"{c}/llc/articles")).Content.ReadAsStringAsync();
        Assert.Contains("【ドラフト】", articles, StringComparison.Ordinal);
        Assert.Contains("司法書士又は弁護士", articles, StringComparison.Ordinal);
        Assert.Contains("会社法第585条", articles, StringComparison.Ordinal);
        Assert.Contains("会社法第608条第1項", articles, StringComparison.Ordinal);
        Assert.Contains("出資の価額を超える", articles, StringComparison.Ordinal);
        await DepositTests.AssertVerifiedAsync(app);
    }

    private static object Plan(Person successor) => new
    {
        successors = new[] { new { personId = successor.Id, share = 1 } },
        byShares = false,
        guardians = Array.Empty<string>(),
        threshold = 0,
    };

    private static async Task<Dictionary<string, string>> RegisterAsync(Person reader, string community)
    {
        var view = await (await reader.Client.GetAsync($"{community}/llc/members")).JsonAsync();
        return view.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("personId").GetString()!, m => m.GetProperty("role").GetString()!);
    }
}
