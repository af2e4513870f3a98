using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Identity;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Payments;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Mail;

namespace Mikoshi.Features.Payments;

/// <summary>Ask for a transfer code; with <see cref="Join"/>, the next matched transfer mints a token at most <see cref="MaxPrice"/>.</summary>
public sealed record TransferIntentRequest(bool? Join, string? MaxPrice);

/// <summary>How to pay by bank transfer: the community's account, the caller's code, and whether card payments exist too.</summary>
public sealed record BankTransferView(string? BankAccount, string? Code, AmountView? JoinMaxPrice, bool CardPayments);

/// <summary>A statement file: <c>zengin</c> (全銀協 入出金取引明細) or <c>csv</c> (with the community's saved mapping), base64-encoded.</summary>
public sealed record BankImportRequest(string? Format, string? Content);

/// <summary>What an import did: counts, the lines it could not read (by number), and each deposit line's outcome (the first <see cref="BankTransfers.MaxListedLines"/>).</summary>
public sealed record BankImportView(int Deposits, int Credited, int Unmatched, int Duplicates, int Withdrawals, IReadOnlyList<BankLineError> Errors, IReadOnlyList<BankLineOutcome> Lines);

/// <summary>One deposit line of an imported file: its 1-based number in the file and what became of it.</summary>
/// <param name="LineNumber">1-based record (Zengin) or line (CSV) number in the file.</param>
/// <param name="Outcome"><c>credited</c> (its transfer code matched a member), <c>unmatched</c> (waits for reconciliation) or <c>duplicate</c> (already imported).</param>
/// <param name="Amount">Yen received.</param>
/// <param name="Payer">The payer's name as the bank wrote it.</param>
public sealed record BankLineOutcome(int LineNumber, string Outcome, AmountView Amount, string Payer)
{
    public const string Credited = "credited";
    public const string Unmatched = "unmatched";
    public const string Duplicate = "duplicate";
}

public sealed record BankLineView(long Number, string BookedOn, AmountView Amount, string Payer, string State, string? PersonId, long? Payment);

public sealed record AssignLineRequest(string? PersonId);

/// <summary>
/// Bank transfers (振込): each member's transfer code, the import of the bank's statement (lines whose payer name carries
/// a known code credit that member, and mint when they asked to join), and the reconciliation list a treasurer works through.
/// A line is kept by its identity, so importing the same file twice changes nothing.
/// </summary>
/// <remarks>
/// A statement is imported in writes of <see cref="Batch"/> lines, each in a fresh scope (its own context), so the work per
/// line stays flat however long the file: no context grows with the rows of earlier writes, and each write looks up the
/// lines it already knows, the transfer codes, the balances and the next numbers once, not once per line.
/// </remarks>
public sealed class BankTransfers(Writer writer, MikoshiDb db, StripeSettings stripe, IServiceScopeFactory scopes, MailText links)
{
    /// <summary>Lines per write: a big file is many short transactions, each complete, rather than one long lock.</summary>
    public const int Batch = 1000;

    public const int MaxFileBytes = 32 * 1024 * 1024;

    /// <summary>How many deposit lines an import lists one by one; the counts cover them all.</summary>
    public const int MaxListedLines = 2000;

