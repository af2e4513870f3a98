using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Cli;

/// <summary>
/// Issue #20, part 7: `mikoshi demo` tells a true story. Every step it takes is accepted (a refused one stops it with
/// a non-zero exit), every date it writes is in the past, the members said to leave and come back really do, the
/// books verify, it says whom to sign in as, and every feature is there to be seen through the API: a proposal passed
/// and executed, one defeated, a grace-period exit, a succession in its veto window and a paid payout batch.
/// </summary>
[Collection(CliCollection.Name)]
public sealed partial class DemoCliTests
{
    private static readonly string[] EnglishSkills = ["Video editing", "Illustration", "Music", "Writing", "Web development", "Photography"];

    [GeneratedRegex(@"\p{IsHiragana}|\p{IsKatakana}")]
    private static partial Regex Kana();

    /// <summary>The app on the demo's store with its clock at the real now, the instant the demo's story ends before.</summary>
    internal static TestApp AppOn(StoreOptions store)
    {
        var app = TestApp.On(store);
        app.Clock.Advance(DateTimeOffset.UtcNow - app.Clock.GetUtcNow());
        return app;
    }

    [Theory]
    // SQLite only: the command line runs on PostgreSQL in CliTests; this story's rules hold on either store (proved through HTTP on both).
    [InlineData("sqlite")]
    public async Task Demo_WritesOnlyThePast_SakuraLeavesAndReturns_AndTheBooksVerify(string provider)
    {
        var db = provider == "postgres"
            ? PostgresServer.NewDatabase()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-demo-{Guid.NewGuid():N}.db")}";
        string[] store = ["--provider", provider, "--db", db];
        var started = DateTimeOffset.UtcNow;

        var demo = await CliTests.RunAsync(["demo", .. store]);
        Assert.True(demo.Code == 0, demo.Error + demo.Output);
        Assert.Contains("hanako@demo.mikoshi.example", demo.Output, StringComparison.Ordinal);
        Assert.Contains("sakura@demo.mikoshi.example", demo.Output, StringComparison.Ordinal);
        Assert.Contains("minh@demo.mikoshi.example", demo.Output, StringComparison.Ordinal);
        Assert.Contains("/signin", demo.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d[\d,.]*\s*JPY", demo.Output);

        var verified = await CliTests.RunAsync(["verify", .. store]);
        Assert.True(verified.Code == 0, verified.Output);

        var csv = await CliTests.RunAsync(["ledger", "--community", "creators-salon", "--format", "csv", .. store]);
        Assert.Equal(0, csv.Code);
        var rows = Csv.Records(csv.Output, "\n").Records.Where(r => r is not [""]).Skip(1)
            .Select(f => (Entry: long.Parse(f[0], CultureInfo.InvariantCulture), At: DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture), Kind: f[2], Account: f[3], Reference: f[6]))
            .ToList();
        Assert.All(rows, r => Assert.True(r.At < started, $"entry {r.Entry} is dated {r.At:O}, after the demo ran"));

        // さくら and 湊 each redeemed (paid to their own account), paid a rejoining fee after, and minted after that.
        // (People are found by their whole account: ids begin alike, since they are ordered by time.)
        var rejoinings = rows.Where(r => r.Reference.StartsWith("再入会 ", StringComparison.Ordinal)).Select(r => r.Entry).Distinct().ToList();
        Assert.Equal(2, rejoinings.Count);
        var exits = rows.Where(r => r.Kind == "redemption" && r.Account.StartsWith("person:", StringComparison.Ordinal)).ToList();
        var left = new Dictionary<string, DateTimeOffset>();
        foreach (var account in exits.Select(r => r.Account).Distinct())
        {
            var theirs = exits.Where(r => r.Account == account).Select(r => (r.Entry, r.At)).Distinct().ToList();
            var exit = Assert.Single(theirs);
            var rejoined = rejoinings.Where(e => e > exit.Entry).Min();
            Assert.Contains(rows, r => r.Kind == "mint" && r.Entry > rejoined && r.Account == account);
            left[account] = exit.At;
        }

        Assert.Equal(2, left.Count);

        await using var app = AppOn(new StoreOptions(provider == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite, db));
        var anyone = app.CreateClient();
        const string c = "/api/v1/communities/creators-salon";

        // One proposal passed and executed, one defeated; someone who voted against the executed one left in its grace period.
        var proposals = (await (await anyone.GetAsync($"{c}/proposals")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var executed = Assert.Single(proposals, p => p.GetProperty("state").GetString() == "executed");
        Assert.Single(proposals, p => p.GetProperty("state").GetString() == "defeated");
        Assert.True(executed.GetProperty("tally").GetProperty("passed").GetBoolean());
        Assert.Equal(JsonValueKind.Number, executed.GetProperty("execution").GetProperty("entry").ValueKind);
        var (closes, graceEnds) = (executed.GetProperty("closesAt").GetDateTimeOffset(), executed.GetProperty("graceEndsAt").GetDateTimeOffset());
        Assert.Contains(left.Values, at => at >= closes && at < graceEnds);

        // The heir sees the succession on their own account, in its veto window, running only after now.
        var minh = await SignInAsync(app, "minh");
        var plan = Assert.Single((await (await minh.GetAsync("/api/v1/me/succession")).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal("vetoWindow", plan.GetProperty("stage").GetString());
        Assert.True(plan.GetProperty("successor").GetBoolean());
        Assert.True(plan.GetProperty("runsAfter").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        // The treasurer's payout batch was paid.
        var ken = await SignInAsync(app, "ken");
        var batch = Assert.Single((await (await ken.GetAsync($"{c}/payouts")).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal("paid", batch.GetProperty("state").GetString());
        Assert.True(batch.GetProperty("count").GetInt32() >= 2);

        // Bios read as people write them: no English skill word in a Japanese bio, no kana in an English one; values are the charter's.
        var charter = (await (await anyone.GetAsync(c)).JsonAsync()).GetProperty("charter").GetProperty("values").EnumerateArray().Select(v => v.GetString()).ToHashSet();
        var members = (await (await anyone.GetAsync($"{c}/members")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.True(members.Count >= 25);
        foreach (var member in members)
        {
            var bio = member.GetProperty("bio").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(bio));
            Assert.True(Kana().IsMatch(bio) ? !EnglishSkills.Any(s => bio.Contains(s, StringComparison.OrdinalIgnoreCase)) : !bio.Contains("が得意", StringComparison.Ordinal), bio);
            Assert.All(member.GetProperty("values").EnumerateArray(), v => Assert.Contains(v.GetString(), charter));
        }
    }

    /// <summary>A client signed in (bearer token) as the demo person whose address begins with <paramref name="who"/>.</summary>
    internal static async Task<HttpClient> SignInAsync(TestApp app, string who)
    {
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"{who}@demo.mikoshi.example", password = Mikoshi.Cli.Demo.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
