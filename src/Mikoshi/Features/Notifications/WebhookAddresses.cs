using System.Net;
using System.Net.Sockets;
using Mikoshi.Domain;
using Mikoshi.Domain.Notifications;

namespace Mikoshi.Features.Notifications;

/// <summary>
/// Keeps community channels from turning the server against its own network: a channel's URL must be http(s) and
/// every address its host resolves to must be public, when the admin saves it and again at each connection (a name
/// may resolve elsewhere later). <c>Mikoshi:Notifications:AllowLoopbackWebhooks</c> allows loopback (tests, a
/// single-machine set-up); private networks are never allowed.
/// </summary>
public sealed class WebhookAddresses(IConfiguration configuration)
{
    private bool AllowLoopback => configuration.GetValue("Mikoshi:Notifications:AllowLoopbackWebhooks", false);

    /// <summary>The URL, checked: <c>invalid_webhook_url</c>, <c>webhook_host_unresolved</c> or <c>webhook_url_private</c> otherwise.</summary>
    public async Task<Result<Uri>> CheckAsync(string? url, CancellationToken cancellationToken = default)
    {
        if (url is null || url.Length > ChannelRules.MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
        {
            return NotificationErrors.InvalidWebhookUrl;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return NotificationErrors.WebhookHostUnresolved(uri.Host);
        }

        return addresses.Length > 0 && addresses.All(Allowed)
            ? uri
            : NotificationErrors.WebhookUrlPrivate;
    }

    /// <summary>Whether the server may connect to <paramref name="address"/>.</summary>
    public bool Allowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return AllowLoopback;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || (b[0] == 100 && (b[1] & 0xC0) == 64) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168) || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] & 0xFE) == 18) || b[0] >= 224);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || address.IsIPv6UniqueLocal || (b[0] & 0xFE) == 0xFC);
        }

        return false;
    }

    /// <summary>An HTTP client whose every connection goes only to an allowed address (checked after resolving, so no rebinding).</summary>
    public HttpClient Client()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
                var allowed = resolved.Where(Allowed).ToArray();
                if (allowed.Length == 0)
                {
                    throw new HttpRequestException($"{host} resolves only to addresses a channel may not reach.");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15) };
    }
}
