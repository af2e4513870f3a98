namespace Mikoshi.Domain.Notifications;

/// <summary>Where one event's delivery to one community channel stands; stored and shown as its lower-case name.</summary>
public enum ChannelDeliveryState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>The channel took it.</summary>
    Sent,

    /// <summary>Given up: the channel was turned off, or it failed too often.</summary>
    Abandoned,
}
