using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Payments;

namespace Mikoshi.Features.Pages;

/// <summary>The receipt page's one query: the receipt, as the caller may see it.</summary>
public sealed class ReceiptPage(MikoshiDb db, Callers callers)
{
    /// <summary>The receipt, or null when there is no such community.</summary>
    public async Task<Result<ReceiptView>?> LoadAsync(string slug, PersonId person, long number) =>
        await callers.InAsync(slug, person) is { } caller ? (Result<ReceiptView>?)await PaymentBook.ReceiptAsync(db, caller, number) : null;
}
