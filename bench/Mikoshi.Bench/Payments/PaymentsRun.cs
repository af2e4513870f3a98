using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    double FirstTenthLinesPerSecond,
    double LastTenthLinesPerSecond,
    int Credited,
    int Unmatched,
    double ReimportSeconds,
    double ReimportLinesPerSecond);

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
        // Each paid dues invoice asks Stripe for its fee (the invoice's payments, then the intent's balance transaction):
        // a local server answers those two reads, so a delivery costs the round trips it costs in production.
        await using var fees = await FeeServerAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mikoshi:Stripe:SecretKey"] = "sk_bench",
            ["Mikoshi:Stripe:WebhookSecret"] = Secret,
            ["Mikoshi:Stripe:ApiBase"] = fees.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First(),
        }).Build();
        var stripe = new StripeSettings(configuration);
        var links = new Mikoshi.Features.Mail.MailText(configuration);

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
            var written = await store.InScopeAsync(db => new StripeWebhook(stripe, new Writer(db, TimeProvider.System), db, TimeProvider.System, links).ApplyAsync(stripeEvent, payload));
            if (!written.IsSuccess)
            {
                throw new InvalidOperationException($"An event was refused: {written.Error.Code}");
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
        // Composed as the app composes it: the import opens a fresh scope (and context) for each write of 1,000 lines.
        var services = new ServiceCollection();
        services.AddMikoshiStore();
        services.AddSingleton(store.Options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(stripe);
        services.AddSingleton(links);
        services.AddScoped<Writer>();
        services.AddScoped<BankTransfers>();
        await using var composed = services.BuildServiceProvider();
        // When each write committed, to see whether the rate holds from the first tenth of the file to the last.
        var marks = new List<(int Lines, double Seconds)>();
        async Task<BankImportView> ImportAsync()
        {
            await using var scope = composed.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var found = await db.Communities.AsNoTracking().FirstAsync(c => c.Id == communityId);
            var done = await scope.ServiceProvider.GetRequiredService<BankTransfers>().ImportAsync(new Caller(treasurer, found, await RoleBook.OfAsync(db, found.Id, treasurer)), "zengin", file, lines => marks.Add((lines, clock.Elapsed.TotalSeconds)));
            return done.IsSuccess && done.Value.Errors.Count == 0
                ? done.Value
                : throw new InvalidOperationException($"The import failed: {done.Error?.Code ?? done.Value.Errors[0].Reason}");
        }

        clock.Restart();
        var imported = await ImportAsync();
        var importSeconds = clock.Elapsed.TotalSeconds;
        var (firstTenth, lastTenth) = Tenths(marks, lines);
        Console.WriteLine(Fmt.Invariant($"[{name}] {lines:N0}-line import in {importSeconds:F1} s ({lines / importSeconds:F0} lines/s; first tenth {firstTenth:F0}/s, last tenth {lastTenth:F0}/s)"));

        // The same file again: every line is a duplicate, found by its identity, and nothing is written but the audit links.
        clock.Restart();
        marks.Clear();
        var again = await ImportAsync();
        var againSeconds = clock.Elapsed.TotalSeconds;
        if (again.Duplicates != lines || again.Credited != 0 || again.Unmatched != 0)
        {
            throw new InvalidOperationException($"The second import was not all duplicates: {again.Duplicates} of {lines}.");
        }

        Console.WriteLine(Fmt.Invariant($"[{name}] the same file again in {againSeconds:F1} s ({lines / againSeconds:F0} lines/s, all duplicates)"));
        var result = new PaymentsResult(name, settings, deliveries.Count, distinct, webhookSeconds, deliveries.Count / webhookSeconds, rawCommits, rawCommits / rawSeconds,
            lines, file.Length, importSeconds, lines / importSeconds, firstTenth, lastTenth, imported.Credited, imported.Unmatched, againSeconds, lines / againSeconds);
        await System.IO.File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result, LedgerRun.Json));
        return 0;
    }

    /// <summary>The import's rate over the first and the last tenth of the file's lines, from when each write committed.</summary>
    private static (double First, double Last) Tenths(List<(int Lines, double Seconds)> marks, int lines)
    {
        var tenth = Math.Max(1, lines / 10);
        var first = marks.First(m => m.Lines >= tenth);
        var beforeLast = marks.LastOrDefault(m => m.Lines <= lines - tenth);
        var last = marks[^1];
        return (first.Lines / first.Seconds, (last.Lines - beforeLast.Lines) / (last.Seconds - beforeLast.Seconds));
    }

    /// <summary>Answers the two reads of a dues invoice's fee in Stripe's shapes: 3.6% of 500 yen, 18 yen.</summary>
    private static async Task<WebApplication> FeeServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/v1/invoice_payments", (string invoice) => Results.Json(new
        {
            @object = "list",
            url = "/v1/invoice_payments",
            has_more = false,
            data = new[] { new { id = $"inpay_{invoice}", @object = "invoice_payment", invoice, status = "paid", amount_paid = 500, currency = "jpy", payment = new { type = "payment_intent", payment_intent = "pi_bench_500" } } },
        }));
        app.MapGet("/v1/payment_intents/{id}", (string id) => Results.Json(new
        {
            id,
            @object = "payment_intent",
            amount = 500,
            currency = "jpy",
            latest_charge = new { id = $"ch_{id}", @object = "charge", amount = 500, balance_transaction = new { id = $"txn_{id}", @object = "balance_transaction", amount = 500, fee = 18, net = 482, currency = "jpy" } },
        }));
        await app.StartAsync();
        return app;
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
