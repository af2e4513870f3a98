using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Tests.Infrastructure;
using Npgsql;

namespace Mikoshi.Tests.Http;

/// <summary>
/// On PostgreSQL the head versions come from the store's notifications (<see cref="HeadVersionFeed"/>, docs/caches.md):
/// a read of a community the process knows asks the store nothing, its own writes are read at once, another
/// replica's as soon as the notification arrives, and nothing it knew survives losing the listener's connection.
/// </summary>
public sealed class HeadVersionFeedTests
{
    private static readonly CommunityId Community = new(Guid.NewGuid());

    [Fact]
    public void AVersionReadBeforeTheListenerWasLive_IsNotTrusted_NorOneReadAcrossALostConnection()
    {
        var feed = new HeadVersionFeed();
        var before = feed.Begin();
        feed.Listening();
        feed.Learned(before, "c", Community, new HeadVersion(3, 1));
        Assert.False(feed.TryFind("c", out _, out _));

        var across = feed.Begin();
        feed.Lost();
        feed.Listening();
        feed.Learned(across, "c", Community, new HeadVersion(3, 1));
        Assert.False(feed.TryFind("c", out _, out _));

        feed.Learned(feed.Begin(), "c", Community, new HeadVersion(3, 1));
        Assert.True(feed.TryFind("c", out var found, out var at));
        Assert.Equal((Community, new HeadVersion(3, 1)), (found, at));
    }

    [Fact]
    public void Versions_OnlyGoUp_WhateverOrderTheyArriveIn_AndALossForgetsThem()
    {
        var feed = new HeadVersionFeed();
        feed.Listening();
        var began = feed.Begin();
        feed.Heard($"{Community.Value} 7");
        feed.Learned(began, "c", Community, new HeadVersion(5, 2));
        Assert.True(feed.TryFind("c", out _, out var at));
        Assert.Equal(new HeadVersion(7, 2), at);

        feed.Committed(Community.Value, 6);
        feed.Heard($"{Guid.Empty} 4");
        feed.Heard("not a payload");
        feed.Heard($"{Community.Value} -1");
        Assert.True(feed.TryFind("c", out _, out at));
        Assert.Equal(new HeadVersion(7, 4), at);

        feed.Lost();
        Assert.False(feed.TryFind("c", out _, out _));
        feed.Committed(Community.Value, 9);
        feed.Listening();
        Assert.False(feed.TryFind("c", out _, out _));
    }

    [Fact]
    public void AStamp_IsKeptOnlyIfNothingChangedWhileItWasRead_AndForgottenWhenItChangesOrTheListenerIsLost()
    {
        var feed = new HeadVersionFeed();
        var person = Guid.NewGuid();
        feed.Listening();
        var began = feed.BeginStamp();
        feed.StampChanged(Guid.NewGuid());
        feed.LearnedStamp(began, person, "old");
        Assert.False(feed.TryStamp(person, out _));

        feed.LearnedStamp(feed.BeginStamp(), person, null);
        Assert.False(feed.TryStamp(person, out _));
        feed.LearnedStamp(feed.BeginStamp(), person, "s1");
        Assert.True(feed.TryStamp(person, out var stamp));
        Assert.Equal("s1", stamp);

        feed.Heard($"{HeadVersionFeed.StampPrefix}{person}");
        Assert.False(feed.TryStamp(person, out _));

        feed.LearnedStamp(feed.BeginStamp(), person, "s2");
        began = feed.BeginStamp();
        feed.Lost();
        feed.Listening();
        feed.LearnedStamp(began, person, "s2");
        Assert.False(feed.TryStamp(person, out _));
    }

