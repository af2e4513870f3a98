using System.Text;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Matching;

/// <summary>What matching knows about one person: their skills (得意), their values and how busy they are.</summary>
/// <param name="Person">Who.</param>
/// <param name="Skills">Skill tags as the person wrote them.</param>
/// <param name="Values">Value tags as the person wrote them.</param>
/// <param name="ActiveProjects">Projects the person is on that are not yet released or archived.</param>
public sealed record Candidate(PersonId Person, IReadOnlyList<string> Skills, IReadOnlyList<string> Values, int ActiveProjects);

/// <summary>
/// How tags compare: "Video Editing", "video editing " and the full-width "ｖｉｄｅｏ editing" are one tag
/// (trimmed, Unicode NFKC, lower case). The tag as a person wrote it is kept for display.
/// </summary>
public static class TagKey
{
    /// <summary>The comparable form of a tag.</summary>
    /// <param name="tag">A tag as written.</param>
    public static string Of(string tag) => tag.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
