using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mikoshi.Tests.Infrastructure;

/// <summary>
/// The in-process server has no client address; this host takes it from a test-only header, as if each client
/// connected from the address it names (what Kestrel would see), so per-address limits can be tried.
/// </summary>
public static class ClientAddresses
{
    public const string Header = "X-Test-Client-Address";

    public static WebApplicationFactory<Program> WithClientAddresses(this TestApp app, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        app.WithWebHostBuilder(b =>
        {
            if (settings is not null)
            {
                b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(settings));
            }

            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<IStartupFilter, FromHeader>();
                services?.Invoke(s);
            });
        });

    /// <summary>A client whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient ClientFrom(this WebApplicationFactory<Program> host, string address)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class FromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, following) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }

                await following(http);
            });
            next(app);
        };
    }
}
