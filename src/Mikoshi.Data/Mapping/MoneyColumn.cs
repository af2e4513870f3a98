using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>
/// Marks a column as money (Int128 minor units). How money is stored depends on the provider (TEXT of digits on SQLite,
/// numeric(39,0) on PostgreSQL), which a configuration class cannot know: it marks the column, and the store applies
/// its own storage to every marked column once the configurations have run (<see cref="MikoshiDb"/>), then drops the mark.
/// </summary>
public static class MoneyColumn
{
    internal const string Annotation = "Mikoshi:Money";

    /// <summary>Stores this Int128 column (or nullable Int128) the way the provider stores money.</summary>
    public static PropertyBuilder<T> IsMoney<T>(this PropertyBuilder<T> units) => units.HasAnnotation(Annotation, true);

    /// <summary>Every column marked as money, with the mark removed, for the provider to store.</summary>
    internal static IReadOnlyList<PropertyBuilder> TakeMarked(ModelBuilder builder)
    {
        var marked = builder.Model.GetEntityTypes()
            .SelectMany(entity => entity.GetDeclaredProperties())
            .Where(property => property.FindAnnotation(Annotation) is not null)
            .ToList();
        return marked.Select(property =>
        {
            property.RemoveAnnotation(Annotation);
            return builder.Entity(property.DeclaringType.ClrType).Property(property.Name);
        }).ToList();
    }
}
