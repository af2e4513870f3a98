namespace Mikoshi.Domain.Communities;

/// <summary>A person: one human, who may hold tokens, join projects and leave and return.</summary>
/// <param name="Value">The underlying id (the sign-in account's id).</param>
public readonly record struct PersonId(Guid Value)
{
    /// <summary>A new random id.</summary>
    public static PersonId New() => new(Guid.CreateVersion7());

    /// <summary>The id in the form the API and ledger write (32 hex digits).</summary>
    public override string ToString() => Value.ToString("N");
}

/// <summary>A community.</summary>
/// <param name="Value">The underlying id.</param>
public readonly record struct CommunityId(Guid Value)
{
    /// <summary>A new random id.</summary>
    public static CommunityId New() => new(Guid.CreateVersion7());

    /// <summary>The id in the form the API writes (32 hex digits).</summary>
    public override string ToString() => Value.ToString("N");
}

/// <summary>What a person may do in a community. A person may hold several.</summary>
public enum Role
{
    /// <summary>Anyone: reads the charter, the ledger and the audit log.</summary>
    Visitor,

    /// <summary>Holds a membership token.</summary>
    Member,

    /// <summary>Records money received and sees every account.</summary>
    Treasurer,

    /// <summary>Runs the community: grants roles, changes settings. Has a treasurer's powers too.</summary>
    Admin,
}
