using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Kernel;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>A retry is answered with what the first request's result reads back as, so every result must read back whole.</summary>
public sealed class ReplayTests(SharedApps apps) : IClassFixture<SharedApps>
{
    /// <summary>A result with a field the serializer cannot set back: the write fails loudly on its first request and writes nothing.</summary>
    [Fact]
    public async Task AResultThatDoesNotReadBackAsItself_FailsItsFirstRequest_AndWritesNothing()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await using var scope = app.Scope();
        var caller = await scope.ServiceProvider.GetRequiredService<Callers>().InAsync(slug, new PersonId(Guid.Parse(admin.Id)));
        var writer = scope.ServiceProvider.GetRequiredService<Writer>();

        await Assert.ThrowsAsync<InvariantViolatedException>(() => writer.RunAsync(caller!, Access.Admin, new IdempotencyKey("k-1", "test"), async write =>
        {
            await write.AuditAsync("test.lossy", "{}");
            return Result<Lossy>.Ok(Lossy.With("kept", "the retry would not see this"));
        }));

        await using var after = app.Scope();
        Assert.False(await after.ServiceProvider.GetRequiredService<MikoshiDb>().AuditLog.AnyAsync(a => a.Kind == "test.lossy"));
    }

    /// <summary>
    /// A token move's settled share, with what an LLC-type DAO's cap kept for the treasury: before, that part was a
    /// get-only list, so a retried transfer's answer came back without it.
    /// </summary>
    [Fact]
    public void ASettledShare_ReadsBackWithWhatTheTreasuryKept()
    {
        var share = new SettledShare("person:1", [new AmountView("JPY", "100", 0)]) { ToTreasury = [new AmountView("JPY", "7", 0)] };

        var json = Writer.Replayable(share);

        Assert.Contains("\"toTreasury\":[{", json, StringComparison.Ordinal);
    }

    private sealed record Lossy(string Kept)
    {
        public string Lost { get; private set; } = string.Empty;

        public static Lossy With(string kept, string lost)
        {
            var lossy = new Lossy(kept);
            lossy.Lost = lost;
            return lossy;
        }
    }
}
