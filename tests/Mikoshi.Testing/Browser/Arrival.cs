using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mikoshi.Tests.Browser;

/// <summary>
/// Waits for a page to arrive at an address by looking, not by listening. Playwright .NET's <c>WaitForURLAsync</c>
/// checks the address and then subscribes to navigation events, which arrive on another thread: a navigation that
/// lands between the two is lost, and the wait runs out with the page already there (playwright-dotnet issue 3364).
/// Blazor's enhanced forms navigate by <c>history.pushState</c> within milliseconds of the click, which is exactly that
/// window; CI lost two runs to it at sign-in ("at …/account?welcome=1", yet timed out).
/// </summary>
public static class Arrival
{
    /// <summary>As long as the page's own default timeout, which any other wait of the page would give it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Glance = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Returns once the page's address matches <paramref name="glob"/> (Playwright's globs: <c>**</c> anything,
    /// <c>*</c> anything but a slash, every other character itself) and its document has loaded — what
    /// <c>WaitForURLAsync</c> promises, without its race.
    /// </summary>
    public static async Task ArrivesAtAsync(this IPage page, string glob)
    {
        var address = GlobPattern(glob);
        var waited = Stopwatch.StartNew();
        while (!(address.IsMatch(page.Url) && await LoadedAsync(page)))
        {
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"the page did not arrive at {glob} in {Patience.TotalSeconds:0} s: it is at {page.Url}");
            }

            await Task.Delay(Glance);
        }
    }

    private static async Task<bool> LoadedAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>("document.readyState") == "complete";
        }
        catch (PlaywrightException)
        {
            // The document is being replaced; the next glance sees the new one.
            return false;
        }
    }

    public static Regex GlobPattern(string glob)
    {
        var pattern = new System.Text.StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] != '*')
            {
                pattern.Append(Regex.Escape(glob[i].ToString()));
            }
            else if (i + 1 < glob.Length && glob[i + 1] == '*')
            {
                pattern.Append(".*");
                i++;
            }
            else
            {
                pattern.Append("[^/]*");
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
