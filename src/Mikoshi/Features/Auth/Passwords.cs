using Microsoft.AspNetCore.Identity;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Identity;
using Mikoshi.Features.Mail;

namespace Mikoshi.Features.Auth;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(string? Email, string? Token, string? NewPassword);

public sealed record ConfirmEmailRequest(string? Email, string? Token);

/// <summary>What a request that must not say whether an account exists answers, whatever happened.</summary>
public sealed record CheckYourMail(string Status, string Detail)
{
    public static readonly CheckYourMail Sent = new("check_your_mail", "If the address can be used here, a mail is on its way to it.");
}

/// <summary>
/// Changing, forgetting and resetting a password, and confirming an email address. Every password change ends every
/// session and bearer token of the person (Identity changes the security stamp, which every request is checked
/// against) and tells the person by mail. A reset token works once (it carries the stamp the reset changes) and for
/// <see cref="ExpiringTokenProvider.ResetLifespan"/>.
/// </summary>
public sealed class Passwords(UserManager<MikoshiUser> users, MailQueue mail, MailText text)
{
    public async Task<Error?> ChangeAsync(Domain.Communities.PersonId person, ChangePasswordRequest request)
    {
        var user = await users.FindByIdAsync(person.ToString()) ?? throw new InvariantViolatedException("A signed-in person has no row.");
        if (PasswordPolicy.IsTooLong(request.CurrentPassword) || !await users.HasPasswordAsync(user)
            || !await users.CheckPasswordAsync(user, request.CurrentPassword ?? string.Empty))
        {
            return AuthErrors.WrongCurrentPassword;
        }

        if (PasswordPolicy.Check(request.NewPassword, user.Email) is { } weak)
        {
            return weak;
        }

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        return changed.Succeeded ? Changed(user) : Register.ToError(changed);
    }

    /// <summary>An operator sets a person's password (the CLI); the same policy, the same revocation.</summary>
    public async Task<Error?> SetAsync(string? email, string? password)
    {
        if (await users.FindByEmailAsync(email?.Trim() ?? string.Empty) is not { } user)
        {
            return IdentityErrors.PersonNotFound;
        }

        if (PasswordPolicy.Check(password, user.Email) is { } weak)
        {
            return weak;
        }

        var set = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password!);
        return set.Succeeded ? Changed(user) : Register.ToError(set);
    }

    /// <summary>Mails a reset token if the address has an account; the answer is the same either way.</summary>
    public async Task<CheckYourMail> ForgotAsync(ForgotPasswordRequest request)
    {
        if (request.Email is { Length: > 0 and <= 254 } email && await users.FindByEmailAsync(email.Trim()) is { Email: { } to } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            mail.Enqueue(text.Compose(to, "Reset",
                text.Link($"/reset-password?email={Uri.EscapeDataString(to)}&token={Uri.EscapeDataString(token)}"), token,
                (int)ExpiringTokenProvider.ResetLifespan.TotalMinutes));
        }

        return CheckYourMail.Sent;
    }

    public async Task<Error?> ResetAsync(ResetPasswordRequest request)
    {
        var user = request.Email is { Length: > 0 and <= 254 } email ? await users.FindByEmailAsync(email.Trim()) : null;
        var purpose = UserManager<MikoshiUser>.ResetPasswordTokenPurpose;
        if (user is null || request.Token is not { Length: > 0 and <= 2048 } token
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, purpose, token))
        {
            return AuthErrors.InvalidResetToken;
        }

        if (PasswordPolicy.Check(request.NewPassword, user.Email) is { } weak)
        {
            return weak;
        }

        var reset = await users.ResetPasswordAsync(user, token, request.NewPassword!);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? AuthErrors.InvalidResetToken
                : Register.ToError(reset);
        }

        // Following the link proved the address too.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        return Changed(user);
    }

    public async Task<Error?> ConfirmEmailAsync(ConfirmEmailRequest request)
    {
        var user = request.Email is { Length: > 0 and <= 254 } email ? await users.FindByEmailAsync(email.Trim()) : null;
        if (user is null || request.Token is not { Length: > 0 and <= 2048 } token || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            return AuthErrors.InvalidConfirmationToken;
        }

        return null;
    }

    /// <summary>Mails a new confirmation link to a signed-in person whose address is not confirmed yet.</summary>
    public async Task SendConfirmationAsync(MikoshiUser user)
    {
        if (user.Email is not { } to || user.EmailConfirmed)
        {
            return;
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        mail.Enqueue(text.Compose(to, "Confirm", user.DisplayName,
            text.Link($"/confirm-email?email={Uri.EscapeDataString(to)}&token={Uri.EscapeDataString(token)}"), token));
    }

    /// <summary>Tells the owner of an address that someone tried to sign up with it.</summary>
    public void SendAlreadyRegistered(string to) =>
        mail.Enqueue(text.Compose(to, "Exists", text.Link("/signin"), text.Link("/forgot-password")));

    private Error? Changed(MikoshiUser user)
    {
        if (user.Email is { } to)
        {
            mail.Enqueue(text.Compose(to, "Changed", text.Link("/forgot-password")));
        }

        return null;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/password", async (ChangePasswordRequest request, Passwords passwords, HttpContext http) =>
                await passwords.ChangeAsync(http.Caller().RequirePerson(), request) is { } error ? Problems.For(error) : Results.NoContent())
            .Allow(Access.SignedIn)
            .LimitedAsSignIn()
            .WithSummary("Change your password with the current one; every session and token of yours ends (sign in again).")
            .Produces(StatusCodes.Status204NoContent);

        api.MapPost("/auth/password/forgot", async (ForgotPasswordRequest request, Passwords passwords) =>
                Results.Accepted(value: await passwords.ForgotAsync(request)))
            .Allow(Access.Anyone)
            .LimitedAsSignIn()
            .WithSummary("Mail a single-use password reset token to the address, if it has an account (the answer is the same either way).")
            .Produces<CheckYourMail>(StatusCodes.Status202Accepted);

        api.MapPost("/auth/password/reset", async (ResetPasswordRequest request, Passwords passwords) =>
                await passwords.ResetAsync(request) is { } error ? Problems.For(error) : Results.NoContent())
            .Allow(Access.Anyone)
            .LimitedAsSignIn()
            .WithSummary("Set a new password with the token from the reset mail {email, token, newPassword}; the token works once, for an hour.")
            .Produces(StatusCodes.Status204NoContent);

        api.MapPost("/auth/email/confirm", async (ConfirmEmailRequest request, Passwords passwords) =>
                await passwords.ConfirmEmailAsync(request) is { } error ? Problems.For(error) : Results.NoContent())
            .Allow(Access.Anyone)
            .LimitedAsSignIn()
            .WithSummary("Confirm an email address with the token from the confirmation mail {email, token}.")
            .Produces(StatusCodes.Status204NoContent);

        api.MapPost("/auth/revoke", async (HttpContext http, UserManager<MikoshiUser> users) =>
            {
                var user = await users.FindByIdAsync(http.Caller().RequirePerson().ToString()) ?? throw new InvariantViolatedException("A signed-in person has no row.");
                await users.UpdateSecurityStampAsync(user);
                return Results.NoContent();
            })
            .Allow(Access.SignedIn)
            .WithSummary("Sign out everywhere: every bearer token and session of yours ends at once.")
            .Produces(StatusCodes.Status204NoContent);
    }
}
