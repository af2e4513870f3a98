using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;
using MimeKit;

namespace Mikoshi.Tests.Http;

/// <summary>
/// Issue 15, findings 2, 7, 9 and 11: passwords can be changed and reset (by mail, through a real SMTP server), a
/// change ends every token, sign-up and sign-in do not tell who has an account, weak passwords and impersonating
/// names are refused, and an address with a trailing dot is the same account. Tests that sign up people of their own
/// and assert only on them share the class's app (<see cref="SharedApps"/>); those that count mail in the app's outbox,
/// use a fixed address or need a mail server keep an app of their own.
/// </summary>
public sealed partial class AccountTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string NewPassword = "a brand new passphrase";

    /// <summary>What must not change when a request is refused: the person's row as far as signing in goes.</summary>
    private static async Task<string> AccountStateAsync(TestApp app, string email)
    {
        await using var scope = app.Scope();
        var normalized = email.ToUpperInvariant();
        var user = await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalized);
        return $"{user.PasswordHash} {user.SecurityStamp} {user.EmailConfirmed} {user.Email}";
    }

    private static async Task<string> TokenFromAsync(MimeMessage mail)
    {
        await Task.CompletedTask;
        var match = TokenInLink().Match(mail.TextBody ?? string.Empty);
        Assert.True(match.Success, mail.TextBody);
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }

    [GeneratedRegex(@"[?&]token=([^\s&]+)")]
    private static partial Regex TokenInLink();

    private static async Task<HttpStatusCode> LoginStatusAsync(HttpClient client, string email, string password) =>
        (await client.PostJsonAsync("/api/v1/auth/login", new { email, password })).StatusCode;

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task PasswordReset_ThroughARealMailServer_WorksOnce_AndEveryBadTokenIsRefusedChangingNothing(string provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = TestApp.Create(provider);
        foreach (var (key, value) in smtp.Settings)
        {
            app.Settings[key] = value;
        }

        var person = await app.SignUpAsync();
        var anonymous = app.CreateClient();
        var confirmation = await smtp.WaitForMailAsync(person.Email);
        Assert.Contains("Confirm", confirmation.Subject, StringComparison.Ordinal);

        var forgot = await anonymous.PostJsonAsync("/api/v1/auth/password/forgot", new { email = person.Email });
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        var unknown = await anonymous.PostJsonAsync("/api/v1/auth/password/forgot", new { email = "nobody@example.jp" });
        Assert.Equal(await forgot.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        var mail = await smtp.WaitForMailAsync(person.Email, 2);
        Assert.Contains("パスワード", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("password", mail.TextBody, StringComparison.Ordinal);
        var token = await TokenFromAsync(mail);

        // Refusals first; each changes nothing.
        var before = await AccountStateAsync(app, person.Email);
        async Task RefusedAsync(object body, string code)
        {
            var response = await anonymous.PostJsonAsync("/api/v1/auth/password/reset", body);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, await response.ProblemCodeAsync());
            Assert.Equal(before, await AccountStateAsync(app, person.Email));
        }

        await RefusedAsync(new { email = person.Email, token = token[..^2] + (token[^2] == 'A' ? "BB" : "AA"), newPassword = NewPassword }, "invalid_reset_token");
        await RefusedAsync(new { email = person.Email, token = "not-a-token", newPassword = NewPassword }, "invalid_reset_token");
        await RefusedAsync(new { email = "nobody@example.jp", token, newPassword = NewPassword }, "invalid_reset_token");
        await RefusedAsync(new { email = person.Email, token, newPassword = "aaaaaaaaaaaaaaaa" }, "weak_password");
        await RefusedAsync(new { email = person.Email, token, newPassword = "password1234" }, "weak_password");
        await RefusedAsync(new { email = person.Email, token, newPassword = person.Email }, "weak_password");

        // Once: the password changes, the old one and every bearer token end.
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostJsonAsync("/api/v1/auth/password/reset", new { email = person.Email, token, newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(anonymous, person.Email, Person.Password));
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(anonymous, person.Email, NewPassword));
        var changed = await smtp.WaitForMailAsync(person.Email, 3);
        Assert.Contains("changed", changed.Subject, StringComparison.Ordinal);

        // Twice: refused, nothing changes.
        before = await AccountStateAsync(app, person.Email);
        await RefusedAsync(new { email = person.Email, token, newPassword = "yet another passphrase" }, "invalid_reset_token");

        // Expired: a fresh token an hour and a minute later.
        await anonymous.PostJsonAsync("/api/v1/auth/password/forgot", new { email = person.Email });
        var late = await TokenFromAsync(await smtp.WaitForMailAsync(person.Email, 4));
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await RefusedAsync(new { email = person.Email, token = late, newPassword = "yet another passphrase" }, "invalid_reset_token");
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(anonymous, person.Email, NewPassword));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task ConfirmationMail_InTheOutbox_ConfirmsTheAddress_AndABadTokenDoesNot(string provider)
    {
        // No SMTP server configured: the mail goes to the outbox folder as .eml.
        await using var app = TestApp.Create(provider);
        var person = await app.SignUpAsync();
        var mail = await SmtpSink.WaitForAsync(() => SmtpSink.Received(app.Outbox), 1);
        Assert.Equal(person.Email, mail.To.Mailboxes.Single().Address);
        var token = await TokenFromAsync(mail);
        var anonymous = app.CreateClient();

        var before = await AccountStateAsync(app, person.Email);
        var wrong = await anonymous.PostJsonAsync("/api/v1/auth/email/confirm", new { email = person.Email, token = "AAAA" + token[4..] });
        Assert.Equal("invalid_confirmation_token", await wrong.ProblemCodeAsync());
        Assert.Equal(before, await AccountStateAsync(app, person.Email));
        Assert.EndsWith("False " + person.Email, before, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostJsonAsync("/api/v1/auth/email/confirm", new { email = person.Email, token })).StatusCode);
        Assert.EndsWith("True " + person.Email, await AccountStateAsync(app, person.Email), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task PasswordChange_EndsEveryTokenAndSession_AndBadChangesAreRefused(string provider)
    {
        var app = apps.For(provider);
        var person = await app.SignUpAsync();
        var second = app.CreateClient();
        var login = await (await second.PostJsonAsync("/api/v1/auth/login", new { email = person.Email, password = Person.Password })).JsonAsync();
        second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());

        var before = await AccountStateAsync(app, person.Email);
        foreach (var (current, next, code) in new[]
        {
            ("not my password!", NewPassword, "wrong_current_password"),
            (Person.Password, "short", "weak_password"),
            (Person.Password, "qwertyuiop123", "weak_password"),
            (Person.Password, "zzzzzzzzzzzzzzzzzzzz", "weak_password"),
            (Person.Password, person.Email.Split('@')[0], "weak_password"),
        })
        {
            var refused = await person.Client.PostJsonAsync("/api/v1/auth/password", new { currentPassword = current, newPassword = next });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal(code, await refused.ProblemCodeAsync());
            Assert.Equal(before, await AccountStateAsync(app, person.Email));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await person.Client.PostJsonAsync("/api/v1/auth/password", new { currentPassword = Person.Password, newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(app.CreateClient(), person.Email, NewPassword));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Revoke_EndsEveryBearerTokenAtOnce_AndLoginIssuesNoRefreshToken(string provider)
    {
        var app = apps.For(provider);
        var person = await app.SignUpAsync();
        var other = await app.SignUpAsync();
        var second = app.CreateClient();
        var login = await (await second.PostJsonAsync("/api/v1/auth/login", new { email = person.Email, password = Person.Password })).JsonAsync();
        Assert.False(login.TryGetProperty("refreshToken", out _));
        second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = "anything" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await person.Client.PostAsync("/api/v1/auth/revoke", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal("not_signed_in", await (await second.GetAsync("/api/v1/me")).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(app.CreateClient(), person.Email, Person.Password));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Register_AnswersAlikeForATakenAddress_MailsItsOwner_AndATrailingDotIsTheSameAccount(string provider)
    {
        await using var app = TestApp.Create(provider);
        var anonymous = app.CreateClient();
        var fresh = await anonymous.PostJsonAsync("/api/v1/auth/register", new { email = "Name@Example.org", password = Person.Password, displayName = "Name" });
        await SmtpSink.WaitForAsync(() => SmtpSink.Received(app.Outbox), 1);
        var before = await StoreSnapshot.TakeAsync(app);
        var account = await AccountStateAsync(app, "name@example.org");

        foreach (var again in new[] { "name@example.org", "NAME@EXAMPLE.ORG.", " name@example.org. " })
        {
            var taken = await anonymous.PostJsonAsync("/api/v1/auth/register", new { email = again, password = "some other passphrase", displayName = "Impostor" });
            Assert.Equal(fresh.StatusCode, taken.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, taken.StatusCode);
            Assert.Equal(await fresh.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        Assert.Equal(account, await AccountStateAsync(app, "name@example.org"));
        await SmtpSink.WaitForAsync(() => SmtpSink.Received(app.Outbox), 4);
        Assert.Equal(3, SmtpSink.Received(app.Outbox).Count(m => m.Subject?.Contains("tried to sign up", StringComparison.Ordinal) == true));
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(anonymous, "name@example.org.", Person.Password));
        await using var scope = app.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Users.CountAsync(u => u.NormalizedEmail == "NAME@EXAMPLE.ORG"));
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa", null, "weak_password")]
    [InlineData("password1234", null, "weak_password")]
    [InlineData("Qwertyuiop123", null, "weak_password")]
    [InlineData("1234567890123", null, "weak_password")]
    [InlineData("eleven char", null, "weak_password")]
    [InlineData("weak.person@example.jp", null, "weak_password")]
    [InlineData("WEAK.PERSON", null, "weak_password")]
    [InlineData(Person.Password, "Admin\u202Eevil", "invalid_display_name")]
    [InlineData(Person.Password, "\u200B\u200C\u200D\u2060", "invalid_display_name")]
    [InlineData(Person.Password, "name\u0007bell", "invalid_display_name")]
    [InlineData(Person.Password, "\u2066isolated\u2069", "invalid_display_name")]
    [InlineData(Person.Password, "left\u200Emark", "invalid_display_name")]
    public async Task Register_WithAWeakPasswordOrAnImpersonatingName_IsRefusedWithItsCode_AndCreatesNothing(string password, string? displayName, string code)
    {
        var app = apps.For("sqlite");
        var before = await StoreSnapshot.TakeAsync(app);

        var response = await app.CreateClient().PostJsonAsync("/api/v1/auth/register", new { email = "weak.person@example.jp", password, displayName });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(code, await response.ProblemCodeAsync());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Users.AnyAsync(u => u.NormalizedEmail == "WEAK.PERSON@EXAMPLE.JP"));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task ProfileName_WithDirectionControlsOrNothingVisible_IsRefused(string provider)
    {
        var app = apps.For(provider);
        var person = await app.SignUpAsync(displayName: "Hanako");
        foreach (var name in new[] { "Admin\u202E", "\u200B\u200B", "\u3164", "tab\tname" })
        {
            var response = await person.Client.PutAsJsonAsync("/api/v1/me/profile", new { displayName = name });
            Assert.Equal("invalid_display_name", await response.ProblemCodeAsync());
        }

        Assert.Equal("Hanako", (await (await person.Client.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("displayName").GetString());
    }
}
