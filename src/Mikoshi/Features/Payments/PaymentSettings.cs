using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Payments;
using Mikoshi.Domain.Projects;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Payments;

/// <summary>The CSV columns (1-based) of a net-banking export; encoding utf-8 or shift_jis.</summary>
public sealed record CsvMappingRequest(int? Date, int? Amount, int? Payer, int? Id, bool? HasHeader, string? Encoding);

/// <summary>An admin's payment settings: monthly dues (a Stripe price and its amount), the bank account shown to members, the CSV mapping.</summary>
public sealed record PaymentSettingsRequest(string? DuesPriceId, string? DuesAmount, string? BankAccount, CsvMappingRequest? Csv);

public sealed record PaymentSettingsView(string? DuesPriceId, AmountView? DuesAmount, string? BankAccount, CsvMapping? Csv);

/// <summary>A Stripe payment link (plink_…) whose paid sales become the project's revenue.</summary>
public sealed record SaleLinkRequest(string? PaymentLink);

// Wire format: the project number stays a plain number.
public sealed record SaleLinkView(string PaymentLink, long Project);

/// <summary>Payment settings and the payment links that sell a project's work.</summary>
public sealed class PaymentSettings(Writer writer)
{
    public Task<Result<Committed<PaymentSettingsView>>> SaveAsync(Caller admin, PaymentSettingsRequest request)
    {
        var community = admin.RequireCommunity();
        var dues = request.DuesAmount is null ? Result<Money>.Ok(Money.Zero(community.Base)) : Money.Parse(community.Base, request.DuesAmount);
        if (!dues.IsSuccess)
        {
            return Task.FromResult<Result<Committed<PaymentSettingsView>>>(dues.Error);
        }

        var priceId = request.DuesPriceId?.Trim() ?? string.Empty;
        if (priceId.Length > PaymentSettingsRules.MaxStripeIdLength || (priceId.Length > 0 && dues.Value.Units <= Int128.Zero) || dues.Value.Units > StripeCheckout.MaxYen)
        {
            return Task.FromResult<Result<Committed<PaymentSettingsView>>>(PaymentErrors.InvalidDues);
        }

        var checkedBank = BoundedText.OptionalLine(request.BankAccount, PaymentSettingsRules.MaxBankAccountLength, PaymentErrors.InvalidBankAccount(PaymentSettingsRules.MaxBankAccountLength));
        if (!checkedBank.IsSuccess)
        {
            return Task.FromResult<Result<Committed<PaymentSettingsView>>>(checkedBank.Error);
        }

        var bank = checkedBank.Value.Value;

        CsvMapping? csv = null;
        if (request.Csv is { } c)
        {
            var mapping = CsvMapping.Of(c.Date, c.Amount, c.Payer, c.Id, c.HasHeader ?? true, c.Encoding);
            if (!mapping.IsSuccess)
            {
                return Task.FromResult<Result<Committed<PaymentSettingsView>>>(mapping.Error);
            }

            csv = mapping.Value;
        }

        return writer.RunAsync(admin, Access.Admin, null, async write =>
        {
            var row = await write.Db.PaymentSettings.FirstOrDefaultAsync(s => s.CommunityId == community.Id);
            if (row is null)
            {
                row = new PaymentSettingsRow { CommunityId = community.Id };
                write.Db.PaymentSettings.Add(row);
            }

            row.DuesPriceId = priceId;
            row.DuesAmount = (long)dues.Value.Units;
            row.BankAccount = bank;
            row.CsvMapping = csv is null ? row.CsvMapping : System.Text.Json.JsonSerializer.Serialize(csv, Writer.Json);
            await write.AuditAsync("payment.settings", new { duesPriceId = priceId, duesAmount = row.DuesAmount.ToString(CultureInfo.InvariantCulture), bankAccount = bank, csv });
            return Result<PaymentSettingsView>.Ok(View(row, community));
        });
    }

    public static async Task<PaymentSettingsView> ReadAsync(MikoshiDb db, Community community) =>
        View(await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommunityId == community.Id), community);

    private static PaymentSettingsView View(PaymentSettingsRow? row, Community community) => new(
        row is { DuesPriceId.Length: > 0 } ? row.DuesPriceId : null,
        row is { DuesAmount: > 0 } ? AmountView.Of(Money.Of(community.Base, row.DuesAmount)) : null,
        row is { BankAccount.Length: > 0 } ? row.BankAccount : null,
        row is { CsvMapping.Length: > 0 } ? System.Text.Json.JsonSerializer.Deserialize<CsvMapping>(row.CsvMapping, Writer.Json) : null);

    public Task<Result<Committed<SaleLinkView>>> LinkSaleAsync(Caller caller, ProjectNumber project, SaleLinkRequest request)
    {
        var community = caller.RequireCommunity();
        var link = request.PaymentLink?.Trim() ?? string.Empty;
        if (!link.StartsWith("plink_", StringComparison.Ordinal) || link.Length > PaymentSettingsRules.MaxStripeIdLength || !link.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
        {
            return Task.FromResult<Result<Committed<SaleLinkView>>>(PaymentErrors.InvalidPaymentLink);
        }

        return writer.RunAsync(caller, Access.Treasurer, null, async write =>
        {
            var treasurer = caller.RequirePerson();
            if (!await write.Db.Projects.AnyAsync(p => p.CommunityId == community.Id && p.Number == project))
            {
                return ProjectErrors.ProjectNotFound;
            }

            if (await write.Db.SaleLinks.AnyAsync(l => l.PaymentLinkId == link))
            {
                return PaymentErrors.PaymentLinkTaken;
            }

            write.Db.SaleLinks.Add(new SaleLinkRow { PaymentLinkId = link, CommunityId = community.Id, ProjectNumber = project, CreatedById = treasurer });
            await write.AuditAsync("payment.sale_link", new { project, paymentLink = link });
            return Result<SaleLinkView>.Ok(new SaleLinkView(link, project.Value));
        });
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/payments/settings", async (MikoshiDb db, HttpContext http) => Results.Ok(await ReadAsync(db, http.Caller().RequireCommunity())))
            .Allow(Access.Treasurer)
            .WithSummary("The community's payment settings.")
            .Produces<PaymentSettingsView>();
        api.MapPut("/communities/{slug}/payments/settings", async (PaymentSettingsRequest request, PaymentSettings settings, HttpContext http) =>
                Problems.From(await settings.SaveAsync(http.Caller(), request), StatusCodes.Status200OK, http))
            .Allow(Access.Admin)
            .WithSummary("Set monthly dues (a Stripe price and its amount), the bank account members transfer to, and the CSV mapping.")
            .Produces<PaymentSettingsView>();
        api.MapPost("/communities/{slug}/projects/{projectId:long}/sale-links", async (long projectId, SaleLinkRequest request, PaymentSettings settings, HttpContext http) =>
                ProjectNumber.Of(projectId) is { IsSuccess: true } project
                    ? Problems.From(await settings.LinkSaleAsync(http.Caller(), project.Value, request), StatusCodes.Status201Created, http)
                    : Problems.For(ProjectErrors.ProjectNotFound))
            .Allow(Access.Treasurer)
            .WithSummary("Sell a project's work through a Stripe payment link: each paid sale is recorded as the project's revenue.")
            .Produces<SaleLinkView>(StatusCodes.Status201Created);
    }
}
