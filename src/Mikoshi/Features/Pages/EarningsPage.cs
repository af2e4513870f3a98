using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Revenue;
using Mikoshi.Features.Secrets;
using Mikoshi.Features.Wallets;

namespace Mikoshi.Features.Pages;

/// <summary>
/// The earnings page: who is reading, their earnings, their saved bank account (or why not), and in chain mode the
/// chain's id and the address that claims there.
/// </summary>
public sealed record EarningsPageView(Caller Caller, EarningsView Earnings, Result<BankAccountRequest> BankAccount, long? ChainId, string? ChainAddress);

/// <summary>A statement with the income by month of its asset and both invoice numbers (issue #21) that head it.</summary>
public sealed record StatementPageView(StatementView Statement, IReadOnlyList<IncomeMonth> Income, string? PayerInvoice, string? MyInvoice);

/// <summary>The earnings page's one query.</summary>
public sealed class EarningsPage(MikoshiDb db, Callers callers, SecretBox box)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<EarningsPageView?> LoadAsync(string slug, PersonId reader)
    {
        if (await callers.InAsync(slug, reader) is not { } caller)
        {
            return null;
        }

        var community = caller.RequireCommunity();
        var chainId = await db.ChainDeployments.AsNoTracking().Where(d => d.CommunityId == community.Id).Select(d => (long?)d.ChainId).FirstOrDefaultAsync();
        var address = chainId is null ? null : await WalletLinks.AddressOfAsync(db, reader);
        return new EarningsPageView(caller, await Earnings.ViewAsync(db, community, reader), await Payouts.FindBankAccountAsync(db, box, reader),
            chainId, address?.ToString());
    }

    /// <summary>The reader's statement for a period and asset (or why not).</summary>
    public async Task<Result<StatementPageView>> StatementAsync(
        Community community, PersonId reader, DateOnly? from, DateOnly? to, string? asset, DateTimeOffset now, TimeZoneInfo zone)
    {
        var found = await Earnings.StatementAsync(db, community, reader, from, to, asset, now, zone);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var statement = found.Value;
        return new StatementPageView(statement, await IncomeByMonth.ForAsync(db, community.Id, reader, statement.Asset, now, zone),
            (await Tax.TaxSettings.CommunityAsync(db, community.Id)).InvoiceNumber,
            (await db.TaxProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == reader))?.InvoiceNumber);
    }
}
