using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Cli;

/// <summary>A store filled by <c>mikoshi demo</c>, for the demo's command-line test (Api lane) and its walk in a browser (Ui lane).</summary>
public static class DemoStore
{
    /// <summary>Runs the demo on a fresh store of <paramref name="provider"/>; the store it filled.</summary>
    public static async Task<StoreOptions> RunDemoAsync(string provider)
    {
        var db = provider == "postgres"
            ? PostgresServer.NewDatabase()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-demo-{Guid.NewGuid():N}.db")}";
        var demo = await CliRunner.RunAsync(["demo", "--provider", provider, "--db", db]);
        Assert.True(demo.Code == 0, demo.Error + demo.Output);
        return new StoreOptions(provider == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite, db);
    }
}