    /// <summary>
    /// Signed in, the stamp of a person already seen is not read again: with <c>AspNetUsers</c> renamed away, their
    /// signed-in community page is still answered, as theirs.
    /// </summary>
    [Fact]
    public async Task ASignedInReadOfAKnownPerson_AsksTheStoreNothing()
    {
        await using var app = TestApp.Create("postgres");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await LiveAsync(app);
        var before = await CommunityAsync(admin.Client, slug);

        await SqlAsync(app, """ALTER TABLE "AspNetUsers" RENAME TO users_away""");
        try
        {
            var response = await admin.Client.GetAsync($"/api/v1/communities/{slug}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(before.GetRawText(), (await response.JsonAsync()).GetRawText());
        }
        finally
        {
            await SqlAsync(app, """ALTER TABLE users_away RENAME TO "AspNetUsers" """);
        }

        Assert.True(Feed(app).TryStamp(Guid.Parse(admin.Id), out _));
    }

    /// <summary>
    /// The attack: a token revoked through one server, used again at once. Here no notification ever comes (the
    /// listener is off, the feed made live by hand), so only the server's own save can make it forget the stamp.
    /// </summary>
    [Fact]
    public async Task ATokenRevokedThroughThisServer_IsRefusedByItsVeryNextRequest_WithoutTheNotification()
    {
        await using var app = TestApp.Create("postgres");
        app.Settings["Mikoshi:ReadCache:Versions"] = "read";
        var person = await app.SignUpAsync();
        var other = await app.SignUpAsync();
        Feed(app).Listening();
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.True(Feed(app).TryStamp(Guid.Parse(person.Id), out _));

        Assert.Equal(HttpStatusCode.NoContent, (await person.Client.PostAsync("/api/v1/auth/revoke", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    /// <summary>
    /// A person changed inside a transaction (as a wallet's unlinking does, in a write): a stamp read after the save but
    /// before the commit still sees the old one, and is kept; the commit must make the feed forget it.
    /// </summary>
    [Fact]
    public async Task APersonChangedInsideATransaction_IsForgottenWhenItCommits_NotOnlyWhenItIsSaved()
    {
        await using var app = TestApp.Create("postgres");
        app.Settings["Mikoshi:ReadCache:Versions"] = "read";
        var person = await app.SignUpAsync();
        var id = Guid.Parse(person.Id);
        var feed = Feed(app);
        feed.Listening();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        var old = user.SecurityStamp;
        user.SecurityStamp = "changed inside a transaction";
        await db.SaveChangesAsync();
        feed.LearnedStamp(feed.BeginStamp(), id, old);
        Assert.True(feed.TryStamp(id, out _));

        await transaction.CommitAsync();

        Assert.False(feed.TryStamp(id, out _), "the stamp read before the commit outlived it");
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    /// <summary>A token revoked through one replica is refused through the other as soon as the notification arrives.</summary>
    [Fact]
    public async Task ATokenRevokedThroughOneReplica_IsRefusedThroughTheOther_WhenItHears()
    {
        await using var app = TestApp.Create("postgres");
        await using var replica = app.WithWebHostBuilder(_ => { });
        var person = await app.SignUpAsync();
        var there = replica.CreateClient();
        there.DefaultRequestHeaders.Authorization = person.Client.DefaultRequestHeaders.Authorization;
        await LiveAsync(app);
        await LiveAsync(replica);
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync("/api/v1/me")).StatusCode);
        Assert.True(Feed(replica).TryStamp(Guid.Parse(person.Id), out _));

        Assert.Equal(HttpStatusCode.NoContent, (await person.Client.PostAsync("/api/v1/auth/revoke", null)).StatusCode);

        var waited = Stopwatch.StartNew();
        while ((await there.GetAsync("/api/v1/me")).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the other replica still takes the revoked token");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Once the community is known, the store is not asked: with the <c>communities</c> table renamed away, the cached
    /// page is still served (the version statement reads that table, so it would fail). With
    /// <c>Mikoshi:ReadCache:Versions=read</c> the same request fails.
    /// </summary>
    [Theory]
    [InlineData("notify", HttpStatusCode.OK)]
    [InlineData("read", HttpStatusCode.InternalServerError)]
    public async Task AKnownCommunity_IsReadWithoutAskingTheStore_UnlessVersionsAreRead(string versions, HttpStatusCode withTheTableAway)
    {
        await using var app = TestApp.Create("postgres");
        app.Settings["Mikoshi:ReadCache:Versions"] = versions;
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "1200");
        var visitor = app.CreateClient();
        if (versions == "notify")
        {
            await LiveAsync(app);
        }

        Assert.Equal("1200", Treasury(await CommunityAsync(visitor, slug)));

        await SqlAsync(app, """ALTER TABLE communities RENAME TO communities_away""");
        try
        {
            var response = await visitor.GetAsync($"/api/v1/communities/{slug}");
            Assert.Equal(withTheTableAway, response.StatusCode);
        }
        finally
        {
            await SqlAsync(app, """ALTER TABLE communities_away RENAME TO communities""");
        }
    }

    /// <summary>
    /// Two replicas, each with its feed: a write is read at once through the replica that made it, and through the
    /// other once its notification arrives (bounded here by ten seconds; it takes milliseconds).
    /// </summary>
    [Fact]
    public async Task AWriteThroughOneReplica_IsReadThroughItAtOnce_AndThroughTheOtherWhenItHears()
    {
        await using var app = TestApp.Create("postgres");
        await using var replica = app.WithWebHostBuilder(_ => { });
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var here = app.CreateClient();
        var there = replica.CreateClient();
        await LiveAsync(app);
        await LiveAsync(replica);
        Assert.Equal("0", Treasury(await CommunityAsync(here, slug)));
        Assert.Equal("0", Treasury(await CommunityAsync(there, slug)));

        await admin.DepositAsync(slug, "7000");

        Assert.Equal("7000", Treasury(await CommunityAsync(here, slug)));
        Assert.True(await SeenAsync(there, slug, "7000"), "the other replica never read the deposit");
        Assert.True(Feed(replica).TryFind(slug, out _, out _), "the other replica's feed does not know the community");
    }

    /// <summary>
    /// A replica reads its own writes at once, without waiting for their notifications: here none ever comes (the
    /// listener is off, the feed made live by hand), and two deposits and a mint — lean writes and a tracked one — are
    /// each read by the next request.
    /// </summary>
    [Fact]
    public async Task AReplicasOwnWrites_AreReadAtOnce_WithoutTheirNotifications()
    {
        await using var app = TestApp.Create("postgres");
        app.Settings["Mikoshi:ReadCache:Versions"] = "read";
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var visitor = app.CreateClient();
        Feed(app).Listening();
        Assert.Equal("0", Treasury(await CommunityAsync(visitor, slug)));
        Assert.True(Feed(app).TryFind(slug, out _, out var before));

        await admin.DepositAsync(slug, "50000", personId: aki.Id);
        Assert.Equal("0", Treasury(await CommunityAsync(visitor, slug)));
        await admin.DepositAsync(slug, "300");
        var people = People(await CommunityAsync(visitor, slug));
        Assert.Equal("300", Treasury(await CommunityAsync(visitor, slug)));

        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        Assert.Equal(people + 1, People(await CommunityAsync(visitor, slug)));
        Assert.True(Feed(app).TryFind(slug, out _, out var after));
        Assert.True(after.Chain > before.Chain);
    }

    /// <summary>
    /// The attack on the feed: a notification that never arrives. The listeners' connections are killed and, once they
    /// are gone, a head moves (a commit whose notification cannot reach this replica). When the feed is live again it
    /// must not answer from what it knew before; and a deposit through the other replica afterwards is read here.
    /// </summary>
    [Fact]
    public async Task AListenerThatLosesItsConnection_ForgetsWhatItKnew_SoACommitItWasNotToldOfIsStillRead()
    {
        await using var app = TestApp.Create("postgres");
        await using var replica = app.WithWebHostBuilder(_ => { });
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var treasurer = replica.CreateClient();
        treasurer.DefaultRequestHeaders.Authorization = admin.Client.DefaultRequestHeaders.Authorization;
        var visitor = app.CreateClient();
        await LiveAsync(app);
        await LiveAsync(replica);
        Assert.Equal("0", Treasury(await CommunityAsync(visitor, slug)));
        Assert.True(Feed(app).TryFind(slug, out var community, out var known));
        var first = Feed(app).Epoch;

        // pg_terminate_backend with a timeout waits until the backends are gone; the head moves after that, in a
        // statement of its own, before the listener can be back (it pauses first).
        Assert.Equal(2, await ScalarAsync(app, $"""
            SELECT count(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity
            WHERE application_name = '{HeadVersionListener.ApplicationName}' AND datname = current_database()
            """));
        Assert.Equal(1, await ScalarAsync(app, $"""
            WITH moved AS (UPDATE chain_heads SET "Version" = "Version" + 1 WHERE "Chain" = '{community.Value}' RETURNING 1)
            SELECT count(*) FROM moved
            """));
        var waited = Stopwatch.StartNew();
        while (Feed(app).Epoch is var epoch && (epoch == 0 || epoch == first))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the listener never listened again");
            await Task.Delay(5);
        }

        Assert.False(Feed(app).TryFind(slug, out _, out var stale), $"the feed answers at {stale.Chain}, from before a commit it was not told of");
        Assert.Equal("0", Treasury(await CommunityAsync(visitor, slug)));
        Assert.True(Feed(app).TryFind(slug, out _, out var now));
        Assert.Equal(known.Chain + 1, now.Chain);

        var deposited = await treasurer.PostJsonAsync($"/api/v1/communities/{slug}/deposits", new { asset = "JPY", amount = "900", reference = "r" });
        Assert.Equal(HttpStatusCode.Created, deposited.StatusCode);
        Assert.True(await SeenAsync(visitor, slug, "900"), "the deposit through the other replica was never read here");
    }

    private static HeadVersionFeed Feed(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<HeadVersionFeed>();

    private static async Task LiveAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        var feed = Feed(app);
        var waited = Stopwatch.StartNew();
        while (!feed.IsLive)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the feed never went live");
            await Task.Delay(20);
        }
    }

    private static async Task<bool> SeenAsync(HttpClient client, string slug, string treasury)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (Treasury(await CommunityAsync(client, slug)) == treasury)
            {
                return true;
            }

            await Task.Delay(10);
        }

        return false;
    }

    private static async Task SqlAsync(TestApp app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.Store.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(TestApp app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.Store.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<JsonElement> CommunityAsync(HttpClient client, string slug)
    {
        var response = await client.GetAsync($"/api/v1/communities/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static int People(JsonElement community) => community.GetProperty("figures").GetProperty("people").GetInt32();

    private static string Treasury(JsonElement community) =>
        community.GetProperty("figures").GetProperty("treasury").EnumerateArray()
            .Where(a => a.GetProperty("asset").GetString() == "JPY").Select(a => a.GetProperty("amount").GetString()!).SingleOrDefault() ?? "0";
}
