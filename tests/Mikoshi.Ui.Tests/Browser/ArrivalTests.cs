namespace Mikoshi.Tests.Browser;

/// <summary>The address patterns the browser tests wait for mean what Playwright's globs mean.</summary>
public sealed class ArrivalTests
{
    [Theory]
    [InlineData("**/account?welcome=1", "http://localhost:5000/account?welcome=1", true)]
    [InlineData("**/account?welcome=1", "http://localhost:5000/account?welcome=12", false)]
    [InlineData("**/account?welcome=1", "http://localhost:5000/accountXwelcome=1", false)]
    [InlineData("**/c/x/tokens/*?done=minted", "http://h/c/x/tokens/12?done=minted", true)]
    [InlineData("**/c/x/tokens/*?done=minted", "http://h/c/x/tokens/1/2?done=minted", false)]
    [InlineData("**/earnings?done=published*", "http://h/c/x/earnings?done=published&n=2", true)]
    [InlineData("**/c/x", "http://h/c/x/ledger", false)]
    [InlineData("http://h/", "http://h/", true)]
    public void GlobPattern_MatchesAsPlaywrightsGlobs(string glob, string url, bool matches)
        => Assert.Equal(matches, Arrival.GlobPattern(glob).IsMatch(url));
}
