using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mikoshi.Data;

/// <summary>
/// Tells the <see cref="HeadVersionFeed"/> of every save in this process that changes or removes a person (their security
/// stamp with them: sign-out everywhere, a password change or reset, a wallet unlinked): before the save, after it, and —
/// when it ran inside a transaction — once that transaction commits. So a token revoked through this server is refused by
/// its very next request here; other servers hear it from the store's trigger (<see cref="HeadNotifications"/>).
/// </summary>
/// <remarks>
/// Told before: a stamp read while the change is on its way is not kept (<see cref="HeadVersionFeed.LearnedStamp"/>).
/// Told after the commit: one read before it, and kept, is forgotten. Every changed person is told, whether or not the
/// stamp itself moved — every person the context tracks, in fact: forgetting a stamp costs one read.
/// </remarks>
public sealed class StampWatch(HeadVersionFeed feed) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Tell(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Tell(eventData.Context);

    private void Saving(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // Every person the context tracks, changed or not, without detecting changes first: SaveChanges detects them
        // itself right after this, over every tracked entity, and doing it twice on each save of a write costs more
        // than forgetting a stamp that did not change (one read).
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<MikoshiUser>())
            {
                // A person being added has no stamp anyone could have read.
                if (entry.State is not EntityState.Added)
                {
                    var people = pending.GetOrCreateValue(context);
                    lock (people)
                    {
                        people.Add(entry.Entity.Id);
                    }

                    feed.StampChanged(entry.Entity.Id);
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void Saved(DbContext? context)
    {
        // Inside a transaction the change is not committed yet: wait for the commit to tell again.
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Tell(context);
        }
    }

    private void Tell(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var people))
        {
            return;
        }

        lock (people)
        {
            foreach (var person in people)
            {
                feed.StampChanged(person);
            }

            people.Clear();
        }
    }
}
