using Mikoshi.Domain.Membership;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Features.Membership;

namespace Mikoshi.Bench.Membership;

/// <summary>
/// One community with people who can pay for tokens, and the two writes timed on it, one per
/// transaction as POST …/tokens and POST …/tokens/{id}/transfer make them: a new scope and context
/// per request, the real handler (<see cref="MintToken.HandleAsync"/>,
/// <see cref="TransferToken.TransferAsync"/>) with an Idempotency-Key. The community is read once
/// and handed to each request, as the route filter would hand it over (its own read is not timed).
/// </summary>
public sealed class TokenLoops
{
    private readonly BenchStore store;
    private readonly Community community;
    private readonly PersonId[] people;
    private readonly List<(long Serial, int Owner)> tokens = [];
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private long mints;
    private long transfers;

    private TokenLoops(BenchStore store, Community community, PersonId[] people)
    {
        this.store = store;
        this.community = community;
        this.people = people;
    }

    public int People => people.Length;

    /// <summary>The community's slug.</summary>
    public string Slug => community.Slug;

    /// <summary>Founds a community (<paramref name="slug"/>), adds <paramref name="count"/> people (rows in the users table) and deposits ¥10^12 for each.</summary>
    public static async Task<TokenLoops> CreateAsync(BenchStore store, int count, string slug = "bench-membership")
    {
        var founded = await LedgerRun.FoundAsync(store, slug);
        var id = new CommunityId(founded.Id);
        var community = await store.InScopeAsync(db => db.Communities.AsNoTracking().SingleAsync(c => c.Id == id));
        var people = Enumerable.Range(0, count).Select(_ => PersonId.New()).ToArray();
        await store.InScopeAsync(async db =>
        {
            for (var i = 0; i < people.Length; i++)
            {
                var name = Fmt.Invariant($"{slug}-member-{i}");
                db.Users.Add(new MikoshiUser
                {
                    Id = people[i].Value,
                    UserName = name,
                    NormalizedUserName = name.ToUpperInvariant(),
                    DisplayName = name,
                    CreatedAt = TimeProvider.System.GetUtcNow(),
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                });
            }

            return await db.SaveChangesAsync();
        });
        var funded = await store.InScopeAsync(db => new Writer(db, TimeProvider.System).RunAsync(founded.Id, founded.Treasurer, null, async write =>
        {
            for (var i = 0; i < people.Length; i++)
            {
                var entry = JournalEntry.Move("deposit", "bench funds", AccountId.External, AccountId.ForPerson(people[i].Value), Money.Of(Asset.Jpy, 1_000_000_000_000)).Value;
                var posted = await write.PostAsync(entry, Fmt.Invariant($"fund-{i}"));
                if (!posted.IsSuccess)
                {
                    return posted.Error;
                }
            }

            return Result<int>.Ok(people.Length);
        }));
        if (!funded.IsSuccess)
        {
            throw new InvalidOperationException($"Funding failed: {funded.Error}");
        }

        return new TokenLoops(store, community, people);
    }

    /// <summary>The next person in turn mints a token at the community's price (¥10,000 by default), paid from their account.</summary>
    public async Task MintOneAsync()
    {
        var n = ++mints;
        var owner = (int)(n % people.Length);
        var request = new MintRequest(null);
        var key = new IdempotencyKey(Fmt.Invariant($"{run}-mint-{n}"), $"POST /api/v1/communities/{community.Slug}/tokens\n{JsonSerializer.Serialize(request, JsonSerializerOptions.Web)}");
        var written = await store.InScopeAsync(async db => await new MintToken(new Writer(db, TimeProvider.System)).HandleAsync(await new Mikoshi.Features.Communities.Callers(db).InAsync(community, people[owner]), request, key));
        if (!written.IsSuccess || written.Value.Replayed)
        {
            throw new InvalidOperationException($"Mint {n} was not committed: {written.Error?.ToString() ?? "replayed"}");
        }

        var view = written.Value.Value;
        tokens.Add((view.Token, owner));
    }

    /// <summary>The minted tokens in turn move from their owner to someone else.</summary>
    public async Task TransferOneAsync()
    {
        var n = ++transfers;
        var k = (int)(n % tokens.Count);
        var (serial, owner) = tokens[k];
        var recipient = (int)((owner + 1 + (n % (people.Length - 1))) % people.Length);
        var request = new TransferRequest(people[recipient].ToString());
        var key = new IdempotencyKey(Fmt.Invariant($"{run}-transfer-{n}"), $"POST /api/v1/communities/{community.Slug}/tokens/{serial}/transfer\n{JsonSerializer.Serialize(request, JsonSerializerOptions.Web)}");
        var written = await store.InScopeAsync(async db => await new TransferToken(new Writer(db, TimeProvider.System), db).TransferAsync(await new Mikoshi.Features.Communities.Callers(db).InAsync(community, people[owner]), TokenId.Stored(serial), request, key));
        if (!written.IsSuccess || written.Value.Replayed)
        {
            throw new InvalidOperationException($"Transfer {n} of token #{serial} was not committed: {written.Error?.ToString() ?? "replayed"}");
        }

        tokens[k] = (serial, recipient);
    }

    public long Mints => mints;

    public long Transfers => transfers;

    /// <summary>
    /// After the timing: the store must agree with what the loops did — every token minted, each
    /// owner as tracked here, and each person's latest holdings checkpoint equal to what they own.
    /// </summary>
    public async Task CheckAsync()
    {
        var owned = new long[people.Length];
        foreach (var (_, owner) in tokens)
        {
            owned[owner]++;
        }

        var id = community.Id;
        var owners = await store.InScopeAsync(db => db.Tokens.AsNoTracking().Where(t => t.CommunityId == id)
            .Select(t => new { t.Serial, t.OwnerId }).ToDictionaryAsync(t => t.Serial, t => t.OwnerId));
        if (owners.Count != tokens.Count || tokens.Any(t => owners[TokenId.Stored(t.Serial)] != people[t.Owner]))
        {
            throw new InvalidOperationException($"The store holds {owners.Count} tokens with owners other than the {tokens.Count} minted here.");
        }

        var later = TimeProvider.System.GetUtcNow().AddMinutes(1);
        for (var i = 0; i < people.Length; i++)
        {
            var person = people[i];
            var held = await store.InScopeAsync(db => Features.People.Profiles.HeldAtAsync(db, id, person, later));
            if (held != owned[i])
            {
                throw new InvalidOperationException($"{person} holds {owned[i]} tokens, but the checkpoints say {held}.");
            }
        }
    }
}
