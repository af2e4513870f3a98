using Microsoft.AspNetCore.Identity;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Identity;

namespace Mikoshi.Features.Auth;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record PersonView(string PersonId, string Email, string DisplayName);

/// <summary>
/// Signs a new person up with an email and a password; recorded in the instance's audit chain. The API and the
/// sign-up page answer the same whether or not the address already had an account (<see cref="RequestAsync"/>): the
/// new person gets a confirmation mail, the existing owner a notice, and both paths hash the password once.
/// </summary>
public sealed class Register(Writer writer, UserManager<MikoshiUser> users, IPasswordHasher<MikoshiUser> hasher, Passwords passwords, TimeProvider clock)
{
    public const int MaxDisplayNameLength = DisplayNameRules.MaxLength;

    /// <summary>An address as it is kept: trimmed, without the trailing dot of a fully qualified domain (same mailbox).</summary>
    public static string CleanEmail(string? email) => (email?.Trim() ?? string.Empty).TrimEnd('.');

    /// <summary>The checks that do not depend on who has an account, so failing them tells nothing.</summary>
    public static Result<(string Email, string Name)> Check(RegisterRequest request)
    {
        var email = CleanEmail(request.Email);
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || email.Length > 254 || parsed.Address != email)
        {
            return AuthErrors.InvalidEmail;
        }

        var name = DisplayNameRules.Check(string.IsNullOrWhiteSpace(request.DisplayName) ? email.Split('@')[0] : request.DisplayName);
        if (!name.IsSuccess)
        {
            return name.Error;
        }

        return PasswordPolicy.Check(request.Password, email) is { } weak ? weak : (email, name.Value);
    }

    /// <summary>Creates the person (the CLI, the demo): says plainly when the address is taken.</summary>
    public Task<Result<Committed<PersonView>>> HandleAsync(RegisterRequest request, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(Guid.Empty, "anonymous", idempotency, async write =>
        {
            var checkedRequest = Check(request);
            if (!checkedRequest.IsSuccess)
            {
                return checkedRequest.Error;
            }

            var (email, name) = checkedRequest.Value;
            var user = new MikoshiUser
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                Email = email,
                DisplayName = name,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                return ToError(created);
            }

            var view = new PersonView(user.PersonId.ToString(), email, name);
            await write.AuditAsync("person.registered", new { personId = view.PersonId, displayName = name });
            return Result<PersonView>.Ok(view);
        });

    /// <summary>
    /// A sign-up from the web: the same answer whether the address was free or taken. Input that is wrong in itself
    /// (not an address, a weak password) is still refused with its code, since that says nothing about anyone.
    /// </summary>
    public async Task<Result<CheckYourMail>> RequestAsync(RegisterRequest request)
    {
        var checkedRequest = Check(request);
        if (!checkedRequest.IsSuccess)
        {
            return checkedRequest.Error;
        }

        var email = checkedRequest.Value.Email;
        if (await users.FindByEmailAsync(email) is { Email: { } owner })
        {
            // As long as creating an account takes: its cost is the password hash.
            hasher.HashPassword(new MikoshiUser(), request.Password!);
            passwords.SendAlreadyRegistered(owner);
            return CheckYourMail.Sent;
        }

        var created = await HandleAsync(request);
        if (!created.IsSuccess)
        {
            if (created.Error.Code != AuthErrors.Codes.EmailTaken)
            {
                return created.Error;
            }

            // Signed up by someone else a moment ago.
            passwords.SendAlreadyRegistered(email);
            return CheckYourMail.Sent;
        }

        if (await users.FindByEmailAsync(email) is { } user)
        {
            await passwords.SendConfirmationAsync(user);
        }

        return CheckYourMail.Sent;
    }

    public static Error ToError(IdentityResult result)
    {
        var first = result.Errors.First();
        return first.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail) => AuthErrors.EmailTaken,
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => AuthErrors.InvalidEmail,
            IdentityErrors.Codes.PasswordTooLong => IdentityErrors.PasswordTooLong,
            IdentityErrors.Codes.WeakPassword => IdentityErrors.WeakPassword,
            _ when first.Code.StartsWith("Password", StringComparison.Ordinal) => IdentityErrors.WeakPassword,
            _ => AuthErrors.InvalidRegistration,
        };
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/register", async (RegisterRequest request, Register register) =>
        {
            var sent = await register.RequestAsync(request);
            return sent.IsSuccess ? Results.Accepted(value: sent.Value) : Problems.For(sent.Error);
        })
        .Allow(Access.Anyone)
        .LimitedAsSignIn()
        .WithSummary("Sign up with an email and a password. The answer is 202 \"check your mail\" whether or not the address already had an account; sign in with the password once the mail says so (or at once).")
        .Produces<CheckYourMail>(StatusCodes.Status202Accepted);
}
