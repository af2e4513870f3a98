using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Projects;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Domain.Revenue;
using Mikoshi.Features.Revenue;

namespace Mikoshi.Cli;

/// <summary>`mikoshi split|grant|revenue|earnings|claim|bank-account|payout|statement|revenue-policy`: the revenue use cases from the command line.</summary>
public static class RevenueCommands
{
    private static readonly Option<string> CommunityOption = new("--community") { Required = true, Description = "Community slug" };
    private static readonly Option<string> By = new("--by") { Required = true, Description = "Email of the person acting" };
    private static readonly Option<long> ProjectOption = new("--project") { Required = true, Description = "Project number" };

    public static IEnumerable<Command> All() => [Split(), Grant(), Revenue(), Earnings(), Claim(), BankAccount(), Payout(), Statement(), Policy()];

    private static Command Split()
    {
        var weights = new Option<string[]>("--party") { Description = "A team member and weight, email=weight (repeat)", AllowMultipleArgumentsPerToken = true };
        var fixedShares = new Option<string[]>("--fixed") { Description = "An outside party and fixed share, email=basis-points (repeat)", AllowMultipleArgumentsPerToken = true };
        var fromContributions = new Option<bool>("--from-contributions") { Description = "Weights from acknowledged contributions" };
        var propose = new Command("propose", "A lead proposes a new version of the split; in force once every party accepts.") { CommunityOption, By, ProjectOption, weights, fixedShares, fromContributions };
        propose.SetAction(parse => RunAsync(parse, async (services, caller) =>
        {
            var parties = new List<PartyRequest>();
            foreach (var (pairs, isFixed) in new[] { (parse.GetValue(weights) ?? [], false), (parse.GetValue(fixedShares) ?? [], true) })
            {
                foreach (var pair in pairs)
                {
                    var at = pair.LastIndexOf('=');
                    var party = at > 0 ? await Commands.FindPersonAsync(services, pair[..at]) : RevenueErrors.InvalidSplit;
                    if (!party.IsSuccess || !long.TryParse(pair[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        return party.Error ?? RevenueErrors.InvalidSplit;
                    }

                    parties.Add(isFixed ? new PartyRequest(party.Value.ToString(), null, (int)Math.Min(number, int.MaxValue)) : new PartyRequest(party.Value.ToString(), number, null));
                }
            }

            var basis = parse.GetValue(fromContributions) ? "contributions" : "manual";
            return await ProjectNumber.Of(parse.GetValue(ProjectOption)).ThenAsync(number => services.GetRequiredService<Agreements>().ProposeAsync(caller, number, new AgreementRequest(parties, basis)));
        }));

        var version = new Argument<int>("version") { Description = "Agreement version" };
        var accept = new Command("accept", "A named party accepts a proposed version.") { version, CommunityOption, By, ProjectOption };
        accept.SetAction(parse => RunAsync(parse, (services, caller) =>
            ProjectNumber.Of(parse.GetValue(ProjectOption)).ThenAsync(number => services.GetRequiredService<Agreements>().AcceptAsync(caller, number, parse.GetValue(version)))));

        var show = new Command("show", "Every version of a project's split, and the preview from contributions.") { CommunityOption, ProjectOption };
        show.SetAction(parse => ReadAsync(parse, async (db, community) => ProjectNumber.Of(parse.GetValue(ProjectOption)) is { IsSuccess: true } number
            ? (object)new
            {
                versions = await Agreements.ViewsAsync(db, community.Id, number.Value),
                preview = await Agreements.PreviewAsync(db, community.Id, number.Value),
            }
            : ProjectErrors.ProjectNotFound));
        return new Command("split", "A project's split agreement: propose, accept, show.") { propose, accept, show };
    }

    private static Command Grant()
    {
        var asset = new Option<string>("--asset") { Required = true };
        var amount = new Option<string>("--amount") { Required = true, Description = "Minor units" };
        var rate = new Option<int>("--recoup-bps") { Description = "Share of each revenue event returned to the treasury until the grant is recovered" };
        var command = new Command("grant", "An admin grants treasury money (原資) to a project.") { CommunityOption, By, ProjectOption, asset, amount, rate };
        command.SetAction(parse => RunAsync(parse, (services, caller) =>
            ProjectNumber.Of(parse.GetValue(ProjectOption)).ThenAsync(number => services.GetRequiredService<RecordRevenue>().GrantAsync(caller, number,
                new GrantRequest(parse.GetValue(asset), parse.GetValue(amount), parse.GetValue(rate))))));
        return command;
    }

    private static Command Revenue()
    {
        var asset = new Option<string>("--asset") { Required = true };
        var amount = new Option<string>("--amount") { Required = true, Description = "Minor units" };
        var source = new Option<string>("--source") { Required = true, Description = "Where it came from" };
        var occurred = new Option<DateTimeOffset?>("--occurred-at") { Description = "When it arrived (default now)" };
        var key = new Option<string>("--idempotency-key") { Required = true, Description = "Run twice with the same key: recorded once" };
        var record = new Command("record", "A treasurer records a project's revenue; prints where every unit went.") { CommunityOption, By, ProjectOption, asset, amount, source, occurred, key };
        record.SetAction(parse => RunAsync(parse, (services, caller) =>
        {
            var request = new RevenueRequest(parse.GetValue(asset), parse.GetValue(amount), parse.GetValue(source), parse.GetValue(occurred));
            var idempotency = new IdempotencyKey(parse.GetValue(key)!, $"POST revenue {caller.RequireCommunity().Slug} {parse.GetValue(ProjectOption)}\n{JsonSerializer.Serialize(request)}");
            return ProjectNumber.Of(parse.GetValue(ProjectOption)).ThenAsync(number => services.GetRequiredService<RecordRevenue>().RecordAsync(caller, number, request, idempotency));
        }));
        var show = new Command("show", "A project's money: reserve, funding, grants, revenue and where it went.") { CommunityOption, ProjectOption };
        show.SetAction(parse => ReadAsync(parse, async (db, community) => ProjectNumber.Of(parse.GetValue(ProjectOption)) is { IsSuccess: true } number
            ? (object)await RecordRevenue.MoneyAsync(db, community.Id, number.Value)
            : ProjectErrors.ProjectNotFound));
        return new Command("revenue", "Project revenue: record, show.") { record, show };
    }

    private static Command Earnings()
    {
        var command = new Command("earnings", "What a person can claim in each asset.") { CommunityOption, By };
        command.SetAction(parse => ReadAsync(parse, async (db, community, person) => await Features.Revenue.Earnings.ViewAsync(db, community, person)));
        return command;
    }

    private static Command Claim()
    {
        var asset = new Option<string>("--asset") { Required = true };
        var command = new Command("claim", "Claim everything claimable in an asset for the next payout batch.") { CommunityOption, By, asset };
        command.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<Features.Revenue.Earnings>().ClaimAsync(caller, new ClaimRequest(parse.GetValue(asset)), null)));
        return command;
    }

