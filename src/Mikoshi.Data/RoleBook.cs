using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>
/// A person's roles in a community, as the store holds them now: visitor always; the roles granted; member while they
/// hold one of its tokens. The one reading of roles — the doors build their <see cref="Caller"/> from it, and a write
/// reads it again under its lock (<see cref="WriteScope.RequireAsync"/>, and inside the lean write's reads,
/// <see cref="JournalPost"/>). One statement, on the context's connection and in its transaction if it has one.
/// </summary>
public static class RoleBook
{
    public static async Task<IReadOnlySet<Role>> OfAsync(MikoshiDb db, CommunityId community, PersonId? person, CancellationToken cancellationToken = default)
    {
        if (person is not { } who)
        {
            return new HashSet<Role> { Role.Visitor };
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = Statement(
                SqlText.Parameter(command, "rc", SqlText.Id(db, community.Value)),
                SqlText.Parameter(command, "rp", SqlText.Id(db, who.Value)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await ReadAsync(reader, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The statement that reads a person's roles, given the names of its two parameters: the roles granted, and
    /// <c>Member</c> once if they hold a token of the community.
    /// </summary>
    internal static string Statement(string community, string person) =>
        $"SELECT \"Role\" FROM community_roles WHERE \"CommunityId\" = {community} AND \"PersonId\" = {person} "
        + $"UNION ALL SELECT 'Member' WHERE EXISTS (SELECT 1 FROM tokens WHERE \"CommunityId\" = {community} AND \"OwnerId\" = {person})";

    /// <summary>The roles in the current result of <paramref name="reader"/>, which <see cref="Statement"/> produced; visitor always.</summary>
    internal static async Task<HashSet<Role>> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var roles = new HashSet<Role> { Role.Visitor };
        while (await reader.ReadAsync(cancellationToken))
        {
            roles.Add(Enum.Parse<Role>(reader.GetString(0)));
        }

        return roles;
    }
}
