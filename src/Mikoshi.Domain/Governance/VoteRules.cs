namespace Mikoshi.Domain.Governance;

/// <summary>What a signed vote may carry.</summary>
public static class VoteRules
{
    /// <summary>The longest reason a voter gives, in characters.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The most bytes a signature may have: a smart-account signature can hold several 65-byte ones.</summary>
    public const int MaxSignatureBytes = 65 * 16;

    /// <summary>The longest signature as text: <c>0x</c> and two hex digits a byte.</summary>
    public const int MaxSignatureTextLength = 2 + (2 * MaxSignatureBytes);
}
