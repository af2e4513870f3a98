using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Notifications;
using Mikoshi.Features.Mail;
using Mikoshi.Features.Notifications;
using Mikoshi.Features.Secrets;

namespace Mikoshi.Bench.Notifications;

/// <summary>
/// Issue #17's measure: one proposal-opened event fanned out to N members with mixed choices (a quarter each: the
/// default daily digest, mail at once, weekly, off). (1) The request path: a Writer write that announces the event —
/// its time at 10, 10^3 and N members (it writes one outbox row, so it should not grow). (2) The dispatcher's
/// expansion of that event into notices, per second. (3) Mails at once claimed and handed to the mailer, per second,
/// over the first <c>mails</c> of them. (4) Signed webhook deliveries per second to a local receiver.
/// </summary>
public static class NotificationsRun
{
    public static async Task<int> RunAsync(StoreProvider provider, string location, int members, int repetitions, int mails, int deliveries)
    {
        var name = provider == StoreProvider.Postgres ? "PostgreSQL" : "SQLite";
        Console.WriteLine(Fmt.Invariant($"[{name}] load average at start: {LoadAverage()}"));
        foreach (var size in new[] { 10, 1_000, members }.Distinct())
        {
            await using var store = BenchStore.Create(provider, location, Fmt.Invariant($"mikoshi_bench_news_{size}"));
            await store.MigrateAsync();
            var founded = await LedgerRun.FoundAsync(store, "bench-news");
            var community = new CommunityId(founded.Id);
            var people = Enumerable.Range(0, size).Select(_ => PersonId.New()).ToArray();
            await Revenue.RevenueWorld.LoadTokensAsync(store, community, people);
            await store.InScopeAsync(async db =>
            {
                for (var i = 0; i < people.Length; i++)
                {
                    var choice = (i % 4) switch { 1 => "mail", 2 => "weekly", 3 => "off", _ => null };
                    if (choice is not null)
                    {
                        db.NotificationSettings.Add(new NotificationSettingRow { PersonId = people[i], Kind = EventCatalogue.ProposalOpened, Delivery = choice });
                    }

                    if (i % 4 == 1)
                    {
                        var email = Fmt.Invariant($"m{i}@bench.test");
                        db.Users.Add(new MikoshiUser { Id = people[i].Value, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true });
                    }

                    if (i % 5000 == 4999)
                    {
                        await db.SaveChangesAsync();
                        db.ChangeTracker.Clear();
                    }
                }

                return await db.SaveChangesAsync();
            });

            await using var services = Services(store.Options);
            var enqueue = new List<double>();
            for (var rep = 0; rep < repetitions; rep++)
            {
                var clock = Stopwatch.StartNew();
                await using var scope = services.CreateAsyncScope();
                var written = await scope.ServiceProvider.GetRequiredService<Writer>().RunAsync(community.Value, founded.Treasurer, null, async write =>
                {
                    await write.AuditAsync("bench.proposal", new { rep });
                    write.AnnounceToMembers(EventCatalogue.ProposalOpened, new { proposal = rep + 1, title = "Bench proposal" });
                    return Result<int>.Ok(rep);
                });
                enqueue.Add(clock.Elapsed.TotalMilliseconds);
                if (!written.IsSuccess)
                {
                    throw new InvalidOperationException(written.Error.Code);
                }
            }

            Console.WriteLine(Fmt.Invariant($"[{name}] {size:N0} members: announcing write, ms: {string.Join(", ", enqueue.Select(v => Fmt.Num(v, 2)))}"));
            if (size != members)
            {
                continue;
            }

            // Expansion of the first event alone (the others wait: one pass takes them in id order).
            var dispatcher = services.GetRequiredService<NotificationDispatcher>();
            var firstId = await store.InScopeAsync(db => db.Events.MinAsync(e => e.Id));
            var expand = Stopwatch.StartNew();
            var expanded = await dispatcher.ExpandEventAsync(firstId);
            var notices = expanded.Done ? expanded.Notices : throw new InvalidOperationException("the expansion did not finish");
            var seconds = expand.Elapsed.TotalSeconds;
            Console.WriteLine(Fmt.Invariant($"[{name}] {size:N0} members: one event expanded to {notices:N0} notices in {seconds:F2} s = {notices / seconds:N0} notices/s"));

            // The other events are set aside, so that the passes below only mail.
            await store.InScopeAsync(db => db.Events.Where(e => e.Id != firstId).ExecuteUpdateAsync(s => s.SetProperty(e => e.DispatchedAtUnixMs, 0L)));

            // Mails at once: each is claimed in a write of its own and queued to the mailer.
            var mailClock = Stopwatch.StartNew();
            var mailed = 0;
            while (mailed < mails)
            {
                var pass = await dispatcher.StepAsync();
                if (pass.Mails == 0)
                {
                    break;
                }

                mailed += pass.Mails;
            }

            Console.WriteLine(Fmt.Invariant($"[{name}] {size:N0} members: {mailed:N0} mails at once claimed, written and queued in {mailClock.Elapsed.TotalSeconds:F2} s = {mailed / mailClock.Elapsed.TotalSeconds:N0} mails/s"));
        }

        await DeliveriesAsync(provider, location, name, deliveries);
        Console.WriteLine(Fmt.Invariant($"[{name}] load average at end: {LoadAverage()}"));
        return 0;
    }

