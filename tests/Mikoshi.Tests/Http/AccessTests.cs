using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Api;
using Mikoshi.Domain.Communities;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>Walks every API endpoint as every role: each states who may call it, and that is exactly who gets through.</summary>
public sealed class AccessTests
{
    private enum Caller
    {
        Anonymous,
        Visitor,
        Member,
        Treasurer,
        Admin,
    }

    [Fact]
    public async Task EveryEndpoint_AdmitsExactlyTheRolesItStates()
    {
        await using var app = TestApp.Create("sqlite");
        var (slug, admin, treasurer, member, visitor) = await RoleCast.FoundAsync(app, tokens: 2);
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = app.CreateClient(),
            [Caller.Visitor] = visitor.Client,
            [Caller.Member] = member.Client,
            [Caller.Treasurer] = treasurer.Client,
            [Caller.Admin] = admin.Client,
        };

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .OrderBy(e => e.RoutePattern.RawText == "/api/v1/auth/revoke") // it ends the caller's tokens: last
            .ToList();
        Assert.True(endpoints.Count >= 10, $"only {endpoints.Count} API endpoints found");
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var access = endpoint.Metadata.GetMetadata<AccessMetadata>();
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (access is null)
            {
                failures.Add($"{endpoint.RoutePattern.RawText} states no access");
                continue;
            }

            var path = endpoint.RoutePattern.RawText!.Replace("{slug}", slug, StringComparison.Ordinal)
                .Replace("{personId}", visitor.Id, StringComparison.Ordinal)
                .Replace("{tokenId:long}", "1", StringComparison.Ordinal)
                .Replace("{listingId:long}", "1", StringComparison.Ordinal)
                .Replace("{projectId:long}", "1", StringComparison.Ordinal)
                .Replace("{invitationId:long}", "1", StringComparison.Ordinal)
                .Replace("{contributionId:long}", "1", StringComparison.Ordinal)
                .Replace("{version:int}", "1", StringComparison.Ordinal)
                .Replace("{batchId:long}", "1", StringComparison.Ordinal)
                .Replace("{proposalId:long}", "1", StringComparison.Ordinal)
                .Replace("{workId:long}", "1", StringComparison.Ordinal)
                .Replace("{channel:long}", "1", StringComparison.Ordinal)
                .Replace("{paymentId:long}", "1", StringComparison.Ordinal)
                .Replace("{lineId:long}", "1", StringComparison.Ordinal);
            foreach (var method in methods)
            {
                foreach (var (caller, client) in clients)
                {
                    var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (method is "POST" or "PUT")
                    {
                        request.Content = JsonContent.Create(new { });
                    }

                    var response = await client.SendAsync(request);
                    var code = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                        ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()
                        : null;
                    var denied = code is "not_signed_in" or "forbidden";
                    var expectedDenied = !Admits(access.Who, caller);
                    if (denied != expectedDenied || (int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method} {endpoint.RoutePattern.RawText} as {caller}: {(int)response.StatusCode} {code} (states {access.Who})");
                    }

                    if (expectedDenied)
                    {
                        Assert.Equal(caller == Caller.Anonymous ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, (int)response.StatusCode);
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    private static bool Admits(Access who, Caller caller) => who switch
    {
        Access.Anyone => true,
        Access.SignedIn => caller != Caller.Anonymous,
        Access.Member => caller is Caller.Member,
        Access.Treasurer => caller is Caller.Treasurer or Caller.Admin,
        Access.Admin => caller is Caller.Admin,
        Access.Insider => caller is Caller.Member or Caller.Treasurer or Caller.Admin,
        _ => false,
    };
}
