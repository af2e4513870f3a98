using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Identity;
using Mikoshi.Domain.Tax;
using Mikoshi.Features.Secrets;

namespace Mikoshi.Features.Tax;

/// <summary>A person's tax facts: individual or company, legal name and address for the 支払調書, invoice number (T + 13 digits).</summary>
public sealed record TaxProfileRequest(string? Status, string? LegalName, string? Address, string? InvoiceNumber);

/// <summary>A community's tax settings: require a tax status before paying, its own invoice number, default payout kind, 納期の特例.</summary>
public sealed record CommunityTaxRequest(bool? RequireTaxStatus, string? InvoiceNumber, string? DefaultKind, bool? HalfYearly);

/// <summary>What the community pays a person for.</summary>
public sealed record PayeeKindRequest(string? Kind);

public sealed record PayeeKindView(string PersonId, string Kind);

public sealed record KindView(string Code, string Japanese, string English, bool Withholds, bool HalfYearly);

/// <summary>
/// The tax facts payouts need (issue #21): each person keeps their own profile; an admin sets the community's; a
/// treasurer says what each payee is paid for. My Number (個人番号) is never asked for nor stored: the operator adds
/// it to the 支払調書 outside Mikoshi.
/// </summary>
public sealed class TaxSettings(Writer writer, SecretBox box)
{
    public Task<Result<Committed<TaxProfileRequest>>> SetProfileAsync(PersonId person, TaxProfileRequest request) =>
        writer.RunAsync(Guid.Empty, person.ToString(), null, async write =>
        {
            var status = TaxStatuses.Parse(request.Status);
            if (!status.IsSuccess)
            {
                return status.Error;
            }

            InvoiceNumber? invoice = null;
            if (!string.IsNullOrEmpty(request.InvoiceNumber))
            {
                var parsed = InvoiceNumber.Of(request.InvoiceNumber);
                if (!parsed.IsSuccess)
                {
                    return parsed.Error;
                }

                invoice = parsed.Value;
            }

            var invalid = TaxErrors.InvalidTaxProfile(TaxRules.MaxLegalNameLength, TaxRules.MaxAddressLength);
            var checkedName = BoundedText.OptionalLine(request.LegalName, TaxRules.MaxLegalNameLength, invalid);
            var checkedAddress = BoundedText.OptionalLine(request.Address, TaxRules.MaxAddressLength, invalid);
            if (!checkedName.IsSuccess || !checkedAddress.IsSuccess)
            {
                return invalid;
            }

            var (name, address) = (checkedName.Value.Value, checkedAddress.Value.Value);

            var db = write.Db;
            var row = await db.TaxProfiles.FirstOrDefaultAsync(p => p.PersonId == person);
            if (row is null)
            {
                row = new TaxProfileRow { PersonId = person };
                db.TaxProfiles.Add(row);
            }

            row.Status = status.Value.Code();
            row.LegalName = name;
            // Sealed like a bank account number: a copy of the database alone does not hold anyone's address.
            row.Address = box.Seal(address, SecretBox.PayeeAddress);
            row.InvoiceNumber = invoice?.Text;
            await write.AuditAsync("person.tax-profile", new { person = person.ToString(), status = row.Status, invoiceNumber = row.InvoiceNumber });
            return Result<TaxProfileRequest>.Ok(new TaxProfileRequest(row.Status, name, address, row.InvoiceNumber));
        });

