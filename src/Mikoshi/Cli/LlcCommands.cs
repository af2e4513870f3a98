using System.CommandLine;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Membership;

namespace Mikoshi.Cli;

/// <summary>`mikoshi llc set|approve|members|articles`: the LLC-type DAO mode (合同会社型DAO) from the command line.</summary>
public static class LlcCommands
{
    private static readonly Option<string> CommunityOption = new("--community") { Required = true, Description = "Community slug" };
    private static readonly Option<string> By = new("--by") { Required = true, Description = "Email of the person acting" };

    public static Command Llc()
    {
        var enabled = new Option<bool?>("--enabled") { Description = "Turn the LLC-type DAO mode on (true) or off (false)" };
        var inheritance = new Option<bool?>("--inheritance") { Description = "The articles provide that heirs succeed (定款に相続の定めあり, 会社法608条)" };
        var set = new Command("set", "An admin turns the LLC-type DAO mode on or off.") { CommunityOption, By, enabled, inheritance };
        set.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<LlcDao>().ChangeAsync(caller, new LlcSettingsRequest(parse.GetValue(enabled), parse.GetValue(inheritance)))));

        var who = new Argument<string>("person") { Description = "Email of the person to approve" };
        var role = new Option<string>("--role") { Description = "executive (業務執行社員) or non_executive (非業務執行社員)", DefaultValueFactory = _ => "non_executive" };
        var approve = new Command("approve", "An executive member approves a person into the member register (transfer consent).") { who, CommunityOption, By, role };
        approve.SetAction(parse => RunAsync<LlcMemberView>(parse, async (services, caller) =>
        {
            var approved = await Commands.FindPersonAsync(services, parse.GetValue(who)!);
            return approved.IsSuccess
                ? await services.GetRequiredService<LlcDao>().ApproveAsync(caller, approved.Value.ToString(), new LlcMemberRequest(parse.GetValue(role)))
                : approved.Error;
        }));

        var format = new Option<string>("--format") { Description = "json or csv", DefaultValueFactory = _ => "json" };
        var members = new Command("members", "The member register (社員名簿).") { CommunityOption, format };
        members.SetAction(parse => ReadAsync(parse, async (db, community) =>
        {
            var register = await LlcDao.MembersAsync(db, community);
            if (parse.GetValue(format) == "csv")
            {
                Terminal.Output.Write(LlcDao.Csv(community, register));
                return 0;
            }

            return Commands.PrintJson(new LlcRegisterView(LlcSettingsView.Of(community), register));
        }));

        var lang = new Option<string?>("--lang") { Description = "ja (default) or en" };
        var articles = new Command("articles", "A DRAFT of the articles clauses (定款の条項案) for a 司法書士 or 弁護士 to review.") { CommunityOption, lang };
        articles.SetAction(parse => ReadAsync(parse, (_, community) =>
        {
            Terminal.Output.Write(LlcDao.Articles(community, PdfDocuments.Language(parse.GetValue(lang))));
            return Task.FromResult(0);
        }));

        return new Command("llc", "The LLC-type DAO mode (合同会社型DAO): set, approve, members, articles.") { set, approve, members, articles };
    }

    private static async Task<int> RunAsync<T>(ParseResult parse, Func<IServiceProvider, Caller, Task<Result<Committed<T>>>> work)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var community = await MembershipCommands.FindCommunityAsync(services.GetRequiredService<MikoshiDb>(), parse.GetValue(CommunityOption)!);
        var person = await Commands.FindPersonAsync(services, parse.GetValue(By)!);
        if ((community.Error ?? person.Error) is { } missing)
        {
            return Commands.Print(missing);
        }

        return Commands.Print(await work(services, await services.GetRequiredService<Callers>().InAsync(community.Value, person.Value)));
    }

    private static async Task<int> ReadAsync(ParseResult parse, Func<MikoshiDb, Community, Task<int>> read)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await MembershipCommands.FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
        return community.IsSuccess ? await read(db, community.Value) : Commands.Print(community.Error);
    }
}
