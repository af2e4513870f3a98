using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;
using Npgsql;

namespace Mikoshi.Tests.Http.Store;

/// <summary>PostgreSQL connections prepare the statements they repeat, unless the operator's connection string says otherwise.</summary>
public sealed class AutoPrepareTests
{
    [Theory]
    [InlineData("Host=db;Username=mikoshi", StoreRegistration.AutoPrepareStatements)]
    [InlineData("Host=db;Username=mikoshi;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Username=mikoshi;Max Auto Prepare=10", 10)]
    [InlineData("Host=db;Username=mikoshi;maxautoprepare=3", 3)]
    public void TheOperatorsSettingWins_ElseSixtyFour(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(StoreRegistration.AutoPrepared(connectionString)).MaxAutoPrepare);

    [Fact]
    public async Task TheAppsContexts_OpenWithAutomaticPreparation()
    {
        await using var app = TestApp.Create("postgres");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();

        Assert.Equal(StoreRegistration.AutoPrepareStatements, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxAutoPrepare);
    }
}
