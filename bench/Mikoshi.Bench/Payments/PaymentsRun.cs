using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Payments;
using Mikoshi.Features.Payments;
using Stripe;

namespace Mikoshi.Bench.Payments;

public sealed record PaymentsResult(
    string Store,
    string Settings,
    int Events,
    int Distinct,
    double WebhookSeconds,
    double EventsPerSecond,
    int RawCommits,
    double RawCommitsPerSecond,
    int Lines,
    long FileBytes,
    double ImportSeconds,
    double LinesPerSecond,
    int Credited,
    int Unmatched);

/// <summary>
/// Payments on one store: 10^4 signed Stripe events (invoice.paid for monthly dues, each crediting the treasury),
/// 10% of them delivered twice and all shuffled, each checked with EventUtility.ConstructEvent and applied through
/// StripeWebhook.ApplyAsync in a fresh scope as one request would; next to the store's raw one-row commit rate in the
/// same run; then a 10^5-line 全銀協 入出金取引明細 file (one line in ten carrying a member's transfer code) imported
/// through BankTransfers.ImportAsync.
/// </summary>
public static class PaymentsRun
{
    private const string Secret = "whsec_bench";

    public static async Task<int> RunAsync(StoreProvider provider, string location, string resultFile, int events, int lines)
    {
        var name = provider == StoreProvider.Postgres ? "PostgreSQL" : "SQLite";
        await using var store = BenchStore.Create(provider, location, "mikoshi_bench_payments");
        await store.MigrateAsync();
        var settings = await store.DurabilityAsync();
        var community = await LedgerRun.FoundAsync(store, "bench-pay");
        var communityId = new CommunityId(community.Id);
        var people = await store.InScopeAsync(async db =>
        {
            var ids = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList();
            db.Users.AddRange(ids.Select((id, i) => new MikoshiUser { Id = id, UserName = $"bench{i}@example.jp", Email = $"bench{i}@example.jp", DisplayName = $"bench {i}" }));
            db.TransferCodes.AddRange(ids.Select((id, i) => new TransferCodeRow { CommunityId = communityId, PersonId = new PersonId(id), Code = TransferCode.Of(i + 1) }));
            await db.SaveChangesAsync();
            return ids;
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mikoshi:Stripe:SecretKey"] = "sk_bench",
            ["Mikoshi:Stripe:WebhookSecret"] = Secret,
        }).Build();
        var stripe = new StripeSettings(configuration);

        // 10^4 deliveries: 90% distinct invoices, 10% of those delivered a second time, shuffled.
        var distinct = events - events / 10;
        var now = DateTimeOffset.UtcNow;
        var payloads = Enumerable.Range(0, distinct).Select(i => Invoice(i, community.Id, people[i % people.Count], now)).ToList();
        var deliveries = payloads.Concat(payloads.Take(events - distinct)).OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToList();
        Console.WriteLine(Fmt.Invariant($"[{name}] {deliveries.Count:N0} webhook deliveries ({distinct:N0} distinct)"));
        var clock = Stopwatch.StartNew();
        foreach (var payload in deliveries)
        {
            var header = EventUtility.GenerateSignatureHeader(payload, Secret, now.ToUnixTimeSeconds());
            var stripeEvent = EventUtility.ConstructEvent(payload, header, Secret, 300, now.ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
            var written = await store.InScopeAsync(db => new StripeWebhook(stripe, new Writer(db, TimeProvider.System), db, TimeProvider.System).ApplyAsync(stripeEvent, payload));
            if (!written.IsSuccess)
            {
                throw new InvalidOperationException($"An event was refused: {written.Error!.Code}");
            }
        }

        var webhookSeconds = clock.Elapsed.TotalSeconds;
        var paid = await store.InScopeAsync(db => db.Payments.CountAsync(p => p.CommunityId == communityId));
        if (paid != distinct)
        {
            throw new InvalidOperationException($"{paid} payments for {distinct} distinct events.");
        }

        // The raw one-row commit rate, measured now on the same store and connection settings.
        await using var raw = await RawInsertLoop.CreateAsync(store);
        var rawCommits = Math.Min(events, 5_000);
        clock.Restart();
        for (var i = 0; i < rawCommits; i++)
        {
            await raw.InsertOneAsync();
        }

        var rawSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(Fmt.Invariant($"[{name}] webhooks {deliveries.Count / webhookSeconds:F0}/s; raw commits {rawCommits / rawSeconds:F0}/s"));

        var file = ZenginFile(lines, people.Count);
        var treasurer = new PersonId(Guid.Parse(community.Treasurer));
        clock.Restart();
        var imported = await store.InScopeAsync(async db =>
        {
            var found = await db.Communities.AsNoTracking().FirstAsync(c => c.Id == communityId);
            return await new BankTransfers(new Writer(db, TimeProvider.System), db, stripe).ImportAsync(treasurer, found, "zengin", file);
        });
        var importSeconds = clock.Elapsed.TotalSeconds;
        if (!imported.IsSuccess || imported.Value.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The import failed: {imported.Error?.Code ?? imported.Value.Errors[0].Reason}");
        }

        Console.WriteLine(Fmt.Invariant($"[{name}] {lines:N0}-line import in {importSeconds:F1} s ({lines / importSeconds:F0} lines/s)"));
        var result = new PaymentsResult(name, settings, deliveries.Count, distinct, webhookSeconds, deliveries.Count / webhookSeconds, rawCommits, rawCommits / rawSeconds,
            lines, file.Length, importSeconds, lines / importSeconds, imported.Value.Credited, imported.Value.Unmatched);
        await System.IO.File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result, LedgerRun.Json));
        return 0;
    }

    private static string Invoice(int i, Guid community, Guid person, DateTimeOffset at) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = $"evt_bench_{i}",
        ["object"] = "event",
        ["api_version"] = StripeConfiguration.ApiVersion,
        ["created"] = at.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["type"] = "invoice.paid",
        ["data"] = new
        {
            @object = new Dictionary<string, object?>
            {
                ["id"] = $"in_bench_{i}",
                ["object"] = "invoice",
                ["amount_paid"] = 500,
                ["currency"] = "jpy",
                ["status"] = "paid",
                ["parent"] = new
                {
                    type = "subscription_details",
                    subscription_details = new { subscription = $"sub_bench_{person:N}", metadata = new Dictionary<string, string> { ["community"] = community.ToString(), ["person"] = person.ToString() } },
                },
            },
        },
    });

    /// <summary>A statement of <paramref name="lines"/> deposits; one in ten carries a member's code.</summary>
    private static byte[] ZenginFile(int lines, int members)
    {
        var sjis = ZenginStatement.ShiftJis;
        var output = new MemoryStream();
        void Record(string text)
        {
            var bytes = sjis.GetBytes(text.PadRight(ZenginStatement.RecordLength));
            output.Write(bytes, 0, ZenginStatement.RecordLength);
            output.Write("\r\n"u8);
        }

        Record("1030081201081101081130" + "0001" + "ﾐｽﾞﾎ".PadRight(15) + "001" + "ｼﾌﾞﾔ".PadRight(15) + "000" + "1" + "0001234567" + "ﾐｺｼ".PadRight(40));
        for (var i = 1; i <= lines; i++)
        {
            var payer = i % 10 == 0 ? $"{TransferCode.Of(i / 10 % members + 1)} ﾒﾝﾊﾞｰ" : $"ﾌﾘｺﾐ {i}";
            Record(string.Create(CultureInfo.InvariantCulture, $"2{i:D8}081125081125111{1000 + i % 9000:D12}{0:D12}{0:D23}{0:D10}") + payer.PadRight(48));
        }

        Record("8");
        Record("9");
        return output.ToArray();
    }
}
