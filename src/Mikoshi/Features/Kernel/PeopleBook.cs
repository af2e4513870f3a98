using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Identity;

namespace Mikoshi.Features.Kernel;

/// <summary>Looking people up by the id the API writes, and their display names.</summary>
public static class PeopleBook
{
    public static async Task<Result<PersonId>> FindAsync(MikoshiDb db, string? id)
    {
        if (!Guid.TryParse(id, out var guid) || !await db.Users.AnyAsync(u => u.Id == guid))
        {
            return IdentityErrors.PersonNotFound;
        }

        return new PersonId(guid);
    }

    /// <summary>Display names by person; unknown ids and nulls are left out.</summary>
    public static async Task<Dictionary<PersonId, string>> NamesAsync(MikoshiDb db, IEnumerable<PersonId?> ids)
    {
        var wanted = ids.Where(i => i is not null).Select(i => i!.Value.Value).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => new PersonId(u.Id), u => u.DisplayName);
    }

    /// <summary>Display names by person.</summary>
    public static Task<Dictionary<PersonId, string>> NamesAsync(MikoshiDb db, IEnumerable<PersonId> people) =>
        NamesAsync(db, people.Select(p => (PersonId?)p));
}