    /// <summary>
    /// Deliveries per second to a local receiver: <paramref name="count"/> public events in a community with one signed
    /// webhook channel (Standard Webhooks, HMAC per delivery) pointing at an HTTP listener on 127.0.0.1 that answers 200;
    /// the events are expanded first, then the sender's passes are timed until the receiver has every delivery.
    /// </summary>
    private static async Task DeliveriesAsync(StoreProvider provider, string location, string name, int count)
    {
        await using var store = BenchStore.Create(provider, location, "mikoshi_bench_news_deliveries");
        await store.MigrateAsync();
        var founded = await LedgerRun.FoundAsync(store, "bench-deliveries");
        var community = new CommunityId(founded.Id);
        await Revenue.RevenueWorld.LoadTokensAsync(store, community, [PersonId.New()]);

        using var listener = new System.Net.HttpListener();
        var port = FreePort();
        listener.Prefixes.Add(Fmt.Invariant($"http://127.0.0.1:{port}/"));
        listener.Start();
        var received = 0;
        using var stop = new CancellationTokenSource();
        var receiving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var context = await listener.GetContextAsync();
                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    await reader.ReadToEndAsync();
                }

                Interlocked.Increment(ref received);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        await using var services = Services(store.Options, loopback: true);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var row = await db.Communities.SingleAsync(c => c.Id == community);

            // A channel is an admin's to add, and the use case reads the roles from the store.
            var admin = new PersonId(Guid.Parse(founded.Treasurer));
            db.CommunityRoles.Add(new CommunityRoleRow { CommunityId = community, PersonId = admin, Role = Role.Admin });
            await db.SaveChangesAsync();
            var added = await scope.ServiceProvider.GetRequiredService<CommunityChannels>().AddAsync(new Caller(admin, row, new HashSet<Role> { Role.Admin }),
                new ChannelRequest("webhook", "bench", Fmt.Invariant($"http://127.0.0.1:{port}/hook"), null, "en"));
            if (!added.IsSuccess)
            {
                throw new InvalidOperationException(added.Error.Code);
            }

            var written = await scope.ServiceProvider.GetRequiredService<Writer>().RunAsync(community.Value, founded.Treasurer, null, write =>
            {
                for (var i = 0; i < count; i++)
                {
                    write.AnnounceToMembers(EventCatalogue.ProposalOpened, new { proposal = i + 1, title = "Bench proposal" });
                }

                return Task.FromResult(Result<int>.Ok(count));
            });
            if (!written.IsSuccess)
            {
                throw new InvalidOperationException(written.Error.Code);
            }
        }

        var dispatcher = services.GetRequiredService<NotificationDispatcher>();
        while ((await dispatcher.StepAsync()).Expanded > 0)
        {
        }

        var sender = services.GetRequiredService<ChannelSender>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < count)
        {
            var posted = await sender.StepAsync();
            if (posted == 0)
            {
                break;
            }

            sent += posted;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        listener.Stop();
        Console.WriteLine(Fmt.Invariant($"[{name}] {sent:N0} signed webhook deliveries to a local receiver ({received:N0} received) in {seconds:F2} s = {sent / seconds:N0} deliveries/s"));
        try
        {
            await receiving;
        }
        catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // The listener was stopped under its last wait.
        }
    }

    private static int FreePort()
    {
        var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        var port = ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static ServiceProvider Services(StoreOptions options, bool loopback = false)
    {
        var collection = new ServiceCollection();
        collection.AddMikoshiStore();
        collection.AddSingleton(options);
        collection.AddSingleton(TimeProvider.System);
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mikoshi:PublicOrigin"] = "https://bench.test",
            ["Mikoshi:Notifications:AllowLoopbackWebhooks"] = loopback ? "true" : "false",
            [KeyEncryptionKey.ConfigKey] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }).Build());
        collection.AddSingleton(sp => KeyEncryptionKey.Load(sp.GetRequiredService<IConfiguration>(), options));
        collection.AddSingleton<SecretBox>();
        collection.AddSingleton<WebhookAddresses>();
        collection.AddSingleton<ChannelSender>();
        collection.AddScoped<CommunityChannels>();
        collection.AddLogging();
        collection.AddScoped<Writer>();
        collection.AddSingleton<MailQueue>();
        collection.AddSingleton<MailText>();
        collection.AddSingleton<NotificationDispatcher>();
        return collection.BuildServiceProvider();
    }
}
