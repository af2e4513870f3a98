using System.CommandLine;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Books;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Secrets;
using Mikoshi.Features.Tax;

namespace Mikoshi.Cli;

/// <summary>`mikoshi tax …` and `mikoshi books …`: withholding, annual reports, invoice numbers and the accounting export (issue #21).</summary>
public static class TaxCommands
{
    private static readonly Option<string> CommunityOption = new("--community") { Required = true, Description = "Community slug" };
    private static readonly Option<string> By = new("--by") { Required = true, Description = "Email of the person acting" };

    public static Command Tax()
    {
        var month = new Option<string?>("--month") { Description = "A month, 2026-11" };
        var half = new Option<string?>("--half") { Description = "A 納期の特例 half year, 2026-H1 or 2026-H2" };
        var due = new Command("withholding-due", "What a month (or half year) owes the tax office: withheld, paid, outstanding, due date.") { CommunityOption, month, half };
        due.SetAction(parse => ReadAsync(parse, async (_, db, community) =>
        {
            var result = await TaxReports.DueAsync(db, community.Id, parse.GetValue(month) ?? parse.GetValue(half));
            return result.IsSuccess ? result.Value : result.Error;
        }));

        var period = new Option<string>("--period") { Required = true, Description = "2026-11 or 2026-H2" };
        var pay = new Command("pay-withholding", "Record that a period's outstanding withholding was paid to the tax office.") { CommunityOption, By, period };
        pay.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<TaxReports>().PayAsync(caller, new WithholdingPaymentRequest(parse.GetValue(period)))));

        var year = new Option<int?>("--year") { Description = "Calendar year (default this year)" };
        var format = new Option<string>("--format") { Description = "csv (default) or json", DefaultValueFactory = _ => "csv" };
        var annual = new Command("annual", "The year's 支払調書 data per payee and kind, with totals: CSV (UTF-8 with BOM) on standard output.") { CommunityOption, year, format };
        annual.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var community = await MembershipCommands.FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
            if (!community.IsSuccess)
            {
                return Commands.Print(community.Error);
            }

            var report = await TaxReports.AnnualAsync(db, scope.ServiceProvider.GetRequiredService<SecretBox>(), community.Value, parse.GetValue(year), TimeProvider.System.GetUtcNow());
            if (!report.IsSuccess)
            {
                return Commands.Print(report.Error);
            }

            if (parse.GetValue(format) == "json")
            {
                return Commands.PrintJson(report.Value);
            }

            Terminal.Output.Write(TaxReports.AnnualCsv(report.Value));
            return 0;
        });

        var notice = new Command("notice", "A person's own 支払通知 for a year.") { CommunityOption, By, year };
        notice.SetAction(parse => ReadAsync(parse, async (services, db, community) =>
        {
            var person = await Commands.FindPersonAsync(services, parse.GetValue(By)!);
            if (!person.IsSuccess)
            {
                return person.Error;
            }

            var result = await TaxReports.NoticeAsync(db, community, person.Value, parse.GetValue(year), TimeProvider.System.GetUtcNow());
            return result.IsSuccess ? result.Value : result.Error;
        }));

        var status = new Option<string>("--status") { Required = true, Description = "individual or company" };
        var legalName = new Option<string?>("--legal-name");
        var address = new Option<string?>("--address");
        var invoice = new Option<string?>("--invoice-number") { Description = "T + 13 digits" };
        var profile = new Command("profile", "Set a person's tax profile (never a My Number).") { By, status, legalName, address, invoice };
        profile.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var person = await Commands.FindPersonAsync(scope.ServiceProvider, parse.GetValue(By)!);
            return person.IsSuccess
                ? Commands.Print(await scope.ServiceProvider.GetRequiredService<TaxSettings>().SetProfileAsync(person.Value,
                    new TaxProfileRequest(parse.GetValue(status), parse.GetValue(legalName), parse.GetValue(address), parse.GetValue(invoice))))
                : Commands.Print(person.Error);
        });

        var require = new Option<bool>("--require-status") { Description = "Payees must state individual or company before a batch pays them" };
        var defaultKind = new Option<string?>("--default-kind") { Description = "The payout kind of payees with none of their own (default none)" };
        var halfYearly = new Option<bool>("--half-yearly") { Description = "The tax office approved 納期の特例" };
        var settings = new Command("settings", "An admin sets the community's tax settings.") { CommunityOption, By, require, invoice, defaultKind, halfYearly };
        settings.SetAction(parse => RunAsync(parse, (services, caller) =>
            services.GetRequiredService<TaxSettings>().SetCommunityAsync(caller,
                new CommunityTaxRequest(parse.GetValue(require), parse.GetValue(invoice), parse.GetValue(defaultKind), parse.GetValue(halfYearly)))));

        var payee = new Option<string>("--person") { Required = true, Description = "Email of the payee" };
        var kindOption = new Option<string>("--kind") { Required = true, Description = "A payout kind: " + string.Join(", ", Domain.Tax.WithholdingKind.All.Select(k => k.Code)) };
        var kind = new Command("kind", "A treasurer sets what the community pays a person for.") { CommunityOption, By, payee, kindOption };
        kind.SetAction(parse => RunAsync(parse, async (services, caller) =>
        {
            var target = await Commands.FindPersonAsync(services, parse.GetValue(payee)!);
            return target.IsSuccess
                ? await services.GetRequiredService<TaxSettings>().SetPayeeKindAsync(caller, target.Value.ToString(), new PayeeKindRequest(parse.GetValue(kindOption)))
                : target.Error;
        }));

        return new Command("tax", "Japan tax: withholding due and paid, the annual 支払調書 data, notices, profiles, settings, payout kinds.") { due, pay, annual, notice, profile, settings, kind };
    }

    public static Command Books()
    {
        var from = new Option<DateOnly?>("--from") { Description = "First day (in Japan)" };
        var to = new Option<DateOnly?>("--to") { Description = "Last day (in Japan)" };
        var export = new Command("export", "The yen journal as a 仕訳帳 CSV in the マネーフォワード クラウド会計 import layout, on standard output.") { CommunityOption, from, to };
        export.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var community = await MembershipCommands.FindCommunityAsync(db, parse.GetValue(CommunityOption)!);
            if (!community.IsSuccess)
            {
                return Commands.Print(community.Error);
            }

            var csv = await BooksExport.CsvAsync(db, community.Value.Id, parse.GetValue(from), parse.GetValue(to));
            if (!csv.IsSuccess)
            {
                return Commands.Print(csv.Error);
            }

            Terminal.Output.Write(csv.Value);
            return 0;
        });

        var set = new Option<string[]>("--set") { Description = "key=name (repeat), e.g. treasury=普通預金", AllowMultipleArgumentsPerToken = true };
        var accounts = new Command("accounts", "Show the export's account names; with --by and --set, an admin renames them.") { CommunityOption, set, new Option<string?>("--by") };
        accounts.SetAction(async parse =>
        {
            var pairs = parse.GetValue(set) ?? [];
            if (pairs.Length == 0)
            {
                return await ReadAsync(parse, async (_, db, community) => await BooksExport.AccountsAsync(db, community.Id));
            }

            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in pairs)
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0)
                {
                    return Commands.Print(BookErrors.InvalidBookAccountName);
                }

                names[pair[..at]] = pair[(at + 1)..];
            }

            // The use case checks the admin role itself, under the writer's lock.
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var community = await MembershipCommands.FindCommunityAsync(services.GetRequiredService<MikoshiDb>(), parse.GetValue(CommunityOption)!);
            var person = parse.GetValue<string?>("--by") is { Length: > 0 } by ? await Commands.FindPersonAsync(services, by) : CommonErrors.Forbidden;
            if ((community.Error ?? person.Error) is { } missing)
            {
                return Commands.Print(missing);
            }

            var admin = await services.GetRequiredService<Callers>().InAsync(community.Value, person.Value);
            return Commands.Print(await services.GetRequiredService<BooksExport>().SetAccountsAsync(admin, new BookAccountsRequest(names)));
        });

        return new Command("books", "The accounting export: the journal as a 仕訳帳 CSV, and its account names.") { export, accounts };
    }

    /// <summary>Runs a write as <c>--by</c> in <c>--community</c>; the use case checks, under its lock, what the caller may do.</summary>
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
}
