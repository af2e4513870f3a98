namespace Mikoshi.Domain.Ledger;

/// <summary>What an account is for; it decides whether its balance may go below zero.</summary>
public enum AccountKind
{
    /// <summary>The world outside the community: money enters from it and leaves to it, so it runs negative.</summary>
    External,

    /// <summary>The community treasury, which funds the next projects (原資).</summary>
    Treasury,

    /// <summary>What a person may claim or spend inside the community.</summary>
    Person,

    /// <summary>A project's own money.</summary>
    Project,

    /// <summary>Revenue owed to token holders and not yet claimed.</summary>
    HolderPool,

    /// <summary>Units too small to split, kept explicitly rather than lost.</summary>
    Dust,

    /// <summary>Money held while something is pending, such as a listing or a payout batch.</summary>
    Escrow,

    /// <summary>What payment providers kept as their fee: an expense, so gross, fee and net are all on the ledger.</summary>
    Fees,
}

/// <summary>
/// An account in a community's ledger, written as <c>kind</c> or <c>kind:key</c>
/// (<c>treasury</c>, <c>person:3f2a…</c>, <c>project:…</c>). Balances are kept per account and asset.
/// </summary>
public readonly record struct AccountId
{
    private AccountId(AccountKind kind, string? key)
    {
        Kind = kind;
        Key = key;
    }

    /// <summary>What the account is for.</summary>
    public AccountKind Kind { get; }

    /// <summary>Which person, project or escrow; <c>null</c> for the community's single accounts.</summary>
    public string? Key { get; }

    /// <summary>The world outside.</summary>
    public static AccountId External { get; } = new(AccountKind.External, null);

    /// <summary>The community treasury.</summary>
    public static AccountId Treasury { get; } = new(AccountKind.Treasury, null);

    /// <summary>The holders' pool.</summary>
    public static AccountId HolderPool { get; } = new(AccountKind.HolderPool, null);

    /// <summary>The dust account.</summary>
    public static AccountId Dust { get; } = new(AccountKind.Dust, null);

    /// <summary>Payment providers' fees.</summary>
    public static AccountId Fees { get; } = new(AccountKind.Fees, null);

    /// <summary>Where claimed money waits for its payout batch.</summary>
    public static AccountId PayoutEscrow { get; } = ForEscrow("payouts");

    /// <summary>Only the outside world may hold less than nothing.</summary>
    public bool MayGoNegative => Kind == AccountKind.External;

    /// <summary>A person's account.</summary>
    public static AccountId ForPerson(Guid personId) => new(AccountKind.Person, personId.ToString("N"));

    /// <summary>A project's account.</summary>
    public static AccountId ForProject(Projects.ProjectNumber project) => new(AccountKind.Project, project.ToString());

    /// <summary>An escrow account named by <paramref name="key"/>.</summary>
    public static AccountId ForEscrow(string key) => new(AccountKind.Escrow, key);

    /// <summary>Reads the written form back; fails on anything else.</summary>
    public static Result<AccountId> Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return LedgerErrors.InvalidAccount(string.Empty);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kindText = colon < 0 ? text : text[..colon];
        var key = colon < 0 ? null : text[(colon + 1)..];
        AccountKind? kind = kindText switch
        {
            "external" => AccountKind.External,
            "treasury" => AccountKind.Treasury,
            "person" => AccountKind.Person,
            "project" => AccountKind.Project,
            "holder-pool" => AccountKind.HolderPool,
            "dust" => AccountKind.Dust,
            "escrow" => AccountKind.Escrow,
            "fees" => AccountKind.Fees,
            _ => null,
        };
        var keyed = kind is AccountKind.Person or AccountKind.Project or AccountKind.Escrow;
        // A keyed account needs a key; a single account takes no colon at all ("treasury:" is not treasury).
        if (kind is null || (keyed ? string.IsNullOrEmpty(key) : key is not null))
        {
            return LedgerErrors.InvalidAccount(text);
        }

        return new AccountId(kind.Value, key);
    }

    /// <inheritdoc />
    public override string ToString() => Key is null ? KindName : $"{KindName}:{Key}";

    /// <summary>
    /// Writes <see cref="ToString"/>'s text into <paramref name="destination"/> without making a string; false (and
    /// nothing written) if it does not fit.
    /// </summary>
    public bool TryFormat(Span<char> destination, out int written)
    {
        var kind = KindName;
        written = Key is null ? kind.Length : kind.Length + 1 + Key.Length;
        if (written > destination.Length)
        {
            written = 0;
            return false;
        }

        kind.CopyTo(destination);
        if (Key is not null)
        {
            destination[kind.Length] = ':';
            Key.CopyTo(destination[(kind.Length + 1)..]);
        }

        return true;
    }

    private string KindName => Kind switch
    {
        AccountKind.External => "external",
        AccountKind.Treasury => "treasury",
        AccountKind.Person => "person",
        AccountKind.Project => "project",
        AccountKind.HolderPool => "holder-pool",
        AccountKind.Dust => "dust",
        AccountKind.Escrow => "escrow",
        AccountKind.Fees => "fees",
        _ => throw new InvariantViolatedException($"Unknown account kind {Kind}."),
    };
}
