using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Mikoshi.Tests.Infrastructure;

/// <summary>A request a <see cref="HookReceiver"/> received: its path, headers (lower-case names) and body.</summary>
public sealed record ReceivedHook(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A local HTTP server on a loopback port of its own standing in for Discord, Slack, LINE and a webhook endpoint: it
/// keeps every request and answers with the status <see cref="Respond"/> chooses (200 unless told otherwise).
/// </summary>
public sealed class HookReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<ReceivedHook> received = new();
    private readonly CancellationTokenSource stop = new();

    public HookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Url + "/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>The status to answer a request to a path with, given how many requests that path had before it.</summary>
    public Func<string, int, int> Respond { get; set; } = (_, _) => 200;

    public IReadOnlyList<ReceivedHook> To(string path) => received.Where(r => r.Path == path).ToList();

    /// <summary>Waits (up to 20 s) until <paramref name="path"/> received <paramref name="count"/> requests; returns them.</summary>
    public async Task<IReadOnlyList<ReceivedHook>> WaitForAsync(string path, int count)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var hooks = To(path);
            if (hooks.Count >= count)
            {
                return hooks;
            }

            Assert.True(DateTime.UtcNow < until, $"expected {count} request(s) to {path}, got {hooks.Count}");
            await Task.Delay(50);
        }
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k.ToLowerInvariant(), k => context.Request.Headers[k]!);
            var before = To(path).Count;
            received.Enqueue(new ReceivedHook(path, headers, body));
            context.Response.StatusCode = Respond(path, before);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        stop.Dispose();
    }
}
