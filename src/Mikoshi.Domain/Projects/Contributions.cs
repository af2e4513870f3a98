namespace Mikoshi.Domain.Projects;

/// <summary>
/// What a team member says they did, with optional evidence; another team member acknowledges it.
/// </summary>
public static class ContributionRules
{
    /// <summary>The longest summary, in characters (at least one).</summary>
    public const int MaxSummaryLength = 1000;

    /// <summary>The longest evidence URL, in characters.</summary>
    public const int MaxEvidenceLength = 500;

    /// <summary>A summary trimmed and checked.</summary>
    /// <param name="summary">The summary as given.</param>
    public static Result<string> Summary(string? summary) =>
        BoundedText.Block(summary, MaxSummaryLength, ProjectErrors.InvalidContribution).Map(text => text.Value);

    /// <summary>An evidence link: absent, or an absolute http or https URL of at most <see cref="MaxEvidenceLength"/> characters.</summary>
    /// <param name="url">The URL as given; null or blank is no evidence.</param>
    public static Result<string?> Evidence(string? url)
    {
        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Result<string?>.Ok(null);
        }

        return trimmed.Length <= MaxEvidenceLength
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host)
            ? trimmed
            : ProjectErrors.InvalidEvidence;
    }

    /// <summary>When the work happened: not after <paramref name="now"/>; absent means now.</summary>
    /// <param name="occurredAt">The instant as given.</param>
    /// <param name="now">The instant of the write.</param>
    public static Result<DateTimeOffset> OccurredAt(DateTimeOffset? occurredAt, DateTimeOffset now) =>
        occurredAt is { } at && at > now
            ? ProjectErrors.InvalidContribution
            : occurredAt ?? now;

    /// <summary>
    /// Whether <paramref name="acknowledger"/> may acknowledge a contribution: a team member who is not its
    /// author and has not acknowledged it before.
    /// </summary>
    /// <param name="author">Who recorded the contribution.</param>
    /// <param name="acknowledger">Who acknowledges it.</param>
    /// <param name="onTeam">Whether the acknowledger is on the project's team.</param>
    /// <param name="alreadyAcknowledged">Whether they acknowledged it before.</param>
    public static Error? Acknowledge(Communities.PersonId author, Communities.PersonId acknowledger, bool onTeam, bool alreadyAcknowledged) =>
        !onTeam ? ProjectErrors.NotTeamMember
        : author == acknowledger ? ProjectErrors.CannotAcknowledgeOwn
        : alreadyAcknowledged ? ProjectErrors.AlreadyAcknowledged
        : null;
}

/// <summary>Thanks (感謝): a short message from one person to another.</summary>
public static class ThanksRules
{
    /// <summary>The longest message, in characters (at least one).</summary>
    public const int MaxMessageLength = 280;

    /// <summary>A message trimmed and checked, or an error when someone thanks themselves.</summary>
    /// <param name="from">Who thanks.</param>
    /// <param name="to">Who is thanked.</param>
    /// <param name="message">The message as given.</param>
    public static Result<string> Message(Communities.PersonId from, Communities.PersonId to, string? message)
    {
        if (from == to)
        {
            return ProjectErrors.CannotThankYourself;
        }

        return BoundedText.Block(message, MaxMessageLength, ProjectErrors.InvalidThanks).Map(text => text.Value);
    }
}

/// <summary>A work (制作物) a project released: a title and a link to where people find it.</summary>
public static class WorkRules
{
    /// <summary>The longest title, in characters (at least one).</summary>
    public const int MaxTitleLength = 200;

    /// <summary>A title trimmed and checked.</summary>
    /// <param name="title">The title as given.</param>
    public static Result<string> Title(string? title) =>
        BoundedText.Line(title, MaxTitleLength, ProjectErrors.InvalidWork).Map(text => text.Value);

    /// <summary>The work's link: an absolute http or https URL, required.</summary>
    /// <param name="url">The URL as given.</param>
    public static Result<string> Link(string? url) =>
        ContributionRules.Evidence(url) is { IsSuccess: true, Value: { } link }
            ? link
            : ProjectErrors.InvalidWork;
}
