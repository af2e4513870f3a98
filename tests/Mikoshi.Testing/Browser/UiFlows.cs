using Microsoft.Playwright;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Browser;

/// <summary>What a person does in the UI, step by step, as the tests need it.</summary>
public static class UiFlows
{
    /// <summary>
    /// A new person, signed in on <paramref name="page"/> and on their account page. They sign up through the app's
    /// own sign-up API (the same use case as the sign-up page, from the page's own origin) and sign in through the
    /// sign-in form: a test about something else does not walk the sign-up pages again. The sign-up pages themselves
    /// are walked by <see cref="SignUpThroughThePagesAsync"/> (the account journey, and the newcomer who pays to join).
    /// </summary>
    public static async Task<string> SignUpAsync(this IPage page, string displayName = "山田 花子")
    {
        var email = $"p{Guid.NewGuid():N}@example.jp";
        var registered = await page.APIRequest.PostAsync("/api/v1/auth/register", new APIRequestContextOptions
        {
            DataObject = new { email, password = Person.Password, displayName },
        });
        Assert.True(registered.Status == 202, $"sign-up answered {registered.Status}: {await registered.TextAsync()}");

        // Where the sign-up page's "sign in" link leads.
        await page.GotoAsync("/signin?returnUrl=" + Uri.EscapeDataString("/account?welcome=1"));
        await page.FillAsync("#signin-email", email);
        await page.FillAsync("#signin-password", Person.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.SignedInAsync();
        return email;
    }

    /// <summary>
    /// Goes to <paramref name="path"/> and returns once the page has loaded (its scripts, styles and images) and every
    /// request the page started has finished or failed: all the page does by itself has happened (our scripts are
    /// plain script tags and fetch only on a click). It waits for those requests themselves, where Playwright's
    /// NetworkIdle waits for half a second in which nothing is sent, on every page.
    /// </summary>
    public static async Task<IResponse?> GotoSettledAsync(this IPage page, string path)
    {
        var gate = new Lock();
        var pending = new HashSet<IRequest>();
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loaded = false;
        void Started(object? sender, IRequest request)
        {
            lock (gate)
            {
                pending.Add(request);
            }
        }

        void Ended(object? sender, IRequest request)
        {
            lock (gate)
            {
                pending.Remove(request);
                if (loaded && pending.Count == 0)
                {
                    settled.TrySetResult();
                }
            }
        }

        page.Request += Started;
        page.RequestFinished += Ended;
        page.RequestFailed += Ended;
        try
        {
            var response = await page.GotoAsync(path);
            lock (gate)
            {
                loaded = true;
                if (pending.Count == 0)
                {
                    settled.TrySetResult();
                }
            }

            // As long as the page's own default timeout, which any other wait of the page would give it.
            await settled.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return response;
        }
        finally
        {
            page.Request -= Started;
            page.RequestFinished -= Ended;
            page.RequestFailed -= Ended;
        }
    }

    /// <summary>
    /// Waits for the sign-in form to land on the account page. When it does not, the failure says what the page shows
    /// (a refusal, a throttle, a form still busy), so a rare miss can be read, not guessed.
    /// </summary>
    private static async Task SignedInAsync(this IPage page)
    {
        try
        {
            await page.ArrivesAtAsync("**/account?welcome=1");
        }
        catch (TimeoutException timeout)
        {
            var alerts = await page.Locator("[role=alert], [data-testid=form-error]").AllInnerTextsAsync();
            var submit = page.Locator("main form button[type=submit]");
            var button = await submit.CountAsync() == 0 ? "none" : await submit.First.EvaluateAsync<string>("b => `disabled=${b.disabled} busy=${b.getAttribute('aria-busy')}`");
            throw new TimeoutException($"sign-in did not reach the account page: {timeout.Message}, alerts [{string.Join(" | ", alerts)}], submit {button}", timeout);
        }
    }

    /// <summary>A new person who signs up through the sign-up page, follows its link and signs in: the whole walk.</summary>
    public static async Task<string> SignUpThroughThePagesAsync(this IPage page, string displayName = "山田 花子")
    {
        var email = $"p{Guid.NewGuid():N}@example.jp";
        await page.GotoAsync("/signup");
        await page.FillAsync("#signup-name", displayName);
        await page.FillAsync("#signup-email", email);
        await page.FillAsync("#signup-password", Person.Password);
        await page.ClickAsync("main form button[type=submit]");

        // The page answers "check your mail" alike for a new and a taken address, then the person signs in.
        await page.ClickAsync("[data-testid=check-your-mail] ~ p a");
        await page.FillAsync("#signin-email", email);
        await page.FillAsync("#signin-password", Person.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.SignedInAsync();
        return email;
    }

    public static async Task<string> FoundCommunityAsync(this IPage page, string name = "みんなの神輿", string asset = "JPY", bool acceptEth = false)
    {
        var slug = $"c{Guid.NewGuid():N}"[..12];
        await page.GotoAsync("/communities/new");
        await page.FillAsync("#found-name", name);
        await page.FillAsync("#found-slug", slug);
        await page.FillAsync("#found-charter", "楽しくつくる。\nWe make things together, and share what they earn.");
        await page.FillAsync("#found-values", "楽しむ\nものづくり\n誠実");
        await page.SelectOptionAsync("#found-asset", asset);
        if (acceptEth)
        {
            await page.CheckAsync("input[name='Input.AcceptEth']");
        }

        await page.ClickAsync("main form button[type=submit]");
        await page.ArrivesAtAsync($"**/c/{slug}");
        return slug;
    }

    /// <summary>Fills and sends the deposit form; the caller checks the outcome.</summary>
    public static async Task SubmitDepositAsync(this IPage page, string amount, string reference = "bank 001", string? asset = null)
    {
        await page.FillAsync("#deposit-amount", amount);
        if (asset is not null)
        {
            await page.SelectOptionAsync("#deposit-asset", asset);
        }

        await page.FillAsync("#deposit-reference", reference);
        await page.FillAsync("#deposit-memo", "会費 membership fee");
        await page.ClickAsync("[data-testid=deposit-form] button[type=submit]");
    }
}
