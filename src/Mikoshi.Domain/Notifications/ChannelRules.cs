namespace Mikoshi.Domain.Notifications;

/// <summary>What a community channel (Discord, Slack, LINE, a signed webhook) may be given.</summary>
public static class ChannelRules
{
    /// <summary>The longest label, in characters (at least one).</summary>
    public const int MaxLabelLength = 80;

    /// <summary>The longest webhook address, in characters.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>The longest access token (LINE), in characters (at least one).</summary>
    public const int MaxAccessTokenLength = 1000;
}
