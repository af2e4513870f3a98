using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Notifications;
using Mikoshi.Domain.Payouts;
using Mikoshi.Domain.Revenue;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Projects;
using Mikoshi.Features.Secrets;

namespace Mikoshi.Features.Revenue;

/// <summary>A bank account in Japan: 4-digit bank code, 3-digit branch code, type (1 普通, 2 当座, 4 貯蓄, 9 その他), 7-digit number, names in kana.</summary>
public sealed record BankAccountRequest(string? BankCode, string? BankName, string? BranchCode, string? BranchName, int? AccountType, string? AccountNumber, string? HolderName);

/// <summary>The community's paying account and its bank-given 10-digit sender code (振込依頼人コード).</summary>
public sealed record PayoutSenderRequest(string? SenderCode, string? SenderName, string? BankCode, string? BankName, string? BranchCode, string? BranchName, int? AccountType, string? AccountNumber);

public sealed record BatchRequest(string? Asset, DateOnly? TransferDate);

/// <summary>One person's line: <paramref name="Amount"/> is the gross claimed; <paramref name="Net"/> is what the bank transfers.</summary>
public sealed record PayoutLine(string PersonId, string DisplayName, AmountView Amount, IReadOnlyList<long> Claims, string Kind, AmountView Withheld, AmountView Net, string? InvoiceNumber);

public sealed record BatchView(long Id, AmountView Total, int Count, string State, DateOnly TransferDate, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, IReadOnlyList<PayoutLine> Lines, AmountView Withheld, AmountView Net);

public sealed record BatchList(IReadOnlyList<BatchView> Items);

/// <summary>An exported batch: the file's bytes, its type and name, and how many people it pays.</summary>
public sealed record BatchFile(byte[] Bytes, string ContentType, string FileName, int People);

/// <summary>
/// Payouts: a treasurer gathers the pending claims of one asset into a batch, exports it (CSV, and for
/// yen a Zengin 総合振込 file for the bank), and confirms it once the bank has paid — only then does the
/// money leave the books. Confirming twice is refused.
/// </summary>
public sealed class Payouts(Writer writer, SecretBox box)
{
    public Task<Result<Committed<BankAccountRequest>>> SetBankAccountAsync(PersonId person, BankAccountRequest request) =>
        writer.RunAsync(Guid.Empty, person.ToString(), null, async write =>
        {
            var checkedAccount = Check(request.BankCode, request.BankName, request.BranchCode, request.BranchName, request.AccountType, request.AccountNumber, request.HolderName);
            if (!checkedAccount.IsSuccess)
            {
                return checkedAccount.Error;
            }

            var db = write.Db;
            var row = await db.BankAccounts.FirstOrDefaultAsync(b => b.PersonId == person);
            if (row is null)
            {
                row = new BankAccountRow { PersonId = person };
                db.BankAccounts.Add(row);
            }

            row.BankCode = request.BankCode!;
            row.BankName = request.BankName!.Trim();
            row.BranchCode = request.BranchCode!;
            row.BranchName = request.BranchName!.Trim();
            row.AccountType = request.AccountType!.Value;
            // Sealed with the key-encryption key: a copy of the database alone does not hold the number.
            row.AccountNumber = box.Seal(request.AccountNumber!, SecretBox.BankAccountNumber);
            row.HolderName = request.HolderName!.Trim();

            // The instance's own chain records that an account changed, never the account itself.
            await write.AuditAsync("person.bank-account", new { person = person.ToString() });
            return Result<BankAccountRequest>.Ok(ViewOf(row, request.AccountNumber!));
        });

