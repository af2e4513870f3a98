using System.Net;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Proof;

/// <summary>
/// Found by the crash harness: a member listed their last token, the answer was lost, the token was sold, and
/// the retry with the same key met the member-only door (403) instead of the listing it had made. A retry of a
/// write that succeeded replays its answer whatever roles the caller has lost since.
/// </summary>
public sealed class RetryAfterLosingTheRoleTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task RetryOfAListing_AfterTheTokenWasSold_ReplaysTheListing_AndANewKeyIsStillForbidden(string provider)
    {
        await using var app = TestApp.Create(provider);
        var api = new ProofApi(app.CreateClient());
        var admin = await api.SignUpAsync("Admin");
        var seller = await api.SignUpAsync("Seller");
        var buyer = await api.SignUpAsync("Buyer");
        var slug = await api.FoundAsync(admin);
        await api.DepositAsync(slug, admin, 1_000, seller.Id);
        await api.DepositAsync(slug, admin, 5_000, buyer.Id);
        var token = await api.MintAsync(slug, seller);
        var list = $"/api/v1/communities/{slug}/tokens/{token}/listings";
        var listed = await api.PostAsync(list, new { price = "2000" }, seller, "list-once");
        await api.OkAsync(api.PostAsync($"/api/v1/communities/{slug}/listings/{listed.Json.GetProperty("id").GetInt64()}/buy", new { }, buyer, "buy-once"));

        var retried = await api.PostAsync(list, new { price = "2000" }, seller, "list-once");
        var reused = await api.PostAsync(list, new { price = "2500" }, seller, "list-once");
        var fresh = await api.PostAsync(list, new { price = "2000" }, seller, "list-again");

        Assert.Equal((int)HttpStatusCode.Created, retried.Status);
        Assert.True(retried.Replayed);
        Assert.Equal(listed.Body, retried.Body);
        Assert.Equal("idempotency_key_reused", reused.Code);
        Assert.Equal("forbidden", fresh.Code);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task RetryOfADeposit_AfterTheTreasurerStepsDown_ReplaysTheDeposit(string provider)
    {
        await using var app = TestApp.Create(provider);
        var api = new ProofApi(app.CreateClient());
        var admin = await api.SignUpAsync("Admin");
        var treasurer = await api.SignUpAsync("Treasurer");
        var slug = await api.FoundAsync(admin);
        await api.OkAsync(api.PutAsync($"/api/v1/communities/{slug}/roles/{treasurer.Id}", new { roles = new[] { "treasurer" } }, admin));
        var body = new { asset = "JPY", amount = "3000", reference = "振込 0042", memo = "会費", personId = (string?)null };
        var first = await api.PostAsync($"/api/v1/communities/{slug}/deposits", body, treasurer, "deposit-once");
        await api.OkAsync(api.PutAsync($"/api/v1/communities/{slug}/roles/{treasurer.Id}", new { roles = Array.Empty<string>() }, admin));

        var retried = await api.PostAsync($"/api/v1/communities/{slug}/deposits", body, treasurer, "deposit-once");
        var fresh = await api.PostAsync($"/api/v1/communities/{slug}/deposits", body, treasurer, "deposit-again");

        Assert.Equal((int)HttpStatusCode.Created, first.Status);
        Assert.Equal(first.Body, retried.Body);
        Assert.True(retried.Replayed);
        Assert.Equal("forbidden", fresh.Code);
        Assert.Equal(3000, (long)(await api.BalancesAsync(slug, admin))[("treasury", "JPY")]);
    }
}
