using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Membership;
using Mikoshi.Features.People;

namespace Mikoshi.Cli;

/// <summary>`mikoshi token …` and `mikoshi members`: the membership use cases from the command line.</summary>
public static class MembershipCommands
{
    private static readonly Option<string> CommunityOption = new("--community") { Required = true, Description = "Community slug" };

    public static Command Token()
    {
        var by = new Option<string>("--by") { Required = true, Description = "Email of the person acting" };
        var maxPrice = new Option<string?>("--max-price") { Description = "Refuse if the price is above this (minor units)" };
        var mint = new Command("mint", "Mint a membership token at the current price, paid from the person's account.") { CommunityOption, by, maxPrice };
        mint.SetAction(parse => RunAsync(parse, by, (services, community, person) =>
            services.GetRequiredService<MintToken>().HandleAsync(person, community, new MintRequest(parse.GetValue(maxPrice)))));

        var serial = new Argument<long>("token") { Description = "Token number" };
        var to = new Option<string>("--to") { Required = true, Description = "Email of the recipient" };
        var transfer = new Command("transfer", "Gift or move a token.") { serial, CommunityOption, by, to };
        transfer.SetAction(parse => RunAsync(parse, by, async (services, community, person) =>
        {
            var recipient = await Commands.FindPersonAsync(services, parse.GetValue(to)!);
            return recipient.IsSuccess
                ? await services.GetRequiredService<TransferToken>().TransferAsync(person, community, parse.GetValue(serial), new TransferRequest(recipient.Value.ToString()))
                : recipient.Error!;
        }));

        var redeem = new Command("redeem", "Burn a token for its share of the treasury (free exit).") { serial, CommunityOption, by };
        redeem.SetAction(parse => RunAsync(parse, by, (services, community, person) =>
            services.GetRequiredService<RedeemToken>().RedeemAsync(person, community, parse.GetValue(serial))));

        var show = new Command("show", "A token: owner, lineage, redemption value.") { serial, CommunityOption };
        show.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var community = await FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
            if (!community.IsSuccess)
            {
                return Commands.Print(community.Error!);
            }

            var token = await ReadTokens.FindAsync(db, community.Value, parse.GetValue(serial));
            return token.IsSuccess ? Commands.PrintJson(token.Value) : Commands.Print(token.Error!);
        });
        return new Command("token", "Membership tokens: mint, transfer, redeem, show.") { mint, transfer, redeem, show };
    }

    public static Command Members()
    {
        var skill = new Option<string?>("--skill");
        var value = new Option<string?>("--value");
        var command = new Command("members", "The member directory of a community, filterable by skill and value.") { CommunityOption, skill, value };
        command.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var community = await FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
            return community.IsSuccess
                ? Commands.PrintJson(await Profiles.MembersAsync(db, community.Value, parse.GetValue(skill), parse.GetValue(value), null))
                : Commands.Print(community.Error!);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string> by, Func<IServiceProvider, Community, PersonId, Task<Result<Written>>> work)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var community = await FindCommunityAsync(services.GetRequiredService<MikoshiDb>(), parse.GetValue(CommunityOption)!);
        if (!community.IsSuccess)
        {
            return Commands.Print(community.Error!);
        }

        var person = await Commands.FindPersonAsync(services, parse.GetValue(by)!);
        return person.IsSuccess ? Commands.Print(await work(services, community.Value, person.Value)) : Commands.Print(person.Error!);
    }

    internal static async Task<Result<Community>> FindCommunityAsync(MikoshiDb db, string slug) =>
        await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug) is { } community
            ? community
            : Error.Of("community_not_found", $"There is no community '{slug}'.");
}
