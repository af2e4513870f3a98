using Mikoshi.Domain;

namespace Mikoshi.Features.People;

/// <summary>
/// The errors of profiles and skills: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class PeopleErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>invalid_privacy</c></summary>
        public const string InvalidPrivacy = "invalid_privacy";

        /// <summary><c>invalid_profile</c></summary>
        public const string InvalidProfile = "invalid_profile";

        /// <summary><c>skill_exists</c></summary>
        public const string SkillExists = "skill_exists";

        /// <summary><c>unknown_time_zone</c></summary>
        public const string UnknownTimeZone = "unknown_time_zone";
    }

    /// <summary>Choose whether to be shown by name.</summary>
    public static Error InvalidPrivacy { get; } = new(Codes.InvalidPrivacy, ErrorKind.Invalid);

    /// <summary>Each tag is 1 to {0} characters, at most {1} of each kind; the introduction at most {2} characters.</summary>
    public static Error InvalidProfile { get; } = new(Codes.InvalidProfile, ErrorKind.Invalid, Profiles.MaxTagLength, Profiles.MaxTags, Domain.Identity.ProfileRules.MaxBioLength);

    /// <summary>That skill is already in the vocabulary.</summary>
    public static Error SkillExists { get; } = new(Codes.SkillExists, ErrorKind.Invalid);

    /// <summary>That is not a time zone this server knows.</summary>
    public static Error UnknownTimeZone { get; } = new(Codes.UnknownTimeZone, ErrorKind.Invalid);
}