    public static async Task<Result<TaxProfileRequest>> FindProfileAsync(MikoshiDb db, SecretBox box, PersonId person)
    {
        var row = await db.TaxProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == person);
        return row is null
            ? CommonErrors.NotFound
            : box.Open(row.Address, SecretBox.PayeeAddress).Map(address => new TaxProfileRequest(row.Status, row.LegalName, address, row.InvoiceNumber));
    }

    public Task<Result<Committed<CommunityTaxRequest>>> SetCommunityAsync(Caller caller, CommunityTaxRequest request) =>
        writer.RunAsync(caller, Access.Admin, null, async write =>
        {
            var community = caller.RequireCommunity();
            var admin = caller.RequirePerson();
            var kind = WithholdingKind.Of(request.DefaultKind ?? WithholdingKind.None.Code);
            if (!kind.IsSuccess)
            {
                return kind.Error;
            }

            InvoiceNumber? invoice = null;
            if (!string.IsNullOrEmpty(request.InvoiceNumber))
            {
                var parsed = InvoiceNumber.Of(request.InvoiceNumber);
                if (!parsed.IsSuccess)
                {
                    return parsed.Error;
                }

                invoice = parsed.Value;
            }

            var db = write.Db;
            var row = await db.CommunityTax.FirstOrDefaultAsync(t => t.CommunityId == community.Id);
            if (row is null)
            {
                row = new CommunityTaxRow { CommunityId = community.Id };
                db.CommunityTax.Add(row);
            }

            row.RequireTaxStatus = request.RequireTaxStatus ?? false;
            row.InvoiceNumber = invoice?.Text;
            row.DefaultKind = kind.Value.Code;
            row.HalfYearly = request.HalfYearly ?? false;
            await write.AuditAsync("community.tax", new { row.RequireTaxStatus, row.InvoiceNumber, row.DefaultKind, row.HalfYearly });
            return Result<CommunityTaxRequest>.Ok(ViewOf(row));
        });

    /// <summary>The community's settings, or the defaults (no requirement, no number, kind none, monthly).</summary>
    public static async Task<CommunityTaxRow> CommunityAsync(MikoshiDb db, CommunityId community) =>
        await db.CommunityTax.AsNoTracking().FirstOrDefaultAsync(t => t.CommunityId == community) ?? new CommunityTaxRow { CommunityId = community };

    public static CommunityTaxRequest ViewOf(CommunityTaxRow row) => new(row.RequireTaxStatus, row.InvoiceNumber, row.DefaultKind, row.HalfYearly);

    public Task<Result<Committed<PayeeKindView>>> SetPayeeKindAsync(Caller caller, string personId, PayeeKindRequest request) =>
        writer.RunAsync(caller, Access.Treasurer, null, async write =>
        {
            var community = caller.RequireCommunity();
            var treasurer = caller.RequirePerson();
            var kind = WithholdingKind.Of(request.Kind);
            if (!kind.IsSuccess)
            {
                return kind.Error;
            }

            var db = write.Db;
            if (!Guid.TryParse(personId, out var id) || !await db.Users.AnyAsync(u => u.Id == id))
            {
                return IdentityErrors.PersonNotFound;
            }

            var person = new PersonId(id);
            var row = await db.PayeeKinds.FirstOrDefaultAsync(k => k.CommunityId == community.Id && k.PersonId == person);
            if (row is null)
            {
                row = new PayeeKindRow { CommunityId = community.Id, PersonId = person };
                db.PayeeKinds.Add(row);
            }

            row.Kind = kind.Value.Code;
            await write.AuditAsync("payee.kind", new { person = person.ToString(), kind = row.Kind });
            return Result<PayeeKindView>.Ok(new PayeeKindView(person.ToString(), row.Kind));
        });

    public static IReadOnlyList<KindView> Kinds() =>
        WithholdingKind.All.Select(k => new KindView(k.Code, k.Japanese, k.English, k.Withholds, k.HalfYearly)).ToList();

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tax/kinds", () => Results.Ok(Kinds()))
            .Allow(Access.Anyone)
            .WithSummary("The payout kinds (所得税法 204 条) and whether each is withheld from.")
            .Produces<IReadOnlyList<KindView>>();
        api.MapGet("/me/tax-profile", async (HttpContext http, MikoshiDb db, SecretBox box) =>
                Problems.From(await FindProfileAsync(db, box, http.Caller().RequirePerson())))
            .Allow(Access.SignedIn)
            .WithSummary("My tax profile: individual or company, legal name, address, invoice number.")
            .Produces<TaxProfileRequest>();
        api.MapPut("/me/tax-profile", async (TaxProfileRequest request, TaxSettings settings, HttpContext http) =>
                Problems.From(await settings.SetProfileAsync(http.Caller().RequirePerson(), request), StatusCodes.Status200OK, http))
            .Allow(Access.SignedIn)
            .WithSummary("Set my tax profile; an invoice number is T + 13 digits with a valid check digit. Never a My Number.")
            .Produces<TaxProfileRequest>();
        api.MapGet("/communities/{slug}/tax-settings", async (HttpContext http, MikoshiDb db) =>
                Results.Ok(ViewOf(await CommunityAsync(db, http.Caller().RequireCommunity().Id))))
            .Allow(Access.Treasurer)
            .WithSummary("The community's tax settings.")
            .Produces<CommunityTaxRequest>();
        api.MapPut("/communities/{slug}/tax-settings", async (CommunityTaxRequest request, TaxSettings settings, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await settings.SetCommunityAsync(caller, request), StatusCodes.Status200OK, http);
            })
            .Allow(Access.Admin)
            .WithSummary("Set whether payees need a tax status, the community's invoice number, the default payout kind and 納期の特例.")
            .Produces<CommunityTaxRequest>();
        api.MapPut("/communities/{slug}/payees/{personId}/kind", async (string personId, PayeeKindRequest request, TaxSettings settings, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await settings.SetPayeeKindAsync(caller, personId, request), StatusCodes.Status200OK, http);
            })
            .Allow(Access.Treasurer)
            .WithSummary("Set what the community pays a person for (a payout kind from /tax/kinds).")
            .Produces<PayeeKindView>();
    }
}
