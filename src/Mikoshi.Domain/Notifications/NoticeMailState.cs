namespace Mikoshi.Domain.Notifications;

/// <summary>Whether a notice goes out by mail, and whether it went; stored as its lower-case name.</summary>
public enum NoticeMailState
{
    /// <summary>Not by mail (in the app only, or in a digest).</summary>
    None,

    /// <summary>To be mailed on its own.</summary>
    Pending,

    /// <summary>Mailed.</summary>
    Sent,
}
