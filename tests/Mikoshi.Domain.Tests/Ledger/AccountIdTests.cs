using Mikoshi.Domain.Ledger;

namespace Mikoshi.Domain.Tests;

public class AccountIdTests
{
    public static TheoryData<string, AccountKind> EveryKind => new()
    {
        { "external", AccountKind.External },
        { "treasury", AccountKind.Treasury },
        { "holder-pool", AccountKind.HolderPool },
        { "dust", AccountKind.Dust },
        { "person:0f8fad5bd9cb469fa16570867728950e", AccountKind.Person },
        { "project:3f2504e04f8941d39a0c0305e82c3301", AccountKind.Project },
        { "escrow:listing-7", AccountKind.Escrow },
        { "escrow:payout:2025-04", AccountKind.Escrow }, // only the first colon separates the kind
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Parse_ReadsBackWhatToStringWrites(string text, AccountKind kind)
    {
        var account = AccountId.Parse(text).Value;

        Assert.Equal(kind, account.Kind);
        Assert.Equal(text, account.ToString());
        Assert.Equal(account, AccountId.Parse(account.ToString()).Value);
    }

    [Fact]
    public void Parse_RoundTripsEveryFactoryMadeAccount()
    {
        AccountId[] singles = [AccountId.External, AccountId.Treasury, AccountId.HolderPool, AccountId.Dust, AccountId.Fees];
        var keyed = Gen.Select(Gen.Guid, Gen.Long[1, long.MaxValue], Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_:."].Array[1, 40].Select(chars => new string(chars)), (id, project, key) =>
            new[] { AccountId.ForPerson(id), AccountId.ForProject(Domain.Projects.ProjectNumber.Stored(project)), AccountId.ForEscrow(key) });

        Assert.Equal(Enum.GetValues<AccountKind>().Length, singles.Length + 3);
        foreach (var single in singles)
        {
            Assert.Equal(single, AccountId.Parse(single.ToString()).Value);
        }

        keyed.Sample(accounts =>
        {
            foreach (var account in accounts)
            {
                Assert.Equal(account, AccountId.Parse(account.ToString()).Value);
            }
        });
    }

    [Fact]
    public void TryFormat_WritesWhatToStringWrites_OrNothingWhereItDoesNotFit()
    {
        var accounts = Gen.Select(Gen.Guid, Gen.Long[1, long.MaxValue], Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_:."].Array[1, 200].Select(chars => new string(chars)), (id, project, key) =>
            new[] { AccountId.External, AccountId.Treasury, AccountId.HolderPool, AccountId.Dust, AccountId.Fees, AccountId.ForPerson(id), AccountId.ForProject(Domain.Projects.ProjectNumber.Stored(project)), AccountId.ForEscrow(key) });

        accounts.Sample(all =>
        {
            foreach (var account in all)
            {
                var text = account.ToString();
                var room = new char[text.Length + 3];
                Assert.True(account.TryFormat(room, out var written));
                Assert.Equal(text, new string(room, 0, written));
                Assert.True(account.TryFormat(room.AsSpan(0, text.Length), out written));
                Assert.Equal(text.Length, written);

                Assert.False(account.TryFormat(room.AsSpan(0, text.Length - 1), out written));
                Assert.Equal(0, written);
            }
        });
    }

    [Fact]
    public void MayGoNegative_OnlyForTheOutsideWorld()
    {
        Assert.True(AccountId.External.MayGoNegative);
        Assert.All(
            [AccountId.Treasury, AccountId.HolderPool, AccountId.Dust, AccountId.ForPerson(Guid.Empty), AccountId.ForProject(Domain.Projects.ProjectNumber.Stored(1)), AccountId.ForEscrow("e")],
            account => Assert.False(account.MayGoNegative));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bank")]
    [InlineData("Treasury")]
    [InlineData("TREASURY")]
    [InlineData(" treasury")]
    [InlineData("treasury ")]
    [InlineData("holder_pool")]
    [InlineData("holderpool")]
    [InlineData("treasury:main")]
    [InlineData("external:bank")]
    [InlineData("dust:")]
    [InlineData("person")]
    [InlineData("person:")]
    [InlineData("project")]
    [InlineData("project:")]
    [InlineData("escrow")]
    [InlineData("escrow:")]
    [InlineData(":treasury")]
    [InlineData(":")]
    public void Parse_RefusesMalformedText(string? text)
    {
        var account = AccountId.Parse(text);

        Assert.Equal("invalid_account", account.Error?.Code);
    }
}
