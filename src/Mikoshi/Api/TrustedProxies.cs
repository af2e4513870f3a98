using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Mikoshi.Api;

/// <summary>
/// Whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: only a reverse proxy the operator named,
/// by address (<c>Mikoshi:KnownProxies</c>, comma-separated IPs) or by network (<c>Mikoshi:KnownNetworks</c>,
/// comma-separated CIDRs). Without either the headers are ignored, whoever sends them: the client's address is the
/// connection's (so the sign-in limit cannot be dodged by writing a new header each time) and the scheme is the
/// connection's. ASP.NET Core's <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> would trust every sender; these options are
/// applied after it, so that switch alone opens nothing.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IConfiguration>((options, configuration) =>
        {
            // An empty list would mean "trust everyone" to the middleware: the lists are ours alone.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in Items(configuration["Mikoshi:KnownProxies"]))
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Mikoshi:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in Items(configuration["Mikoshi:KnownNetworks"]))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Mikoshi:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/8)."));
            }

            var anyTrusted = options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0;
            options.ForwardedHeaders = anyTrusted ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            options.ForwardLimit = 1;
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static void UseTrustedProxies(this WebApplication app) => app.UseForwardedHeaders();

    private static string[] Items(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