    public Task<Result<Committed<PayoutSenderRequest>>> SetSenderAsync(Caller caller, PayoutSenderRequest request) =>
        writer.RunAsync(caller, Access.Admin, null, async write =>
        {
            var community = caller.RequireCommunity();
            var admin = caller.RequirePerson();
            var header = Header(request.SenderCode, request.SenderName, DateOnly.FromDateTime(write.At.UtcDateTime), request.BankCode, request.BankName, request.BranchCode, request.BranchName, request.AccountType, request.AccountNumber);
            if (!header.IsSuccess)
            {
                return header.Error;
            }

            var db = write.Db;
            var row = await db.PayoutSenders.FirstOrDefaultAsync(s => s.CommunityId == community.Id);
            if (row is null)
            {
                row = new PayoutSenderRow { CommunityId = community.Id };
                db.PayoutSenders.Add(row);
            }

            row.SenderCode = request.SenderCode!;
            row.SenderName = request.SenderName!.Trim();
            row.BankCode = request.BankCode!;
            row.BankName = request.BankName!.Trim();
            row.BranchCode = request.BranchCode!;
            row.BranchName = request.BranchName!.Trim();
            row.AccountType = request.AccountType!.Value;
            row.AccountNumber = request.AccountNumber!;
            await write.AuditAsync("payout.sender", new { row.SenderCode, row.BankCode, row.BranchCode });
            return Result<PayoutSenderRequest>.Ok(SenderViewOf(row));
        });

    public Task<Result<Committed<BatchView>>> CreateBatchAsync(Caller caller, BatchRequest request) =>
        writer.RunAsync(caller, Access.Treasurer, null, async write =>
        {
            var community = caller.RequireCommunity();
            var treasurer = caller.RequirePerson();
            var db = write.Db;
            var asset = community.Accepts(request.Asset);
            if (!asset.IsSuccess)
            {
                return asset.Error;
            }

            var today = DateOnly.FromDateTime(write.At.UtcDateTime);
            var date = request.TransferDate ?? today;
            if (date < today)
            {
                return RevenueErrors.InvalidTransferDate;
            }

            var claims = await db.Claims.Where(c => c.CommunityId == community.Id && c.Asset == asset.Value.Code && c.State == ClaimState.Pending)
                .OrderBy(c => c.Number).ToListAsync();
            if (claims.Count == 0)
            {
                return RevenueErrors.NoPendingClaims;
            }

            var number = await ChainHeads.TakeAsync(db, community.Id.Value, "payout-batches");
            var gathered = PayoutBatch.Gather(community.Id, number, asset.Value, date, claims, treasurer, write.At);
            if (!gathered.IsSuccess)
            {
                return gathered.Error;
            }

            var batch = gathered.Value;

            // Withholding (issue #21) is fixed when the batch is made: the file, the journal and the reports agree.
            var lines = await Features.Tax.PayoutTax.LinesAsync(db, community.Id, asset.Value, number, claims);
            if (!lines.IsSuccess)
            {
                return lines.Error;
            }

            db.PayoutLines.AddRange(lines.Value);
            db.PayoutBatches.Add(batch);
            if (asset.Value == Asset.Jpy)
            {
                // Refuse now what the bank would refuse later: the file must build.
                var file = await ZenginAsync(db, box, community.Id, batch, Features.Tax.PayoutTax.NetByPerson(lines.Value, claims));
                if (!file.IsSuccess)
                {
                    return file.Error;
                }
            }

            await write.AuditAsync("payout.batched", new { batch = number, asset = batch.Asset, total = batch.Total.ToString(CultureInfo.InvariantCulture), withheld = lines.Value.Aggregate(Int128.Zero, (sum, l) => sum + l.Withheld).ToString(CultureInfo.InvariantCulture), claims = claims.Select(c => c.Number) });
            return Result<BatchView>.Ok(await ViewAsync(db, batch, claims, lines.Value));
        });

