using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Revenue;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Revenue;

/// <summary>The money area's most sensitive write asked by a caller whose role was revoked after a door let them in.</summary>
public sealed class PayoutAttackTests(SharedApps apps) : IClassFixture<SharedApps>
{
    /// <summary>
    /// A treasurer opens the payouts page (or starts a slow command line), is demoted, then confirms the batch from the
    /// stale page: the confirmation reads the roles again under the writer's lock and refuses — no journal entry, no
    /// audit link, the claims stay unpaid.
    /// </summary>
    [Fact]
    public async Task Confirm_ByATreasurerDemotedAfterTheDoorLetThemIn_IsRefusedAndPaysNothing()
    {
        var app = apps.For("sqlite");
        var s = await RevenueSetup.CreateAsync(app);
        var treasurer = await app.SignUpAsync(displayName: "Tomo");
        var roles = $"{s.Community}/roles/{treasurer.Id}";
        Assert.Equal(HttpStatusCode.OK, (await s.Admin.Client.PutAsync(roles, JsonContent.Create(new { roles = new[] { "treasurer" } }))).StatusCode);
        await s.Admin.DepositAsync(s.Slug, "100000");
        Assert.Equal(HttpStatusCode.Created, (await s.RecordAsync("100000")).StatusCode);
        await RevenueSetup.SetBankAccountAsync(s.Aki);
        Assert.Equal(HttpStatusCode.Created, (await s.Aki.Client.PostJsonAsync($"{s.Community}/me/claims", new { asset = "JPY" })).StatusCode);
        await s.SetSenderAsync();
        var batched = await treasurer.Client.PostJsonAsync($"{s.Community}/payouts", new { asset = "JPY" });
        Assert.Equal(HttpStatusCode.Created, batched.StatusCode);
        var batch = (await batched.JsonAsync()).GetProperty("id").GetInt64();

        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var admitted = await services.GetRequiredService<Callers>().InAsync(s.Slug, new PersonId(Guid.Parse(treasurer.Id)));
        Assert.True(admitted!.CanKeepTheBooks);
        Assert.Equal(HttpStatusCode.OK, (await s.Admin.Client.PutAsync(roles, JsonContent.Create(new { roles = Array.Empty<string>() }))).StatusCode);
        var (entries, links) = await CountAsync(app, admitted.RequireCommunity().Id);

        var confirmed = await services.GetRequiredService<Payouts>().ConfirmAsync(admitted, batch);

        Assert.False(confirmed.IsSuccess);
        Assert.Equal(CommonErrors.Codes.Forbidden, confirmed.Error.Code);
        Assert.Equal((entries, links), await CountAsync(app, admitted.RequireCommunity().Id));
        var listed = await (await s.Admin.Client.GetAsync($"{s.Community}/payouts")).JsonAsync();
        Assert.Equal("open", listed.GetProperty("items")[0].GetProperty("state").GetString());
        Assert.Equal(0, RevenueSetup.Units((await s.EarningsAsync(s.Aki)).GetProperty("paid")));
    }

    private static async Task<(int Entries, int Links)> CountAsync(TestApp app, CommunityId community)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        return (await db.JournalEntries.CountAsync(e => e.CommunityId == community), await db.AuditLog.CountAsync(a => a.Chain == community.Value));
    }
}
