using System.Net;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Cli;

/// <summary>Issue 15: an operator sets a person's password from the command line; the app then signs them in with it only.</summary>
[Collection(CliCollection.Name)]
public sealed class PasswordCliTests
{
    [Theory]
    // SQLite only: the command line runs on PostgreSQL in CliTests; this story's rules hold on either store (proved through HTTP on both).
    [InlineData("sqlite")]
    public async Task PersonPassword_SetsTheNewPassword_EndsTokens_AndRefusesAWeakOne(string provider)
    {
        await using var app = TestApp.Create(provider);
        var person = await app.SignUpAsync();
        string[] store = ["--provider", provider, "--db", app.Store.ConnectionString];

        var weak = await CliTests.RunAsync(["person", "password", "--email", person.Email, "--password", "123456789012", .. store]);
        Assert.NotEqual(0, weak.Code);
        Assert.Contains("weak_password", weak.Output + weak.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync("/api/v1/me")).StatusCode);

        var unknown = await CliTests.RunAsync(["person", "password", "--email", "nobody@example.jp", "--password", "an operator's choice", .. store]);
        Assert.Contains("person_not_found", unknown.Output + unknown.Error, StringComparison.Ordinal);

        var set = await CliTests.RunAsync(["person", "password", "--email", person.Email, "--password", "an operator's choice", .. store]);
        Assert.Equal(0, set.Code);

        Assert.Equal(HttpStatusCode.Unauthorized, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/v1/auth/login", new { email = person.Email, password = Person.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/v1/auth/login", new { email = person.Email, password = "an operator's choice" })).StatusCode);
    }
}
