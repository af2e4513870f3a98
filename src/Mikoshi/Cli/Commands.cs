using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Identity;
using Mikoshi.Features.Auth;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Ledger;
using Mikoshi.Resources;

namespace Mikoshi.Cli;

/// <summary>
/// The verbs of the `mikoshi` executable. Each runs the same use case the HTTP API runs, against
/// the store chosen by --provider and --db (or Mikoshi__Provider and Mikoshi__Db in the environment).
/// </summary>
public static class Commands
{
    private static readonly Option<string?> Provider = new("--provider")
    {
        Description = "sqlite (default) or postgres",
        Recursive = true,
    };

    private static readonly Option<string?> Db = new("--db")
    {
        Description = "Connection string; default: Data Source=data/mikoshi.db (SQLite)",
        Recursive = true,
    };

    private static readonly JsonSerializerOptions Indented = new(Writer.Json) { WriteIndented = true };

    private static readonly Option<string?> Urls = new("--urls")
    {
        Description = "Where to listen (serve); default http://127.0.0.1:5080",
        Recursive = true,
    };

    private static readonly Option<string?> ChainRpc = new("--chain-rpc")
    {
        Description = "Chain mode: the EVM node's JSON-RPC URL (or Mikoshi:Chain:RpcUrl); the operator key comes from Mikoshi__Chain__OperatorKey",
        Recursive = true,
    };

    public static Task<int> RunAsync(string[] args) => RunAsync(args, null, null);

    /// <summary>
    /// Runs one command line; with writers given, everything it prints (help and parse errors included) goes
    /// to them instead of the process's standard streams.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output, TextWriter? error)
    {
        if (output is not null && error is not null)
        {
            Terminal.RedirectTo(output, error);
        }

        var root = Root();
        var invocation = Terminal.IsRedirected ? new InvocationConfiguration { Output = Terminal.Output, Error = Terminal.Error } : null;
        return await root.Parse(args).InvokeAsync(invocation);
    }

    /// <summary>The whole command tree: every verb the executable knows (the walks read it to leave none out).</summary>
    internal static RootCommand Root()
    {
        var serve = Serve();
        var root = new RootCommand("Mikoshi (神輿): a community that runs as a DAO for co-creation. With no verb, serves.")
        {
            // Hosts such as WebApplicationFactory start the entry point with host settings: pass them on.
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(Provider);
        root.Options.Add(Db);
        root.Options.Add(Urls);
        root.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
            {
                Terminal.Error.WriteLine($"'{unknown}' is not a mikoshi verb; see mikoshi --help.");
                return 1;
            }

            return await ServeAsync(HostSettings(parse), cancellationToken);
        });
        root.Subcommands.Add(serve);
        root.Subcommands.Add(Migrate());
        root.Subcommands.Add(Demo.Command());
        root.Subcommands.Add(Verify());
        root.Subcommands.Add(PersonCommands());
        root.Subcommands.Add(CommunityCommands());
        root.Subcommands.Add(DepositCommand());
        root.Subcommands.Add(LedgerCommand());
        root.Subcommands.Add(AuditCommand());
        root.Subcommands.Add(MembershipCommands.Token());
        root.Subcommands.Add(MembershipCommands.Members());
        root.Subcommands.Add(MembershipCommands.Succession());
        root.Subcommands.Add(MembershipCommands.Profile());
        root.Subcommands.Add(LlcCommands.Llc());
        root.Subcommands.Add(ProjectCommands.Project());
        root.Subcommands.Add(ProjectCommands.Contribution());
        root.Subcommands.Add(ProjectCommands.Thanks());
        root.Subcommands.Add(MatchingCommands.Suggest());
        root.Subcommands.Add(TaxCommands.Tax());
        root.Subcommands.Add(TaxCommands.Books());
        foreach (var command in RevenueCommands.All().Concat(GovernanceCommands.All()).Concat(PaymentCommands.All()))
        {
            root.Subcommands.Add(command);
        }

