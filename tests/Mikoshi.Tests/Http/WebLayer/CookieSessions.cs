using System.Net;
using System.Text.RegularExpressions;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.WebLayer;

/// <summary>Signing in the way a browser does: the /signin page's form, with its antiforgery token, leaving the session cookie in the client.</summary>
internal static partial class CookieSessions
{
    /// <summary>A client without redirects whose cookie jar holds <paramref name="email"/>'s session.</summary>
    public static async Task<HttpClient> SignedInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string email, string baseAddress = "http://localhost")
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });
        var answer = await PostSignInFormAsync(client, "/signin", email);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return client;
    }

    /// <summary>Opens <paramref name="page"/> (the sign-in page, with any query) and posts its password form.</summary>
    public static async Task<HttpResponseMessage> PostSignInFormAsync(HttpClient client, string page, string email, string password = Person.Password)
    {
        var form = await FormFieldsAsync(client, page);
        form["Input.Email"] = email;
        form["Input.Password"] = password;
        return await client.PostAsync(page, new FormUrlEncodedContent(form));
    }

    /// <summary>The hidden fields of the page's sign-in form: its handler name and antiforgery token.</summary>
    public static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string page)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        return new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(html).Groups["token"].Value),
        };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
