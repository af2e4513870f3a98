namespace Mikoshi.Domain.Tax;

/// <summary>What a person's tax profile may hold (the 支払調書 prints the name and address).</summary>
public static class TaxRules
{
    /// <summary>The longest legal name, in characters.</summary>
    public const int MaxLegalNameLength = 100;

    /// <summary>The longest address, in characters (before it is sealed for storage).</summary>
    public const int MaxAddressLength = 200;
}
