using System.Text.Json;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Domain.Tests.Membership;

/// <summary>Token and project numbers in JSON are the plain numbers they always were, and they order by value.</summary>
public class NumberJsonTests
{
    /// <summary>An audit payload such as <c>new { token, project }</c> keeps its bytes, so the audit chain does too.</summary>
    [Fact]
    public void Json_IsThePlainNumber_BothWays()
    {
        var payload = new { token = TokenId.Stored(7), project = ProjectNumber.Stored(12), none = (TokenId?)null };
        Assert.Equal("""{"token":7,"project":12,"none":null}""", JsonSerializer.Serialize(payload));
        Assert.Equal(TokenId.Stored(7), JsonSerializer.Deserialize<TokenId>("7"));
        Assert.Equal(ProjectNumber.Stored(12), JsonSerializer.Deserialize<ProjectNumber>("12"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TokenId>("0"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ProjectNumber>("-3"));
    }

    [Fact]
    public void NumbersOrderAsTheirValues()
    {
        TokenId[] tokens = [TokenId.Stored(3), TokenId.Stored(1), TokenId.Stored(2)];
        ProjectNumber[] projects = [ProjectNumber.Stored(9), ProjectNumber.Stored(4)];
        Assert.Equal([1L, 2L, 3L], tokens.Order().Select(t => t.Value));
        Assert.Equal([4L, 9L], projects.Order().Select(p => p.Value));
        Assert.True(TokenId.Stored(1) < TokenId.Stored(2) && ProjectNumber.Stored(5) >= ProjectNumber.Stored(5));
    }
}
