using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Membership;
using Mikoshi.Features.Payments;

namespace Mikoshi.Features.Pages;

/// <summary>What the payments page shows a signed-in person: their transfer code, their payments and, for a treasurer, the lines to reconcile.</summary>
public sealed record MyPaymentsView(BankTransferView Bank, PaymentsView Payments, IReadOnlyList<BankLineView> Unmatched, IReadOnlyList<PersonChoice> People);

/// <summary>The payments page: who is reading, the next membership's price, and what a signed-in person sees.</summary>
public sealed record PaymentsPageView(Caller Caller, MembershipView Membership, MyPaymentsView? Mine);

/// <summary>The payments page's one query.</summary>
public sealed class PaymentsPage(MikoshiDb db, Callers callers, BankTransfers bank)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<PaymentsPageView?> LoadAsync(string slug, PersonId? reader)
    {
        if (await callers.InAsync(slug, reader) is not { } caller)
        {
            return null;
        }

        var community = caller.RequireCommunity();
        var membership = await ChangeParameters.ViewAsync(db, community);
        if (reader is not { } person)
        {
            return new PaymentsPageView(caller, membership, null);
        }

        // The page lists the reader's own payments: the treasurer's list of everyone's is the API's.
        var payments = await PaymentBook.ListAsync(db, caller with { Roles = new HashSet<Role>() });
        var mine = caller.CanKeepTheBooks
            ? new MyPaymentsView(await bank.ViewAsync(person, community), payments, (await bank.LinesAsync(community, Domain.Payments.BankLine.Word(Domain.Payments.BankLineState.Unmatched))).Value, await PageReads.PeopleAsync(db, community.Id))
            : new MyPaymentsView(await bank.ViewAsync(person, community), payments, [], []);
        return new PaymentsPageView(caller, membership, mine);
    }
}
