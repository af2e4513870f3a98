using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Features.Governance;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Governance;

/// <summary>Signed votes from a client that shares no code with the server, and execution with two replicas on one database.</summary>
public sealed class ExternalClientTests
{
    [Fact]
    public async Task EthersWallet_SignsTheTypedDataTheApiHandsOut_AndForgedReplayedAndCrossProposalSignaturesAreRefused()
    {
        await using var app = TestApp.Create("sqlite");
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).First();
        var s = await GovernanceSetup.CreateAsync(app);
        var id = await s.OpenAsync(s.Aki, "signal");
        var other = await s.OpenAsync(s.Aki, "signal");

        // Aki takes her custodial key to a wallet of her own.
        var exported = await (await s.Aki.Client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync();
        var results = await EthersScripts.RunAsync("vote.mjs", $"http://127.0.0.1:{address.Port}", s.Slug, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            other.ToString(System.Globalization.CultureInfo.InvariantCulture), exported.GetProperty("secret").GetString()!);

        Assert.Equal(exported.GetProperty("address").GetString(), results.GetProperty("address").GetString());
        Assert.Equal(201, results.GetProperty("accepted").GetProperty("status").GetInt32());
        Assert.Equal("vote_replayed", results.GetProperty("replayed").GetProperty("code").GetString());
        Assert.Equal("signature_mismatch", results.GetProperty("forged").GetProperty("code").GetString());
        Assert.Equal("signature_mismatch", results.GetProperty("crossProposal").GetProperty("code").GetString());
        Assert.Equal((2, 0, 0), await s.TallyAsync(id));
        var vote = Assert.Single((await (await s.Ben.Client.GetAsync($"{s.Proposal(id)}/votes")).JsonAsync()).GetProperty("votes").EnumerateArray());
        Assert.Equal("みんなで決める", vote.GetProperty("reason").GetString());
        Assert.False(vote.GetProperty("custodial").GetBoolean());
    }

    [Fact]
    public async Task TwoReplicasOnOnePostgres_ExecuteAPassedProposalExactlyOnce()
    {
        await using var app = TestApp.Create("postgres");
        var s = await GovernanceSetup.CreateAsync(app);
        var id = await s.OpenAsync(s.Aki, "fund", new { projectId = s.Project, asset = "JPY", amount = "30000" });
        await s.VoteOkAsync(s.Aki, id, "for");

        // Two more hosts on the same database and clock, each with its background executor polling fast.
        WebApplicationFactory<Program> Replica() => app.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["Mikoshi:Governance:ExecutorPollSeconds"] = "0.02" })));
        await using var first = Replica();
        await using var second = Replica();
        var replicas = new[] { first, second };
        foreach (var replica in replicas)
        {
            Assert.Equal(HttpStatusCode.OK, (await replica.CreateClient().GetAsync(s.Proposal(id))).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromDays(2));
        var passes = await Task.WhenAll(Enumerable.Range(0, 8).SelectMany(_ => replicas)
            .Select(r => Task.Run(() => r.Services.GetRequiredService<GovernanceExecutor>().StepAsync())));
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.True(passes.SelectMany(p => p).Count() <= 1, "more than one pass settled the proposal");
        Assert.Equal("executed", await s.StateAsync(id));
        Assert.Equal(1, await s.CountAsync(db => db.AuditLog.CountAsync(a => a.Kind == "proposal.executed")));
        Assert.Equal(1, await s.CountAsync(db => db.JournalEntries.CountAsync(e => e.Kind == "grant")));
        Assert.Equal(30_000, await s.BalanceAsync($"project:{s.Project}"));
        await DepositTests.AssertVerifiedAsync(app);
    }

    /// <summary>
    /// Two real `mikoshi serve` processes on one PostgreSQL database, each with its executor polling
    /// every 0.2 s on the real clock: the proposal (made on a test clock set back in time, so that its
    /// grace is already over in real time) is executed exactly once.
    /// </summary>
    [Fact]
    public async Task TwoServerProcessesOnOnePostgres_ExecuteAPassedProposalExactlyOnce()
    {
        await using var app = TestApp.Create("postgres");
        app.Clock.Advance(TimeSpan.FromDays(-400));
        var s = await GovernanceSetup.CreateAsync(app);
        var id = await s.OpenAsync(s.Aki, "fund", new { projectId = s.Project, asset = "JPY", amount = "30000" });
        await s.VoteOkAsync(s.Aki, id, "for");
        app.Clock.Advance(TimeSpan.FromDays(2));

        var servers = Enumerable.Range(0, 2).Select(_ => Serve(app.Store.ConnectionString)).ToList();
        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await s.CountAsync(db => db.AuditLog.CountAsync(a => a.Kind == "proposal.executed")) == 0 && waited.Elapsed < TimeSpan.FromSeconds(90))
            {
                Assert.All(servers, server => Assert.False(server.HasExited, "a server process stopped"));
                await Task.Delay(250);
            }

            // Both executors keep polling for a while after the first settled it.
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            foreach (var server in servers)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
                server.Dispose();
            }
        }

        Assert.Equal(1, await s.CountAsync(db => db.AuditLog.CountAsync(a => a.Kind == "proposal.executed")));
        Assert.Equal(1, await s.CountAsync(db => db.JournalEntries.CountAsync(e => e.Kind == "grant")));
        Assert.Equal(30_000, await s.BalanceAsync($"project:{s.Project}"));
        await DepositTests.AssertVerifiedAsync(app);
    }

    private static System.Diagnostics.Process Serve(string connectionString)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = false,
            RedirectStandardError = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mikoshi.dll"));
        foreach (var arg in new[] { "serve", "--provider", "postgres", "--db", connectionString, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Mikoshi__Governance__ExecutorPollSeconds"] = "0.2";
        return System.Diagnostics.Process.Start(start)!;
    }
}
