using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Data.Mapping;

/// <summary>
/// Succession plans: the table <c>succession_plans</c>. The named people are stored as JSON text, as they always were
/// (<c>[{"personId":"…","share":1}]</c> and <c>["…"]</c>); the plan itself holds them typed.
/// </summary>
public sealed class SuccessionPlanConfiguration : IEntityTypeConfiguration<SuccessionPlan>
{
    public void Configure(EntityTypeBuilder<SuccessionPlan> builder)
    {
        builder.ToTable("succession_plans");
        builder.HasKey(p => new { p.CommunityId, p.Holder });
        builder.Property(p => p.Holder).HasColumnName("HolderId");
        builder.Property(p => p.Successors).HasColumnName("SuccessorsJson")
            .HasConversion(successors => SuccessorsText(successors), text => SuccessorsOf(text), ListComparer<Successor>());
        builder.Property(p => p.Guardians).HasColumnName("GuardiansJson")
            .HasConversion(guardians => GuardiansText(guardians), text => GuardiansOf(text), ListComparer<PersonId>());
        builder.Ignore(p => p.ThresholdReachedAt);
        builder.Ignore(p => p.VetoEndsAt);
    }

    private static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());

    private static string SuccessorsText(IReadOnlyList<Successor> successors) =>
        JsonSerializer.Serialize(successors.Select(s => new StoredSuccessor(s.Person.ToString(), s.Share)), Writer.Json);

    private static List<Successor> SuccessorsOf(string text) =>
        JsonSerializer.Deserialize<List<StoredSuccessor>>(text, Writer.Json)!.Select(s => new Successor(new PersonId(Guid.Parse(s.PersonId!)), s.Share ?? 1)).ToList();

    private static string GuardiansText(IReadOnlyList<PersonId> guardians) =>
        JsonSerializer.Serialize(guardians.Select(g => g.ToString()), Writer.Json);

    private static List<PersonId> GuardiansOf(string text) =>
        JsonSerializer.Deserialize<List<string>>(text, Writer.Json)!.Select(g => new PersonId(Guid.Parse(g))).ToList();

    private sealed record StoredSuccessor(string? PersonId, long? Share);
}

/// <summary>The guardians' confirmations: the table <c>succession_confirmations</c>.</summary>
public sealed class SuccessionConfirmationConfiguration : IEntityTypeConfiguration<SuccessionConfirmation>
{
    public void Configure(EntityTypeBuilder<SuccessionConfirmation> builder)
    {
        builder.ToTable("succession_confirmations");
        builder.HasKey(c => new { c.CommunityId, c.HolderId, c.GuardianId });
    }
}

/// <summary>Reads of succession plans by whom they name.</summary>
public static class SuccessionPlanQueries
{
    /// <summary>The plans whose successors or guardians may name <paramref name="person"/> (a text match on the stored lists; check with <see cref="SuccessionPlan.Involves"/>).</summary>
    public static IQueryable<SuccessionPlan> MayName(this DbSet<SuccessionPlan> plans, PersonId person)
    {
        var pattern = $"%{person}%";
        return plans.FromSql($"SELECT * FROM succession_plans WHERE \"SuccessorsJson\" LIKE {pattern} OR \"GuardiansJson\" LIKE {pattern}");
    }
}
