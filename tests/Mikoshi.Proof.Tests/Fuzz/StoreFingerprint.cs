using System.Globalization;
using System.Numerics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;

namespace Mikoshi.Tests.Fuzz;

/// <summary>
/// A cheap summary of the store, taken around every rejected request: the row count of every table,
/// the head of every audit chain, and the sum of all balances. Far cheaper than a full
/// <c>StoreSnapshot</c>, and any write (which always appends an audit link or a row, or moves a balance) changes it.
/// </summary>
public static class StoreFingerprint
{
    public static async Task<string> TakeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using (var count = connection.CreateCommand())
            {
                count.CommandText = string.Join(" UNION ALL ", tables.Select((t, i) => $"SELECT {i}, COUNT(*) FROM \"{t}\""));
                await using var reader = await count.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    text.Append(CultureInfo.InvariantCulture, $"{tables[reader.GetInt32(0)]}={reader.GetInt64(1)} ");
                }
            }

            text.AppendLine();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // The head of every chain in one query: the link whose sequence is its chain's highest.
        var heads = await db.AuditLog.AsNoTracking()
            .Where(a => a.Sequence == db.AuditLog.Where(b => b.Chain == a.Chain).Max(b => b.Sequence))
            .Select(a => new { a.Chain, a.Sequence, a.Hash }).ToListAsync();
        var chains = string.Join(',', heads.OrderBy(h => h.Chain).Select(h => $"{h.Chain}:{h.Sequence}:{h.Hash}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"audit-heads {heads.Count} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(chains)))}");

        var units = await db.Balances.AsNoTracking().Select(b => b.Units).ToListAsync();
        var sum = units.Aggregate(BigInteger.Zero, (total, u) => total + (BigInteger)u);
        text.AppendLine(CultureInfo.InvariantCulture, $"balances {units.Count} sum {sum}");
        return text.ToString();
    }

    /// <summary>The lines that differ, for a failure message.</summary>
    public static string Difference(string before, string after)
    {
        var a = before.Split('\n', ' ').ToHashSet(StringComparer.Ordinal);
        var b = after.Split('\n', ' ').ToHashSet(StringComparer.Ordinal);
        return $"before: {string.Join(' ', a.Except(b))} | after: {string.Join(' ', b.Except(a))}";
    }
}
