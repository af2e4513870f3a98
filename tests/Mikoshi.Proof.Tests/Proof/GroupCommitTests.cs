using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Ledger;
using Mikoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mikoshi.Tests.Proof;

/// <summary>
/// Group commit (issue #18 part 2): writes that arrive while one commits share its transaction and its commit, each in
/// a savepoint of its own — a failing write is rolled back alone and its partners commit; every caller gets its own
/// answer; a crash loses a whole group and no caller was told success.
/// </summary>
public sealed class GroupCommitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FailingWritesInsideAGroup_RollBackAlone_TheirPartnersCommit_EachCallerGetsItsOwnAnswer()
    {
        await using var app = TestApp.Create("sqlite");
        var api = new ProofApi(app.CreateClient());
        var treasurer = await api.SignUpAsync("Treasurer");
        var slug = await api.FoundAsync(treasurer);
        var chain = await ProofStore.ReadAsync(app.Store, async db => (await db.Communities.SingleAsync(c => c.Slug == slug)).Id.Value);
        var before = await TreasuryAsync(app, chain);

        // The next group on this file stays open until four writes are in it: a good one, one that posts and then
        // refuses, one that posts and then throws, and another good one — in whatever order they arrive.
        SqliteGroupCommit.HoldNextGroupFor(app.Store.ConnectionString, 4);
        var good = DepositAsync(app, chain, 100, "good-1", _ => CommonErrors.Forbidden, fail: false);
        var refused = DepositAsync(app, chain, 20_000, "refused", _ => CommonErrors.Forbidden, fail: true);
        var thrown = DepositAsync(app, chain, 300_000, "thrown", _ => throw new InvalidOperationException("the work broke after posting"), fail: true);
        var alsoGood = DepositAsync(app, chain, 4_000_000, "good-2", _ => CommonErrors.Forbidden, fail: false);

        var first = await good;
        var second = await alsoGood;
        Assert.True(first.IsSuccess && !first.Value.Replayed, first.IsSuccess ? "replayed" : first.Error.Code);
        Assert.True(second.IsSuccess && !second.Value.Replayed, second.IsSuccess ? "replayed" : second.Error.Code);
        var refusal = await refused;
        Assert.False(refusal.IsSuccess);
        Assert.Equal(CommonErrors.Forbidden.Code, refusal.Error.Code);
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => thrown);
        Assert.Equal("the work broke after posting", exception.Message);

        // Only the two good deposits are in the books: their entries, their keys, their money, numbered without a gap.
        Assert.Equal(before + 4_000_100, await TreasuryAsync(app, chain));
        var (references, numbers, keys) = await ProofStore.ReadAsync(app.Store, async db =>
        {
            var community = new Domain.Communities.CommunityId(chain);
            var entries = await db.JournalEntries.AsNoTracking().Where(e => e.CommunityId == community).Select(e => new { e.Number, e.Reference }).ToListAsync();
            var stored = await db.IdempotencyKeys.AsNoTracking().Where(k => k.Scope == "group-test").Select(k => k.Key).ToListAsync();
            return (entries.Select(e => e.Reference).ToHashSet(), entries.Select(e => e.Number).Order().ToList(), stored.Order().ToList());
        });
        Assert.Contains("good-1", references);
        Assert.Contains("good-2", references);
        Assert.DoesNotContain("refused", references);
        Assert.DoesNotContain("thrown", references);
        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => (long)n), numbers);
        Assert.Equal(new[] { "good-1", "good-2" }, keys);

        // Each caller's answer was its own, and a retry replays it.
        Assert.NotEqual(first.Value.Value, second.Value.Value);
        var replay = await DepositAsync(app, chain, 100, "good-1", _ => CommonErrors.Forbidden, fail: false);
        Assert.True(replay.IsSuccess && replay.Value.Replayed);
        Assert.Equal(first.Value.Value, replay.Value.Value);
        var report = await ProofStore.ReadAsync(app.Store, db => new Verifier(db).VerifyAsync());
        Assert.True(report.IsClean, string.Join("\n", report.Findings));
    }

    /// <summary>
    /// The file's writer connection stays open between writes, with its statements prepared. Deposits through the lean
    /// write before and after it is closed — on request, as before a file is copied, and by its idle timer — all commit,
    /// numbered without a gap; a copy of the database file alone, taken after the close, holds every one of them (with
    /// the writer's connection still open, the last writes would be only in the write-ahead log beside it); and the books
    /// verify clean.
    /// </summary>
    [Fact]
    public async Task WriterConnection_KeptBetweenWrites_ClosedOnRequestAndWhenIdle_NoWriteLost()
    {
        var store = ProofStore.Fresh("sqlite");
        try
        {
            Actor treasurer;
            string slug;
            await using (var app = TestApp.On(store))
            {
                var api = new ProofApi(app.CreateClient());
                treasurer = await api.SignUpAsync("Treasurer");
                slug = await api.FoundAsync(treasurer);
                for (var i = 0; i < 5; i++)
                {
                    await api.DepositAsync(slug, treasurer, 1_000 + i, key: $"before-{i}");
                }
            }

            // The app is gone, its read lanes with it; the pool's connections and then the writer's are closed, and the
            // last to close folds the write-ahead log into the file.
            SqliteGroupCommit.CloseConnections();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
            var copy = Path.Combine(Path.GetTempPath(), $"mikoshi-copy-{Guid.NewGuid():N}.db");
            try
            {
                File.Copy(file, copy);
                Assert.Equal(5, await CountDepositsAsync($"Data Source={copy};Pooling=False"));
            }
            finally
            {
                File.Delete(copy);
            }

            // Reopened by the next write; then left idle past the timer, which closes it; then opened again.
            await using (var app = TestApp.On(store))
            {
                var api = new ProofApi(app.CreateClient());
                treasurer = await api.SignInAgainAsync(treasurer);
                await api.DepositAsync(slug, treasurer, 2_000, key: "after-close");
                await Task.Delay(SqliteGroupCommit.IdleClose * 2);
                await api.DepositAsync(slug, treasurer, 3_000, key: "after-idle");
            }

            var numbers = await ProofStore.ReadAsync(store, db => db.JournalEntries.AsNoTracking().Select(e => e.Number).ToListAsync());
            Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => (long)n), numbers.Order());
            Assert.Equal(7, await CountDepositsAsync(store.ConnectionString));
            var report = await ProofStore.ReadAsync(store, db => new Verifier(db).VerifyAsync());
            Assert.True(report.IsClean, string.Join("\n", report.Findings));
        }
        finally
        {
            ProofStore.Delete(store);
        }
    }

    /// <summary>16 clients deposit at once, each retrying every deposit with its key: one entry per key, the books exact.</summary>
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task SixteenClientsDepositingAtOnce_WithRetries_EachKeyOnce_BooksExact(string provider)
    {
        const int clients = 16, each = 4;
        await using var app = TestApp.Create(provider);
        var api = new ProofApi(app.CreateClient());
        var treasurer = await api.SignUpAsync("Treasurer");
        var slug = await api.FoundAsync(treasurer);
        var before = await api.BalancesAsync(slug, treasurer);

        var answers = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = new List<(long Amount, Answer First, Answer Retry)>();
            for (var n = 0; n < each; n++)
            {
                var amount = 1_000 + (client * each) + n;
                var key = $"c{client}-{n}";
                var body = new { asset = "JPY", amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), reference = key, memo = "sixteen", personId = (string?)null };
                var sent = api.PostAsync($"/api/v1/communities/{slug}/deposits", body, treasurer, key);
                var retried = api.PostAsync($"/api/v1/communities/{slug}/deposits", body, treasurer, key);
                mine.Add((amount, await sent, await retried));
            }

            return mine;
        })));

        var all = answers.SelectMany(a => a).ToList();
        foreach (var (amount, first, retry) in all)
        {
            Assert.True(first.IsSuccess && retry.IsSuccess, $"{amount}: {first} / {retry}");
            Assert.True(first.Replayed != retry.Replayed, $"{amount}: exactly one of the two answers must be the replay: {first.Replayed} / {retry.Replayed}");
            Assert.Equal(first.Json.GetProperty("entry").GetInt64(), retry.Json.GetProperty("entry").GetInt64());
        }

        var after = await api.BalancesAsync(slug, treasurer);
        Assert.Equal(before.GetValueOrDefault(("treasury", "JPY")) + all.Sum(a => a.Amount), after[("treasury", "JPY")]);
        Assert.Equal(clients * each, all.Select(a => a.First.Json.GetProperty("entry").GetInt64()).Distinct().Count());
        var report = await ProofStore.ReadAsync(app.Store, db => new Verifier(db).VerifyAsync());
        Assert.True(report.IsClean, string.Join("\n", report.Findings));
    }

    /// <summary>
    /// The crash storm (<see cref="CrashStorm"/>) with many clients on one community, so writes queue behind one another
    /// and commit in groups, and a kill lands while several are in flight: every acknowledged write is there once, none
    /// half-written, the books equal the answers and <c>mikoshi verify</c> is clean. On SQLite every write can share the
    /// file's group, and the deposits also go into their chain's (<see cref="ChainGroups"/>): twelve members trade beside
    /// six treasurer clients depositing and paying in revenue. On PostgreSQL only the deposits share groups, so there
    /// twelve clients deposit and pay in revenue, and two members mint, list, buy and redeem beside them.
    /// </summary>
    [Theory]
    [InlineData("sqlite", 12, 6)]
    [InlineData("postgres", 2, 12)]
    public async Task ServerKilledDuringGroupCommits_EveryAcknowledgedWriteOnce_NoneHalfWritten_VerifyClean(string provider, int memberClients, int treasurerClients)
    {
        var seed = ProofSettings.Seed();
        var store = ProofStore.Fresh(provider);
        try
        {
            var report = await new CrashStorm(store, provider, kills: ProofSettings.Kills(2), memberClients, seed, treasurerClients).RunAsync();
            output.WriteLine($"{report.Summary} (MIKOSHI_PROOF_SEED={seed})");

            Assert.True(report.Failures.Count == 0, $"{report.Summary}, seed {seed}:\n" + string.Join("\n", report.Failures.Take(30)));
            Assert.True(report.Succeeded > 0, report.Summary);

            // Several writes were in flight together at the kills: queued behind a group, or in one.
            Assert.True(report.Interrupted >= 2, $"fewer than two writes in flight at the kills: {report.Summary}");
        }
        finally
        {
            ProofStore.Delete(store);
        }
    }

    private static async Task<Result<Committed<long>>> DepositAsync(TestApp app, Guid chain, long amount, string key, Func<long, Result<long>> failure, bool fail)
    {
        // Each write on its own scope and context, as each request gets.
        await using var scope = app.Scope();
        var writer = scope.ServiceProvider.GetRequiredService<Writer>();
        var entry = JournalEntry.Move("deposit", "group", AccountId.External, AccountId.Treasury, Money.Of(Asset.Jpy, amount)).Value;
        return await writer.RunAsync(chain, "group-test", new IdempotencyKey(key, $"deposit {key} {amount}"), async write =>
        {
            var posted = await write.PostAsync(entry, key);
            return fail && posted.IsSuccess ? failure(posted.Value) : posted;
        });
    }

    /// <summary>The deposits the proof API made (memo "proof") in the SQLite file <paramref name="connectionString"/> names.</summary>
    private static async Task<long> CountDepositsAsync(string connectionString)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM journal_entries WHERE \"Kind\" = 'deposit' AND \"Memo\" = 'proof'";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task<Int128> TreasuryAsync(TestApp app, Guid chain) =>
        ProofStore.ReadAsync(app.Store, async db =>
        {
            var community = new Domain.Communities.CommunityId(chain);
            var row = await db.Balances.AsNoTracking().SingleOrDefaultAsync(b => b.CommunityId == community && b.Account == "treasury" && b.Asset == "JPY");
            return row?.Units ?? Int128.Zero;
        });
}
