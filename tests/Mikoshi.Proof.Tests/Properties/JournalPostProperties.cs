using System.Net;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mikoshi.Tests.Properties;

/// <summary>
/// The lean write (<see cref="Writer.PostAsync{T}"/>, hand-written statements) against the tracked one
/// (<see cref="Writer.RunAsync{T}(Guid, string, IdempotencyKey?, Func{WriteScope, Task{Result{T}}}, CancellationToken)"/>
/// with <see cref="WriteScope.PostAsync"/>, through EF): the same random sequence of entries — deposits, moves between
/// people, into and out of the treasury, overdrafts, amounts near the top of the range, retries and reused keys — is
/// posted to two communities alike, one through each path. Every answer must be the same, and so must every row they
/// leave: entries, postings, balances, the treasury's pools (with tokens in circulation, so inflows are shared), audit
/// payloads, the head, the stored answers; and the store must verify clean.
/// Reproduce a failure with the seed CsCheck prints: <c>CsCheck_Seed=... dotnet test --filter ...</c>.
/// </summary>
public sealed class JournalPostProperties(ITestOutputHelper output)
{
    private const int People = 3;

    /// <summary>Provider, sequences, longest sequence.</summary>
    public static TheoryData<string, int, int> Runs => new()
    {
        { "sqlite", 12, 16 },
        { "postgres", 4, 12 },
    };

    /// <summary>One step: what moves, between whom, how much, and how the request is keyed.</summary>
    /// <param name="Kind">0 deposit to the treasury, 1 deposit to a person, 2 person → treasury, 3 treasury → person, 4 person → person.</param>
    /// <param name="From">The person money leaves (kinds 2 and 4).</param>
    /// <param name="To">The person money reaches (kinds 1, 3 and 4).</param>
    /// <param name="Amount">Yen.</param>
    /// <param name="Huge">Adds 9 × 10^29, so that two such steps overflow a balance.</param>
    /// <param name="Memo">The entry's memo, if any.</param>
    /// <param name="Key">0 no key, 1 a new key, 2 the last key again with the same request (a retry), 3 the last key with another request.</param>
    public sealed record Step(int Kind, int From, int To, long Amount, bool Huge, int Key, string? Memo);

    private sealed record Posted(long Entry, string Reference);

    private static readonly Gen<Step> StepGen =
        from kind in Gen.Int[0, 4]
        from source in Gen.Int[0, People - 1]
        from target in Gen.Int[0, People - 1]
        from amount in Gen.Long[1, 5_000]
        from huge in Gen.Int[0, 9].Select(i => i == 0)
        from key in Gen.Int[0, 3]
        from memo in Gen.Int[0, 2].Select(i => i switch { 0 => null, 1 => "振込", _ => (string?)"note" })
        select new Step(kind, source, target, amount, huge, key, memo);

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task LeanAndTrackedPosts_AnswerAlike_AndLeaveTheSameRows(string provider, int sequences, int maxLength)
    {
        await using var app = TestApp.Create(provider);
        var founder = await app.SignUpAsync(displayName: "founder");
        var people = Enumerable.Range(0, People).Select(_ => AccountId.ForPerson(Guid.NewGuid())).ToArray();
        await Gen.Select(Gen.Int[0, 3], StepGen.Array[1, maxLength]).SampleAsync(async sample =>
            {
                var (supply, steps) = sample;
                var lean = await CommunityAsync(app, founder, supply);
                var tracked = await CommunityAsync(app, founder, supply);
                var run = Guid.NewGuid().ToString("N");
                foreach (var (_, entry, key, reference) in Posts(steps, people))
                {
                    var byLean = await PostLeanAsync(app, lean, key is null ? null : key with { Key = $"lean-{run}-{key.Key}" }, entry, reference);
                    var byTracked = await PostTrackedAsync(app, tracked, key is null ? null : key with { Key = $"tracked-{run}-{key.Key}" }, entry, reference);
                    Assert.Equal(Describe(byTracked), Describe(byLean));
                }

                await AssertAlikeAsync(app, tracked, lean, run, withVersion: true);
            },
            writeLine: output.WriteLine,
            seed: Environment.GetEnvironmentVariable("CsCheck_Seed"),
            iter: sequences,
            threads: 1,
            print: Print);
    }

