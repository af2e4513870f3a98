using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Notifications;
using Mikoshi.Features.Mail;
using Mikoshi.Features.Secrets;
using StandardWebhooks;

namespace Mikoshi.Features.Notifications;

/// <summary>
/// Posts community news to the channels: each delivery is claimed with a lease (a conditional update, so two replicas
/// never post it at once), posted in its channel's own format, and on failure tried again after 30 s, 1 min, 2 min…
/// (<c>Mikoshi:Notifications:RetryBaseSeconds</c>, doubling, at most 6 h). After
/// <c>Mikoshi:Notifications:DisableAfterFailures</c> (default 5) failures in a row the channel is turned off, with the
/// reason shown to its admin, and what it still had to send is abandoned.
/// </summary>
public sealed class ChannelSender(IServiceScopeFactory scopes, TimeProvider clock, SecretBox box, WebhookAddresses addresses, MailText links, IConfiguration configuration,
    ILogger<ChannelSender> log)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private HttpClient? client;

    private HttpClient Client => client ??= addresses.Client();

    private string LineBase => configuration["Mikoshi:Line:ApiBase"] is { Length: > 0 } b ? b.TrimEnd('/') : "https://api.line.me";

    /// <summary>One pass: posts every delivery that is due; answers how many succeeded.</summary>
    public async Task<int> StepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            due = await db.ChannelDeliveries.AsNoTracking()
                .Where(d => d.State == ChannelDeliveryState.Pending && d.NextAttemptAtUnixMs <= now && d.LeaseUntilUnixMs <= now)
                .OrderBy(d => d.Id).Take(50).Select(d => d.Id).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var id in due)
        {
            if (await DeliverAsync(id, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> DeliverAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)Lease.TotalMilliseconds;
        var claimed = await db.ChannelDeliveries
            .Where(d => d.Id == id && d.State == ChannelDeliveryState.Pending && d.NextAttemptAtUnixMs <= now && d.LeaseUntilUnixMs <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntilUnixMs, until), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        // The admin may have deleted the channel (and its deliveries) since the claim: then there is nothing to post.
        var delivery = await db.ChannelDeliveries.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        var channel = delivery is null ? null
            : await db.CommunityChannels.FirstOrDefaultAsync(c => c.CommunityId == delivery.CommunityId && c.Number == delivery.ChannelNumber, cancellationToken);
        if (delivery is null || channel is null)
        {
            return false;
        }

        if (!channel.Enabled)
        {
            delivery.State = ChannelDeliveryState.Abandoned;
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        var row = await db.Events.AsNoTracking().SingleAsync(e => e.Id == delivery.EventId, cancellationToken);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == row.CommunityId).Select(c => new { c.Slug, c.Name }).SingleAsync(cancellationToken);
        int? status = null;
        string? failure = null;
        try
        {
            using var request = Request(channel, row, delivery, community.Slug, community.Name);
            using var response = await Client.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                failure = $"HTTP {status}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            failure = e.Message.Length > 400 ? e.Message[..400] : e.Message;
        }

        delivery.Attempts++;
        delivery.LastStatus = status;
        delivery.LastError = failure;
        delivery.LeaseUntilUnixMs = 0;
        var at = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (failure is null)
        {
            (delivery.State, delivery.SentAtUnixMs) = (ChannelDeliveryState.Sent, at);
            channel.ConsecutiveFailures = 0;
        }
        else
        {
            var baseSeconds = configuration.GetValue("Mikoshi:Notifications:RetryBaseSeconds", 30.0);
            var wait = Math.Min(baseSeconds * Math.Pow(2, Math.Min(delivery.Attempts - 1, 20)), TimeSpan.FromHours(6).TotalSeconds);
            delivery.NextAttemptAtUnixMs = at + (long)(wait * 1000);
            channel.ConsecutiveFailures++;
            var limit = configuration.GetValue("Mikoshi:Notifications:DisableAfterFailures", 5);
            if (channel.ConsecutiveFailures >= limit)
            {
                channel.Enabled = false;
                channel.DisabledReason = $"Turned off after {channel.ConsecutiveFailures} failed deliveries in a row; the last: {failure}";
                delivery.State = ChannelDeliveryState.Abandoned;
                log.LogWarning("Channel {Channel} of {Community} turned off: {Reason}", channel.Number, community.Slug, channel.DisabledReason);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!channel.Enabled)
        {
            await db.ChannelDeliveries.Where(d => d.CommunityId == channel.CommunityId && d.ChannelNumber == channel.Number && d.State == ChannelDeliveryState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, ChannelDeliveryState.Abandoned), cancellationToken);
        }

        return failure is null;
    }

    private HttpRequestMessage Request(CommunityChannelRow channel, EventRow row, ChannelDeliveryRow delivery, string slug, string name)
    {
        var language = EventText.Language(channel.Language) ?? EventText.Japanese;
        var text = $"[{name}] {EventText.Line(row.Kind, row.PayloadJson, language)}\n{links.Link($"/c/{slug}")}";
        var url = channel.SealedUrl.Length == 0 ? string.Empty : box.Open(channel.SealedUrl, CommunityChannels.UrlPurpose).Value;
        var secret = channel.SealedSecret.Length == 0 ? string.Empty : box.Open(channel.SealedSecret, CommunityChannels.SecretPurpose).Value;
        switch (channel.Kind)
        {
            case "discord":
                return Json(url, new { content = text.Length > 2000 ? text[..2000] : text });
            case "slack":
                return Json(url, new { text });
            case "line":
                {
                    var request = Json($"{LineBase}/v2/bot/message/broadcast", new { messages = new[] { new { type = "text", text } } });
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);

                    // LINE's retry key: a retried delivery is not broadcast twice.
                    request.Headers.Add("X-Line-Retry-Key", DeterministicGuid(delivery.CommunityId.Value, delivery.ChannelNumber, row.Id).ToString());
                    return request;
                }

            default:
                {
                    // Standard Webhooks: the id stays the same across retries so the receiver can drop duplicates; the timestamp
                    // is the wall clock's, since the receiver checks it against its own.
                    using var payload = JsonDocument.Parse(row.PayloadJson);
                    var body = JsonSerializer.Serialize(new
                    {
                        type = row.Kind,
                        timestamp = DateTimeOffset.FromUnixTimeMilliseconds(row.AtUnixMs),
                        data = new { community = slug, @event = row.Id, payload = payload.RootElement, text },
                    }, Writer.Json);
                    var messageId = $"msg_{delivery.CommunityId.Value:N}_{delivery.ChannelNumber}_{row.Id}";
                    var sentAt = TimeProvider.System.GetUtcNow();
                    var signature = new StandardWebhook(secret).Sign(messageId, sentAt, body);
                    var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    request.Headers.Add("webhook-id", messageId);
                    request.Headers.Add("webhook-timestamp", sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                    request.Headers.Add("webhook-signature", signature);
                    return request;
                }
        }
    }

    private static HttpRequestMessage Json(string url, object body) =>
        new(HttpMethod.Post, url) { Content = new StringContent(JsonSerializer.Serialize(body, Writer.Json), Encoding.UTF8, "application/json") };

    private static Guid DeterministicGuid(Guid community, long channel, long eventId)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{community:N}:{channel}:{eventId}"))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
