using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Mikoshi.Data;

/// <summary>
/// The result a write stored with its idempotency key, read back as the use case's own type — as the
/// <see cref="Writer"/> reads it for a replay. A page that redirects after a write shows its outcome from here, so
/// no door parses the JSON the writer keeps.
/// </summary>
public static class StoredAnswers
{
    /// <summary>The answer <paramref name="scope"/>'s write with <paramref name="key"/> stored, or default when there is none.</summary>
    public static async Task<T?> OfAsync<T>(MikoshiDb db, string scope, string key, CancellationToken cancellationToken = default)
    {
        var row = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
        return row is null ? default : JsonSerializer.Deserialize<T>(row.ResponseJson, Writer.Json);
    }
}