    /// <summary>
    /// The lean writes' group commit (<see cref="ChainGroups"/>): a random sequence of lean posts made at once, held until
    /// all are waiting so they share one transaction, answers exactly as the tracked path does when the same posts are
    /// made one after another in the order the group took them, and leaves the same rows (the head's version aside: a
    /// group moves it once). Overdrafts, overflows and reused keys fail alone inside the group; a retry of a key in the
    /// group waits for the next group and replays it.
    /// </summary>
    [Theory]
    [InlineData("sqlite", 8, 12)]
    [InlineData("postgres", 6, 12)]
    public async Task LeanPostsInOneGroup_AnswerAsOneAfterAnother_AndLeaveTheSameRows(string provider, int sequences, int maxLength)
    {
        await using var app = TestApp.Create(provider);
        var founder = await app.SignUpAsync(displayName: "founder");
        var people = Enumerable.Range(0, People).Select(_ => AccountId.ForPerson(Guid.NewGuid())).ToArray();
        await Gen.Select(Gen.Int[0, 3], StepGen.Array[2, maxLength]).SampleAsync(async sample =>
            {
                var (supply, steps) = sample;
                var lean = await CommunityAsync(app, founder, supply);
                var tracked = await CommunityAsync(app, founder, supply);
                var run = Guid.NewGuid().ToString("N");
                var posts = Posts(steps, people);

                // Arrive one after another, all held until the last is waiting: one group, taken in this order.
                var chain = lean.RequireCommunity().Id.Value;
                ChainGroups.HoldNextGroupFor(chain, posts.Count);
                var pending = new List<Task<Result<Committed<Posted>>>>();
                foreach (var post in posts)
                {
                    pending.Add(PostLeanAsync(app, lean, post.Key is null ? null : post.Key with { Key = $"lean-{run}-{post.Key.Key}" }, post.Entry, post.Reference));
                    await QueuedAsync(chain, pending.Count, posts.Count);
                }

                var byLean = await Task.WhenAll(pending);
                var byTracked = new Dictionary<int, Result<Committed<Posted>>>();
                foreach (var i in TakenOrder(posts.Select(p => p.Key?.Key).ToList()))
                {
                    var (_, entry, key, reference) = posts[i];
                    byTracked[i] = await PostTrackedAsync(app, tracked, key is null ? null : key with { Key = $"tracked-{run}-{key.Key}" }, entry, reference);
                }

                for (var i = 0; i < posts.Count; i++)
                {
                    Assert.True(Describe(byTracked[i]) == Describe(byLean[i]), $"post {i} (step {posts[i].Step}): tracked {Describe(byTracked[i])}, lean {Describe(byLean[i])}");
                }

                await AssertAlikeAsync(app, tracked, lean, run, withVersion: false);
            },
            writeLine: output.WriteLine,
            seed: Environment.GetEnvironmentVariable("CsCheck_Seed"),
            iter: sequences,
            threads: 1,
            print: Print);
    }

    /// <summary>
    /// A group whose statements fail — a statement the store refuses, which no rule in memory catches: on PostgreSQL a
    /// reference longer than its column; on SQLite, which keeps any length, a trigger the test adds that refuses one
    /// reference — is rolled back whole and each post is made again alone: the culprit fails with the store's error (on
    /// SQLite a constraint, answered as a conflict), its partners commit with their own answers, numbered without a gap, and nothing of the failed group is left.
    /// </summary>
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AGroupWhoseStatementsFail_IsPostedAgainAlone_OnlyTheCulpritFails(string provider)
    {
        await using var app = TestApp.Create(provider);
        var founder = await app.SignUpAsync(displayName: "founder");
        var caller = await CommunityAsync(app, founder, 0);
        var chain = caller.RequireCommunity().Id.Value;
        var deposit = JournalEntry.Move("deposit", "group", AccountId.External, AccountId.Treasury, Money.Of(Asset.Jpy, 1_000)).Value;
        var culprit = provider == "sqlite" ? "refused by the store" : new string('x', 201);
        if (provider == "sqlite")
        {
            // Refused after the entry's row is in, so the group's savepoint has something to roll back.
            await using var setup = app.Scope();
            await setup.ServiceProvider.GetRequiredService<MikoshiDb>().Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse_culprit AFTER INSERT ON postings WHEN (SELECT \"Reference\" FROM journal_entries WHERE \"CommunityId\" = NEW.\"CommunityId\" AND \"Number\" = NEW.\"EntryNumber\") = 'refused by the store' BEGIN SELECT RAISE(ABORT, 'culprit refused'); END");
        }

        ChainGroups.HoldNextGroupFor(chain, 3);
        var references = new[] { "first", culprit, "third" };
        var pending = new List<Task<Result<Committed<Posted>>>>();
        foreach (var reference in references)
        {
            pending.Add(PostLeanAsync(app, caller, new IdempotencyKey($"fallback-{reference[..5]}-{chain:N}", reference), deposit, reference));
            await QueuedAsync(chain, pending.Count, references.Length);
        }

        var first = await pending[0];
        var third = await pending[2];
        if (provider == "sqlite")
        {
            // SQLite reports a trigger's refusal as a constraint, which a write answers as a conflict.
            var refused = await pending[1];
            Assert.Equal(WriteErrors.Conflict.Code, refused.IsSuccess ? "ok" : refused.Error.Code);
        }
        else
        {
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() => pending[1]);
        }

