using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Payouts;
using Mikoshi.Domain.Tax;
using Mikoshi.Domain;

namespace Mikoshi.Features.Tax;

/// <summary>Withholding applied to a payout batch: its lines when the batch is made, and its journal entry when the bank has paid.</summary>
public static class PayoutTax
{
    /// <summary>The withholding liability (預り金): tax withheld from payees and not yet paid to the tax office.</summary>
    public static AccountId WithholdingLiability { get; } = AccountId.ForEscrow("withholding");

    /// <summary>
    /// One line per person in the batch: their claims' gross, the kind they are paid for (their own, or the community's
    /// default) and the withholding on it. Refuses with <c>tax_status_required</c> when the community requires a tax
    /// status and a payee has none, so no batch pays someone whose withholding is unknown.
    /// </summary>
    public static async Task<Result<List<PayoutLineRow>>> LinesAsync(MikoshiDb db, CommunityId community, Asset asset, long batch, IReadOnlyList<Claim> claims)
    {
        var settings = await TaxSettings.CommunityAsync(db, community);
        var people = claims.Select(c => c.PersonId).Distinct().ToList();
        var profiles = await db.TaxProfiles.AsNoTracking().Where(p => people.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId);
        var kinds = await db.PayeeKinds.AsNoTracking().Where(k => k.CommunityId == community && people.Contains(k.PersonId)).ToDictionaryAsync(k => k.PersonId, k => k.Kind);
        var lines = new List<PayoutLineRow>();
        foreach (var person in people)
        {
            var profile = profiles.GetValueOrDefault(person);
            if (profile is null && settings.RequireTaxStatus)
            {
                return TaxErrors.TaxStatusRequired;
            }

            var kind = WithholdingKind.Of(kinds.GetValueOrDefault(person) ?? settings.DefaultKind);
            if (!kind.IsSuccess)
            {
                return kind.Error;
            }

            TaxStatus? status = profile is null ? null : TaxStatuses.Parse(profile.Status).Value;
            var gross = claims.Where(c => c.PersonId == person).Aggregate(Int128.Zero, (sum, c) => sum + c.Amount);
            var split = Withholding.On(Money.Of(asset, gross), kind.Value, status);
            lines.Add(new PayoutLineRow
            {
                CommunityId = community,
                BatchNumber = batch,
                PersonId = person,
                Asset = asset.Code,
                Kind = kind.Value.Code,
                Status = profile?.Status ?? string.Empty,
                InvoiceNumber = profile?.InvoiceNumber,
                Gross = split.Gross.Units,
                Withheld = split.Withheld.Units,
                Net = split.Net.Units,
            });
        }

        return lines;
    }

    /// <summary>What the bank transfers to each person: the net of their line, or for a batch made before withholding existed, their claims.</summary>
    public static IReadOnlyList<(PersonId Person, Int128 Amount)> NetByPerson(IReadOnlyList<PayoutLineRow> lines, IReadOnlyList<Claim> claims)
    {
        var byPerson = lines.ToDictionary(l => l.PersonId, l => l.Net);
        return claims.Select(c => c.PersonId).Distinct()
            .Select(p => (p, byPerson.TryGetValue(p, out var net) ? net : claims.Where(c => c.PersonId == p).Aggregate(Int128.Zero, (sum, c) => sum + c.Amount)))
            .ToList();
    }

    /// <summary>The paid batch in the journal: the gross leaves the payout escrow; the net goes out to the payees, the withheld tax to 預り金.</summary>
    public static Result<JournalEntry> PayoutEntry(long batch, Asset asset, Int128 gross, Int128 withheld)
    {
        if (withheld == Int128.Zero)
        {
            return JournalEntry.Move("payout", $"payout batch {batch} paid", AccountId.PayoutEscrow, AccountId.External, Money.Of(asset, gross));
        }

        return JournalEntry.Create("payout", $"payout batch {batch} paid, {withheld} withheld", [
            new Posting(AccountId.PayoutEscrow, Money.Of(asset, -gross)),
            new Posting(AccountId.External, Money.Of(asset, gross - withheld)),
            new Posting(WithholdingLiability, Money.Of(asset, withheld)),
        ]);
    }
}
