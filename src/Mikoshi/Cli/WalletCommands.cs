using System.CommandLine;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Wallets;

namespace Mikoshi.Cli;

/// <summary>`mikoshi wallet list|unlink|owner`: the wallets linked to people by Sign-In with Ethereum, from the command line.</summary>
public static class WalletCommands
{
    private static readonly Option<string> Person = new("--person")
    {
        Required = true,
        Description = "Who: an email, a person id, or one of their linked addresses (a person who signed up with a wallet has no email)",
    };

    public static Command Wallet()
    {
        var list = new Command("list", "A person's linked wallets and custodial key address, and the address their votes are signed as.") { Person };
        list.SetAction(parse => RunAsync(parse, async (services, person) =>
            Result<object>.Ok(await services.GetRequiredService<WalletLinks>().ListAsync(person))));

        var address = new Argument<string>("address") { Description = "The wallet's address, 0x and 40 hex digits" };
        var unlink = new Command("unlink", "Unlink one of the person's wallets (as they would themselves; the votes it signed stay theirs).") { address, Person };
        unlink.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var person = await Commands.FindPersonAsync(scope.ServiceProvider, parse.GetValue(Person)!);
            return person.IsSuccess
                ? Commands.Print(await scope.ServiceProvider.GetRequiredService<WalletLinks>().UnlinkAsync(person.Value, parse.GetValue(address)))
                : Commands.Print(person.Error);
        });

        var owner = new Command("owner", "The person an address acts for (a linked wallet or a custodial key), if any.") { address };
        owner.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var parsed = EthAddress.Parse(parse.GetValue(address));
            if (!parsed.IsSuccess)
            {
                return Commands.Print(parsed.Error);
            }

            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            return await WalletLinks.PersonOfAsync(db, parsed.Value) is { } found
                ? Commands.PrintJson(new { address = parsed.Value.ToString(), personId = found.ToString() })
                : Commands.Print(WalletErrors.WalletNotLinked);
        });

        return new Command("wallet", "Wallets linked by Sign-In with Ethereum: list, unlink, owner.") { list, unlink, owner };
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, PersonId, Task<Result<object>>> work)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var person = await Commands.FindPersonAsync(scope.ServiceProvider, parse.GetValue(Person)!);
        if (!person.IsSuccess)
        {
            return Commands.Print(person.Error);
        }

        var result = await work(scope.ServiceProvider, person.Value);
        return result.IsSuccess ? Commands.PrintJson(result.Value) : Commands.Print(result.Error);
    }
}
