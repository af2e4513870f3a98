namespace Mikoshi.Cli;

/// <summary>
/// Where the verbs write: the process's standard output and error, unless whoever runs the verbs inside its
/// own process (the tests, running many verbs without paying for a process start each) gives writers of its
/// own for one run. The writers flow with the run's async context, so concurrent runs never mix their output.
/// </summary>
public static class Terminal
{
    private static readonly AsyncLocal<(TextWriter Output, TextWriter Error)?> Redirected = new();

    public static TextWriter Output => Redirected.Value?.Output ?? Console.Out;

    public static TextWriter Error => Redirected.Value?.Error ?? Console.Error;

    /// <summary>Standard output as bytes (the audit export is written as UTF-8 JSON Lines).</summary>
    public static async Task WriteBytesAsync(Func<Stream, Task> write)
    {
        if (Redirected.Value is not { } redirected)
        {
            await using var output = Console.OpenStandardOutput();
            await write(output);
            return;
        }

        using var buffer = new MemoryStream();
        await write(buffer);
        await redirected.Output.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    internal static bool IsRedirected => Redirected.Value is not null;

    internal static void RedirectTo(TextWriter output, TextWriter error) => Redirected.Value = (output, error);
}
