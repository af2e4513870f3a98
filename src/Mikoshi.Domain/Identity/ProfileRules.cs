namespace Mikoshi.Domain.Identity;

/// <summary>What a person's profile may hold beyond the display name (<see cref="DisplayNameRules"/>) and tags.</summary>
public static class ProfileRules
{
    /// <summary>The longest bio, in characters.</summary>
    public const int MaxBioLength = 2000;
}
