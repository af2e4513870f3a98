using System.Net;
using System.Text.RegularExpressions;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.WebLayer;

/// <summary>
/// The UI's assets as a phone would fetch them from a server run out of a build folder (as the tests' and
/// `mikoshi serve`'s are): a fingerprinted stylesheet is kept by the browser for good, not fetched again on every page.
/// The same setting drops the development fallback route that asked the file system, on every request, whether its
/// path was a file (docs/benchmarks.md section 26); that part is seen in a trace, not asserted here.
/// </summary>
public sealed partial class StaticAssetTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task TheStylesheetAPageLinks_IsFingerprinted_AndKeptByTheBrowser()
    {
        var client = apps.For("sqlite").CreateClient();
        var page = await client.GetStringAsync("/");
        var href = Stylesheet().Match(page);
        Assert.True(href.Success, "the home page links a fingerprinted app.css");

        var response = await client.GetAsync(href.Groups["href"].Value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cache = response.Headers.CacheControl?.ToString() ?? "";
        Assert.Contains("immutable", cache, StringComparison.Ordinal);
        Assert.DoesNotContain("no-cache", cache, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"(?<href>/?app\\.[a-z0-9]+\\.css)\"")]
    private static partial Regex Stylesheet();
}
