using System.Globalization;
using System.Threading.Channels;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mikoshi.Features.Mail;

/// <summary>A message for one person: a subject, a plain-text body, and any extra headers (List-Unsubscribe).</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// Mail waiting to be sent. Use cases only queue: the answer a caller gets (and how long it takes) must not depend on
/// whether a message was sent, or a reset request would tell who has an account.
/// </summary>
public sealed class MailQueue
{
    private readonly Channel<OutgoingMail> queue = Channel.CreateUnbounded<OutgoingMail>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(OutgoingMail mail) => queue.Writer.TryWrite(mail);

    internal ChannelReader<OutgoingMail> Reader => queue.Reader;
}

/// <summary>
/// Sends queued mail through the SMTP server of <c>Mikoshi:Smtp:Host/Port/User/Password/From</c> (MailKit); with no
/// host configured, writes each message to <c>Mikoshi:Outbox</c> (default <c>data/outbox</c>) as an .eml file and says
/// so at start-up, so the embedded default works without a mail server.
/// </summary>
public sealed class MailSender(MailQueue queue, IConfiguration configuration, ILogger<MailSender> log) : BackgroundService
{
    public const string DefaultOutbox = "data/outbox";

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(configuration["Mikoshi:Smtp:Host"]))
        {
            log.LogWarning("No SMTP server is configured (Mikoshi:Smtp:Host): mail is written to {Outbox} as .eml files instead of being sent.",
                Path.GetFullPath(Outbox));
        }

        return base.StartAsync(cancellationToken);
    }

    private string Outbox => configuration["Mikoshi:Outbox"] is { Length: > 0 } folder ? folder : DefaultOutbox;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(Compose(mail), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Mail to {To} ({Subject}) could not be sent.", mail.To, mail.Subject);
            }
        }
    }

    private MimeMessage Compose(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(configuration["Mikoshi:Smtp:From"] is { Length: > 0 } from ? from : "Mikoshi <no-reply@localhost>"));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        foreach (var (name, value) in mail.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.Add(name, value);
        }

        return message;
    }

    private async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (configuration["Mikoshi:Smtp:Host"] is not { Length: > 0 } host)
        {
            var folder = Outbox;
            if (!Directory.Exists(folder))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(folder);
                }
                else
                {
                    // Reset links are secrets: only the server's own user reads them.
                    Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            var name = $"{DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.eml";
            // Written whole under another name, then renamed: a reader never sees half a message.
            var partial = Path.Combine(folder, name + ".part");
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, Path.Combine(folder, name));
            return;
        }

        using var smtp = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(configuration["Mikoshi:Smtp:Security"], ignoreCase: true, out var chosen) ? chosen : SecureSocketOptions.Auto;
        await smtp.ConnectAsync(host, configuration.GetValue("Mikoshi:Smtp:Port", 587), security, cancellationToken);
        if (configuration["Mikoshi:Smtp:User"] is { Length: > 0 } user)
        {
            await smtp.AuthenticateAsync(user, configuration["Mikoshi:Smtp:Password"] ?? string.Empty, cancellationToken);
        }

        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}
