using Mikoshi.Domain.Revenue;

namespace Mikoshi.Domain.Communities;

/// <summary>A member's place in an LLC's member register (社員名簿).</summary>
public enum LlcRole
{
    /// <summary>業務執行社員: runs the company's business and consents to transfers.</summary>
    Executive,

    /// <summary>非業務執行社員: a member who does not run the business.</summary>
    NonExecutive,
}

/// <summary>How a membership token (社員権) would reach a person.</summary>
public enum LlcMove
{
    /// <summary>A new token minted to them: joining the company (会社法604条).</summary>
    Mint,

    /// <summary>A gift or move by its holder (持分の譲渡, 会社法585条).</summary>
    Gift,

    /// <summary>A purchase on the market (also 持分の譲渡, 会社法585条).</summary>
    Purchase,

    /// <summary>A succession to a holder's tokens (相続, 会社法608条).</summary>
    Succession,
}

/// <summary>
/// The rules of the LLC-type DAO mode (合同会社型DAO): who may receive a membership token, and how much a member
/// may gain. Outside the mode every move is allowed and nothing is capped here.
/// </summary>
public static class LlcRules
{
    /// <summary>The stable text of a role: <c>executive</c> or <c>non_executive</c>.</summary>
    public static string Code(LlcRole role) => role == LlcRole.Executive ? "executive" : "non_executive";

    /// <summary>A role from its stable text; fails with <c>invalid_llc_role</c>.</summary>
    public static Result<LlcRole> Role(string? code) => code switch
    {
        "executive" => LlcRole.Executive,
        "non_executive" => LlcRole.NonExecutive,
        _ => CommunityErrors.InvalidLlcRole,
    };

    /// <summary>
    /// Whether a token may reach a person by <paramref name="move"/>: in the mode, only a person in the member
    /// register (approved by a 業務執行社員); and a succession only when the articles provide for it (会社法608条).
    /// </summary>
    public static Result<LlcMove> MayReceive(Community community, LlcMove move, bool registered)
    {
        if (!community.LlcDao)
        {
            return move;
        }

        if (move == LlcMove.Succession && !community.ArticlesProvideInheritance)
        {
            return CommunityErrors.LlcSuccessionNotInArticles;
        }

        if (registered)
        {
            return move;
        }

        return move switch
        {
            LlcMove.Purchase => CommunityErrors.LlcPurchaseNotApproved,
            LlcMove.Mint => CommunityErrors.LlcMemberNotApproved,
            LlcMove.Succession => CommunityErrors.LlcSuccessorNotApproved,
            _ => CommunityErrors.LlcTransferNotApproved,
        };
    }

    /// <summary>
    /// A sale's proceeds to a member of an LLC-type DAO count against the cap at what they paid in: a sale that would
    /// pay them more than the room left (<paramref name="paidIn"/> less <paramref name="received"/>) is refused with
    /// <c>llc_gain_over_cap</c>. Outside the mode any price stands.
    /// </summary>
    public static Result<Int128> MaySell(Community community, Int128 proceeds, Int128 paidIn, Int128 received)
    {
        if (!community.LlcDao)
        {
            return proceeds;
        }

        var (toPerson, excess) = DistributionCap.Apply(proceeds, paidIn, received);
        return excess == Int128.Zero
            ? toPerson
            : CommunityErrors.LlcGainOverCap;
    }
}
