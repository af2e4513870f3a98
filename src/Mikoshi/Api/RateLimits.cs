using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace Mikoshi.Api;

/// <summary>
/// Limits what an anonymous client can try per minute from one address: signing in, signing up, asking for
/// sign-in nonces. Identity's lockout stops guessing one account's password; this stops one address from
/// spraying many accounts, creating accounts in bulk, or filling the nonce store. Over the limit a request
/// is answered 429 <c>rate_limited</c> with <c>Retry-After</c> before its handler runs, so it changes nothing.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    /// <summary>Requests per address per minute on sign-in endpoints; <c>Mikoshi:RateLimits:SignInPerMinute</c>.</summary>
    public const int DefaultSignInPerMinute = 60;

    public static IServiceCollection AddMikoshiRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                var http = context.HttpContext;
                var error = ApiErrors.RateLimited;
                if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await Problems.For(error).ExecuteAsync(http);
                    return;
                }

                // A person at the sign-in page gets words, in their language, not JSON.
                var text = http.RequestServices.GetRequiredService<Components.ErrorText>();
                await Results.Text(text.For(error), "text/plain; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
            };
            o.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                PartitionOf(http.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions
                {
                    // Read when an address is first seen, from the host's configuration as finally built.
                    PermitLimit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Mikoshi:RateLimits:SignInPerMinute", DefaultSignInPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    /// <summary>
    /// The allowance an address counts against: an IPv4 address alone; an IPv6 address by its /64, the block one
    /// subscriber is usually given, so that stepping through a block's addresses does not buy new allowances.
    /// </summary>
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Counts this endpoint's requests against the caller's address's sign-in allowance.</summary>
    public static TBuilder LimitedAsSignIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(SignIn);
}
