using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mikoshi.Data.Mapping;

/// <summary>
/// Marks a column as money (Int128 minor units). A configuration knows no provider, so it only marks the column;
/// <see cref="MikoshiDb"/> then stores every marked column the way its provider stores money (TEXT of digits on
/// SQLite, numeric(39,0) on PostgreSQL).
/// </summary>
public static class MoneyColumns
{
    /// <summary>The model annotation that marks a money column.</summary>
    public const string Annotation = "Mikoshi:Money";

    /// <summary>Marks <paramref name="property"/> as money.</summary>
    public static PropertyBuilder<T> IsMoney<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Annotation, true);

    /// <summary>Every property of the model marked as money, as (entity type, property name).</summary>
    public static IReadOnlyList<(Type Entity, string Property)> In(ModelBuilder builder) =>
        builder.Model.GetEntityTypes()
            .SelectMany(e => e.GetDeclaredProperties().Where(p => p.FindAnnotation(Annotation) is not null).Select(p => (e.ClrType, p.Name)))
            .ToList();
}
