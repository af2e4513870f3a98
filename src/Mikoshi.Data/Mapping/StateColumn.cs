using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mikoshi.Domain;

namespace Mikoshi.Data.Mapping;

/// <summary>An aggregate's state enum stored as the lower-case word the table has always held ("pending", "paid").</summary>
public static class StateColumn
{
    /// <summary>Stores the enum as its lower-case name, at most <paramref name="maxLength"/> characters.</summary>
    public static PropertyBuilder<TState> IsLowerCaseWord<TState>(this PropertyBuilder<TState> state, int maxLength)
        where TState : struct, Enum =>
        state.HasConversion(value => value.Word(), text => Enum.Parse<TState>(text, true)).HasMaxLength(maxLength);
}