        root.Options.Add(ChainRpc);
        root.Subcommands.Add(ChainCommands.Chain());
        root.Subcommands.Add(WalletCommands.Wallet());
        root.Subcommands.Add(NotificationCommands.Notifications());
        root.Subcommands.Add(NotificationCommands.Channel());
        return root;
    }

    /// <summary>The store flags as host settings, plus anything the parser did not recognise.</summary>
    private static string[] HostSettings(ParseResult parse)
    {
        var settings = new List<string>(parse.UnmatchedTokens);
        if (parse.GetValue(Provider) is { } provider)
        {
            settings.Add($"--Mikoshi:Provider={provider}");
        }

        if (parse.GetValue(Db) is { } db)
        {
            settings.Add($"--Mikoshi:Db={db}");
        }

        if (parse.GetValue(Urls) is { } urls)
        {
            settings.Add($"--urls={urls}");
        }

        if (parse.GetValue(ChainRpc) is { } rpc)
        {
            settings.Add($"--Mikoshi:Chain:RpcUrl={rpc}");
        }

        return [.. settings];
    }

    /// <summary>The app with the store the flags chose, its schema up to date, not yet listening.</summary>
    internal static async Task<WebApplication> OpenAsync(ParseResult parse)
    {
        var app = MikoshiApp.Build(HostSettings(parse), builder =>
        {
            // Standard output carries the verb's result (JSON, CSV, JSON Lines): logs go to standard error.
            builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        await MigrateAsync(app);
        return app;
    }

    private static async Task MigrateAsync(WebApplication app)
    {
        // Private files before SQLite creates any; plaintext secrets of an older version sealed once the schema is current.
        var secrets = app.Services.GetRequiredService<Features.Secrets.SecretsAtRest>();
        secrets.GuardFiles();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        await db.MigrateAsync();
        await secrets.SealPlaintextAsync(db);
    }

    private static async Task<int> ServeAsync(string[] settings, CancellationToken cancellationToken)
    {
        var app = MikoshiApp.Build(settings);
        await MigrateAsync(app);
        if (app.Urls.Count == 0 && string.IsNullOrEmpty(app.Configuration["urls"]))
        {
            app.Urls.Add("http://127.0.0.1:5080");
        }

        bool empty;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            empty = !await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Communities.AnyAsync(cancellationToken);
        }

        // Nothing opens a browser: say where to point one, and on an empty database what to do first (issue #20).
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? app.Urls;
            Terminal.Output.WriteLine($"Mikoshi is listening on {string.Join(", ", urls)} — open it in a browser; Ctrl+C stops it.");
            if (empty)
            {
                Terminal.Output.WriteLine("The database is empty. Sign up in the browser and create the first community at /communities/new,");
                Terminal.Output.WriteLine("or stop here and run `mikoshi demo` to fill it with a sample community (it prints whom to sign in as).");
            }
        });

        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static Command Serve()
    {
        var command = new Command("serve", "Run the web app (UI + HTTP API) on http://127.0.0.1:5080 unless --urls says otherwise; migrates the schema first.");
        command.SetAction((parse, cancellationToken) => ServeAsync(HostSettings(parse), cancellationToken));
        return command;
    }

    private static Command Migrate()
    {
        var command = new Command("migrate", "Bring the database schema up to date and exit.");
        command.SetAction(async parse =>
        {
            await using var app = await OpenAsync(parse);
            Terminal.Output.WriteLine("The schema is up to date.");
            return 0;
        });
        return command;
    }

    private static Command Verify()
    {
        var file = new Option<FileInfo?>("--file") { Description = "Check an exported audit log (JSON Lines) instead of the database" };
        var since = new Option<bool>("--since-checkpoint")
        {
            Description = "Check only what is new since each chain's signed checkpoint (from the beginning where there is none), then store new checkpoints if all is clean",
        };
        var checkpoint = new Option<bool>("--checkpoint") { Description = "A full check that, if all is clean, stores a signed checkpoint per chain for --since-checkpoint to start from" };
        var command = new Command("verify", "Recompute every audit chain and every balance; name the first place anything disagrees.") { file, since, checkpoint };
        command.SetAction(async parse =>
        {
            VerifyReport report;
            if (parse.GetValue(file) is { } export)
            {
                using var reader = export.OpenText();
                report = Verifier.VerifyExport(reader);
            }
            else
            {
                await using var app = await OpenAsync(parse);
                await using var scope = app.Services.CreateAsyncScope();
                // Written as reported, not posted to the thread pool as Progress<T> does: a late line could outlive the run.
                var progress = new Lines(Terminal.Error, "checking ");
                var verifier = scope.ServiceProvider.GetRequiredService<Verifier>();
                if (parse.GetValue(since) || parse.GetValue(checkpoint))
                {
                    // Checkpoints are signed under a subkey of the key-encryption key, which a copy of the database lacks.
                    var kek = app.Services.GetRequiredService<Features.Secrets.KeyEncryptionKey>();
                    var key = new CheckpointKey(kek.Derive(CheckpointKey.Purpose), kek.Id);
                    report = parse.GetValue(since)
                        ? await verifier.VerifySinceCheckpointAsync(key, progress)
                        : await verifier.VerifyAndCheckpointAsync(key, progress);
                }
                else
                {
                    report = await verifier.VerifyAsync(progress);
                }
            }

            Terminal.Output.WriteLine($"{report.AuditLinks} audit links, {report.JournalEntries} journal entries, {report.Balances} balances checked.");
            foreach (var note in report.Notes)
            {
                Terminal.Output.WriteLine(note);
            }

            foreach (var finding in report.Findings)
            {
                Terminal.Output.WriteLine($"MISMATCH at {finding.Where}: {finding.What}");
            }

            Terminal.Output.WriteLine(report.IsClean ? "OK: everything agrees." : $"FAILED: {report.Findings.Count} finding(s); the first is at {report.Findings[0].Where}.");
            return report.IsClean ? 0 : 1;
        });
        return command;
    }

    private static Command PersonCommands()
    {
        var email = new Option<string>("--email") { Required = true };
        var password = new Option<string>("--password") { Required = true, Description = $"{Domain.Identity.PasswordPolicy.MinLength} to {Domain.Identity.PasswordPolicy.MaxLength} characters, not a common one" };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var add = new Command("add", "Sign a person up.") { email, password, name };
        add.SetAction(async parse =>
        {
            await using var app = await OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<Register>()
                .HandleAsync(new RegisterRequest(parse.GetValue(email), parse.GetValue(password), parse.GetValue(name)));
            return Print(result);
        });

        var change = new Command("password", "Set a person's password (an operator's reset): every session and token of theirs ends.") { email, password };
        change.SetAction(async parse =>
        {
            await using var app = await OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var failed = await scope.ServiceProvider.GetRequiredService<Passwords>().SetAsync(parse.GetValue(email), parse.GetValue(password));
            if (failed is not null)
            {
                return Print(failed);
            }

            Terminal.Output.WriteLine($"The password of {parse.GetValue(email)} is set; every session and token of theirs has ended.");
            return 0;
        });
        return new Command("person", "People: sign-up, password.") { add, change };
    }

    private static Command CommunityCommands()
    {
        var owner = new Option<string>("--owner") { Required = true, Description = "Email of the founding admin" };
        var slug = new Option<string>("--slug") { Required = true };
        var name = new Option<string>("--name") { Required = true };
        var charter = new Option<string?>("--charter") { Description = "Charter text" };
        var values = new Option<string[]>("--value") { Description = "A shared value (repeat for several)", AllowMultipleArgumentsPerToken = true };
        var asset = new Option<string>("--asset") { Description = "Base asset", DefaultValueFactory = _ => "JPY" };
        var create = new Command("create", "Found a community.") { owner, slug, name, charter, values, asset };
        create.SetAction(async parse =>
        {
            await using var app = await OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var person = await FindPersonAsync(scope.ServiceProvider, parse.GetValue(owner)!);
            if (!person.IsSuccess)
            {
                return Print(person.Error);
            }

            var result = await scope.ServiceProvider.GetRequiredService<CreateCommunity>().HandleAsync(Callers.Outside(person.Value),
                new CreateCommunityRequest(parse.GetValue(slug), parse.GetValue(name), parse.GetValue(charter),
                    parse.GetValue(values) ?? [], parse.GetValue(asset), null));
            return Print(result);
        });

        var showSlug = new Argument<string>("slug");
        var show = new Command("show", "A community's charter and headline figures.") { showSlug };
        show.SetAction(async parse =>
        {
            await using var app = await OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var view = await GetCommunity.FindAsync(scope.ServiceProvider.GetRequiredService<MikoshiDb>(), parse.GetValue(showSlug)!);
            return view is null
                ? Print(CommunityErrors.CommunityNotFound)
                : PrintJson(view);
        });
        return new Command("community", "Communities: found one, show one.") { create, show };
    }

    private static Command DepositCommand()
    {
        var community = new Option<string>("--community") { Required = true, Description = "Community slug" };
        var by = new Option<string>("--by") { Required = true, Description = "Email of the treasurer recording it" };
        var asset = new Option<string>("--asset") { Required = true };
        var amount = new Option<string>("--amount") { Required = true, Description = "Minor units, e.g. 1500 for ¥1,500" };
        var reference = new Option<string>("--reference") { Required = true };
        var memo = new Option<string?>("--memo");
        var forPerson = new Option<string?>("--for") { Description = "Email of the person it is for (default: the treasury)" };
        var key = new Option<string?>("--idempotency-key") { Description = "Run twice with the same key: recorded once" };
        var command = new Command("deposit", "Record money received for the treasury or a person.") { community, by, asset, amount, reference, memo, forPerson, key };
        command.SetAction(async parse =>
        {
            await using var app = await OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<MikoshiDb>();
            var slug = parse.GetValue(community)!;
            var found = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
            var treasurer = await FindPersonAsync(services, parse.GetValue(by)!);
            if (found is null || !treasurer.IsSuccess)
            {
                return Print(treasurer.Error ?? CommunityErrors.CommunityNotFound);
            }

            var caller = await services.GetRequiredService<Callers>().InAsync(found, treasurer.Value);
            string? personId = null;
            if (parse.GetValue(forPerson) is { } email)
            {
                var person = await FindPersonAsync(services, email);
                if (!person.IsSuccess)
                {
                    return Print(person.Error);
                }

                personId = person.Value.ToString();
            }

            var request = new DepositRequest(parse.GetValue(asset), parse.GetValue(amount), parse.GetValue(reference), parse.GetValue(memo), personId);
            var idempotency = parse.GetValue(key) is { } k ? new IdempotencyKey(k, $"POST deposit {slug}\n{JsonSerializer.Serialize(request)}") : null;
            return Print(await services.GetRequiredService<RecordDeposit>().HandleAsync(caller, request, idempotency));
        });
        return command;
    }

    private static Command LedgerCommand()
    {
        var community = new Option<string>("--community") { Required = true, Description = "Community slug" };
        var format = new Option<string>("--format") { Description = "json or csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("ledger", "Print the whole public journal of a community.") { community, format };
        command.SetAction(async parse =>
        {
            await using var app = await OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var slug = parse.GetValue(community)!;
            var found = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
            if (found is null)
            {
                return Print(CommunityErrors.CommunityNotFound);
            }

            var entries = new List<EntryView>();
            string? cursor = null;
            do
            {
                var page = (await ReadLedger.PageAsync(db, found.Id, cursor, Api.Paging.MaxLimit)).Value;
                entries.AddRange(page.Items);
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            if (parse.GetValue(format) == "csv")
            {
                Terminal.Output.Write(ReadLedger.Csv(entries));
                return 0;
            }

            return PrintJson(entries);
        });
        return command;
    }

    private static Command AuditCommand()
    {
        var community = new Option<string>("--community") { Required = true, Description = "Community slug" };
        var command = new Command("audit", "Write a community's audit log as JSON Lines to standard output.") { community };
        command.SetAction(async parse =>
        {
            await using var app = await OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var slug = parse.GetValue(community)!;
            var found = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
            if (found is null)
            {
                return Print(CommunityErrors.CommunityNotFound);
            }

            await Terminal.WriteBytesAsync(output => ReadLedger.WriteAuditAsync(db, found.Id.Value, output, CancellationToken.None));
            return 0;
        });
        return command;
    }

    /// <summary>A person named on the command line by email, by id, or by an address linked to them (0x…).</summary>
    internal static async Task<Result<Domain.Communities.PersonId>> FindPersonAsync(IServiceProvider services, string who)
    {
        var db = services.GetRequiredService<MikoshiDb>();
        if (who.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var address = Domain.Governance.EthAddress.Parse(who);
            return !address.IsSuccess ? address.Error
                : await Features.Wallets.WalletLinks.PersonOfAsync(db, address.Value) is { } linked ? linked
                : IdentityErrors.PersonNotFound;
        }

        if (Guid.TryParse(who, out var id))
        {
            return await db.Users.AsNoTracking().AnyAsync(u => u.Id == id)
                ? new Domain.Communities.PersonId(id)
                : IdentityErrors.PersonNotFound;
        }

        var normalized = who.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized);
        return user is null
            ? IdentityErrors.PersonNotFound
            : user.PersonId;
    }

    internal static int Print(Error error)
    {
        Terminal.Error.WriteLine($"error {error.Code}: {Errors.English(error)}");
        return 2;
    }

    /// <summary>A committed write's result as one line of JSON, or its refusal as an <c>error code: text</c> line.</summary>
    internal static int Print<T>(Result<Committed<T>> result) =>
        result.IsSuccess ? PrintLine(JsonSerializer.Serialize(result.Value.Value, Writer.Json)) : Print(result.Error);

    private static int PrintLine(string line)
    {
        Terminal.Output.WriteLine(line);
        return 0;
    }

    internal static int PrintJson<T>(T value)
    {
        Terminal.Output.WriteLine(JsonSerializer.Serialize(value, Indented));
        return 0;
    }
}

/// <summary>Progress written straight to a writer, one line per report, each with a prefix.</summary>
internal sealed class Lines(TextWriter writer, string prefix) : IProgress<string>
{
    public void Report(string value) => writer.WriteLine(prefix + value);
}
