namespace Mikoshi.Tests;

/// <summary>
/// The run's settings (<see cref="Infrastructure.TestDefaults"/>) as this test assembly loads: before any host is
/// built or any server process started, whichever lane runs alone.
/// </summary>
internal static class AssemblyDefaults
{
#pragma warning disable CA2255 // A test assembly is the one place a module initializer belongs: before any host is built.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply() => Infrastructure.TestDefaults.Apply();
}
