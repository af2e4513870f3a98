using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Membership;

/// <summary><see cref="MaxPrice"/> guards against the bonding curve moving between a preview and the mint.</summary>
public sealed record MintRequest(string? MaxPrice);

/// <summary><see cref="Floor"/> is what the new token's units were worth just before it was minted (an average token's share of the base asset, rounded up): the price never goes below it.</summary>
// Wire format: the token number stays a plain number.
public sealed record MintView(long Token, string Owner, AmountView Price, long Supply, AmountView Floor);

/// <summary>Mints a membership token at the current primary price, paid from the caller's account into the treasury.</summary>
public sealed class MintToken(Writer writer)
{
    /// <summary>Mints for the caller, who must be signed in (checked again under the writer's lock).</summary>
    public Task<Result<Committed<MintView>>> HandleAsync(Caller caller, MintRequest request, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(caller, Access.SignedIn, idempotency, write => MintInAsync(write, caller.RequirePerson(), caller.RequireCommunity(), request));

    /// <summary>A mint inside a write someone else runs (a paid join, a matched bank transfer); refused before anything is posted.</summary>
    public static async Task<Result<MintView>> MintInAsync(WriteScope write, PersonId person, Community community, MintRequest request)
    {
        // Never below what a token is worth: minting and redeeming at once returns at most what was paid.
        var current = await TokenBook.CurrentAsync(write.Db, community.Id);
        var supply = current.Supply;
        var allowed = current.Policy.MayMint(supply);
        if (!allowed.IsSuccess)
        {
            return allowed.Error;
        }

        // An LLC-type DAO admits only a person its executive members approved, however the mint comes (a paid join, a bank transfer).
        var consent = await LlcDao.ConsentAsync(write, community.Id, person, LlcMove.Mint);
        if (!consent.IsSuccess)
        {
            return consent.Error;
        }

        var next = await TokenBook.NextMintAsync(write.Db, current);
        var price = Money.Of(community.Base, next.Price);
        if (request.MaxPrice is not null)
        {
            var max = Money.Parse(community.Base, request.MaxPrice);
            if (!max.IsSuccess)
            {
                return max.Error;
            }

            if (price > max.Value)
            {
                return next.PolicyPrice <= max.Value.Units
                    ? MembershipErrors.PriceBelowValue(Money.Of(community.Base, next.Terms.Floor), price, max.Value)
                    : MembershipErrors.PriceMoved(price, max.Value);
            }
        }

        if (!price.IsZero)
        {
            var serial = await TokenBook.NextSerialAsync(write.Db, community.Id);
            var entry = JournalEntry.Move("mint", $"membership token #{serial}", AccountId.ForPerson(person.Value), AccountId.Treasury, price);
            var posted = await write.PostAsync(entry.Value, flow: TreasuryFlow.OneToken);
            if (!posted.IsSuccess)
            {
                return posted.Error;
            }
        }

        var token = await TokenBook.MintAsync(write, current, person, price.Units, next.Terms.Units);
        await Chain.ChainOutbox.EnqueueMintAsync(write, community.Id, token.Serial, person);
        return Result<MintView>.Ok(new MintView(token.Serial.Value, person.ToString(), AmountView.Of(price), supply + 1, AmountView.Of(Money.Of(community.Base, next.Terms.Floor))));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/communities/{slug}/tokens", (MintRequest request, MintToken mint, HttpContext http) =>
            Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => mint.HandleAsync(caller, request, key)))
        .Allow(Access.SignedIn)
        .WithSummary("Mint a membership token at the current price, paid from your account. Takes an Idempotency-Key.")
        .Produces<MintView>(StatusCodes.Status201Created);
}
