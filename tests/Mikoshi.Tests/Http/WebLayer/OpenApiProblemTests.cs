using System.Text.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.WebLayer;

/// <summary>
/// The OpenAPI document lists the problems an endpoint can answer with, derived from the kinds of its area's
/// catalogued errors (src/Mikoshi/Api/ProblemMetadata.cs), as problem+json.
/// </summary>
public sealed class OpenApiProblemTests
{
    [Fact]
    public async Task AProjectEndpoint_ListsTheProblemsOfItsErrors_AndNotAnotherAreas()
    {
        await using var app = TestApp.Create("sqlite");
        using var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var responses = document.GetProperty("paths").GetProperty("/api/v1/communities/{slug}/projects/{projectId}/status")
            .GetProperty("post").GetProperty("responses");

        // project_not_found 404, a write that raced 409, an illegal status change 422; and its success.
        foreach (var status in new[] { "200", "404", "409", "422" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"no {status} in {responses}");
        }

        Assert.True(responses.GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _), responses.GetProperty("404").ToString());

        // The chain's 502 belongs to chain mode's endpoints, not to a project's.
        Assert.False(responses.TryGetProperty("502", out _), responses.ToString());
        var chain = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.Contains("/chain", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject())
            .Where(op => op.Value.TryGetProperty("responses", out _))
            .Select(op => op.Value.GetProperty("responses"));
        Assert.Contains(chain, r => r.TryGetProperty("502", out _));
    }
}
