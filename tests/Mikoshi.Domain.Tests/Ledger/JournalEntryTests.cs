using Mikoshi.Domain.Ledger;

namespace Mikoshi.Domain.Tests;

public class JournalEntryTests
{
    private static readonly AccountId Alice = AccountId.ForPerson(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
    private static readonly AccountId Bob = AccountId.ForPerson(Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"));

    private static Posting Leg(AccountId account, Asset asset, long units) => new(account, Money.Of(asset, units));

    [Fact]
    public void Create_WithBalancedPostings_KeepsKindMemoAndPostingsInOrder()
    {
        Posting[] postings = [Leg(AccountId.External, Asset.Jpy, -1500), Leg(AccountId.Treasury, Asset.Jpy, 1500)];

        var entry = JournalEntry.Create("deposit", "振込 ヤマダ", postings).Value;

        Assert.Equal("deposit", entry.Kind);
        Assert.Equal("振込 ヤマダ", entry.Memo);
        Assert.Equal(postings, entry.Postings);
    }

    [Fact]
    public void Create_WithSeveralAssetsEachSummingToZero_Succeeds()
    {
        Posting[] postings =
        [
            Leg(Alice, Asset.Jpy, -1000),
            Leg(Bob, Asset.Jpy, 600),
            Leg(AccountId.Treasury, Asset.Jpy, 400),
            Leg(Bob, Asset.Eth, -5),
            Leg(Alice, Asset.Eth, 5),
        ];

        Assert.True(JournalEntry.Create("swap", null, postings).IsSuccess);
    }

    [Fact]
    public void Create_WithoutMemo_HasAnEmptyMemo()
    {
        var entry = JournalEntry.Create("transfer", null, [Leg(Alice, Asset.Jpy, -1), Leg(Bob, Asset.Jpy, 1)]).Value;

        Assert.Equal(string.Empty, entry.Memo);
    }

    public static TheoryData<string, Posting[]> Unbalanced => new()
    {
        { "no postings", [] },
        { "one posting", [Leg(Alice, Asset.Jpy, 0)] },
        { "one-sided", [Leg(Alice, Asset.Jpy, 5), Leg(Bob, Asset.Jpy, 5)] },
        { "off by one", [Leg(Alice, Asset.Jpy, -5), Leg(Bob, Asset.Jpy, 4)] },
        { "zero overall but not per asset", [Leg(Alice, Asset.Jpy, -5), Leg(Bob, Asset.Usd, 5)] },
        { "one asset balanced, the other not", [Leg(Alice, Asset.Jpy, -5), Leg(Bob, Asset.Jpy, 5), Leg(Alice, Asset.Eth, 1), Leg(Bob, Asset.Eth, 1)] },
        { "a zero posting", [Leg(Alice, Asset.Jpy, -5), Leg(Bob, Asset.Jpy, 5), Leg(AccountId.Treasury, Asset.Jpy, 0)] },
        { "two zero postings", [Leg(Alice, Asset.Jpy, 0), Leg(Bob, Asset.Jpy, 0)] },
        { "an account twice for one asset", [Leg(Alice, Asset.Jpy, -5), Leg(Alice, Asset.Jpy, 5)] },
        { "an account twice among others", [Leg(Alice, Asset.Jpy, -5), Leg(Bob, Asset.Jpy, 3), Leg(Bob, Asset.Jpy, 2)] },
    };

    [Theory]
    [MemberData(nameof(Unbalanced))]
    public void Create_RefusesAnythingButBalancedDistinctNonZeroPostings(string why, Posting[] postings)
    {
        var entry = JournalEntry.Create("transfer", null, postings);

        Assert.False(entry.IsSuccess, why);
        Assert.Equal("unbalanced_entry", entry.Error.Code);
    }

    [Fact]
    public void Create_AllowsOneAccountOncePerAsset()
    {
        Posting[] postings = [Leg(Alice, Asset.Jpy, -5), Leg(Bob, Asset.Jpy, 5), Leg(Alice, Asset.Usd, 7), Leg(Bob, Asset.Usd, -7)];

        Assert.True(JournalEntry.Create("swap", null, postings).IsSuccess);
    }

    [Fact]
    public void Create_KeepsAMemoOfTheMaximumLength()
    {
        var memo = new string('あ', JournalEntry.MaxMemoLength);

        var entry = JournalEntry.Create("transfer", memo, [Leg(Alice, Asset.Jpy, -1), Leg(Bob, Asset.Jpy, 1)]);

        Assert.Equal(memo, entry.Value.Memo);
    }

    [Fact]
    public void Create_RefusesALongerMemo()
    {
        var memo = new string('a', JournalEntry.MaxMemoLength + 1);

        var entry = JournalEntry.Create("transfer", memo, [Leg(Alice, Asset.Jpy, -1), Leg(Bob, Asset.Jpy, 1)]);

        Assert.Equal("invalid_memo", entry.Error?.Code);
    }

    [Fact]
    public void Move_DebitsTheSourceAndCreditsTheDestination()
    {
        var amount = Money.Of(Asset.Usdc, 2_500_000);

        var entry = JournalEntry.Move("transfer", "立替", Alice, Bob, amount).Value;

        Assert.Equal([new Posting(Alice, -amount), new Posting(Bob, amount)], entry.Postings);
        Assert.Equal("transfer", entry.Kind);
        Assert.Equal("立替", entry.Memo);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void Move_RefusesAnAmountThatIsNotPositive(long units)
    {
        var entry = JournalEntry.Move("transfer", null, Alice, Bob, Money.Of(Asset.Jpy, units));

        Assert.Equal("invalid_amount", entry.Error?.Code);
    }

    [Fact]
    public void Move_RefusesAnAccountToItself()
    {
        var entry = JournalEntry.Move("transfer", null, Alice, Alice, Money.Of(Asset.Jpy, 1));

        Assert.Equal("same_account", entry.Error?.Code);
    }

    [Fact]
    public void Move_RefusesALongMemoLikeCreate()
    {
        var entry = JournalEntry.Move("transfer", new string('m', 501), Alice, Bob, Money.Of(Asset.Jpy, 1));

        Assert.Equal("invalid_memo", entry.Error?.Code);
    }

    [Fact]
    public void Create_AcceptsExactlyTheBalancedDistinctEntries_WithFewLegsOrMany()
    {
        // Few legs are checked pair by pair, many with sets: both must say what the rule says, here counted plainly.
        AccountId[] accounts = [AccountId.External, AccountId.Treasury, Alice, Bob];
        Asset[] assets = [Asset.Jpy, Asset.Usd];
        var leg = Gen.Select(Gen.Int[0, accounts.Length - 1], Gen.Int[0, assets.Length - 1], Gen.Long[-3, 3])
            .Select((account, asset, units) => Leg(accounts[account], assets[asset], units));
        // Half the samples get a closing leg per asset that makes it sum to zero, so both answers are common.
        Gen.Select(leg.Array[1, 39], Gen.Bool, Gen.Int[0, accounts.Length - 1]).Sample((drawn, close, closer) =>
        {
            Posting[] legs = close
                ? [.. drawn, .. drawn.GroupBy(p => p.Amount.Asset).Where(g => g.Sum(p => (long)p.Amount.Units) != 0)
                    .Select(g => Leg(accounts[closer], g.Key, -g.Sum(p => (long)p.Amount.Units)))]
                : drawn;
            var distinct = legs.Select(p => (p.Account, p.Amount.Asset)).Distinct().Count() == legs.Length;
            var balanced = legs.GroupBy(p => p.Amount.Asset).All(g => g.Sum(p => (long)p.Amount.Units) == 0);
            var nonZero = legs.All(p => !p.Amount.IsZero);

            Assert.Equal(legs.Length >= 2 && distinct && balanced && nonZero, JournalEntry.Create("transfer", null, legs).IsSuccess);
        });
    }
}
