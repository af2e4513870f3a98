using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Domain.Tests.Membership;

/// <summary>The <see cref="Token"/> aggregate's verbs: who may move it, what each move records, and that a burned token never moves.</summary>
public class TokenAggregateTests
{
    private static readonly CommunityId Community = new(Guid.Parse("0192f1a0-0000-7000-8000-000000000001"));
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonId[] People = [.. Enumerable.Range(1, 4).Select(i => new PersonId(new Guid(i, 0, 0, new byte[8])))];

    private static Token Minted(PersonId owner) => Token.Mint(Community, TokenId.Of(7).Value, owner, 10_000, Start);

    [Fact]
    public void Mint_RecordsTheFirstStep_AndTheOwner()
    {
        var token = Minted(People[0]);

        Assert.Equal(People[0], token.OwnerId);
        Assert.Equal(People[0], token.MintedBy);
        Assert.Equal(TokenId.Of(7).Value, token.Serial);
        var step = Assert.Single(token.Lineage);
        Assert.Equal((1, LineageKind.Minted, (PersonId?)null, (PersonId?)People[0], (Int128?)10_000), (step.Step, step.Kind, step.FromId, step.ToId, step.Price));
    }

    [Fact]
    public void OwnedBy_Someone_Else_IsRefusedAsNotTheOwner()
    {
        var token = Minted(People[0]);

        Assert.Equal(MembershipErrors.Codes.NotTokenOwner, token.OwnedBy(People[1]).Error?.Code);
        Assert.Equal(People[0], token.OwnedBy(People[0]).Value);
    }

    [Fact]
    public void Approve_LetsOnePersonMoveIt_UntilItMoves()
    {
        var token = Minted(People[0]);
        Assert.Equal(MembershipErrors.Codes.NotTokenOwner, token.MayGive(People[1], People[2]).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.NotTokenOwner, token.Approve(People[1], People[1]).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.InvalidSpender, token.Approve(People[0], People[0]).Error?.Code);

        Assert.True(token.Approve(People[0], People[1]).IsSuccess);
        Assert.Equal(People[0], token.MayGive(People[1], People[2]).Value);
        token.Transfer(People[2], LineageKind.Gifted, Start.AddDays(1));

        Assert.Null(token.ApprovedId);
        Assert.Equal(MembershipErrors.Codes.NotTokenOwner, token.MayGive(People[1], People[3]).Error?.Code);
    }

    [Fact]
    public void MayGive_ToItsOwner_IsRefusedAsTheSameOwner()
    {
        var token = Minted(People[0]);

        Assert.Equal(MembershipErrors.Codes.SameOwner, token.MayGive(People[0], People[0]).Error?.Code);
    }

    [Fact]
    public void Burned_Token_NeverMovesOrBurnsAgain()
    {
        var token = Minted(People[0]);
        Assert.Equal(People[0], token.Burn(Start.AddDays(2)).Value);

        Assert.True(token.IsBurned);
        Assert.Null(token.OwnerId);
        Assert.Equal(MembershipErrors.Codes.TokenBurned, token.Transfer(People[1], LineageKind.Gifted, Start.AddDays(3)).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.TokenBurned, token.Burn(Start.AddDays(3)).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.TokenBurned, token.OwnedBy(People[0]).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.TokenBurned, token.MayGive(People[0], People[1]).Error?.Code);
        Assert.Equal([LineageKind.Minted, LineageKind.Redeemed], token.Lineage.Select(s => s.Kind));
    }

    [Fact]
    public void Restore_UndoesTheBurn_AndHandsBackTheRedemptionStep()
    {
        var token = Minted(People[0]);
        token.Burn(Start.AddDays(2));

        var dropped = token.Restore(People[0]);

        Assert.Equal(LineageKind.Redeemed, dropped!.Kind);
        Assert.Equal(People[0], token.OwnerId);
        Assert.False(token.IsBurned);
        Assert.Single(token.Lineage);
        Assert.Throws<InvariantViolatedException>(() => token.Restore(People[1]));
    }

    /// <summary>
    /// Whatever moves are tried, by whomever: the lineage is numbered 1, 2, 3… without a gap, each step starts where the
    /// one before ended, the owner is where the last step ended, and nothing follows a redemption.
    /// </summary>
    [Fact]
    public void AnyHistory_KeepsAnUnbrokenLineage_EndingAtTheOwner()
    {
        var moves = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 9]).Array[0, 30];
        moves.Sample(history =>
        {
            var token = Minted(People[0]);
            var at = Start;
            foreach (var (actor, to, kind) in history)
            {
                at = at.AddHours(1);
                if (kind == 0)
                {
                    token.Burn(at);
                }
                else if (kind == 1)
                {
                    token.Approve(People[actor], People[to]);
                }
                else if (token.MayGive(People[actor], People[to]).IsSuccess)
                {
                    Assert.True(token.Transfer(People[to], kind % 2 == 0 ? LineageKind.Gifted : LineageKind.Sold, at, kind).IsSuccess);
                }
            }

            var steps = token.Lineage;
            Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.Step));
            for (var i = 1; i < steps.Count; i++)
            {
                Assert.Equal(steps[i - 1].ToId, steps[i].FromId);
                Assert.NotEqual(LineageKind.Redeemed, steps[i - 1].Kind);
            }

            Assert.Equal(token.OwnerId, steps[^1].ToId);
            Assert.Equal(token.IsBurned, steps[^1].Kind == LineageKind.Redeemed);
        });
    }
}
