using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mikoshi.Data;

/// <summary>
/// A query EF compiles once per model (<c>EF.CompileAsyncQuery</c>): skips building the query's expression and looking
/// it up in EF's cache on every call. A compiled query serves one model only, and one process can hold two (SQLite's
/// and PostgreSQL's: the tests, a copy between stores), so each model gets its own.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> byModel = [];

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(MikoshiDb db) => byModel.GetValue(db.Model, _ => compile());
}
