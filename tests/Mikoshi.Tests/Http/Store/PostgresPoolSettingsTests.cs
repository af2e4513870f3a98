using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;
using Npgsql;

namespace Mikoshi.Tests.Http.Store;

/// <summary>
/// PostgreSQL connections prepare the statements they repeat and are not reset when handed back to the pool, unless the
/// operator's connection string says otherwise.
/// </summary>
public sealed class PostgresPoolSettingsTests
{
    [Theory]
    [InlineData("Host=db;Username=mikoshi", StoreRegistration.AutoPrepareStatements)]
    [InlineData("Host=db;Username=mikoshi;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Username=mikoshi;Max Auto Prepare=10", 10)]
    [InlineData("Host=db;Username=mikoshi;maxautoprepare=3", 3)]
    public void AutomaticPreparation_TheOperatorsSettingWins_ElseSixtyFour(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(StoreRegistration.Pooled(connectionString)).MaxAutoPrepare);

    [Theory]
    [InlineData("Host=db;Username=mikoshi", true)]
    [InlineData("Host=db;Username=mikoshi;No Reset On Close=false", false)]
    [InlineData("Host=db;Username=mikoshi;noresetonclose=False", false)]
    [InlineData("Host=db;Username=mikoshi;No Reset On Close=true", true)]
    public void NoResetOnClose_TheOperatorsSettingWins_ElseOn(string connectionString, bool expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(StoreRegistration.Pooled(connectionString)).NoResetOnClose);

    [Fact]
    public async Task TheAppsContexts_OpenWithBothSettings()
    {
        await using var app = TestApp.Create("postgres");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();

        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.Equal(StoreRegistration.AutoPrepareStatements, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
    }
}
