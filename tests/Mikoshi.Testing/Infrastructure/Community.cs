using System.Text.Json;

namespace Mikoshi.Tests.Infrastructure;

public static class CommunityHelpers
{
    /// <summary>Founds a community as <paramref name="founder"/> and returns its slug.</summary>
    public static async Task<string> FoundCommunityAsync(this Person founder, string? slug = null, string asset = "JPY", string[]? assets = null)
    {
        slug ??= $"c{Guid.NewGuid():N}"[..20];
        var response = await founder.Client.PostJsonAsync("/api/v1/communities", new
        {
            slug,
            name = "みんなの神輿",
            charterText = "We make things together.",
            values = new[] { "joy", "craft", "honesty" },
            baseAsset = asset,
            assets = assets ?? ["ETH"],
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return slug;
    }

    public static async Task<JsonElement> DepositAsync(this Person treasurer, string slug, string amount, string asset = "JPY", string? personId = null, string? key = null)
    {
        var response = await treasurer.Client.PostJsonAsync($"/api/v1/communities/{slug}/deposits",
            new { asset, amount, reference = "bank 001", memo = "membership fee", personId }, key);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }
}
