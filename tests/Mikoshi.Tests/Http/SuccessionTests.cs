using System.Net;
using System.Net.Http.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>
/// Succession plans, guardians, vetoes and inheritance through HTTP. One app per store for the class
/// (<see cref="SharedApps"/>): each test's family signs up and founds a community of its own, and inactivity is
/// counted from the family's own last write, so the shared clock only moving forward changes nothing.
/// </summary>
public sealed class SuccessionTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private sealed record Family(TestApp App, string Slug, Person Admin, Person Holder, Person Heir, Person Guardian1, Person Guardian2);

    private async Task<Family> FamilyAsync(string provider, int tokens = 1)
    {
        var app = apps.For(provider);
        var admin = await app.SignUpAsync();
        var holder = await app.SignUpAsync(displayName: "祖母 Grandma");
        var heir = await app.SignUpAsync(displayName: "孫 Grandchild");
        var g1 = await app.SignUpAsync(displayName: "Guardian One");
        var g2 = await app.SignUpAsync(displayName: "Guardian Two");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "100000", personId: holder.Id);
        for (var i = 0; i < tokens; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await holder.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        }

        return new Family(app, slug, admin, holder, heir, g1, g2);
    }

    private static Task<HttpResponseMessage> PlanAsync(Family f, object plan) =>
        f.Holder.Client.PutAsJsonAsync($"/api/v1/communities/{f.Slug}/succession", plan);

    private static object StandardPlan(Family f) => new
    {
        successors = new[] { new { personId = f.Heir.Id, share = 1 } },
        guardians = new[] { f.Guardian1.Id, f.Guardian2.Id },
        threshold = 2,
        inactivityDays = 365,
        vetoDays = 30,
    };

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Guardians_AfterAYearOfInactivity_ConfirmAndTheHeirInheritsAfterTheVetoWindow(string provider)
    {
        var f = await FamilyAsync(provider);
        var app = f.App;
        Assert.Equal(HttpStatusCode.OK, (await PlanAsync(f, StandardPlan(f))).StatusCode);
        var confirmUrl = $"/api/v1/communities/{f.Slug}/people/{f.Holder.Id}/succession/confirm";
        var claimUrl = $"/api/v1/communities/{f.Slug}/people/{f.Holder.Id}/succession/claim";

        var tooEarly = await f.Guardian1.Client.PostJsonAsync(confirmUrl, new { });
        app.Clock.Advance(TimeSpan.FromDays(366));
        var first = await f.Guardian1.Client.PostJsonAsync(confirmUrl, new { });
        var twice = await f.Guardian1.Client.PostJsonAsync(confirmUrl, new { });
        var stranger = await f.Admin.Client.PostJsonAsync(confirmUrl, new { });
        var second = await f.Guardian2.Client.PostJsonAsync(confirmUrl, new { });
        var duringVeto = await f.Heir.Client.PostJsonAsync(claimUrl, new { });
        app.Clock.Advance(TimeSpan.FromDays(31));
        var claimed = await f.Heir.Client.PostJsonAsync(claimUrl, new { });

        Assert.Equal("holder_active", await tooEarly.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("already_confirmed", await twice.ProblemCodeAsync());
        Assert.Equal("not_a_guardian", await stranger.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("veto_window_open", await duringVeto.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        var token = await (await app.CreateClient().GetAsync($"/api/v1/communities/{f.Slug}/tokens/1")).JsonAsync();
        Assert.Equal(f.Heir.Id, token.GetProperty("owner").GetString());
        var last = token.GetProperty("lineage").EnumerateArray().Last();
        Assert.Equal("inherited", last.GetProperty("kind").GetString());
        Assert.Equal("祖母 Grandma", last.GetProperty("fromName").GetString());
        Assert.Equal("孫 Grandchild", last.GetProperty("toName").GetString());
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Fact]
    public async Task Holder_VetoesDuringTheWindow_AndNothingMoves()
    {
        var f = await FamilyAsync("sqlite");
        var app = f.App;
        await PlanAsync(f, StandardPlan(f));
        app.Clock.Advance(TimeSpan.FromDays(400));
        var confirmUrl = $"/api/v1/communities/{f.Slug}/people/{f.Holder.Id}/succession/confirm";
        await f.Guardian1.Client.PostJsonAsync(confirmUrl, new { });
        await f.Guardian2.Client.PostJsonAsync(confirmUrl, new { });

        var veto = await f.Holder.Client.PostJsonAsync($"/api/v1/communities/{f.Slug}/succession/veto", new { });
        app.Clock.Advance(TimeSpan.FromDays(40));
        var claim = await f.Heir.Client.PostJsonAsync($"/api/v1/communities/{f.Slug}/people/{f.Holder.Id}/succession/claim", new { });
        // The veto was a write by the holder: they count as active again.
        var confirmAgain = await f.Guardian1.Client.PostJsonAsync(confirmUrl, new { });

        Assert.Equal(HttpStatusCode.OK, veto.StatusCode);
        Assert.Equal("not_confirmed", await claim.ProblemCodeAsync());
        Assert.Equal("holder_active", await confirmAgain.ProblemCodeAsync());
    }

    [Fact]
    public async Task HoldersInstruction_SplitsTokensByShares()
    {
        var f = await FamilyAsync("sqlite", tokens: 3);
        var app = f.App;
        await PlanAsync(f, new
        {
            successors = new[] { new { personId = f.Heir.Id, share = 2 }, new { personId = f.Guardian1.Id, share = 1 } },
            byShares = true,
            guardians = Array.Empty<string>(),
            threshold = 0,
        });

        app.Clock.Advance(TimeSpan.FromDays(1));
        var executed = await f.Holder.Client.PostJsonAsync($"/api/v1/communities/{f.Slug}/succession/execute", new { });

        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
        var owners = (await (await app.CreateClient().GetAsync($"/api/v1/communities/{f.Slug}/tokens")).JsonAsync())
            .GetProperty("items").EnumerateArray().Select(t => t.GetProperty("owner").GetString()).ToList();
        Assert.Equal([f.Heir.Id, f.Heir.Id, f.Guardian1.Id], owners);
        var holderPage = await (await app.CreateClient().GetAsync($"/api/v1/communities/{f.Slug}/people/{f.Holder.Id}")).JsonAsync();
        Assert.Empty(holderPage.GetProperty("tokens").EnumerateArray());
        Assert.Single(holderPage.GetProperty("membershipPeriods").EnumerateArray());
    }

    [Theory]
    [InlineData("self_successor", "invalid_successor")]
    [InlineData("self_guardian", "invalid_guardian")]
    [InlineData("threshold_above_guardians", "invalid_threshold")]
    [InlineData("no_successors", "invalid_successor")]
    [InlineData("null_successor", "invalid_successor")]
    [InlineData("short_inactivity", "invalid_period")]
    [InlineData("unknown_person", "person_not_found")]
    public async Task BadPlans_AreRefusedWithACode_AndChangeNothing(string plan, string code)
    {
        var f = await FamilyAsync("sqlite");
        var app = f.App;
        var before = await StoreSnapshot.TakeAsync(app);
        object body = plan switch
        {
            "self_successor" => new { successors = new[] { new { personId = f.Holder.Id } }, guardians = Array.Empty<string>(), threshold = 0 },
            "self_guardian" => new { successors = new[] { new { personId = f.Heir.Id } }, guardians = new[] { f.Holder.Id }, threshold = 1 },
            "threshold_above_guardians" => new { successors = new[] { new { personId = f.Heir.Id } }, guardians = new[] { f.Guardian1.Id }, threshold = 2 },
            "no_successors" => new { successors = Array.Empty<object>(), guardians = Array.Empty<string>(), threshold = 0 },
            "null_successor" => new { successors = new object?[] { null }, guardians = Array.Empty<string>(), threshold = 0 },
            "short_inactivity" => new { successors = new[] { new { personId = f.Heir.Id } }, guardians = new[] { f.Guardian1.Id }, threshold = 1, inactivityDays = 3 },
            _ => new { successors = new[] { new { personId = "0123456789abcdef0123456789abcdef" } }, guardians = Array.Empty<string>(), threshold = 0 },
        };

        var response = await PlanAsync(f, body);

        Assert.Equal(code, await response.ProblemCodeAsync());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }
}