    public Task<Result<Committed<BatchView>>> ConfirmAsync(Caller caller, long number) =>
        writer.RunAsync(caller, Access.Treasurer, null, async write =>
        {
            var community = caller.RequireCommunity();
            var treasurer = caller.RequirePerson();
            var db = write.Db;
            var batch = await db.PayoutBatches.FirstOrDefaultAsync(b => b.CommunityId == community.Id && b.Number == number);
            if (batch is null)
            {
                return RevenueErrors.BatchNotFound;
            }

            if (batch.State == PayoutBatchState.Paid)
            {
                return RevenueErrors.BatchAlreadyPaid;
            }

            var asset = Asset.FromKnownCode(batch.Asset).Value;
            var withheld = (await db.PayoutLines.Where(l => l.CommunityId == community.Id && l.BatchNumber == number).Select(l => l.Withheld).ToListAsync()).Aggregate(Int128.Zero, (sum, w) => sum + w);
            var entry = Features.Tax.PayoutTax.PayoutEntry(number, asset, batch.Total, withheld);
            if (!entry.IsSuccess)
            {
                return entry.Error;
            }

            var posted = await write.PostAsync(entry.Value, $"batch {number}");
            if (!posted.IsSuccess)
            {
                return posted.Error;
            }

            var claims = await db.Claims.Where(c => c.CommunityId == community.Id && c.BatchNumber == number).ToListAsync();
            var confirmed = batch.Confirm(claims, treasurer, write.At);
            if (!confirmed.IsSuccess)
            {
                return confirmed.Error;
            }

            await write.AuditAsync("payout.paid", new { batch = number, asset = batch.Asset, total = batch.Total.ToString(CultureInfo.InvariantCulture), withheld = withheld.ToString(CultureInfo.InvariantCulture) });

            // Each payee hears what the bank pays them: the net of their line (the gross for a batch made before withholding).
            var paid = Features.Tax.PayoutTax.NetByPerson(await db.PayoutLines.AsNoTracking().Where(l => l.CommunityId == community.Id && l.BatchNumber == number).ToListAsync(), claims);
            write.AnnounceTo(EventCatalogue.PayoutPaid, new
            {
                batch = number,
                asset = batch.Asset,
                parts = paid.ToDictionary(p => p.Person.ToString(), p => p.Amount.ToString(CultureInfo.InvariantCulture)),
            }, paid.Select(p => p.Person));
            return Result<BatchView>.Ok(await ViewAsync(db, batch, claims));
        });

    public static async Task<List<BatchView>> ListAsync(MikoshiDb db, CommunityId community)
    {
        var batches = await db.PayoutBatches.AsNoTracking().Where(b => b.CommunityId == community).OrderByDescending(b => b.Number).ToListAsync();
        var numbers = batches.Select(b => (long?)b.Number).ToList();
        var claims = (await db.Claims.AsNoTracking().Where(c => c.CommunityId == community && numbers.Contains(c.BatchNumber)).ToListAsync())
            .ToLookup(c => c.BatchNumber);
        var views = new List<BatchView>();
        foreach (var batch in batches)
        {
            views.Add(await ViewAsync(db, batch, claims[batch.Number].ToList()));
        }

        return views;
    }

    /// <summary>A batch as a file: CSV, or for <paramref name="format"/> "zengin" the bank's 総合振込 file.</summary>
    public static async Task<Result<BatchFile>> ExportAsync(MikoshiDb db, SecretBox box, Community community, long number, string? format,
        DateTimeOffset? now = null, string? lang = null, IReadOnlyList<PdfField>? extra = null)
    {
        var batch = await db.PayoutBatches.AsNoTracking().FirstOrDefaultAsync(b => b.CommunityId == community.Id && b.Number == number);
        if (batch is null)
        {
            return RevenueErrors.BatchNotFound;
        }

        var claims = await db.Claims.AsNoTracking().Where(c => c.CommunityId == community.Id && c.BatchNumber == number).ToListAsync();
        var people = claims.Select(c => c.PersonId).Distinct().ToList();
        if (format == "zengin")
        {
            var stored = await db.PayoutLines.AsNoTracking().Where(l => l.CommunityId == community.Id && l.BatchNumber == number).ToListAsync();
            return (await ZenginAsync(db, box, community.Id, batch, Features.Tax.PayoutTax.NetByPerson(stored, claims)))
                .Map(bytes => new BatchFile(bytes, "text/plain; charset=shift_jis", $"zengin-{community.Slug}-{number}.txt", people.Count));
        }

        if (format == "pdf")
        {
            // A summary to file or hand round: names and amounts, never bank account numbers.
            var language = PdfDocuments.Language(lang);
            var fields = await Features.Tax.TaxReports.PdfFieldsAsync(db, community.Id, language);
            fields.AddRange(extra ?? []);
            var pdf = RevenuePdfs.Batch(await ViewAsync(db, batch, claims), community.Name, now ?? DateTimeOffset.UtcNow, language, fields);
            return new BatchFile(pdf, PdfDocuments.ContentType, $"payout-{community.Slug}-{number}.pdf", people.Count);
        }

        var accounts = await OpenAccountsAsync(db, box, people);
        if (!accounts.IsSuccess)
        {
            return accounts.Error;
        }

        var csv = Csv(await ViewAsync(db, batch, claims), accounts.Value);
        return new BatchFile(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"payout-{community.Slug}-{number}.csv", people.Count);
    }

