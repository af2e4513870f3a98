using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Revenue;

/// <summary>A community with a project, a team and a split, as the revenue tests need it.</summary>
public sealed record RevenueSetup(TestApp App, string Slug, Person Admin, Person Aki, Person Ben, Person Cai, string Project)
{
    public string Community => $"/api/v1/communities/{Slug}";

    /// <summary>
    /// Admin founds; Aki (member, one token) leads a project; Ben joins the team; Cai stays outside.
    /// With <paramref name="split"/>, Aki proposes Aki 2 : Ben 1 plus Cai a fixed 10%, and all accept.
    /// </summary>
    public static async Task<RevenueSetup> CreateAsync(TestApp app, bool split = true)
    {
        var admin = await app.SignUpAsync(displayName: "Admin");
        var aki = await app.SignUpAsync(displayName: "Aki");
        var ben = await app.SignUpAsync(displayName: "Ben");
        var cai = await app.SignUpAsync(displayName: "Cai");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "50000", personId: aki.Id);
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        var created = await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects", new { title = "祭りの絵巻" });
        var project = $"/api/v1/communities/{slug}/projects/{(await created.JsonAsync()).GetProperty("id").GetInt64()}";
        var invitation = await (await aki.Client.PostJsonAsync($"{project}/invitations", new { personId = ben.Id, role = "writer" })).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/invitations/{invitation.GetProperty("id").GetInt64()}/accept", new { })).StatusCode);
        var setup = new RevenueSetup(app, slug, admin, aki, ben, cai, project);
        if (split)
        {
            var version = await setup.ProposeAsync(new { personId = aki.Id, weight = 2 }, new { personId = ben.Id, weight = 1 }, new { personId = cai.Id, fixedBps = 1000 });
            await setup.AcceptAsync(ben, version);
            await setup.AcceptAsync(cai, version);
        }

        return setup;
    }

    public async Task<int> ProposeAsync(params object[] parties)
    {
        var response = await Aki.Client.PostJsonAsync($"{Project}/agreements", new { parties });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("version").GetInt32();
    }

    public async Task AcceptAsync(Person party, int version) =>
        Assert.Equal(HttpStatusCode.OK, (await party.Client.PostJsonAsync($"{Project}/agreements/{version}/accept", new { })).StatusCode);

    public Task<HttpResponseMessage> RecordAsync(string amount, string? key = null, DateTimeOffset? occurredAt = null, string asset = "JPY") =>
        Admin.Client.PostJsonAsync($"{Project}/revenue", new { asset, amount, source = "Booth sales", occurredAt }, key ?? Guid.NewGuid().ToString());

    public async Task<JsonElement> RecordOkAsync(string amount, DateTimeOffset? occurredAt = null)
    {
        var response = await RecordAsync(amount, occurredAt: occurredAt);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    public async Task<JsonElement> EarningsAsync(Person person, string asset = "JPY") =>
        (await (await person.Client.GetAsync($"{Community}/me/earnings")).JsonAsync()).GetProperty("assets").EnumerateArray()
            .Single(a => a.GetProperty("asset").GetString() == asset);

    public static async Task SetBankAccountAsync(Person person, string holder = "ﾔﾏﾀﾞ ﾊﾅｺ") =>
        Assert.Equal(HttpStatusCode.OK, (await person.Client.PutAsJsonAsync("/api/v1/me/bank-account", new
        {
            bankCode = "0001",
            bankName = "ミズホ",
            branchCode = "001",
            branchName = "トウキョウ",
            accountType = 1,
            accountNumber = "1234567",
            holderName = holder,
        })).StatusCode);

    public async Task SetSenderAsync() =>
        Assert.Equal(HttpStatusCode.OK, (await Admin.Client.PutAsJsonAsync($"{Community}/payout-sender", new
        {
            senderCode = "1234567890",
            senderName = "ミコシ ゴウドウガイシヤ",
            bankCode = "0005",
            bankName = "ミツビシユーエフジエイ",
            branchCode = "123",
            branchName = "シブヤ",
            accountType = 1,
            accountNumber = "7654321",
        })).StatusCode);

    /// <summary>Where the parts of a revenue response went, as kind (or person id) → units.</summary>
    public static Dictionary<string, long> Parts(JsonElement revenue) =>
        revenue.GetProperty("parts").EnumerateArray()
            .GroupBy(p => p.GetProperty("personId").GetString() ?? p.GetProperty("kind").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(p => long.Parse(p.GetProperty("amount").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));

    public static long Units(JsonElement amount) => long.Parse(amount.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
