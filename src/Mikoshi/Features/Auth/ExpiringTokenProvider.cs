using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Mikoshi.Data;
using Mikoshi.Resources;

namespace Mikoshi.Features.Auth;

/// <summary>
/// Tokens for password reset and email confirmation. Each names its person, its purpose, the person's security
/// stamp and when it was made (from the injected clock), sealed with Data Protection (keys shared by replicas). A
/// token is good until its lifespan ends and only while the stamp is unchanged: a reset changes the stamp, so a reset
/// token works once, and a password change ends every reset token sent before it.
/// </summary>
public sealed class ExpiringTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<MikoshiUser>
{
    public const string Name = "Mikoshi";

    /// <summary>How long a password reset token is good for.</summary>
    public static readonly TimeSpan ResetLifespan = TimeSpan.FromHours(1);

    /// <summary>How long an email confirmation token is good for.</summary>
    public static readonly TimeSpan ConfirmationLifespan = TimeSpan.FromDays(3);

    private readonly IDataProtector protector = protection.CreateProtector("Mikoshi.Auth.ExpiringToken.v1");

    public static TimeSpan LifespanOf(string purpose) =>
        purpose == UserManager<MikoshiUser>.ResetPasswordTokenPurpose ? ResetLifespan : ConfirmationLifespan;

    public async Task<string> GenerateAsync(string purpose, UserManager<MikoshiUser> manager, MikoshiUser user)
    {
        var text = string.Join('\n', user.Id.ToString("N"), purpose, await manager.GetSecurityStampAsync(user));
        var body = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[8 + body.Length];
        BinaryPrimitives.WriteInt64BigEndian(sealedBytes, clock.GetUtcNow().ToUnixTimeSeconds());
        body.CopyTo(sealedBytes, 8);
        return WebEncoders.Base64UrlEncode(protector.Protect(sealedBytes));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<MikoshiUser> manager, MikoshiUser user)
    {
        byte[] opened;
        try
        {
            opened = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }

        if (opened.Length < 8)
        {
            return false;
        }

        var made = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(opened));
        var now = clock.GetUtcNow();
        if (made > now + TimeSpan.FromMinutes(1) || now - made > LifespanOf(purpose))
        {
            return false;
        }

        var expected = string.Join('\n', user.Id.ToString("N"), purpose, await manager.GetSecurityStampAsync(user));
        return CryptographicOperations.FixedTimeEquals(opened.AsSpan(8), Encoding.UTF8.GetBytes(expected));
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<MikoshiUser> manager, MikoshiUser user) => Task.FromResult(false);
}

/// <summary>Identity's password check is <see cref="Domain.Identity.PasswordPolicy"/>, for every way a password is set.</summary>
public sealed class PolicyPasswordValidator : IPasswordValidator<MikoshiUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<MikoshiUser> manager, MikoshiUser user, string? password) =>
        Task.FromResult(Domain.Identity.PasswordPolicy.Check(password, user.Email) is { } error
            ? IdentityResult.Failed(new IdentityError { Code = error.Code, Description = Errors.English(error) })
            : IdentityResult.Success);
}
