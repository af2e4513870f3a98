using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Identity;
using Mikoshi.Domain.Ledger;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Ledger;

/// <summary>Money received: for the treasury when <see cref="PersonId"/> is empty, else for that person.</summary>
public sealed record DepositRequest(string? Asset, string? Amount, string? Reference, string? Memo, string? PersonId);

public sealed record DepositView(long Entry, string Account, AmountView Amount, string Reference);

/// <summary>A treasurer records money the community received from outside, with the bank's or payer's reference.</summary>
public sealed class RecordDeposit(Writer writer, MikoshiDb db)
{
    public async Task<Result<Committed<DepositView>>> HandleAsync(Caller treasurer, DepositRequest request, IdempotencyKey? idempotency = null)
    {
        var community = treasurer.RequireCommunity();
        var asset = community.Accepts(request.Asset);
        if (!asset.IsSuccess)
        {
            return asset.Error;
        }

        var amount = Money.Parse(asset.Value, request.Amount);
        if (!amount.IsSuccess)
        {
            return amount.Error;
        }

        var reference = request.Reference?.Trim() ?? string.Empty;
        if (reference.Length is 0 or > JournalEntry.MaxReferenceLength)
        {
            return LedgerErrors.InvalidReference(JournalEntry.MaxReferenceLength);
        }

        var account = AccountId.Treasury;
        if (!string.IsNullOrEmpty(request.PersonId))
        {
            if (!Guid.TryParse(request.PersonId, out var id) || !await db.Users.AnyAsync(u => u.Id == id))
            {
                return IdentityErrors.PersonNotFound;
            }

            account = AccountId.ForPerson(id);
        }

        var entry = JournalEntry.Move("deposit", request.Memo, AccountId.External, account, amount.Value);
        if (!entry.IsSuccess)
        {
            return entry.Error;
        }

        return await writer.PostAsync(treasurer, Access.Treasurer, idempotency, entry.Value, reference,
            number => new DepositView(number, account.ToString(), AmountView.Of(amount.Value), reference));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/communities/{slug}/deposits", (DepositRequest request, RecordDeposit deposit, HttpContext http) =>
            Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => deposit.HandleAsync(caller, request, key)))
        .Allow(Access.Treasurer)
        .WithSummary("Record money received for the treasury or for a person. Takes an Idempotency-Key.")
        .Produces<DepositView>(StatusCodes.Status201Created);
}
