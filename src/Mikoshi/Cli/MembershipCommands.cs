using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Kernel;
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
        mint.SetAction(parse => RunAsync(parse, by, async (services, caller) =>
        {
            var minted = await services.GetRequiredService<MintToken>().HandleAsync(caller, new MintRequest(parse.GetValue(maxPrice)));
            if (minted.IsSuccess)
            {
                // Standard output keeps the JSON; the person reads what was paid and the floor under it.
                var view = minted.Value.Value;
                Terminal.Error.WriteLine(Text(services)["MintedCli", view.Token, Money(view.Price), Money(view.Floor)]);
            }

            return minted;
        }));

        var serial = new Argument<long>("token") { Description = "Token number" };
        var to = new Option<string>("--to") { Required = true, Description = "Email of the recipient" };
        var transfer = new Command("transfer", "Gift or move a token.") { serial, CommunityOption, by, to };
        transfer.SetAction(parse => RunAsync<TokenMoved>(parse, by, async (services, caller) =>
        {
            var recipient = await Commands.FindPersonAsync(services, parse.GetValue(to)!);
            if (!recipient.IsSuccess)
            {
                return recipient.Error;
            }

            var moved = await TokenId.Of(parse.GetValue(serial)).ThenAsync(token => services.GetRequiredService<TransferToken>().TransferAsync(caller, token, new TransferRequest(recipient.Value.ToString())));
            if (moved.IsSuccess)
            {
                Terminal.Error.WriteLine(Text(services)["MovedCli", parse.GetValue(serial), parse.GetValue(to)!]);
                PrintSettled(services, moved.Value.Value.Settled);
            }

            return moved;
        }));

        var redeem = new Command("redeem", "Burn a token for its share of the treasury (free exit).") { serial, CommunityOption, by };
        redeem.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var caller = await CallerAsync(services, parse, by);
            if (!caller.IsSuccess)
            {
                return Commands.Print(caller.Error);
            }

            var redeemed = await TokenId.Of(parse.GetValue(serial)).ThenAsync(token => services.GetRequiredService<RedeemToken>().RedeemAsync(caller.Value, token));
            if (!redeemed.IsSuccess)
            {
                return Commands.Print(redeemed.Error);
            }

            if (redeemed.Value.Pending is { } pending)
            {
                // Chain mode: nothing is paid yet. Standard output keeps the JSON; the person reads this line.
                Terminal.Error.WriteLine(Text(services)["RedeemPendingCli", pending.Value.Token, pending.Value.Holder]);
                return Commands.Print(Result<Committed<RedemptionPendingView>>.Ok(pending));
            }

            var paid = redeemed.Value.Paid!;
            Terminal.Error.WriteLine(Text(services)["RedeemedCli", paid.Value.Token, Join(services, paid.Value.Reclaim)]);
            PrintSettled(services, paid.Value.Settled);
            return Commands.Print(Result<Committed<RedemptionView>>.Ok(paid));
        });

        var show = new Command("show", "A token: owner, lineage, redemption value.") { serial, CommunityOption };
        show.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var community = await FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
            if (!community.IsSuccess)
            {
                return Commands.Print(community.Error);
            }

            var token = await TokenId.Of(parse.GetValue(serial)).ThenAsync(id => ReadTokens.FindAsync(db, community.Value, id, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()));
            return token.IsSuccess ? Commands.PrintJson(token.Value) : Commands.Print(token.Error);
        });
        var price = new Option<string>("--price") { Required = true, Description = "Price in minor units of the base asset" };
        var sell = new Command("sell", "List a token for sale.") { serial, CommunityOption, by, price };
        sell.SetAction(parse => RunAsync(parse, by, (services, caller) =>
            TokenId.Of(parse.GetValue(serial)).ThenAsync(token => services.GetRequiredService<Listings>().ListAsync(caller, token, new ListRequest(parse.GetValue(price))))));

        var listing = new Argument<long>("listing") { Description = "Listing number" };
        var buy = new Command("buy", "Buy a listed token, paid from the person's account.") { listing, CommunityOption, by };
        buy.SetAction(parse => RunAsync(parse, by, (services, caller) =>
            services.GetRequiredService<Listings>().BuyAsync(caller, parse.GetValue(listing))));
        return new Command("token", "Membership tokens: mint, transfer, sell, buy, redeem, show.") { mint, transfer, sell, buy, redeem, show };
    }

    public static Command Succession()
    {
        var by = new Option<string>("--by") { Required = true, Description = "Email of the person acting" };
        var successors = new Option<string[]>("--successor") { Required = true, Description = "Email of a successor, in order (repeat)", AllowMultipleArgumentsPerToken = true };
        var guardians = new Option<string[]>("--guardian") { Description = "Email of a guardian (repeat)", AllowMultipleArgumentsPerToken = true };
        var threshold = new Option<int>("--threshold") { Description = "Guardian confirmations needed" };
        var inactivity = new Option<int>("--inactivity-days") { DefaultValueFactory = _ => 365 };
        var veto = new Option<int>("--veto-days") { DefaultValueFactory = _ => 30 };
        var plan = new Command("plan", "Name successors (in order) and guardians.") { CommunityOption, by, successors, guardians, threshold, inactivity, veto };
        plan.SetAction(parse => RunAsync<SuccessionView>(parse, by, async (services, caller) =>
        {
            var named = new List<SuccessorRequest>();
            var watching = new List<string>();
            foreach (var (emails, into) in new[] { (parse.GetValue(successors) ?? [], 0), (parse.GetValue(guardians) ?? [], 1) })
            {
                foreach (var email in emails)
                {
                    var found = await Commands.FindPersonAsync(services, email);
                    if (!found.IsSuccess)
                    {
                        return found.Error;
                    }

                    if (into == 0)
                    {
                        named.Add(new SuccessorRequest(found.Value.ToString(), 1));
                    }
                    else
                    {
                        watching.Add(found.Value.ToString());
                    }
                }
            }

            return await services.GetRequiredService<Features.Membership.Succession>().SetPlanAsync(caller,
                new SuccessionRequest(named, false, watching, parse.GetValue(threshold), parse.GetValue(inactivity), parse.GetValue(veto)));
        }));

        var execute = new Command("execute", "Hand your tokens to your successors now.") { CommunityOption, by };
        execute.SetAction(parse => RunAsync(parse, by, (services, caller) =>
            services.GetRequiredService<Features.Membership.Succession>().ExecuteAsync(caller)));

        var holder = new Option<string>("--holder") { Required = true, Description = "Email of the holder" };
        var confirm = new Command("confirm", "As a guardian, confirm an inactive holder's succession.") { CommunityOption, by, holder };
        confirm.SetAction(parse => RunAsync<SuccessionView>(parse, by, async (services, caller) =>
        {
            var found = await Commands.FindPersonAsync(services, parse.GetValue(holder)!);
            return found.IsSuccess
                ? await services.GetRequiredService<Features.Membership.Succession>().ConfirmAsync(caller, found.Value.ToString())
                : found.Error;
        }));
        var claim = new Command("claim", "As a successor or guardian, run a confirmed succession after the veto window.") { CommunityOption, by, holder };
        claim.SetAction(parse => RunAsync<InheritedView>(parse, by, async (services, caller) =>
        {
            var found = await Commands.FindPersonAsync(services, parse.GetValue(holder)!);
            return found.IsSuccess
                ? await services.GetRequiredService<Features.Membership.Succession>().ClaimAsync(caller, found.Value.ToString())
                : found.Error;
        }));
        return new Command("succession", "Succession (相続): plan, execute, confirm, claim.") { plan, execute, confirm, claim };
    }

    public static Command Profile()
    {
        var email = new Option<string>("--email") { Required = true };
        var name = new Option<string?>("--name");
        var bio = new Option<string?>("--bio");
        var skills = new Option<string[]>("--skill") { AllowMultipleArgumentsPerToken = true, Description = "得意 (repeat)" };
        var loves = new Option<string[]>("--love") { AllowMultipleArgumentsPerToken = true, Description = "好き (repeat)" };
        var values = new Option<string[]>("--value") { AllowMultipleArgumentsPerToken = true, Description = "Values (repeat)" };
        var command = new Command("profile", "Set a person's profile: name, bio, skills, loves, values.") { email, name, bio, skills, loves, values };
        command.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var person = await Commands.FindPersonAsync(services, parse.GetValue(email)!);
            if (!person.IsSuccess)
            {
                return Commands.Print(person.Error);
            }

            var updated = await Profiles.UpdateAsync(services.GetRequiredService<MikoshiDb>(), services.GetRequiredService<Writer>(), person.Value,
                new ProfileRequest(parse.GetValue(name), parse.GetValue(bio), parse.GetValue(skills), parse.GetValue(loves), parse.GetValue(values)));
            return updated.IsSuccess ? Commands.PrintJson(updated.Value) : Commands.Print(updated.Error);
        });
        return command;
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
                : Commands.Print(community.Error);
        });
        return command;
    }

    /// <summary>Runs a write as the <c>--by</c> person, the caller seen in the community (the use case checks their roles again).</summary>
    private static async Task<int> RunAsync<T>(ParseResult parse, Option<string> by, Func<IServiceProvider, Caller, Task<Result<Committed<T>>>> work)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var caller = await CallerAsync(services, parse, by);
        return caller.IsSuccess ? Commands.Print(await work(services, caller.Value)) : Commands.Print(caller.Error);
    }

    /// <summary>The <c>--by</c> person as a caller in the <c>--community</c> community.</summary>
    private static async Task<Result<Caller>> CallerAsync(IServiceProvider services, ParseResult parse, Option<string> by)
    {
        var community = await FindCommunityAsync(services.GetRequiredService<MikoshiDb>(), parse.GetValue(CommunityOption)!);
        if (!community.IsSuccess)
        {
            return community.Error;
        }

        var person = await Commands.FindPersonAsync(services, parse.GetValue(by)!);
        return person.IsSuccess ? await services.GetRequiredService<Features.Communities.Callers>().InAsync(community.Value, person.Value) : person.Error;
    }

    private static Microsoft.Extensions.Localization.IStringLocalizer<Resources.Ui> Text(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.Ui>>();

    // The one display every page uses (¥15,400 in ja and en); machine formats (JSON, CSV) keep units and asset codes.
    private static string Money(AmountView amount) => Components.Amounts.Display(amount.Asset, amount.Amount);

    private static string Join(IServiceProvider services, IReadOnlyList<AmountView> amounts) =>
        amounts.Count == 0 ? Text(services)["None"] : string.Join(" + ", amounts.Select(Money));

    /// <summary>The holders' share a move settled, and to whom, when it settled any.</summary>
    private static void PrintSettled(IServiceProvider services, SettledShare? share)
    {
        if (Features.Pages.SettledView.Of(share) is not { IsEmpty: false } settled)
        {
            return;
        }

        if (settled.PaidAny.Count > 0)
        {
            Terminal.Error.WriteLine(Text(services)["SettledCli", settled.To, Join(services, settled.PaidAny)]);
        }

        if (settled.KeptAny.Count > 0)
        {
            Terminal.Error.WriteLine(Text(services)["SettledKeptCli", Join(services, settled.KeptAny)]);
        }
    }

    internal static async Task<Result<Community>> FindCommunityAsync(MikoshiDb db, string slug) =>
        await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug) is { } community
            ? community
            : CommunityErrors.CommunityNotFound;
}