    private static Command BankAccount()
    {
        var by = new Option<string>("--by") { Required = true, Description = "Email of the account's owner" };
        var (bank, bankName, branch, branchName, type, number) = AccountOptions();
        var holder = new Option<string>("--holder") { Required = true, Description = "Account holder, katakana" };
        var command = new Command("bank-account", "Set the bank account yen payouts go to.") { by, bank, bankName, branch, branchName, type, number, holder };
        command.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var person = await Commands.FindPersonAsync(scope.ServiceProvider, parse.GetValue(by)!);
            return person.IsSuccess
                ? Commands.Print(await scope.ServiceProvider.GetRequiredService<Payouts>().SetBankAccountAsync(person.Value, new BankAccountRequest(
                    parse.GetValue(bank), parse.GetValue(bankName), parse.GetValue(branch), parse.GetValue(branchName), parse.GetValue(type), parse.GetValue(number), parse.GetValue(holder))))
                : Commands.Print(person.Error);
        });
        return command;
    }

    private static Command Payout()
    {
        var (bank, bankName, branch, branchName, type, number) = AccountOptions();
        var senderCode = new Option<string>("--sender-code") { Required = true, Description = "The 10-digit code the bank gave the community" };
        var senderName = new Option<string>("--sender-name") { Required = true, Description = "The community's name at the bank, katakana" };
        var sender = new Command("sender", "An admin sets the community's paying account for Zengin files.") { CommunityOption, By, senderCode, senderName, bank, bankName, branch, branchName, type, number };
        sender.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<Payouts>().SetSenderAsync(caller, new PayoutSenderRequest(parse.GetValue(senderCode), parse.GetValue(senderName),
                parse.GetValue(bank), parse.GetValue(bankName), parse.GetValue(branch), parse.GetValue(branchName), parse.GetValue(type), parse.GetValue(number)))));

        var asset = new Option<string>("--asset") { Required = true };
        var date = new Option<DateOnly?>("--date") { Description = "Transfer date (default today)" };
        var create = new Command("create", "Gather every pending claim in an asset into a batch.") { CommunityOption, By, asset, date };
        create.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<Payouts>().CreateBatchAsync(caller, new BatchRequest(parse.GetValue(asset), parse.GetValue(date)))));

        var batch = new Argument<long>("batch") { Description = "Batch number" };
        var confirm = new Command("confirm", "Confirm the bank paid the batch.") { batch, CommunityOption, By };
        confirm.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<Payouts>().ConfirmAsync(caller, parse.GetValue(batch))));

        var format = new Option<string>("--format") { Description = "csv, zengin or pdf", DefaultValueFactory = _ => "csv" };
        var output = new Option<FileInfo>("--out") { Required = true, Description = "File to write" };
        var lang = new Option<string?>("--lang") { Description = "PDF labels: ja (default) or en" };
        var export = new Command("export", "Write a batch as CSV, as a PDF summary, or for yen as a Zengin 総合振込 file.") { batch, CommunityOption, format, output, lang };
        export.SetAction(parse => ReadAsync(parse, async (services, db, community) =>
        {
            var exported = await Payouts.ExportAsync(db, services.GetRequiredService<Features.Secrets.SecretBox>(), community, parse.GetValue(batch), parse.GetValue(format),
                TimeProvider.System.GetUtcNow(), parse.GetValue(lang));
            if (!exported.IsSuccess)
            {
                return exported.Error;
            }

            var file = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(file.FullName, exported.Value.Bytes);
            return parse.GetValue(format) is "zengin" or "pdf"
                ? new { batch = parse.GetValue(batch), file = file.FullName, bytes = exported.Value.Bytes.Length }
                : (object)new { batch = parse.GetValue(batch), file = file.FullName, lines = exported.Value.People };
        }));
        var list = new Command("list", "Payout batches, newest first.") { CommunityOption };
        list.SetAction(parse => ReadAsync(parse, async (db, community) => await Payouts.ListAsync(db, community.Id)));
        return new Command("payout", "Payout batches: sender, create, export, confirm, list.") { sender, create, export, confirm, list };
    }

    private static Command Statement()
    {
        var from = new Option<DateOnly?>("--from");
        var to = new Option<DateOnly?>("--to");
        var asset = new Option<string?>("--asset");
        var format = new Option<string>("--format") { Description = "json, csv or pdf", DefaultValueFactory = _ => "json" };
        var output = new Option<FileInfo?>("--out") { Description = "File to write (needed for pdf)" };
        var lang = new Option<string?>("--lang") { Description = "PDF labels: ja (default) or en" };
        var command = new Command("statement", "A person's statement for a period (a whole month or year makes a monthly or yearly statement).") { CommunityOption, By, from, to, asset, format, output, lang };
        command.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var community = await MembershipCommands.FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
            var person = await Commands.FindPersonAsync(scope.ServiceProvider, parse.GetValue(By)!);
            if ((community.Error ?? person.Error) is { } missing)
            {
                return Commands.Print(missing);
            }

            var statement = await Features.Revenue.Earnings.StatementAsync(db, community.Value, person.Value, parse.GetValue(from), parse.GetValue(to), parse.GetValue(asset), TimeProvider.System.GetUtcNow(), Features.Revenue.Earnings.DaysOf(community.Value));
            if (!statement.IsSuccess)
            {
                return Commands.Print(statement.Error);
            }

            if (parse.GetValue(format) == "csv")
            {
                Terminal.Output.Write(Features.Revenue.Earnings.Csv(statement.Value));
                return 0;
            }

            if (parse.GetValue(format) == "pdf")
            {
                if (parse.GetValue(output) is not { } file)
                {
                    return Commands.Print(CliErrors.OutputRequired);
                }

                var pdf = await Features.Revenue.Earnings.PdfAsync(db, statement.Value, community.Value, TimeProvider.System.GetUtcNow(), parse.GetValue(lang));
                await File.WriteAllBytesAsync(file.FullName, pdf);
                return Commands.PrintJson(new { file = file.FullName, bytes = pdf.Length, lines = statement.Value.Lines.Count });
            }

            return Commands.PrintJson(statement.Value);
        });
        return command;
    }

    private static Command Policy()
    {
        var treasury = new Option<int?>("--treasury-bps");
        var holders = new Option<int?>("--holder-bps");
        var reserve = new Option<int?>("--reserve-bps");
        var route = new Option<bool?>("--holder-share-to-treasury");
        var cap = new Option<bool?>("--cap-at-paid-in") { Description = "Japan LLC-DAO mode" };
        var command = new Command("revenue-policy", "An admin changes how project revenue is shared.") { CommunityOption, By, treasury, holders, reserve, route, cap };
        command.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<RevenueSettings>().ChangeAsync(caller, new RevenuePolicyRequest(
                parse.GetValue(treasury), parse.GetValue(holders), parse.GetValue(reserve), parse.GetValue(route), parse.GetValue(cap)))));
        return command;
    }

    private static (Option<string> Bank, Option<string> BankName, Option<string> Branch, Option<string> BranchName, Option<int> Type, Option<string> Number) AccountOptions() =>
        (new Option<string>("--bank-code") { Required = true, Description = "4 digits" },
         new Option<string>("--bank-name") { Required = true, Description = "Katakana" },
         new Option<string>("--branch-code") { Required = true, Description = "3 digits" },
         new Option<string>("--branch-name") { Required = true, Description = "Katakana" },
         new Option<int>("--account-type") { Description = "1 普通, 2 当座, 4 貯蓄, 9 その他", DefaultValueFactory = _ => 1 },
         new Option<string>("--account-number") { Required = true, Description = "7 digits" });

    /// <summary>Runs a write as <c>--by</c> in <c>--community</c>; the use case checks, under its lock, what the caller may do.</summary>
    private static async Task<int> RunAsync<T>(ParseResult parse, Func<IServiceProvider, Caller, Task<Result<Committed<T>>>> work)
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
        return Commands.Print(await work(services, caller));
    }

    private static Task<int> ReadAsync(ParseResult parse, Func<MikoshiDb, Community, Task<object>> read) =>
        ReadAsync(parse, (_, db, community) => read(db, community));

    private static async Task<int> ReadAsync(ParseResult parse, Func<IServiceProvider, MikoshiDb, Community, Task<object>> read)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await MembershipCommands.FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
        if (!community.IsSuccess)
        {
            return Commands.Print(community.Error);
        }

        var value = await read(scope.ServiceProvider, db, community.Value);
        return value is Error error ? Commands.Print(error) : Commands.PrintJson(value);
    }

    private static async Task<int> ReadAsync(ParseResult parse, Func<MikoshiDb, Community, PersonId, Task<object>> read)
    {
        await using var app = await Commands.OpenAsync(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var person = await Commands.FindPersonAsync(scope.ServiceProvider, parse.GetValue(By)!);
        return person.IsSuccess ? await ReadAsync(parse, (d, c) => read(d, c, person.Value)) : Commands.Print(person.Error);
    }
}
