using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Japanese;

/// <summary>
/// Issue #20, part 5: a signed-out deep link to a page that needs a person leads to the sign-in page and names
/// the page to come back to; the API keeps its bare 401; a return address is only ever a local path.
/// </summary>
public sealed class SignedOutLinkTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task PagesThatNeedAPerson_RedirectToSignIn_WithTheirPathToReturnTo_AndTheApiStill401s(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        foreach (var path in new[] { "/account", "/account/profile", "/communities/new", $"/c/{slug}/earnings", $"/c/{slug}/payouts", $"/c/{slug}/succession" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode}");
            var location = response.Headers.Location!.PathAndQueryOf();
            Assert.Equal("/signin?ReturnUrl=" + Uri.EscapeDataString(path), location, StringComparer.OrdinalIgnoreCase);
        }

        using var api = await anonymous.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task SignIn_FromTheRedirect_ComesBackToThePage_AndAReturnUrlElsewhereGoesHome(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var deepLink = $"/c/{slug}/earnings";
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var redirected = await browser.GetAsync(deepLink);
        var signInPage = redirected.Headers.Location!.PathAndQueryOf();
        Assert.StartsWith("/signin?", signInPage, StringComparison.Ordinal);

        using var back = await WebLayer.CookieSessions.PostSignInFormAsync(browser, signInPage, admin.Email);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(deepLink, back.Headers.Location!.PathAndQueryOf());
        using var there = await browser.GetAsync(deepLink);
        Assert.Equal(HttpStatusCode.OK, there.StatusCode);

        // An open redirect would hand a signed-in person to another site that looks like ours.
        foreach (var elsewhere in new[] { "https://evil.example/steal", "//evil.example", "/\\evil.example", "/\t/evil.example", "http:/evil.example" })
        {
            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var answer = await WebLayer.CookieSessions.PostSignInFormAsync(client, "/signin?returnUrl=" + Uri.EscapeDataString(elsewhere), admin.Email);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal("/", answer.Headers.Location!.PathAndQueryOf());
        }
    }
}

internal static class LocationText
{
    /// <summary>The path and query of a Location header, absolute or not, as the browser would request it.</summary>
    public static string PathAndQueryOf(this Uri location) =>
        location.IsAbsoluteUri ? (location.Host == "localhost" ? location.PathAndQuery : location.OriginalString) : location.OriginalString;
}
