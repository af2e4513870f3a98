using System.CommandLine;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Payments;

namespace Mikoshi.Cli;

/// <summary>`mikoshi bank import FILE --community SLUG` and `mikoshi payments list`: payments from the command line.</summary>
public static class PaymentCommands
{
    private static readonly Option<string> CommunityOption = new("--community") { Required = true, Description = "Community slug" };
    private static readonly Option<string> By = new("--by") { Required = true, Description = "Email of the person acting (bank import: a treasurer)" };

    public static IEnumerable<Command> All() => [Bank(), Payments()];

    private static Command Bank()
    {
        var file = new Argument<FileInfo>("file") { Description = "The bank's statement: a 全銀協 入出金取引明細 file, or a CSV export" };
        var format = new Option<string>("--format") { Description = "zengin (default) or csv (read with the community's saved mapping)", DefaultValueFactory = _ => "zengin" };
        var import = new Command("import", "Import a bank statement: lines carrying a member's transfer code credit them; the rest wait for reconciliation. Importing twice changes nothing.") { file, CommunityOption, By, format };
        import.SetAction(parse => RunAsync(parse, treasurerOnly: true, async (services, caller) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return CliErrors.FileNotFound(path.FullName);
            }

            return (await services.GetRequiredService<BankTransfers>().ImportAsync(caller, parse.GetValue(format), await File.ReadAllBytesAsync(path.FullName))).Map(v => (object)v);
        }));
        return new Command("bank", "Bank transfers (振込): import the bank's statement.") { import };
    }

    private static Command Payments()
    {
        // As GET payments: a treasurer sees the community's, anyone else their own (the CLI refused them all before).
        var list = new Command("list", "Payments, newest first, with dues subscriptions: a treasurer sees every one of the community, anyone else their own.") { CommunityOption, By };
        list.SetAction(parse => RunAsync(parse, treasurerOnly: false, async (services, caller) =>
            Result<object>.Ok(await PaymentBook.ListAsync(services.GetRequiredService<MikoshiDb>(), caller))));
        return new Command("payments", "Payments by card, konbini, subscription and bank transfer.") { list };
    }

    /// <summary>Runs as <c>--by</c> in <c>--community</c>; with <paramref name="treasurerOnly"/>, only a treasurer or an admin.</summary>
    private static async Task<int> RunAsync(ParseResult parse, bool treasurerOnly, Func<IServiceProvider, Caller, Task<Result<object>>> work)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MikoshiDb>();
        var community = await MembershipCommands.FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
        var person = await Commands.FindPersonAsync(services, parse.GetValue(By)!);
        if ((community.Error ?? person.Error) is { } missing)
        {
            return Commands.Print(missing);
        }

        var caller = await services.GetRequiredService<Callers>().InAsync(community.Value, person.Value);
        if (treasurerOnly && !caller.CanKeepTheBooks)
        {
            return Commands.Print(CommonErrors.Forbidden);
        }

        var result = await work(services, caller);
        return result.IsSuccess ? Commands.PrintJson(result.Value) : Commands.Print(result.Error);
    }
}
