using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Tests;

public class CommunityTests
{
    private static readonly PersonId Founder = new(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
    private static readonly DateTimeOffset At = new(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));

    private static Result<Community> Found(
        string? slug = "kamakura-mori",
        string? name = "鎌倉の森",
        string? charter = "森を守り、祭りを共に創る。",
        IReadOnlyList<string>? values = null,
        string? baseAsset = "JPY",
        IReadOnlyList<string>? otherAssets = null) =>
        Community.Found(slug, name, charter, values ?? ["誠実", "共創", "透明性"], baseAsset, otherAssets ?? ["USDC"], Founder, At);

    [Fact]
    public void Found_WithAValidCharter_KeepsEveryField()
    {
        var community = Found().Value;

        Assert.Equal("kamakura-mori", community.Slug);
        Assert.Equal("鎌倉の森", community.Name);
        Assert.Equal("森を守り、祭りを共に創る。", community.CharterText);
        Assert.Equal(["誠実", "共創", "透明性"], community.Values);
        Assert.Equal("JPY", community.BaseAsset);
        Assert.Equal(["JPY", "USDC"], community.Assets);
        Assert.Equal(Founder, community.CreatedBy);
        Assert.Equal(At, community.CreatedAt);
        Assert.NotEqual(Guid.Empty, community.Id.Value);
    }

    [Fact]
    public void Found_TrimsTheNameCharterAndValues()
    {
        var community = Found(name: "  鎌倉の森 ", charter: "\n憲章\n", values: [" 誠実 ", "\t共創"]).Value;

        Assert.Equal("鎌倉の森", community.Name);
        Assert.Equal("憲章", community.CharterText);
        Assert.Equal(["誠実", "共創"], community.Values);
    }

    [Fact]
    public void Found_WithoutBaseAssetOrCharter_UsesYenAndAnEmptyCharter()
    {
        var community = Community.Found("abc", "A", null, null, null, null, Founder, At).Value;

        Assert.Equal("JPY", community.BaseAsset);
        Assert.Equal(["JPY"], community.Assets);
        Assert.Equal(string.Empty, community.CharterText);
        Assert.Empty(community.Values);
    }

    [Fact]
    public void Found_ListsTheBaseAssetFirstAndEachAssetOnce()
    {
        var community = Found(baseAsset: "ETH", otherAssets: ["JPY", "ETH", "USDC", "JPY"]).Value;

        Assert.Equal(["ETH", "JPY", "USDC"], community.Assets);
        Assert.Equal(Asset.Usdc, community.Accepts("USDC").Value);
        Assert.Equal("unknown_asset", community.Accepts("USD").Error?.Code);
        Assert.Equal("unknown_asset", community.Accepts(null).Error?.Code);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a-b")]
    [InlineData("2025-matsuri")]
    [InlineData("a--b")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abcd")] // 40
    public void Found_AcceptsAValidSlug(string slug)
    {
        Assert.True(Found(slug: slug).IsSuccess);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abcde")] // 41
    [InlineData("Kamakura")]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("ab c")]
    [InlineData("ab_c")]
    [InlineData("ab.c")]
    [InlineData("かまくら")]
    [InlineData("ａｂｃ")]
    public void Found_RefusesAnInvalidSlug(string? slug)
    {
        Assert.Equal("invalid_slug", Found(slug: slug).Error?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Found_RefusesABlankName(string? name)
    {
        Assert.Equal("invalid_name", Found(name: name).Error?.Code);
    }

    [Fact]
    public void Found_TakesANameUpToTheMaximumLength()
    {
        Assert.True(Found(name: new string('森', Community.MaxNameLength)).IsSuccess);
        Assert.Equal("invalid_name", Found(name: new string('森', Community.MaxNameLength + 1)).Error?.Code);
    }

    [Fact]
    public void Found_TakesACharterUpToTheMaximumLength()
    {
        Assert.True(Found(charter: new string('憲', Community.MaxCharterLength)).IsSuccess);
        Assert.Equal("invalid_charter", Found(charter: new string('憲', Community.MaxCharterLength + 1)).Error?.Code);
    }

    public static TheoryData<string, string[]> InvalidValues => new()
    {
        { "too many", [.. Enumerable.Range(0, Community.MaxValues + 1).Select(i => $"価値{i}")] },
        { "empty", ["誠実", ""] },
        { "blank", ["誠実", "   "] },
        { "too long", [new string('誠', Community.MaxValueLength + 1)] },
        { "repeated", ["誠実", "共創", "誠実"] },
        { "repeated after trimming", ["誠実", " 誠実"] },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Found_RefusesInvalidValues(string why, string[] values)
    {
        Assert.True(Found(values: values).Error?.Code == "invalid_charter", why);
    }

    [Fact]
    public void Found_TakesValuesUpToTheLimits()
    {
        string[] values = [.. Enumerable.Range(0, Community.MaxValues - 1).Select(i => $"価値{i}"), new string('誠', Community.MaxValueLength)];

        Assert.Equal(values, Found(values: values).Value.Values);
    }

    [Theory]
    [InlineData("XYZ", null)]
    [InlineData("jpy", null)]
    [InlineData("", null)]
    [InlineData("JPY", "BTC")]
    [InlineData("JPY", "usdc")]
    public void Found_RefusesAnAssetMikoshiDoesNotKnow(string baseAsset, string? other)
    {
        var community = Found(baseAsset: baseAsset, otherAssets: other is null ? [] : [other]);

        Assert.Equal("unknown_asset", community.Error?.Code);
    }
}
