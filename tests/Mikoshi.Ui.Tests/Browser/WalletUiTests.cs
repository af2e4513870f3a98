using Microsoft.Playwright;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Identity;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>Sign-In with Ethereum in the browser: a wallet linked on the account page signs its person in from the sign-in page.</summary>
public sealed class WalletUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task LinkedWallet_SignsItsPersonIn_FromTheSignInButton_AndCanBeUnlinked()
    {
        await using var ui = await BrowserApp.StartAsync(browser);
        var wallet = CustodialKey.Generate();
        var owner = ui.Page;
        await owner.SignUpAsync("財布の持ち主");
        var ownerId = await owner.PersonIdAsync();

        // Without a wallet in the browser, the button says so.
        var visitor = await ui.NewPersonAsync();
        await visitor.GotoAsync("/signin");
        await visitor.GetByTestId("siwe-signin").ClickAsync();
        await Expect(visitor.GetByTestId("siwe-status")).ToHaveTextAsync("このブラウザに Ethereum ウォレットが見つかりません。");

        // The owner links the wallet from the account page.
        await GiveWalletAsync(owner, wallet);
        await owner.GotoAsync("/account");
        await Expect(owner.GetByTestId("no-wallets")).ToBeVisibleAsync();
        await owner.GetByTestId("link-wallet").ClickAsync();
        await owner.ArrivesAtAsync("**/account?wallet=linked*");
        await Expect(owner.GetByTestId("wallet-linked")).ToBeVisibleAsync();
        await Expect(owner.GetByTestId("wallet-address")).ToHaveTextAsync(wallet.Address.ToString());
        await Expect(owner.GetByTestId("wallet-kind")).ToHaveTextAsync("ウォレット · 投票用");

        // On a phone, in English, the same wallet signs in from the sign-in page, as its person.
        var elsewhere = await ui.NewPersonAsync(locale: "en-US", width: 375, height: 740);
        await GiveWalletAsync(elsewhere, wallet);
        await elsewhere.GotoAsync("/signin?returnUrl=%2Faccount");
        await Expect(elsewhere.GetByTestId("siwe-signin")).ToHaveTextAsync("Sign in with Ethereum");
        Assert.True(await elsewhere.FitsAsync(), "the sign-in page scrolls sideways at 375 px");
        await elsewhere.GetByTestId("siwe-signin").ClickAsync();
        await elsewhere.ArrivesAtAsync("**/account");
        await Expect(elsewhere.GetByTestId("person-id")).ToHaveTextAsync(ownerId);
        await Expect(elsewhere.GetByTestId("wallet-kind")).ToHaveTextAsync("Wallet · votes");
        Assert.True(await elsewhere.FitsAsync(), "the account page scrolls sideways at 375 px");

        // Unlinking, with the owner still able to sign in by password.
        await owner.GetByTestId("unlink-wallet").ClickAsync();
        await owner.ArrivesAtAsync("**/account?wallet=unlinked*");
        await Expect(owner.GetByTestId("wallet-unlinked")).ToBeVisibleAsync();
        await Expect(owner.GetByTestId("no-wallets")).ToBeVisibleAsync();
    }

    /// <summary>
    /// A window.ethereum whose account is <paramref name="key"/> (in lower case, as wallets report it) and whose
    /// personal_sign signs the bytes it is handed with that key, in .NET: EIP-191, as a real wallet signs them.
    /// </summary>
    private static async Task GiveWalletAsync(IPage page, CustodialKey key)
    {
        await page.ExposeFunctionAsync("__personalSign", (string hex) => key.Sign(PersonalSign.Digest(Convert.FromHexString(hex[2..]))));
        await page.AddInitScriptAsync($$"""
            window.ethereum = {
              request: async ({ method, params }) => {
                if (method === "eth_requestAccounts") { return ["{{key.Address.ToString().ToLowerInvariant()}}"]; }
                if (method === "personal_sign") { return await window.__personalSign(params[0]); }
                throw new Error("unsupported " + method);
              },
            };
            """);
    }
}
