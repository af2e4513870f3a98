using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Membership;

/// <summary>One step of a token's lineage: how it reached whom, when, and for what price.</summary>
public sealed class LineageStep
{
    private LineageStep()
    {
    }

    internal LineageStep(CommunityId community, TokenId serial, int step, LineageKind kind, PersonId? from, PersonId? to, long atUnixMs, Int128? price)
    {
        CommunityId = community;
        Serial = serial;
        Step = step;
        Kind = kind;
        FromId = from;
        ToId = to;
        AtUnixMs = atUnixMs;
        Price = price;
    }

    /// <summary>The token's community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The token's serial.</summary>
    public TokenId Serial { get; private set; }

    /// <summary>1 for the mint, then one more per move.</summary>
    public int Step { get; private set; }

    /// <summary>How the token moved.</summary>
    public LineageKind Kind { get; private set; }

    /// <summary>Who held it before (none for a mint).</summary>
    public PersonId? FromId { get; private set; }

    /// <summary>Who holds it after (none for a redemption).</summary>
    public PersonId? ToId { get; private set; }

    /// <summary>When, in Unix milliseconds.</summary>
    public long AtUnixMs { get; private set; }

    /// <summary>What was paid, in the community's base asset, for a mint or a sale.</summary>
    public Int128? Price { get; private set; }
}

/// <summary>
/// A membership token (ERC-721 semantics): numbered within its community, owned by one person until it is burned
/// (redeemed), movable by its owner or the one person the owner approved. Every change of hands is a verb that
/// appends a step to its lineage; a burned token never moves again.
/// </summary>
public sealed class Token
{
    private readonly List<LineageStep> lineage = [];

    private Token()
    {
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The serial within the community (1, 2, 3… in minting order, never reused).</summary>
    public TokenId Serial { get; private set; }

    /// <summary>The holder; none once burned.</summary>
    public PersonId? OwnerId { get; private set; }

    /// <summary>Someone the owner allowed to move this token (ERC-721 approval); cleared on every move.</summary>
    public PersonId? ApprovedId { get; private set; }

    /// <summary>Who minted it (what a person paid in counts their mints).</summary>
    public PersonId MintedBy { get; private set; }

    /// <summary>When it was minted, in Unix milliseconds.</summary>
    public long MintedAtUnixMs { get; private set; }

    /// <summary>What its mint cost, in minor units of the base asset.</summary>
    public Int128 MintPrice { get; private set; }

    /// <summary>When it was burned, in Unix milliseconds; none while in circulation.</summary>
    public long? BurnedAtUnixMs { get; private set; }

    /// <summary>Whether it was burned (redeemed).</summary>
    public bool IsBurned => BurnedAtUnixMs is not null;

    /// <summary>
    /// The steps this instance was read with: every step from its mint on for a view, only the last for a write that
    /// moves it (a move appends after the last step and needs no other, so its cost does not grow with the token's
    /// history). Not in order: order by <see cref="LineageStep.Step"/>.
    /// </summary>
    public IReadOnlyList<LineageStep> Lineage => lineage;

    /// <summary>A new token <paramref name="id"/> for <paramref name="owner"/>, who paid <paramref name="price"/>.</summary>
    public static Token Mint(CommunityId community, TokenId id, PersonId owner, Int128 price, DateTimeOffset at)
    {
        if (id.Value < 1 || price < Int128.Zero)
        {
            throw new InvariantViolatedException($"Token #{id} cannot be minted at {price}.");
        }

        var token = new Token
        {
            CommunityId = community,
            Serial = id,
            OwnerId = owner,
            MintedBy = owner,
            MintedAtUnixMs = at.ToUnixTimeMilliseconds(),
            MintPrice = price,
        };
        token.Append(LineageKind.Minted, null, owner, at, price);
        return token;
    }

    /// <summary>The owner, when <paramref name="person"/> is the owner of a token still in circulation.</summary>
    public Result<PersonId> OwnedBy(PersonId person) => OwnerId switch
    {
        null => MembershipErrors.TokenBurned,
        var owner when owner != person => MembershipErrors.NotTokenOwner,
        var owner => owner.Value,
    };

    /// <summary>The owner, when <paramref name="actor"/> may move the token: its owner, or the person the owner approved.</summary>
    public Result<PersonId> MovableBy(PersonId actor) => OwnerId switch
    {
        null => MembershipErrors.TokenBurned,
        var owner when owner != actor && ApprovedId != actor => MembershipErrors.NotTokenOwner,
        var owner => owner.Value,
    };

    /// <summary>The owner allows <paramref name="spender"/> to move the token (none clears the approval).</summary>
    public Result<Token> Approve(PersonId owner, PersonId? spender)
    {
        var owned = OwnedBy(owner);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        if (spender == owner)
        {
            return MembershipErrors.InvalidSpender;
        }

        ApprovedId = spender;
        return this;
    }

    /// <summary>
    /// The owner, when <paramref name="actor"/> may give the token to <paramref name="to"/>: the actor may move it
    /// (<see cref="MovableBy"/>), and it would change hands.
    /// </summary>
    public Result<PersonId> MayGive(PersonId actor, PersonId to)
    {
        var owner = MovableBy(actor);
        return owner.IsSuccess && owner.Value == to ? MembershipErrors.SameOwner : owner;
    }

    /// <summary>
    /// The token passes to <paramref name="to"/> (a gift, a sale, an inheritance, or a move the chain made): the
    /// approval ends, the lineage gains the step. The owner it leaves; a burned token never moves.
    /// </summary>
    public Result<PersonId> Transfer(PersonId to, LineageKind kind, DateTimeOffset at, Int128? price = null)
    {
        if (kind is LineageKind.Minted or LineageKind.Redeemed)
        {
            throw new InvariantViolatedException($"A transfer cannot be a {kind}.");
        }

        if (OwnerId is not { } from)
        {
            return MembershipErrors.TokenBurned;
        }

        OwnerId = to;
        ApprovedId = null;
        Append(kind, from, to, at, price);
        return from;
    }

    /// <summary>The token burns (redeemed): it leaves circulation for good. The owner it had.</summary>
    public Result<PersonId> Burn(DateTimeOffset at)
    {
        if (OwnerId is not { } from)
        {
            return MembershipErrors.TokenBurned;
        }

        OwnerId = null;
        ApprovedId = null;
        BurnedAtUnixMs = at.ToUnixTimeMilliseconds();
        Append(LineageKind.Redeemed, from, null, at, null);
        return from;
    }

    /// <summary>
    /// Undoes a burn a chain reorganisation took back: the token is <paramref name="owner"/>'s again, and its lineage
    /// loses the redemption step, which is returned for the store to delete.
    /// </summary>
    public LineageStep? Restore(PersonId owner)
    {
        if (OwnerId is not null || BurnedAtUnixMs is null)
        {
            throw new InvariantViolatedException($"Token #{Serial} is not burned.");
        }

        OwnerId = owner;
        BurnedAtUnixMs = null;
        if (lineage.MaxBy(step => step.Step) is not { Kind: LineageKind.Redeemed } dropped)
        {
            return null;
        }

        lineage.Remove(dropped);
        return dropped;
    }

    /// <summary>Steps are numbered 1, 2, 3… without gaps: the next follows the last, however many were read.</summary>
    private void Append(LineageKind kind, PersonId? from, PersonId? to, DateTimeOffset at, Int128? price) =>
        lineage.Add(new LineageStep(CommunityId, Serial, lineage.Count == 0 ? 1 : lineage.Max(step => step.Step) + 1, kind, from, to, at.ToUnixTimeMilliseconds(), price));
}
