namespace Mikoshi.Tests.Infrastructure;

/// <summary>
/// Settings every host this test run builds starts from (server processes the tests start inherit them):
/// the tests sign up and sign in far more often from one address than a person could, so the sign-in rate
/// limit is out of their way; <c>Http/RateLimitTests</c> turns it back on.
/// </summary>
internal static class TestDefaults
{
#pragma warning disable CA2255 // A test assembly is the one place a module initializer belongs: before any host is built.
    [System.Runtime.CompilerServices.ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply() => Environment.SetEnvironmentVariable("Mikoshi__RateLimits__SignInPerMinute", "1000000");
}
