using Microsoft.AspNetCore.Identity;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;

namespace Mikoshi.Features.Auth;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record PersonView(string PersonId, string Email, string DisplayName);

/// <summary>Signs a new person up with an email and a password; recorded in the instance's audit chain.</summary>
public sealed class Register(Writer writer, UserManager<MikoshiUser> users, TimeProvider clock)
{
    public const int MaxDisplayNameLength = 100;

    public Task<Result<Written>> HandleAsync(RegisterRequest request, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(Guid.Empty, "anonymous", idempotency, StatusCodes.Status201Created, async write =>
        {
            var email = request.Email?.Trim() ?? string.Empty;
            var name = string.IsNullOrWhiteSpace(request.DisplayName) ? email.Split('@')[0] : request.DisplayName.Trim();
            if (name.Length > MaxDisplayNameLength)
            {
                return Error.Of("invalid_display_name", $"A display name is at most {MaxDisplayNameLength} characters.");
            }

            if (!System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Length > 254)
            {
                return Error.Of("invalid_email", "That is not an email address.");
            }

            var user = new MikoshiUser
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                Email = email,
                DisplayName = name,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, request.Password ?? string.Empty);
            if (!created.Succeeded)
            {
                return ToError(created);
            }

            var view = new PersonView(user.PersonId.ToString(), email, name);
            await write.AuditAsync("person.registered", new { personId = view.PersonId, displayName = name });
            return Result<PersonView>.Ok(view);
        });

    private static Error ToError(IdentityResult result)
    {
        var first = result.Errors.First();
        var code = first.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail) => "email_taken",
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "invalid_email",
            _ when first.Code.StartsWith("Password", StringComparison.Ordinal) => "weak_password",
            _ => "invalid_registration",
        };
        return Error.Of(code, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/register", (RegisterRequest request, Register register, HttpContext http) =>
            Idempotency.WriteAsync(http, request, (caller, key) => register.HandleAsync(request, key)))
        .Allow(Access.Anyone)
        .LimitedAsSignIn()
        .WithSummary("Sign up with an email and a password.")
        .Produces<PersonView>(StatusCodes.Status201Created);
}
