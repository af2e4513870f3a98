using System.Net;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Identity;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Wallets;

/// <summary>A wallet signing the EIP-4361 messages the API writes: linking a wallet, signing in with it.</summary>
public static class SiweSigning
{
    public static object Sign(string message, CustodialKey key) => new { message, signature = key.Sign(PersonalSign.Digest(message)) };

    /// <summary>A nonce from <paramref name="path"/> and the server-written message for it, signed by <paramref name="wallet"/>.</summary>
    public static async Task<object> SignedAsync(HttpClient client, string path, CustodialKey wallet)
    {
        var response = await client.PostJsonAsync(path, new { address = wallet.Address.ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Sign((await response.JsonAsync()).GetProperty("message").GetString()!, wallet);
    }

    public static async Task<HttpResponseMessage> LinkAsync(Person person, CustodialKey wallet) =>
        await person.Client.PostJsonAsync("/api/v1/me/wallets", await SignedAsync(person.Client, "/api/v1/me/wallets/nonce", wallet));
}