    /// <summary>The batch as CSV (UTF-8 with BOM): one line per person, amounts in major units.</summary>
    public static string Csv(BatchView batch, IReadOnlyDictionary<PersonId, BankAccountRow> accounts)
    {
        var csv = new StringBuilder("\uFEFFbatch,person,name,amount,asset,bank_code,branch_code,account_type,account_number,account_holder,claims,gross,withheld,kind,invoice_number\r\n");
        var asset = Asset.FromKnownCode(batch.Total.Asset).Value;
        foreach (var line in batch.Lines)
        {
            var account = accounts.GetValueOrDefault(new PersonId(Guid.Parse(line.PersonId)));
            // amount is what the bank transfers (net of withholding); gross and withheld follow for the records.
            string Plain(AmountView view) => Money.Of(asset, Int128.Parse(view.Amount, CultureInfo.InvariantCulture)).ToPlainString();
            csv.Append(CultureInfo.InvariantCulture,
                $"{batch.Id},{line.PersonId},{CsvText.Field(line.DisplayName)},{Plain(line.Net)},{asset.Code},{account?.BankCode},{account?.BranchCode},{account?.AccountType},{account?.AccountNumber},{CsvText.Field(account?.HolderName ?? string.Empty)},{string.Join(' ', line.Claims)},{Plain(line.Amount)},{Plain(line.Withheld)},{line.Kind},{line.InvoiceNumber}\r\n");
        }

        return csv.ToString();
    }

    /// <summary>The batch's Zengin 総合振込 file: one transfer per person, customer code = the batch number.</summary>
    public static async Task<Result<byte[]>> ZenginAsync(MikoshiDb db, SecretBox box, CommunityId community, PayoutBatch batch, IReadOnlyList<(PersonId Person, Int128 Amount)> payees)
    {
        var sender = await db.PayoutSenders.AsNoTracking().FirstOrDefaultAsync(s => s.CommunityId == community);
        if (sender is null)
        {
            return RevenueErrors.PayoutSenderMissing;
        }

        var date = batch.TransferDay;
        var header = Header(sender.SenderCode, sender.SenderName, date, sender.BankCode, sender.BankName, sender.BranchCode, sender.BranchName, sender.AccountType, sender.AccountNumber);
        if (!header.IsSuccess)
        {
            return header.Error;
        }

        var people = payees.Select(p => p.Person).ToList();
        var opened = await OpenAccountsAsync(db, box, people);
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        var accounts = opened.Value;
        var transfers = new List<ZenginTransfer>();
        foreach (var person in people)
        {
            if (!accounts.TryGetValue(person, out var account))
            {
                return RevenueErrors.BankAccountRequired;
            }

            var amount = payees.First(p => p.Person == person).Amount;
            var transfer = Transfer(account.BankCode, account.BankName, account.BranchCode, account.BranchName, account.AccountType, account.AccountNumber, account.HolderName, amount, batch.Number);
            if (!transfer.IsSuccess)
            {
                return transfer.Error;
            }

            transfers.Add(transfer.Value);
        }

        return ZenginFile.Write(header.Value, transfers);
    }

    /// <summary>A person's bank account with its number opened; <c>not_found</c> without one.</summary>
    public static async Task<Result<BankAccountRequest>> FindBankAccountAsync(MikoshiDb db, SecretBox box, PersonId person)
    {
        var row = await db.BankAccounts.AsNoTracking().FirstOrDefaultAsync(b => b.PersonId == person);
        return row is null
            ? CommonErrors.NotFound
            : box.Open(row.AccountNumber, SecretBox.BankAccountNumber).Map(number => ViewOf(row, number));
    }

