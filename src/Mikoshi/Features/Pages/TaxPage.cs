using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Books;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Secrets;
using Mikoshi.Features.Tax;

namespace Mikoshi.Features.Pages;

/// <summary>What the tax page shows a treasurer: the settings, the people a form may name, their payee kinds, what is due, what was paid, the book accounts.</summary>
public sealed record TaxBooksView(
    CommunityTaxRequest Settings,
    IReadOnlyList<PersonChoice> People,
    Dictionary<string, string> Kinds,
    Result<WithholdingDueView> Due,
    IReadOnlyList<WithholdingPaymentView> Payments,
    IReadOnlyList<BookAccountView> Accounts);

/// <summary>The tax page: who is reading, their own tax profile, and (for a treasurer) the books.</summary>
public sealed record TaxView(Caller Caller, Result<TaxProfileRequest> Profile, TaxBooksView? Books);

/// <summary>The tax page's one query.</summary>
public sealed class TaxPage(MikoshiDb db, Callers callers, SecretBox box)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<TaxView?> LoadAsync(string slug, PersonId reader, string period)
    {
        if (await callers.InAsync(slug, reader) is not { } caller)
        {
            return null;
        }

        var profile = await TaxSettings.FindProfileAsync(db, box, reader);
        if (!caller.CanKeepTheBooks)
        {
            return new TaxView(caller, profile, null);
        }

        var community = caller.RequireCommunity().Id;
        var settings = TaxSettings.ViewOf(await TaxSettings.CommunityAsync(db, community));
        var claimants = await db.Claims.AsNoTracking().Where(c => c.CommunityId == community).Select(c => c.PersonId).Distinct().ToListAsync();
        var names = await PeopleBook.NamesAsync(db, claimants);
        var people = (await PageReads.PeopleAsync(db, community))
            .Concat(claimants.Select(c => new PersonChoice(c.ToString(), names.GetValueOrDefault(c, c.ToString()))))
            .DistinctBy(p => p.Id).ToList();
        var kinds = await db.PayeeKinds.AsNoTracking().Where(k => k.CommunityId == community).ToDictionaryAsync(k => k.PersonId.ToString(), k => k.Kind);
        return new TaxView(caller, profile, new TaxBooksView(settings, people, kinds, await TaxReports.DueAsync(db, community, period),
            await TaxReports.PaymentsAsync(db, community), await BooksExport.AccountsAsync(db, community)));
    }
}
