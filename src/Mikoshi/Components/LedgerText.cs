using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Mikoshi.Resources;

namespace Mikoshi.Components;

/// <summary>
/// The journal in the reader's language (issue #20): entry kinds, the memos the system itself writes (the stored
/// memo stays as written, since the audit chain hashes it) and escrow accounts. A memo a person typed is shown as typed.
/// </summary>
public static partial class LedgerText
{
    // The memos the use cases write, by entry kind: the pattern, and the resource that says it in the reader's language.
    private static readonly Dictionary<string, (Regex Pattern, string Key)[]> SystemMemos = new(StringComparer.Ordinal)
    {
        ["mint"] = [(Mint(), "Memo_Mint")],
        ["sale"] = [(Sold(), "Memo_Sale")],
        ["redemption"] = [(Redeemed(), "Memo_Redemption")],
        ["payout"] = [(PayoutPaid(), "Memo_PayoutPaid")],
        ["holder-share"] = [(HolderShareOne(), "Memo_HolderShareOne"), (HolderShareMany(), "Memo_HolderShareMany")],
        ["grant"] = [(Grant(), "Memo_Grant")],
        ["revenue"] = [(Revenue(), "Memo_Revenue")],
        ["claim"] = [(Claim(), "Memo_Claim")],
        ["chain-claims"] = [(ChainClaims(), "Memo_ChainClaims")],
        ["chain-claim"] = [(ChainClaim(), "Memo_ChainClaim")],
        ["redemption-undone"] = [(RedemptionUndone(), "Memo_RedemptionUndone")],
        ["chain-claim-undone"] = [(ChainClaimUndone(), "Memo_ChainClaimUndone")],
    };

    /// <summary>An entry kind ("redemption") as the reader says it ("償還"); an unknown kind as it is.</summary>
    public static string Kind(IStringLocalizer<Ui> t, string kind) =>
        t[$"Kind_{kind}"] is { ResourceNotFound: false } known ? known.Value : kind;

    /// <summary>A memo of <paramref name="kind"/>: the system's own in the reader's language, a person's as typed.</summary>
    public static string Memo(IStringLocalizer<Ui> t, string kind, string memo)
    {
        foreach (var (pattern, key) in SystemMemos.GetValueOrDefault(kind) ?? [])
        {
            if (pattern.Match(memo) is { Success: true } found)
            {
                var parts = found.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray();
                return t[key, parts] is { ResourceNotFound: false } said ? said.Value : memo;
            }
        }

        return memo;
    }

    /// <summary>An escrow account's key ("payouts") as the reader says it, or as it is.</summary>
    public static string Escrow(IStringLocalizer<Ui> t, string key) =>
        t[$"Escrow_{key}"] is { ResourceNotFound: false } known ? known.Value : key;

    /// <summary>
    /// A book-account key ("escrow:payouts", "external:deposit") as the reader says it: the account, then what it holds
    /// or which flow it is; an unknown part as it is.
    /// </summary>
    public static string BookKey(IStringLocalizer<Ui> t, string key)
    {
        var at = key.IndexOf(':', StringComparison.Ordinal);
        var (kind, detail) = at < 0 ? (key, null) : (key[..at], key[(at + 1)..]);
        var account = t[$"Account_{kind}"] is { ResourceNotFound: false } known ? known.Value : kind;
        return detail is null ? account : t["BookKeyWithDetail", account, kind == "escrow" ? Escrow(t, detail) : Kind(t, detail)];
    }

    [GeneratedRegex(@"^membership token #(\d+)$")]
    private static partial Regex Mint();

    [GeneratedRegex(@"^token #(\d+) sold$")]
    private static partial Regex Sold();

    [GeneratedRegex(@"^token #(\d+) redeemed$")]
    private static partial Regex Redeemed();

    [GeneratedRegex(@"^payout batch (\S+) paid$")]
    private static partial Regex PayoutPaid();

    [GeneratedRegex(@"^holders' share of token #(\d+)$")]
    private static partial Regex HolderShareOne();

    [GeneratedRegex(@"^holders' share of (\d+) tokens$")]
    private static partial Regex HolderShareMany();

    [GeneratedRegex(@"^grant to project (\S+)$")]
    private static partial Regex Grant();

    [GeneratedRegex(@"^revenue of project (\S+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Revenue();

    [GeneratedRegex(@"^claimed for payout$")]
    private static partial Regex Claim();

    [GeneratedRegex(@"^claims epoch (\d+) on chain$")]
    private static partial Regex ChainClaims();

    [GeneratedRegex(@"^claimed on chain by (\S+) \(epoch (\d+)\)$")]
    private static partial Regex ChainClaim();

    [GeneratedRegex(@"^redemption of token #(\d+) undone by a chain reorganisation$")]
    private static partial Regex RedemptionUndone();

    [GeneratedRegex(@"^claim by (\S+) undone by a chain reorganisation$")]
    private static partial Regex ChainClaimUndone();
}