    /// <summary>The accounts of <paramref name="people"/>, numbers opened (rows not tracked, so nothing is written back).</summary>
    private static async Task<Result<Dictionary<PersonId, BankAccountRow>>> OpenAccountsAsync(MikoshiDb db, SecretBox box, IReadOnlyCollection<PersonId> people)
    {
        var accounts = await db.BankAccounts.AsNoTracking().Where(b => people.Contains(b.PersonId)).ToDictionaryAsync(b => b.PersonId);
        foreach (var account in accounts.Values)
        {
            var number = box.Open(account.AccountNumber, SecretBox.BankAccountNumber);
            if (!number.IsSuccess)
            {
                return number.Error;
            }

            account.AccountNumber = number.Value;
        }

        return accounts;
    }

    private static BankAccountRequest ViewOf(BankAccountRow row, string accountNumber) =>
        new(row.BankCode, row.BankName, row.BranchCode, row.BranchName, row.AccountType, accountNumber, row.HolderName);

    public static PayoutSenderRequest SenderViewOf(PayoutSenderRow row) =>
        new(row.SenderCode, row.SenderName, row.BankCode, row.BankName, row.BranchCode, row.BranchName, row.AccountType, row.AccountNumber);

    private static Result<ZenginTransfer> Check(string? bankCode, string? bankName, string? branchCode, string? branchName, int? type, string? number, string? holder) =>
        Transfer(bankCode, bankName, branchCode, branchName, type, number, holder, 1, 0);

    private static Result<ZenginTransfer> Transfer(string? bankCode, string? bankName, string? branchCode, string? branchName, int? type, string? number, string? holder, Int128 yen, long batch)
    {
        var bank = BankCode.Of(bankCode);
        var branch = BranchCode.Of(branchCode);
        var accountType = AccountType.Of(type ?? 0);
        var account = AccountNumber.Of(number);
        var reference = CustomerCode.Of(batch);
        if ((bank.Error ?? branch.Error ?? accountType.Error ?? account.Error ?? reference.Error) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(holder))
        {
            return PayoutErrors.InvalidBankName;
        }

        return ZenginTransfer.Of(bank.Value, bankName, branch.Value, branchName, accountType.Value, account.Value, holder, Money.Of(Asset.Jpy, yen), reference.Value);
    }

    private static Result<ZenginHeader> Header(string? senderCode, string? senderName, DateOnly date, string? bankCode, string? bankName, string? branchCode, string? branchName, int? type, string? number)
    {
        var sender = SenderCode.Of(senderCode);
        var bank = BankCode.Of(bankCode);
        var branch = BranchCode.Of(branchCode);
        var accountType = AccountType.Of(type ?? 0);
        var account = AccountNumber.Of(number);
        if ((sender.Error ?? bank.Error ?? branch.Error ?? accountType.Error ?? account.Error) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(senderName))
        {
            return PayoutErrors.InvalidBankName;
        }

        return ZenginHeader.Of(sender.Value, senderName, TransferDate.On(date), bank.Value, bankName, branch.Value, branchName, accountType.Value, account.Value);
    }

