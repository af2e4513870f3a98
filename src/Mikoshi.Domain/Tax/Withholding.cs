namespace Mikoshi.Domain.Tax;

/// <summary>Whether a payee is a natural person or a company; withholding under 所得税法 204 条 applies to individuals.</summary>
public enum TaxStatus
{
    /// <summary>A natural person (個人), including a sole proprietor.</summary>
    Individual,

    /// <summary>A company or other legal person (法人).</summary>
    Company,
}

/// <summary>Reads and writes <see cref="TaxStatus"/> as <c>individual</c> or <c>company</c>.</summary>
public static class TaxStatuses
{
    /// <summary>The written form.</summary>
    public static string Code(this TaxStatus status) => status == TaxStatus.Company ? "company" : "individual";

    /// <summary>Reads <c>individual</c> or <c>company</c>; anything else is <c>invalid_tax_status</c>.</summary>
    public static Result<TaxStatus> Parse(string? text) => text switch
    {
        "individual" => TaxStatus.Individual,
        "company" => TaxStatus.Company,
        _ => TaxErrors.InvalidTaxStatus,
    };
}

/// <summary>
/// What a payout pays for, as the 支払調書 names it, and whether it is remuneration from which income tax is
/// withheld (所得税法 204 条 1 項 1 号: 原稿料, デザイン料, 講演料 …; 2 号: 弁護士, 税理士 …). Only the kinds whose withholding is
/// 10.21% / 20.42% of the whole payment are here; kinds with a deduction first (司法書士, ホステス …) are not.
/// </summary>
/// <param name="Code">Stable code used in the API and the store.</param>
/// <param name="Japanese">The name on the 支払調書's 区分 column.</param>
/// <param name="English">An English name.</param>
/// <param name="Withholds">Whether income tax is withheld when an individual is paid.</param>
/// <param name="HalfYearly">Whether 納期の特例 (half-yearly payment) may cover it: only 税理士・弁護士等 remuneration among these.</param>
public sealed record WithholdingKind(string Code, string Japanese, string English, bool Withholds, bool HalfYearly)
{
    /// <summary>Not remuneration under 204 条 (a revenue share, a refund): nothing withheld.</summary>
    public static WithholdingKind None { get; } = new("none", "源泉徴収なし", "Not subject to withholding", false, false);

    /// <summary>The catalogue, in the order a form lists it.</summary>
    public static IReadOnlyList<WithholdingKind> All { get; } =
    [
        None,
        new("manuscript", "原稿料", "Manuscript / writing fee", true, false),
        new("design", "デザイン料", "Design fee", true, false),
        new("lecture", "講演料", "Lecture fee", true, false),
        new("illustration", "挿絵料", "Illustration fee", true, false),
        new("photo", "写真の報酬", "Photography fee", true, false),
        new("translation", "翻訳料", "Translation fee", true, false),
        new("copyright", "著作権の使用料", "Copyright royalty", true, false),
        new("performance", "出演料", "Performance fee", true, false),
        new("professional", "弁護士・税理士等の報酬", "Lawyer / tax accountant fee", true, true),
    ];

    /// <summary>The kind with <paramref name="code"/>, or <c>unknown_withholding_kind</c>.</summary>
    public static Result<WithholdingKind> Of(string? code) =>
        All.FirstOrDefault(k => k.Code == code) is { } kind
            ? kind
            : TaxErrors.UnknownWithholdingKind;
}

/// <summary>A payment split into what the payee receives and what is withheld for the tax office.</summary>
/// <param name="Gross">The whole payment.</param>
/// <param name="Withheld">Income tax and reconstruction special income tax withheld (源泉徴収税額).</param>
/// <param name="Net">What is transferred to the payee: gross − withheld.</param>
public sealed record WithholdingSplit(Money Gross, Money Withheld, Money Net);

/// <summary>
/// The withholding on remuneration paid to an individual (国税庁 タックスアンサー No.2795): 10.21% of a payment up to
/// ¥1,000,000, and on a larger payment 20.42% of the part above ¥1,000,000 plus ¥102,100; fractions of a yen are
/// dropped. The rates include the 2.1% reconstruction special income tax (復興特別所得税, 2013–2037).
/// </summary>
public static class Withholding
{
    /// <summary>The threshold between the two rates: ¥1,000,000.</summary>
    public static Int128 Threshold { get; } = 1_000_000;

    /// <summary>The tax on exactly ¥1,000,000: ¥102,100.</summary>
    public static Int128 TaxAtThreshold { get; } = 102_100;

    /// <summary>
    /// Splits a yen payment. Exact integer arithmetic: rates are basis points of a ten-thousandth (1021, 2042),
    /// and integer division of a non-negative number drops the fraction as the rule says. A payment is at most
    /// <see cref="Money.MaxUnits"/>, so the products stay below 10^34, far inside <see cref="Int128"/>.
    /// </summary>
    public static WithholdingSplit On(Money gross, WithholdingKind kind, TaxStatus? status)
    {
        if (gross.IsNegative)
        {
            throw new InvariantViolatedException("A payment is never negative.");
        }

        // Companies are not withheld from under 204 条 1 項 1・2 号; an unknown status is treated as a person, the safe side.
        if (gross.Asset != Asset.Jpy || !kind.Withholds || status == TaxStatus.Company)
        {
            return new WithholdingSplit(gross, Money.Zero(gross.Asset), gross);
        }

        var withheld = TaxOn(gross.Units);
        return new WithholdingSplit(gross, Money.Of(Asset.Jpy, withheld), Money.Of(Asset.Jpy, checked(gross.Units - withheld)));
    }

    /// <summary>The tax on <paramref name="yen"/> (≥ 0) of remuneration, whole yen, fraction dropped.</summary>
    public static Int128 TaxOn(Int128 yen) =>
        yen <= Threshold
            ? checked(yen * 1021) / 10_000
            : checked(TaxAtThreshold + (checked(yen - Threshold) * 2042 / 10_000));
}
