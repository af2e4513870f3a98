using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Membership;

public sealed record TransferRequest(string? To);

public sealed record ApproveRequest(string? Spender);

/// <summary>A token that changed hands, and the holders' share that was settled as it moved (to whom, how much).</summary>
// Wire format: the token number stays a plain number.
public sealed record TokenMoved(long Token, string From, string To, SettledShare? Settled = null);

// Wire format: the token number stays a plain number.
public sealed record ApprovalView(long Token, string? Approved);

/// <summary>Gift or move a token (its owner, or the person the owner approved); and ERC-721 approval.</summary>
public sealed class TransferToken(Writer writer, MikoshiDb db)
{
    public async Task<Result<Committed<TokenMoved>>> TransferAsync(Caller caller, TokenId serial, TransferRequest request, IdempotencyKey? idempotency = null)
    {
        var (actor, community) = (caller.RequirePerson(), caller.RequireCommunity());
        var to = await PeopleBook.FindAsync(db, request.To);
        if (!to.IsSuccess)
        {
            return to.Error;
        }

        return await writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
        {
            if (await Chain.ChainOutbox.InChainModeAsync(write.Db, community.Id))
            {
                return Chain.ChainOutbox.OnChainOwnership;
            }

            var token = await TokenLocks.FindMovableAsync(write, community.Id, serial);
            if (!token.IsSuccess)
            {
                return token.Error;
            }

            var owner = token.Value.MayGive(actor, to.Value);
            if (!owner.IsSuccess)
            {
                return owner.Error;
            }

            var consent = await LlcDao.ConsentAsync(write, community.Id, to.Value, LlcMove.Gift);
            if (!consent.IsSuccess)
            {
                return consent.Error;
            }

            var settled = await TokenBook.MoveAsync(write, token.Value, to.Value, LineageKind.Gifted);
            return Result<TokenMoved>.Ok(new TokenMoved(serial.Value, owner.Value.ToString(), to.Value.ToString(), settled));
        });
    }

    public async Task<Result<Committed<ApprovalView>>> ApproveAsync(Caller caller, TokenId serial, ApproveRequest request)
    {
        var (actor, community) = (caller.RequirePerson(), caller.RequireCommunity());
        PersonId? spender = null;
        if (!string.IsNullOrEmpty(request.Spender))
        {
            var found = await PeopleBook.FindAsync(db, request.Spender);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            spender = found.Value;
        }

        return await writer.RunAsync(caller, Access.SignedIn, null, async write =>
        {
            var token = await TokenBook.FindAsync(write.Db, community.Id, serial);
            if (!token.IsSuccess)
            {
                return token.Error;
            }

            var approved = token.Value.Approve(actor, spender);
            if (!approved.IsSuccess)
            {
                return approved.Error;
            }
            await write.AuditAsync("token.approved", new { token = serial, approved = spender?.ToString() });
            return Result<ApprovalView>.Ok(new ApprovalView(serial.Value, spender?.ToString()));
        });
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/tokens/{tokenId:long}/transfer", (long tokenId, TransferRequest request, TransferToken transfer, HttpContext http) =>
                TokenId.Of(tokenId) is { IsSuccess: true } id
                    ? Idempotency.WriteAsync(http, request, StatusCodes.Status200OK, (caller, key) => transfer.TransferAsync(caller, id.Value, request, key))
                    : Task.FromResult(Problems.For(MembershipErrors.TokenNotFound)))
            .Allow(Access.SignedIn)
            .WithSummary("Gift or move a token: its owner, or the person the owner approved.")
            .Produces<TokenMoved>();
        api.MapPost("/communities/{slug}/tokens/{tokenId:long}/approve", async (long tokenId, ApproveRequest request, TransferToken transfer, HttpContext http) =>
                TokenId.Of(tokenId) is { IsSuccess: true } id
                    ? Problems.From(await transfer.ApproveAsync(http.Caller(), id.Value, request), StatusCodes.Status200OK, http)
                    : Problems.For(MembershipErrors.TokenNotFound))
            .Allow(Access.SignedIn)
            .WithSummary("Allow one person to move your token (ERC-721 approval); an empty spender clears it.")
            .Produces<ApprovalView>();
    }
}
