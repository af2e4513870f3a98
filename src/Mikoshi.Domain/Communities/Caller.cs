namespace Mikoshi.Domain.Communities;

/// <summary>Who may call an endpoint. Every API endpoint states one (a test walks them all), and a use case checks it again under the writer's lock.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Anyone,

    /// <summary>Any signed-in person (a visitor of every community).</summary>
    SignedIn,

    /// <summary>A person holding at least one membership token of the community in the route.</summary>
    Member,

    /// <summary>A treasurer or an admin of the community in the route.</summary>
    Treasurer,

    /// <summary>Anyone with a place in the community in the route: a token holder, a treasurer or an admin.</summary>
    Insider,

    /// <summary>An admin of the community in the route.</summary>
    Admin,
}

/// <summary>The caller of a request: who they are, and their roles in the community it is about, if any.</summary>
public sealed record Caller(PersonId? Person, Community? Community, IReadOnlySet<Role> Roles)
{
    /// <summary>The person; a door that admits no anonymous caller to this use case guarantees one.</summary>
    public PersonId RequirePerson() => Person ?? throw new InvariantViolatedException("The access filter lets no anonymous caller reach this.");

    /// <summary>The community; a route about a community guarantees one.</summary>
    public Community RequireCommunity() => Community ?? throw new InvariantViolatedException("The route has no community.");

    /// <summary>Whether the caller holds <paramref name="role"/> itself (not through an admin's powers).</summary>
    public bool Is(Role role) => Roles.Contains(role);

    /// <summary>Treasurer powers: a treasurer, or an admin.</summary>
    public bool CanKeepTheBooks => Is(Role.Treasurer) || Is(Role.Admin);

    /// <summary>The powers of <paramref name="role"/>: holding it, or being an admin (who has every role's powers).</summary>
    public bool HasPowersOf(Role role) => Is(role) || Is(Role.Admin);

    /// <summary>Anyone with a place in the community: a token holder, a treasurer or an admin.</summary>
    public bool IsInsider => Roles.Any(r => r != Role.Visitor);

    /// <summary>Signed in, whatever the roles.</summary>
    public bool IsSignedIn => Person is not null;

    /// <summary>Whether this caller may do what <paramref name="access"/> allows.</summary>
    public bool May(Access access) => access switch
    {
        Access.Anyone => true,
        Access.SignedIn => IsSignedIn,
        Access.Member => IsSignedIn && Is(Role.Member),
        Access.Treasurer => IsSignedIn && CanKeepTheBooks,
        Access.Admin => IsSignedIn && Is(Role.Admin),
        Access.Insider => IsSignedIn && IsInsider,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "An access without a rule."),
    };

    /// <summary>The audit actor: the person's id, or <c>anonymous</c>.</summary>
    public string Actor => Person?.ToString() ?? "anonymous";
}
