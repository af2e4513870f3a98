using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Domain.Revenue;

/// <summary>Where a version of a project's split stands.</summary>
public enum SplitAgreementState
{
    /// <summary>Proposed by a lead; waiting for every named party to accept.</summary>
    Proposed,

    /// <summary>Every party accepted: revenue that arrives from then on (until a later version) uses it.</summary>
    InForce,

    /// <summary>A later version came into force: this one is no longer used for new revenue, nor can it be accepted.</summary>
    Superseded,
}

/// <summary>Where a version's weights came from.</summary>
public enum SplitBasis
{
    /// <summary>The lead gave the weights.</summary>
    Manual,

    /// <summary>The weights are the team members' acknowledged contributions.</summary>
    Contributions,
}

/// <summary>
/// A version of a project's split agreement: a lead proposes it (accepting their own part), each named party
/// accepts once, and when the last one has, it comes into force and supersedes the version in force and every
/// earlier proposal still pending. Only a proposed version can be accepted.
/// </summary>
public sealed class SplitAgreement
{
    /// <summary>Longest stored state or basis word.</summary>
    public const int MaxWordLength = 16;

    private readonly List<SplitAgreementParty> parties = [];

    private SplitAgreement()
    {
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The project's number.</summary>
    public ProjectNumber ProjectNumber { get; private set; }

    /// <summary>1, 2, 3… within the project.</summary>
    public int Version { get; private set; }

    /// <summary>The lead who proposed it.</summary>
    public PersonId ProposedById { get; private set; }

    /// <summary>When it was proposed (Unix milliseconds).</summary>
    public long ProposedAtUnixMs { get; private set; }

    /// <summary>Where the weights came from.</summary>
    public SplitBasis Basis { get; private set; }

    /// <summary>Where the version stands.</summary>
    public SplitAgreementState State { get; private set; }

    /// <summary>When the last party accepted; revenue that arrived from then on uses this version (until the next).</summary>
    public long? InForceAtUnixMs { get; private set; }

    /// <summary>The parties, with their acceptances (in no particular order: see <see cref="SplitAgreementParty.Index"/>).</summary>
    public IReadOnlyList<SplitAgreementParty> Parties => parties;

    /// <summary>The parties in the order the agreement lists them.</summary>
    public IReadOnlyList<SplitAgreementParty> PartiesInOrder => [.. parties.OrderBy(p => p.Index)];

    /// <summary>Whether every named party has accepted.</summary>
    public bool IsAcceptedByAll => parties.TrueForAll(p => p.AcceptedAtUnixMs is not null);

    /// <summary>The split's terms, the parties in order, to divide revenue by.</summary>
    public SplitTerms Terms =>
        SplitTerms.Of(PartiesInOrder.Select(p => new SplitParty(p.PersonId, p.Weight, p.FixedBps)).ToList()) is { IsSuccess: true } terms
            ? terms.Value
            : throw new InvariantViolatedException($"Split agreement version {Version} of project {ProjectNumber} holds invalid terms.");

    /// <summary>The stored word of a state: <c>proposed</c>, <c>in-force</c>, <c>superseded</c> (the API shows the same).</summary>
    public static string Word(SplitAgreementState state) => state switch
    {
        SplitAgreementState.Proposed => "proposed",
        SplitAgreementState.InForce => "in-force",
        _ => "superseded",
    };

    /// <summary>The state a stored word names.</summary>
    public static SplitAgreementState StateOf(string word) => word switch
    {
        "proposed" => SplitAgreementState.Proposed,
        "in-force" => SplitAgreementState.InForce,
        "superseded" => SplitAgreementState.Superseded,
        _ => throw new InvariantViolatedException($"Unknown split agreement state '{word}'."),
    };

    /// <summary>The basis a request names (<c>manual</c> when none), or <c>invalid_split</c>.</summary>
    public static Result<SplitBasis> BasisOf(string? word) => (word?.Trim().ToLowerInvariant() ?? "manual") switch
    {
        "manual" => SplitBasis.Manual,
        "contributions" => SplitBasis.Contributions,
        _ => RevenueErrors.InvalidSplit,
    };

    /// <summary>
    /// A lead proposes version <paramref name="version"/> of project <paramref name="project"/>'s split:
    /// <c>invalid_split</c> unless <paramref name="parties"/> are valid terms. Proposing is accepting one's own part.
    /// </summary>
    public static Result<SplitAgreement> Propose(CommunityId community, ProjectNumber project, int version, SplitBasis basis,
        IReadOnlyList<SplitParty> parties, PersonId lead, DateTimeOffset at)
    {
        var terms = SplitTerms.Of(parties);
        if (!terms.IsSuccess)
        {
            return terms.Error;
        }

        var instant = at.ToUnixTimeMilliseconds();
        var agreement = new SplitAgreement
        {
            CommunityId = community,
            ProjectNumber = project,
            Version = version,
            ProposedById = lead,
            ProposedAtUnixMs = instant,
            Basis = basis,
            State = SplitAgreementState.Proposed,
        };
        agreement.parties.AddRange(terms.Value.Parties.Select((p, i) =>
            new SplitAgreementParty(community, project, version, i, p, p.Person == lead ? instant : null)));
        return agreement;
    }

    /// <summary>
    /// <paramref name="person"/> accepts their part: <c>agreement_not_pending</c> unless the version is proposed,
    /// <c>not_a_party</c> for someone it does not name, <c>already_accepted</c> the second time.
    /// </summary>
    public Result<SplitAgreement> Accept(PersonId person, DateTimeOffset at)
    {
        if (State != SplitAgreementState.Proposed)
        {
            return RevenueErrors.AgreementNotPending;
        }

        var party = parties.Find(p => p.PersonId == person);
        if (party is null)
        {
            return RevenueErrors.NotAParty;
        }

        if (party.AcceptedAtUnixMs is not null)
        {
            return RevenueErrors.AlreadyAccepted;
        }

        party.Accept(at);
        return this;
    }

    /// <summary>
    /// Puts an accepted proposal in force at <paramref name="at"/> and supersedes <paramref name="earlier"/> (the version
    /// in force and the older proposals); <c>agreement_not_pending</c> unless it is proposed and every party accepted.
    /// </summary>
    public Result<SplitAgreement> ComeIntoForce(IEnumerable<SplitAgreement> earlier, DateTimeOffset at)
    {
        if (State != SplitAgreementState.Proposed || !IsAcceptedByAll)
        {
            return RevenueErrors.AgreementNotPending;
        }

        foreach (var previous in earlier)
        {
            if (previous.CommunityId == CommunityId && previous.ProjectNumber == ProjectNumber && previous.IsSupersededBy(Version))
            {
                previous.State = SplitAgreementState.Superseded;
            }
        }

        State = SplitAgreementState.InForce;
        InForceAtUnixMs = at.ToUnixTimeMilliseconds();
        return this;
    }

    /// <summary>Whether a version coming into force supersedes this one: the one in force, or an older proposal.</summary>
    public bool IsSupersededBy(int version) =>
        version != Version && (State == SplitAgreementState.InForce || (State == SplitAgreementState.Proposed && Version < version));
}

/// <summary>A party named in a split agreement version, with its weight or fixed share and its acceptance.</summary>
public sealed class SplitAgreementParty
{
    private SplitAgreementParty()
    {
    }

    internal SplitAgreementParty(CommunityId community, ProjectNumber project, int version, int index, SplitParty party, long? acceptedAt)
    {
        CommunityId = community;
        ProjectNumber = project;
        Version = version;
        Index = index;
        PersonId = party.Person;
        Weight = party.Weight;
        FixedBps = party.FixedBps;
        AcceptedAtUnixMs = acceptedAt;
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The project's number.</summary>
    public ProjectNumber ProjectNumber { get; private set; }

    /// <summary>The agreement's version.</summary>
    public int Version { get; private set; }

    /// <summary>The party's place in the agreement's list (0, 1, …).</summary>
    public int Index { get; private set; }

    /// <summary>Who is paid.</summary>
    public PersonId PersonId { get; private set; }

    /// <summary>A relative weight, 0 when the party has a fixed share.</summary>
    public long Weight { get; private set; }

    /// <summary>A fixed share in basis points, 0 when the party has a weight.</summary>
    public Bps FixedBps { get; private set; }

    /// <summary>When the party accepted (Unix milliseconds); null while they have not.</summary>
    public long? AcceptedAtUnixMs { get; private set; }

    internal void Accept(DateTimeOffset at) => AcceptedAtUnixMs = at.ToUnixTimeMilliseconds();
}
