namespace Mikoshi.Domain;

/// <summary>How an enum value is stored and shown: its name in lower case (<c>pending</c>, <c>sent</c>, <c>paid</c>…).</summary>
public static class EnumWords
{
    /// <summary>The value's word.</summary>
    public static string Word<TEnum>(this TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
