using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mikoshi.Data;

namespace Mikoshi.Tests.Proof;

/// <summary>
/// A real <c>mikoshi serve</c> process on a store, on a loopback port of its own: started, killed with
/// SIGKILL (no shutdown of any kind runs), and started again on the same store. Its output goes to a log
/// file kept beside the test's temporary files, for when a run needs explaining.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly StoreOptions store;
    private readonly string log;
    private Process? process;

    public ServerProcess(StoreOptions store, string name)
    {
        this.store = store;
        log = Path.Combine(Path.GetTempPath(), $"mikoshi-proof-{name}-{Guid.NewGuid():N}.log");
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    /// <summary>Where the server listens; it moves only if a restart finds the port taken.</summary>
    public Uri BaseAddress { get; private set; }

    public int Starts { get; private set; }

    /// <summary>Time spent from launching a process until it answered <c>/health</c>, over every start.</summary>
    public TimeSpan StartingTime { get; private set; }

    public string LogFile => log;

    /// <summary>Starts the server and waits until <c>/health</c> answers.</summary>
    public async Task StartAsync()
    {
        var watch = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            process = Launch();
            Starts++;
            if (await WaitHealthyAsync(process, TimeSpan.FromMinutes(5)))
            {
                StartingTime += watch.Elapsed;
                return;
            }

            // Exited at once: most likely its port was taken by someone else meanwhile. Try another.
            if (attempt == 3)
            {
                throw new InvalidOperationException($"mikoshi serve did not start; see {log}:\n{Tail()}");
            }

            BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        }
    }

    /// <summary>SIGKILL: the process dies wherever it is, mid-transaction or mid-response.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill();
            await running.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public bool HasExited => process is null || process.HasExited;

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (File.Exists(log))
        {
            File.Delete(log);
        }
    }

    public string Tail() => File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(40)) : "(no log)";

    /// <summary>Runs a <c>mikoshi</c> verb to its end: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(StoreOptions store, params string[] verb)
    {
        var start = Start(store, verb);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var run = Process.Start(start)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (run.ExitCode, await output + await error);
    }

    private Process Launch()
    {
        // Through bash's exec, so that the pid is the server's own and its output lands in the log file.
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$@\" >>\"$MIKOSHI_PROOF_LOG\" 2>&1");
        start.ArgumentList.Add("mikoshi");
        foreach (var argument in Start(store, "serve", "--urls", BaseAddress.ToString().TrimEnd('/')).ArgumentList.Prepend("dotnet"))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MIKOSHI_PROOF_LOG"] = log;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private static ProcessStartInfo Start(StoreOptions store, params string[] verb)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mikoshi.dll"));
        foreach (var argument in verb.Concat(["--provider", store.Provider == StoreProvider.Postgres ? "postgres" : "sqlite", "--db", store.ConnectionString]))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private async Task<bool> WaitHealthyAsync(Process started, TimeSpan patience)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < patience)
        {
            if (started.HasExited)
            {
                return false;
            }

            try
            {
                if ((await client.GetAsync(new Uri(BaseAddress, "/health"))).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"mikoshi serve did not become healthy in {patience}; see {log}:\n{Tail()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