        Assert.True(first.IsSuccess && third.IsSuccess, $"{Describe(first)} / {Describe(third)}");
        Assert.Equal(first.Value.Value.Entry + 1, third.Value.Value.Entry);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var stored = await db.JournalEntries.AsNoTracking().Where(e => e.CommunityId == caller.RequireCommunity().Id && e.Kind == "deposit").Select(e => e.Reference).ToListAsync();
        Assert.Equal(["first", "third"], stored.Order(StringComparer.Ordinal));
        var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();
        Assert.True(report.IsClean, string.Join("; ", report.Findings));
    }

    /// <summary>The order a group takes posts in (<see cref="ChainGroups"/>): oldest first, a post whose key is in the group already waiting for the next.</summary>
    private static List<int> TakenOrder(List<string?> keys)
    {
        var order = new List<int>();
        var left = Enumerable.Range(0, keys.Count).ToList();
        while (left.Count > 0)
        {
            var inGroup = new HashSet<string>(StringComparer.Ordinal);
            var taken = left.Where(i => keys[i] is not { } key || inGroup.Add(key)).ToList();
            order.AddRange(taken);
            left = left.Except(taken).ToList();
        }

        return order;
    }

    /// <summary>
    /// Waits until the <paramref name="sent"/>th post is queued, so the next one queues behind it. Not after the last: the
    /// held group is then complete and may already have been taken.
    /// </summary>
    private static async Task QueuedAsync(Guid chain, int sent, int all)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (sent < all && ChainGroups.Waiting(chain) < sent)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "A post never reached the group's queue.");
            await Task.Delay(1);
        }
    }

    /// <summary>Both communities hold the same rows (the head's version compared only if asked), and the store verifies clean.</summary>
    private static async Task AssertAlikeAsync(TestApp app, Caller tracked, Caller lean, string run, bool withVersion)
    {
        Assert.Equal(
            await RowsAsync(app, tracked.RequireCommunity().Id, $"tracked-{run}-", withVersion),
            await RowsAsync(app, lean.RequireCommunity().Id, $"lean-{run}-", withVersion));
        await using var scope = app.Scope();
        var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();
        Assert.True(report.IsClean, string.Join("; ", report.Findings));
    }

    private static string Print((int Supply, Step[] Steps) sample) =>
        $"supply {sample.Supply}: " + string.Join(" | ", sample.Steps.Select(s => s.ToString()));

    /// <summary>
    /// The posts a sequence makes: each step's entry (a step whose entry the domain refuses makes none), its reference, and
    /// its key — new, the last one again (a retry), or the last one with another request.
    /// </summary>
    private static List<(int Step, JournalEntry Entry, IdempotencyKey? Key, string Reference)> Posts(Step[] steps, AccountId[] people)
    {
        var posts = new List<(int Step, JournalEntry Entry, IdempotencyKey? Key, string Reference)>();
        IdempotencyKey? last = null;
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var entry = Entry(step, people);
            if (!entry.IsSuccess)
            {
                continue;
            }

            var key = step.Key switch
            {
                1 => new IdempotencyKey($"k{i}", $"{step}"),
                2 => last,
                3 when last is not null => last with { Request = last.Request + " changed" },
                _ => null,
            };
            last = key ?? last;
            posts.Add((i, entry.Value, key, $"ref-{i}"));
        }

        return posts;
    }

    private static Result<JournalEntry> Entry(Step step, AccountId[] people)
    {
        var amount = Money.Of(Asset.Jpy, step.Huge ? Int128.Parse("900000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture) + step.Amount : step.Amount);
        var (from, to) = step.Kind switch
        {
            0 => (AccountId.External, AccountId.Treasury),
            1 => (AccountId.External, people[step.To]),
            2 => (people[step.From], AccountId.Treasury),
            3 => (AccountId.Treasury, people[step.To]),
            _ => (people[step.From], people[step.To]),
        };
        return JournalEntry.Move(step.Kind <= 1 ? "deposit" : "transfer", step.Memo, from, to, amount);
    }

    /// <summary>A community founded through the API, its founder (an admin) as the caller, holding <paramref name="supply"/> tokens bought through the API.</summary>
    private static async Task<Caller> CommunityAsync(TestApp app, Person founder, int supply)
    {
        var slug = await founder.FoundCommunityAsync();
        if (supply > 0)
        {
            await founder.DepositAsync(slug, "1000000", personId: founder.Id);
        }

        for (var i = 0; i < supply; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await founder.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        }

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        return new Caller(new PersonId(Guid.Parse(founder.Id)), await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug), new HashSet<Role> { Role.Visitor, Role.Admin });
    }

    private static async Task<Result<Committed<Posted>>> PostLeanAsync(TestApp app, Caller caller, IdempotencyKey? key, JournalEntry entry, string reference)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<Writer>()
            .PostAsync(caller, Access.Treasurer, key, entry, reference, number => new Posted(number, reference));
    }

    private static async Task<Result<Committed<Posted>>> PostTrackedAsync(TestApp app, Caller caller, IdempotencyKey? key, JournalEntry entry, string reference)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<Writer>()
            .RunAsync(caller, Access.Treasurer, key, async write =>
                (await write.PostAsync(entry, reference)).Map(number => new Posted(number, reference)));
    }

    private static string Describe(Result<Committed<Posted>> outcome) =>
        outcome.IsSuccess ? $"ok {outcome.Value.Value} replayed={outcome.Value.Replayed}" : $"refused {outcome.Error.Code}";

    /// <summary>Everything a post leaves in the store for one community, in a form two communities can be compared in.</summary>
    private static async Task<string> RowsAsync(TestApp app, CommunityId community, string keyPrefix, bool withVersion)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var entries = (await db.JournalEntries.AsNoTracking().Include(e => e.Postings).Where(e => e.CommunityId == community).ToListAsync())
            .OrderBy(e => e.Number)
            .Select(e => $"{e.Number} {e.Kind} {e.Memo} {e.Reference} {e.AtUnixMs} {e.Actor} {e.AuditSequence}: "
                + string.Join(", ", e.Postings.OrderBy(p => p.Index).Select(p => $"{p.Index} {p.Account} {p.Asset} {p.Units}")));
        var balances = (await db.Balances.AsNoTracking().Where(b => b.CommunityId == community).ToListAsync())
            .Select(b => $"{b.Account} {b.Asset} {b.Units}").Order(StringComparer.Ordinal);
        var pools = (await db.TreasuryPools.AsNoTracking().Where(p => p.CommunityId == community).ToListAsync())
            .Select(p => $"{p.Asset} {p.Units} {p.IssuedPerToken} {p.Unowned}").Order(StringComparer.Ordinal);
        var links = (await db.AuditLog.AsNoTracking().Where(a => a.Chain == community.Value).ToListAsync())
            .Where(a => a.Kind.StartsWith("ledger.", StringComparison.Ordinal))
            .OrderBy(a => a.Sequence).Select(a => $"{a.Sequence} {a.Kind} {a.AtUnixMs} {a.Actor} {a.Payload}");
        var head = await db.ChainHeads.AsNoTracking().SingleAsync(h => h.Chain == community.Value);
        var answers = (await db.IdempotencyKeys.AsNoTracking().Where(k => k.Key.StartsWith(keyPrefix)).ToListAsync())
            .Select(k => $"{k.Key[keyPrefix.Length..]} {k.RequestHash} {k.ResponseJson} {k.AtUnixMs}")
            .Order(StringComparer.Ordinal);
        return string.Join('\n', [.. entries, "--", .. balances, "--", .. pools, "--", .. links, "--",
            $"head {(withVersion ? head.Version : "-")} {head.LastEntryNumber} {head.AuditSequence} {head.People} {head.RoleHolders}", "--", .. answers]);
    }
}
