using System.Diagnostics;
using MimeKit;

namespace Mikoshi.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (npm smtp-server, tests/js/smtp-sink.mjs) on a loopback port of its own, keeping every
/// message it receives; the app under test sends to it with MailKit as it would to any mail server.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process process;

    private SmtpSink(Process process, int port, string folder)
    {
        this.process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>The app's settings that send its mail here.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Mikoshi:Smtp:Host", "127.0.0.1"),
        new("Mikoshi:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Mikoshi:Smtp:Security", "None"),
        new("Mikoshi:Smtp:From", "Mikoshi <no-reply@mikoshi.test>"),
    ];

    public static async Task<SmtpSink> StartAsync()
    {
        Assert.True(Directory.Exists(Path.Combine(EthersScripts.Directory, "node_modules", "smtp-server")), "Run `npm ci --prefix tests/js` first (test.sh does).");
        var folder = Path.Combine(Path.GetTempPath(), $"mikoshi-smtp-{Guid.NewGuid():N}");
        var node = new ProcessStartInfo("node") { WorkingDirectory = EthersScripts.Directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        node.ArgumentList.Add("smtp-sink.mjs");
        node.ArgumentList.Add("0");
        node.ArgumentList.Add(folder);
        var process = Process.Start(node)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line?.StartsWith("listening ", StringComparison.Ordinal) != true)
        {
            process.Kill();
            Assert.Fail($"smtp-sink did not start: {line} {await process.StandardError.ReadToEndAsync()}");
        }

        return new SmtpSink(process, int.Parse(line!["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture), folder);
    }

    /// <summary>The messages received so far to <paramref name="to"/>, oldest first.</summary>
    public List<MimeMessage> MailTo(string to) => Received(Folder).Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits (up to 20 s) until <paramref name="count"/> messages to <paramref name="to"/> arrived; returns the newest.</summary>
    public Task<MimeMessage> WaitForMailAsync(string to, int count = 1) => WaitForAsync(() => MailTo(to), count);

    internal static async Task<MimeMessage> WaitForAsync(Func<List<MimeMessage>> read, int count)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var mail = read();
            if (mail.Count >= count)
            {
                return mail[count - 1];
            }

            Assert.True(DateTime.UtcNow < until, $"expected {count} mail(s), got {mail.Count}");
            await Task.Delay(50);
        }
    }

    /// <summary>Every .eml file in <paramref name="folder"/>, in the order they were written.</summary>
    internal static List<MimeMessage> Received(string folder) =>
        !Directory.Exists(folder) ? []
        : new DirectoryInfo(folder).GetFiles("*.eml").OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.FullName)).ToList();

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(5000))
        {
            process.Kill();
        }

        process.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        await Task.CompletedTask;
    }
}