    public async Task<BankTransferView> ViewAsync(PersonId person, Community community)
    {
        var settings = await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommunityId == community.Id);
        var code = await db.TransferCodes.AsNoTracking().FirstOrDefaultAsync(c => c.CommunityId == community.Id && c.PersonId == person);
        return View(settings, code, community);
    }

    private BankTransferView View(PaymentSettingsRow? settings, TransferCodeRow? code, Community community) => new(
        settings is { BankAccount.Length: > 0 } ? settings.BankAccount : null,
        code?.Code,
        code?.JoinMaxPrice is { } max ? AmountView.Of(Money.Of(community.Base, max)) : null,
        stripe.Enabled && community.Base == Asset.Jpy);

    public async Task<Result<Committed<BankTransferView>>> IntendAsync(Caller caller, TransferIntentRequest request)
    {
        var (community, person) = (caller.RequireCommunity(), caller.RequirePerson());
        long? max = null;
        if (request.Join == true)
        {
            var parsed = Money.Parse(community.Base, request.MaxPrice);
            if (!parsed.IsSuccess)
            {
                return parsed.Error;
            }

            if (parsed.Value.Units <= Int128.Zero || parsed.Value.Units > long.MaxValue)
            {
                return MoneyErrors.InvalidAmount;
            }

            max = (long)parsed.Value.Units;
        }

        return await writer.RunAsync(caller, Access.SignedIn, null, async write =>
        {
            var code = await CodeForAsync(write, community.Id, person);
            code.JoinMaxPrice = max;
            await write.AuditAsync("payment.transfer_intent", new { person = person.ToString(), code = code.Code, joinMaxPrice = max?.ToString(CultureInfo.InvariantCulture) });
            var settings = await write.Db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommunityId == community.Id);
            return Result<BankTransferView>.Ok(View(settings, code, community));
        });
    }

    /// <summary>The person's code, allocated on first use: MK1001, MK1002, … in the order members ask.</summary>
    private static async Task<TransferCodeRow> CodeForAsync(WriteScope write, CommunityId community, PersonId person)
    {
        var code = await write.Db.TransferCodes.FirstOrDefaultAsync(c => c.CommunityId == community && c.PersonId == person);
        if (code is null)
        {
            var count = await write.Db.TransferCodes.CountAsync(c => c.CommunityId == community);
            code = new TransferCodeRow { CommunityId = community, PersonId = person, Code = TransferCode.Of(count + 1) };
            write.Db.TransferCodes.Add(code);
        }

        return code;
    }

    /// <summary>
    /// Imports a statement in writes of <see cref="Batch"/> lines; <c>committed</c>, when given, is told after each write how
    /// many deposit lines are committed so far (the benchmark times the writes with it).
    /// </summary>
    public async Task<Result<BankImportView>> ImportAsync(Caller treasurer, string? format, byte[] file, Action<int>? committed = null)
    {
        var community = treasurer.RequireCommunity();
        if (community.Base != Asset.Jpy)
        {
            return PaymentErrors.CurrencyUnsupported;
        }

        if (file.Length > MaxFileBytes)
        {
            return ApiErrors.PayloadTooLarge;
        }

        BankStatement statement;
        switch (format ?? "zengin")
        {
            case "zengin":
                statement = ZenginStatement.Read(file);
                break;
            case "csv":
                var saved = await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommunityId == community.Id);
                if (saved is null || saved.CsvMapping.Length == 0)
                {
                    return PaymentErrors.CsvMappingNotSet;
                }

                statement = CsvStatement.Read(file, System.Text.Json.JsonSerializer.Deserialize<CsvMapping>(saved.CsvMapping, Writer.Json)!);
                break;
            default:
                return PaymentErrors.InvalidFormat;
        }

        int credited = 0, unmatched = 0, duplicates = 0;
        var outcomes = new List<BankLineOutcome>();
        foreach (var chunk in statement.Deposits.Chunk(Batch))
        {
            // A fresh scope per write: its context tracks only this chunk's rows.
            await using var scope = scopes.CreateAsyncScope();
            var chunkWriter = scope.ServiceProvider.GetRequiredService<Writer>();
            var results = Array.Empty<string>();
            var written = await chunkWriter.RunAsync(treasurer, Access.Treasurer, null, async write =>
            {
                results = await ImportBatchAsync(write, community, chunk, links);
                await write.AuditAsync("bank.imported", new
                {
                    format,
                    firstLine = chunk[0].LineNumber,
                    lastLine = chunk[^1].LineNumber,
                    credited = results.Count(r => r == BankLineOutcome.Credited),
                    unmatched = results.Count(r => r == BankLineOutcome.Unmatched),
                    duplicates = results.Count(r => r == BankLineOutcome.Duplicate),
                });
                return Result<int>.Ok(chunk.Length);
            });
            if (!written.IsSuccess)
            {
                return written.Error;
            }

            committed?.Invoke(credited + unmatched + duplicates + chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                credited += results[i] == BankLineOutcome.Credited ? 1 : 0;
                unmatched += results[i] == BankLineOutcome.Unmatched ? 1 : 0;
                duplicates += results[i] == BankLineOutcome.Duplicate ? 1 : 0;
                if (outcomes.Count < MaxListedLines)
                {
                    outcomes.Add(new BankLineOutcome(chunk[i].LineNumber, results[i], AmountView.Of(Money.Of(community.Base, chunk[i].Amount)), chunk[i].Payer));
                }
            }
        }

        return new BankImportView(statement.Deposits.Count, credited, unmatched, duplicates, statement.Withdrawals, statement.Errors, outcomes);
    }

    /// <summary>
    /// One write's worth of lines: what is already known, the transfer codes, the next numbers and the balances the
    /// credits touch are each read once; then every line is kept (or counted a duplicate) and credited when its code is known.
    /// Returns each line's outcome, in order.
    /// </summary>
    private static async Task<string[]> ImportBatchAsync(WriteScope write, Community community, StatementDeposit[] lines, MailText links)
    {
        var db = write.Db;
        var identities = lines.Select(l => l.Identity).Distinct().ToList();
        var seen = (await db.BankLines.Where(l => l.CommunityId == community.Id && identities.Contains(l.Identity)).Select(l => l.Identity).ToListAsync()).ToHashSet();
        var codes = await db.TransferCodes.Where(c => c.CommunityId == community.Id).ToDictionaryAsync(c => c.Code);

        // The balances this chunk's credits move, loaded (and tracked) at once so posting finds them without a query each.
        var payers = lines.Select(l => TransferCode.FindIn(l.Payer)).OfType<string>().Where(codes.ContainsKey)
            .Select(c => AccountId.ForPerson(codes[c].PersonId.Value).ToString()).Distinct().Append(AccountId.External.ToString()).ToList();
        await db.Balances.Where(b => b.CommunityId == community.Id && b.Asset == community.BaseAsset && payers.Contains(b.Account)).LoadAsync();

        var results = new string[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!seen.Add(line.Identity))
            {
                results[i] = BankLineOutcome.Duplicate;
                continue;
            }

            var row = BankLine.Import(community.Id, await ChainHeads.TakeAsync(db, community.Id.Value, "bank-lines"), line, write.At);
            db.BankLines.Add(row);
            if (TransferCode.FindIn(line.Payer) is { } code && codes.TryGetValue(code, out var owner))
            {
                var number = await PaymentBook.NextNumberAsync(db, community.Id);
                await CreditAsync(write, community, row.Credit(owner.PersonId, number), owner, owner.PersonId, number, links);
                results[i] = BankLineOutcome.Credited;
            }
            else
            {
                results[i] = BankLineOutcome.Unmatched;
            }
        }

        return results;
    }

    /// <summary>Books a line the caller has just settled to <paramref name="person"/> (<paramref name="settled"/>) as payment <paramref name="number"/>.</summary>
    private static async Task CreditAsync(WriteScope write, Community community, Result<BankLine> settled, TransferCodeRow? code, PersonId person, long number, MailText links)
    {
        // Every caller took the line unmatched in this same write: settling it cannot be refused.
        var line = settled.IsSuccess ? settled.Value : throw new InvariantViolatedException($"A bank line was settled twice: {settled.Error.Code}.");
        var join = code?.JoinMaxPrice;
        var payment = Payment.Open(community.Id, number, person, join is null ? PaymentBook.Transfer : PaymentBook.Join, "bank", community.BaseAsset,
            line.Amount, $"bank:{community.Id}:{line.Identity}", write.At, maxPrice: join);
        write.Db.Payments.Add(payment);
        await PaymentBook.CreditAsync(write, community, payment, 0, person, links);
        if (payment.TokenSerial is not null)
        {
            code!.JoinMaxPrice = null;
        }
    }

    public async Task<Result<IReadOnlyList<BankLineView>>> LinesAsync(Community community, string? state)
    {
        var wanted = state is null ? null : BankLine.StateOf(state);
        if (state is not null && wanted is null)
        {
            return PaymentErrors.InvalidLineState;
        }

        var lines = await db.BankLines.AsNoTracking()
            .Where(l => l.CommunityId == community.Id && (wanted == null || l.State == wanted))
            .OrderByDescending(l => l.Number).Take(500).ToListAsync();
        return lines.Select(l => LineView(l, community)).ToList<BankLineView>();
    }

    private static BankLineView LineView(BankLine l, Community community) =>
        new(l.Number, l.BookedOn, AmountView.Of(Money.Of(community.Base, l.Amount)), l.Payer, l.StateWord, l.PersonId?.ToString(), l.PaymentNumber);

    /// <summary>A treasurer says whose an unmatched line is: it credits them (and mints, if they asked to join).</summary>
    public Task<Result<Committed<BankLineView>>> AssignAsync(Caller caller, long number, AssignLineRequest request) =>
        writer.RunAsync(caller, Access.Treasurer, null, async write =>
        {
            var community = caller.RequireCommunity();
            var treasurer = caller.RequirePerson();
            var line = await UnmatchedAsync(write, community.Id, number);
            if (!line.IsSuccess)
            {
                return line.Error;
            }

            if (!Guid.TryParse(request.PersonId, out var id) || !await write.Db.Users.AnyAsync(u => u.Id == id))
            {
                return IdentityErrors.PersonNotFound;
            }

            var person = new PersonId(id);
            var code = await write.Db.TransferCodes.FirstOrDefaultAsync(c => c.CommunityId == community.Id && c.PersonId == person);
            var payment = await PaymentBook.NextNumberAsync(write.Db, community.Id);
            await CreditAsync(write, community, line.Value.Assign(person, payment), code, person, payment, links);
            await write.AuditAsync("bank.line_assigned", new { line = number, person = person.ToString(), payment = line.Value.PaymentNumber });
            return Result<BankLineView>.Ok(LineView(line.Value, community));
        });

    /// <summary>A treasurer sets aside an unmatched line that is not a member's payment (interest, a refund from a shop…).</summary>
    public Task<Result<Committed<BankLineView>>> IgnoreAsync(Caller caller, long number) =>
        writer.RunAsync(caller, Access.Treasurer, null, async write =>
        {
            var community = caller.RequireCommunity();
            var treasurer = caller.RequirePerson();
            var line = await UnmatchedAsync(write, community.Id, number);
            if (!line.IsSuccess)
            {
                return line.Error;
            }

            var ignored = line.Value.Ignore();
            if (!ignored.IsSuccess)
            {
                return ignored.Error;
            }

            await write.AuditAsync("bank.line_ignored", new { line = number });
            return Result<BankLineView>.Ok(LineView(line.Value, community));
        });

    private static async Task<Result<BankLine>> UnmatchedAsync(WriteScope write, CommunityId community, long number)
    {
        var line = await write.Db.BankLines.FirstOrDefaultAsync(l => l.CommunityId == community && l.Number == number);
        return line switch
        {
            null => PaymentErrors.BankLineNotFound(number),
            { State: not BankLineState.Unmatched } => PaymentErrors.BankLineSettled(number, line.StateWord),
            _ => line,
        };
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/payments/bank-transfer", async (BankTransfers bank, HttpContext http) =>
                Results.Ok(await bank.ViewAsync(http.Caller().RequirePerson(), http.Caller().RequireCommunity())))
            .Allow(Access.SignedIn)
            .WithSummary("How to pay by bank transfer: the community's account and your transfer code, if you have one.")
            .Produces<BankTransferView>();
        api.MapPost("/communities/{slug}/payments/bank-transfer", async (TransferIntentRequest request, BankTransfers bank, HttpContext http) =>
                Problems.From(await bank.IntendAsync(http.Caller(), request), StatusCodes.Status200OK, http))
            .Allow(Access.SignedIn)
            .WithSummary("Get your transfer code; with join, your next matched transfer mints a token at most maxPrice.")
            .Produces<BankTransferView>();
        api.MapPost("/communities/{slug}/bank/imports", async (BankImportRequest request, BankTransfers bank, HttpContext http) =>
            {
                byte[] file;
                try
                {
                    file = Convert.FromBase64String(request.Content ?? string.Empty);
                }
                catch (FormatException)
                {
                    return Problems.For(PaymentErrors.InvalidContent);
                }

                return Problems.From(await bank.ImportAsync(http.Caller(), request.Format, file));
            })
            .Allow(Access.Treasurer)
            .WithSummary("Import a bank statement (zengin or csv, base64): matched lines credit their member, the rest wait for reconciliation. Importing twice changes nothing.")
            .Produces<BankImportView>();
        api.MapGet("/communities/{slug}/bank/lines", async (string? state, BankTransfers bank, HttpContext http) =>
                Problems.From((await bank.LinesAsync(http.Caller().RequireCommunity(), state)).Map(lines => new { items = lines })))
            .Allow(Access.Treasurer)
            .WithSummary("Imported bank lines, newest first; ?state=unmatched is the reconciliation list.");
        api.MapPost("/communities/{slug}/bank/lines/{lineId:long}/assign", async (long lineId, AssignLineRequest request, BankTransfers bank, HttpContext http) =>
                Problems.From(await bank.AssignAsync(http.Caller(), lineId, request), StatusCodes.Status200OK, http))
            .Allow(Access.Treasurer)
            .WithSummary("Credit an unmatched bank line to a person.")
            .Produces<BankLineView>();
        api.MapPost("/communities/{slug}/bank/lines/{lineId:long}/ignore", async (long lineId, BankTransfers bank, HttpContext http) =>
                Problems.From(await bank.IgnoreAsync(http.Caller(), lineId), StatusCodes.Status200OK, http))
            .Allow(Access.Treasurer)
            .WithSummary("Set aside an unmatched bank line that is no member's payment.")
            .Produces<BankLineView>();
    }
}
