using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain.Audit;
using Mikoshi.Features.Secrets;
using Mikoshi.Tests.Cli;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>
/// The streaming verifier hashes as the writer does, reads one state while the server writes, and its incremental
/// mode (`mikoshi verify --since-checkpoint`) checks only what is new since a signed checkpoint: it trusts what lies
/// before a valid checkpoint (a full run is what finds an edit there), and refuses a checkpoint that was edited.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class IncrementalVerifyTests
{
    [Fact]
    public void LinkHasher_HashesEveryLinkExactlyAsTheAuditChainDoes()
    {
        var random = new Random(18);
        var texts = new List<string> { string.Empty, "system", "ledger.deposit", "{\"memo\":\"会費 🎉\"}", "\ud800 lone", "x|7:y|", new string('長', 5000) };
        for (var i = 0; i < 200; i++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = (char)random.Next(0, 0x10000);
            }

            texts.Add(new string(chars));
        }

        using var hasher = new LinkHasher();
        var hash = new byte[32];
        for (var i = 0; i < texts.Count; i++)
        {
            var (actor, kind, payload) = (texts[i], texts[(i + 1) % texts.Count], texts[(i + 2) % texts.Count]);
            var previous = new byte[i % 7 == 0 ? random.Next(0, 40) : 32];
            random.NextBytes(previous);
            var chain = Guid.NewGuid();
            var (sequence, at) = (random.NextInt64(long.MinValue, long.MaxValue), random.NextInt64(long.MinValue, long.MaxValue));

            // The store keeps text as UTF-8 (a lone surrogate becomes U+FFFD there, as in the hash) and a hash as its bytes.
            hasher.Hash(chain, sequence, at, Encoding.UTF8.GetBytes(actor), Encoding.UTF8.GetBytes(kind), Encoding.UTF8.GetBytes(payload), previous, hash);
            Assert.Equal(AuditChain.HashOf(chain, sequence, at, actor, kind, payload, Convert.ToHexStringLower(previous)), Convert.ToHexStringLower(hash));
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task SinceCheckpoint_ChecksOnlyWhatIsNew_TrustsOnlyWhatASignedCheckpointCovers_AndRefusesAnEditedOne(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var other = await admin.FoundCommunityAsync();
        foreach (var amount in new[] { "1500", "2500", "3500" })
        {
            await admin.DepositAsync(slug, amount);
        }

        await admin.DepositAsync(other, "100");
        await admin.DepositAsync(other, "200");
        var kek = app.Services.GetRequiredService<KeyEncryptionKey>();
        var key = new CheckpointKey(kek.Derive(CheckpointKey.Purpose), kek.Id);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var verifier = scope.ServiceProvider.GetRequiredService<Verifier>();
        var community = (await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug)).Id.Value;
        var second = (await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == other)).Id.Value;

        // While deposits commit, every verifier reader sees one state: no false finding.
        var writes = Enumerable.Range(0, 6).Select(_ => admin.DepositAsync(other, "7")).ToList();
        var duringWrites = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var own = app.Scope();
            return await own.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();
        }));
        await Task.WhenAll(writes);
        Assert.All(duringWrites, report => Assert.True(report.IsClean, string.Join("\n", report.Findings)));

        // No checkpoint yet: everything is checked, then checkpoints are stored (the instance's chain and two communities).
        var first = await verifier.VerifySinceCheckpointAsync(key);
        Assert.True(first.IsClean, string.Join("\n", first.Findings));
        Assert.Equal(3, first.CheckpointsStored);
        Assert.Contains(first.Notes, n => n.Contains("0 chain(s) checked from their checkpoints, 3 from the beginning", StringComparison.Ordinal));

        // Only what is new is read: two links and two entries.
        await admin.DepositAsync(slug, "4500");
        await admin.DepositAsync(slug, "5500");
        var next = await verifier.VerifySinceCheckpointAsync(key);
        Assert.True(next.IsClean, string.Join("\n", next.Findings));
        Assert.Equal((2, 2), (next.AuditLinks, next.JournalEntries));

        // An entry edited before the checkpoint: the incremental run trusts it (the documented limit); the full run names it.
        // Both communities edited: findings come in chain order whatever finished first.
        const string editMemo = "UPDATE journal_entries SET \"Memo\" = {0} WHERE \"Number\" = 1 AND \"CommunityId\" = {1}";
        await db.Database.ExecuteSqlRawAsync(editMemo, "membership feE", community);
        await db.Database.ExecuteSqlRawAsync(editMemo, "membership feE", second);
        Assert.True((await verifier.VerifySinceCheckpointAsync(key)).IsClean);
        var full = await verifier.VerifyAsync();
        Assert.Equal(
            new[] { community, second }.Order().Select(c => $"community {c:N} entry 1").ToArray(),
            full.Findings.Select(f => f.Where).ToArray());

        // An entry after the checkpoint, and a balance whose postings are all before it, are caught incrementally.
        await admin.DepositAsync(slug, "6500");
        await db.Database.ExecuteSqlRawAsync("UPDATE journal_entries SET \"Memo\" = {0} WHERE \"Number\" = 6 AND \"CommunityId\" = {1}", "membership feE", community);
        var afterEdit = await verifier.VerifySinceCheckpointAsync(key);
        Assert.Equal($"community {community:N} entry 6", Assert.Single(afterEdit.Findings).Where);
        Assert.Equal(0, afterEdit.CheckpointsStored);
        await db.Database.ExecuteSqlRawAsync("UPDATE journal_entries SET \"Memo\" = {0} WHERE \"Number\" = 6 AND \"CommunityId\" = {1}", "membership fee", community);
        var treasury = provider == "sqlite"
            ? "UPDATE balances SET \"Units\" = CAST(CAST(\"Units\" AS INTEGER) + {1} AS TEXT) WHERE \"Account\" = 'treasury' AND \"CommunityId\" = {0}"
            : "UPDATE balances SET \"Units\" = \"Units\" + {1} WHERE \"Account\" = 'treasury' AND \"CommunityId\" = {0}";
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(treasury, second, 1));
        var balance = await verifier.VerifySinceCheckpointAsync(key);
        Assert.Equal($"community {second:N} balances", balance.Findings[0].Where);
        Assert.Equal(["treasury-pool JPY"], balance.Findings.Skip(1).Select(f => f.Where));
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(treasury, second, -1));

        // A checkpoint edited in the database (or signed with another key) is refused, and a full run is demanded.
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE verify_checkpoints SET \"EntryNumber\" = \"EntryNumber\" + 1 WHERE \"Chain\" = {0}", community));
        var edited = await verifier.VerifySinceCheckpointAsync(key);
        Assert.Equal($"chain {community:N} checkpoint", Assert.Single(edited.Findings).Where);
        Assert.Equal(0, edited.CheckpointsStored);
        var stranger = new CheckpointKey(new byte[32], "stranger");
        Assert.Equal(3, (await verifier.VerifySinceCheckpointAsync(stranger)).Findings.Count(f => f.Where.EndsWith(" checkpoint", StringComparison.Ordinal)));

        // From the command line: refused, exit 1; a full run with --checkpoint starts again once the books are mended.
        string[] store = ["--provider", provider, "--db", app.Store.ConnectionString];
        var refused = await CliTests.RunAsync(["verify", "--since-checkpoint", .. store]);
        Assert.Equal(1, refused.Code);
        Assert.Contains($"MISMATCH at chain {community:N} checkpoint", refused.Output, StringComparison.Ordinal);
        Assert.Contains("mikoshi verify --checkpoint", refused.Output, StringComparison.Ordinal);
        await db.Database.ExecuteSqlRawAsync(editMemo, "membership fee", community);
        await db.Database.ExecuteSqlRawAsync(editMemo, "membership fee", second);
        var again = await CliTests.RunAsync(["verify", "--checkpoint", .. store]);
        Assert.True(again.Code == 0, again.Output + again.Error);
        Assert.Contains("3 checkpoint(s) stored.", again.Output, StringComparison.Ordinal);
        var resumed = await verifier.VerifySinceCheckpointAsync(key);
        Assert.True(resumed.IsClean, string.Join("\n", resumed.Findings));
        Assert.Equal(0, resumed.AuditLinks);
    }
}