    private static async Task<BatchView> ViewAsync(MikoshiDb db, PayoutBatch batch, IReadOnlyList<Claim> claims, IReadOnlyList<PayoutLineRow>? lines = null)
    {
        lines ??= await db.PayoutLines.AsNoTracking().Where(l => l.CommunityId == batch.CommunityId && l.BatchNumber == batch.Number).ToListAsync();
        var byPerson = lines.ToDictionary(l => l.PersonId);
        var names = await PeopleBook.NamesAsync(db, claims.Select(c => c.PersonId));
        var views = claims.GroupBy(c => c.PersonId).OrderBy(g => g.Min(c => c.Number)).Select(g =>
        {
            var gross = g.Aggregate(Int128.Zero, (sum, c) => sum + c.Amount);
            // A batch made before withholding existed has no lines: nothing was withheld from it.
            var line = byPerson.GetValueOrDefault(g.Key);
            return new PayoutLine(g.Key.ToString(), names.GetValueOrDefault(g.Key, string.Empty), AmountView.Of(batch.Asset, gross), g.Select(c => c.Number).Order().ToList(),
                line?.Kind ?? Domain.Tax.WithholdingKind.None.Code, AmountView.Of(batch.Asset, line?.Withheld ?? Int128.Zero), AmountView.Of(batch.Asset, line?.Net ?? gross), line?.InvoiceNumber);
        }).ToList();
        var withheld = lines.Aggregate(Int128.Zero, (sum, l) => sum + l.Withheld);
        return new BatchView(batch.Number, AmountView.Of(batch.Asset, batch.Total), batch.Count, batch.State.ToString().ToLowerInvariant(),
            batch.TransferDay, ProjectBook.Instant(batch.CreatedAtUnixMs),
            batch.PaidAtUnixMs is { } paid ? ProjectBook.Instant(paid) : null, views, AmountView.Of(batch.Asset, withheld), AmountView.Of(batch.Asset, batch.Total - withheld));
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me/bank-account", async (HttpContext http, MikoshiDb db, SecretBox box) =>
                Problems.From(await FindBankAccountAsync(db, box, http.Caller().RequirePerson())))
            .Allow(Access.SignedIn)
            .WithSummary("My bank account for yen payouts (only I see it; treasurers see it in the batches they export).")
            .Produces<BankAccountRequest>();
        api.MapPut("/me/bank-account", async (BankAccountRequest request, Payouts payouts, HttpContext http) =>
                Problems.From(await payouts.SetBankAccountAsync(http.Caller().RequirePerson(), request), StatusCodes.Status200OK, http))
            .Allow(Access.SignedIn)
            .WithSummary("Set my bank account: codes, type, number and names in kana, checked against the Zengin layout.")
            .Produces<BankAccountRequest>();
        api.MapGet("/communities/{slug}/payout-sender", async (HttpContext http, MikoshiDb db) =>
                await db.PayoutSenders.AsNoTracking().FirstOrDefaultAsync(s => s.CommunityId == http.Caller().RequireCommunity().Id) is { } row
                    ? Results.Ok(SenderViewOf(row))
                    : Problems.For(CommonErrors.NotFound))
            .Allow(Access.Treasurer)
            .WithSummary("The community's paying account and sender code for Zengin files.")
            .Produces<PayoutSenderRequest>();
        api.MapPut("/communities/{slug}/payout-sender", async (PayoutSenderRequest request, Payouts payouts, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await payouts.SetSenderAsync(caller, request), StatusCodes.Status200OK, http);
            })
            .Allow(Access.Admin)
            .WithSummary("Set the community's paying account and bank-given sender code (振込依頼人コード).")
            .Produces<PayoutSenderRequest>();
        api.MapGet("/communities/{slug}/payouts", async (HttpContext http, MikoshiDb db) =>
                Results.Ok(new BatchList(await ListAsync(db, http.Caller().RequireCommunity().Id))))
            .Allow(Access.Treasurer)
            .WithSummary("Payout batches, newest first, with one line per person.")
            .Produces<BatchList>();
        api.MapPost("/communities/{slug}/payouts", async (BatchRequest request, Payouts payouts, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await payouts.CreateBatchAsync(caller, request), StatusCodes.Status201Created, http);
            })
            .Allow(Access.Treasurer)
            .WithSummary("Gather every pending claim in an asset into a batch for a transfer date.")
            .Produces<BatchView>(StatusCodes.Status201Created);
        api.MapGet("/communities/{slug}/payouts/{batchId:long}/export", async (long batchId, string? format, string? lang, HttpContext http, MikoshiDb db, SecretBox box, TimeProvider clock) =>
            {
                var file = await ExportAsync(db, box, http.Caller().RequireCommunity(), batchId, format, clock.GetUtcNow(), lang);
                return file.IsSuccess ? Results.File(file.Value.Bytes, file.Value.ContentType, file.Value.FileName) : Problems.For(file.Error);
            })
            .Allow(Access.Treasurer)
            .WithSummary("Export a batch: format=csv (default), format=zengin (yen: a 総合振込 file for the bank, Shift_JIS, 120-byte records) or format=pdf (a summary with an embedded Japanese font; lang=en for English labels).");
        api.MapPost("/communities/{slug}/payouts/{batchId:long}/confirm", async (long batchId, Payouts payouts, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await payouts.ConfirmAsync(caller, batchId), StatusCodes.Status200OK, http);
            })
            .Allow(Access.Treasurer)
            .WithSummary("Confirm the bank paid the batch: the money leaves the books and its claims are paid. Only once.")
            .Produces<BatchView>();
    }
}
