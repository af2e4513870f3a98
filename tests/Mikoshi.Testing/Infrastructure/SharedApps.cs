using System.Collections.Concurrent;

namespace Mikoshi.Tests.Infrastructure;

/// <summary>
/// One app per store provider for a whole test class (<c>IClassFixture&lt;SharedApps&gt;</c>), built when a test first
/// asks for it: a host and a store cost more than most tests' own requests. For classes whose tests do not interfere —
/// each signs up people of its own and founds a community of its own, and asserts only on what it made (a
/// snapshot taken before a refusal is compared within the test; the verifier checks every community, all of which
/// must be valid anyway). Tests of one class run one at a time; the clock only moves forward. A test that needs its
/// own settings, a fresh store or the clock at its start keeps <see cref="TestApp.Create"/>.
/// </summary>
public sealed class SharedApps : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<TestApp>> apps = new(StringComparer.Ordinal);

    /// <summary>The class's app on <paramref name="provider"/> ("sqlite" or "postgres").</summary>
    public TestApp For(string provider) => apps.GetOrAdd(provider, p => new Lazy<TestApp>(() => TestApp.Create(p))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps.Values.Where(a => a.IsValueCreated))
        {
            await app.Value.DisposeAsync();
        }
    }
}
