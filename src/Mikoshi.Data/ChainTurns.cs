using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Mikoshi.Data;

/// <summary>
/// PostgreSQL: the lean writes (<see cref="JournalPost"/>) of one chain inside this process take turns, first come
/// first served, before they reach the head row's lock. The lock alone is what keeps writers of a chain apart, across
/// every replica; this only decides the order within a process. Without it, sixteen deposits to one community wait
/// inside the server on the same row, every release wakes them all to try again, and the unluckiest waited 143–168 ms
/// at the 99th percentile; taking turns here, 47–78 ms over five runs, at the same throughput (docs/benchmarks.md
/// section 23).
/// </summary>
/// <remarks>
/// One semaphore per (database, chain) for the life of the process: a few dozen bytes per community written to.
/// While it holds its turn a lean write runs no caller's code but the pure function that builds its answer, so a turn
/// is never asked for twice in one flow.
/// </remarks>
internal static class ChainTurns
{
    private static readonly ConcurrentDictionary<(string Database, Guid Chain), SemaphoreSlim> Turns = new();

    public static async Task<T> RunAsync<T>(MikoshiDb db, Guid chain, Func<Task<T>> write)
    {
        var turn = Turns.GetOrAdd((db.Database.GetConnectionString() ?? string.Empty, chain), _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync();
        try
        {
            return await write();
        }
        finally
        {
            turn.Release();
        }
    }
}
