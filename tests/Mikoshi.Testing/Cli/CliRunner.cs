using System.Diagnostics;

namespace Mikoshi.Tests.Cli;

/// <summary>The `mikoshi` command line, run in this process or as the executable; shared by every lane that runs verbs.</summary>
public static class CliRunner
{
    /// <summary>
    /// Runs one command line through the executable's own entry point inside this process, its output
    /// captured: the same parsing, use cases and printing as the executable, without paying seconds of
    /// start-up per verb. <see cref="RunProcessAsync"/> runs the executable itself.
    /// </summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Mikoshi.Cli.Commands.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the `mikoshi` executable as its own process, the way an operator does.</summary>
    public static async Task<(int Code, string Output, string Error)> RunProcessAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mikoshi.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A verb that hangs fails its test instead of stalling the run.
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output, await error);
    }
}
