using System.Globalization;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Revenue;

/// <summary>A person's statement and a payout batch's summary as PDF (<see cref="PdfDocuments"/> sets them).</summary>
public static class RevenuePdfs
{
    /// <summary>A statement: heading, extra fields, then every movement with its running balance.</summary>
    public static byte[] Statement(StatementView statement, string community, DateTimeOffset issuedAt, CultureInfo language, IReadOnlyList<PdfField>? extra = null)
    {
        var kind = IsWholeYear(statement.From, statement.To) ? "StatementYearly" : IsWholeMonth(statement.From, statement.To) ? "StatementMonthly" : "StatementPeriod";
        var fields = new List<PdfField>
        {
            new(PdfDocuments.Text(language, "Community"), community),
            new(PdfDocuments.Text(language, "Person"), statement.DisplayName.Length > 0 ? statement.DisplayName : statement.PersonId),
            new(PdfDocuments.Text(language, "Period"), $"{statement.From:yyyy-MM-dd} – {statement.To:yyyy-MM-dd}"),
            new(PdfDocuments.Text(language, "Asset"), statement.Asset),
            new(PdfDocuments.Text(language, "Opening"), PdfDocuments.Amount(statement.Opening)),
            new(PdfDocuments.Text(language, "Closing"), PdfDocuments.Amount(statement.Closing)),
            new(PdfDocuments.Text(language, "Issued"), PdfDocuments.Jst(issuedAt)),
        };
        fields.AddRange(extra ?? []);
        var rows = statement.Lines.Select(l => new[] { PdfDocuments.Jst(l.At), Describe(language, l.Kind, l.Memo), PdfDocuments.Amount(l.Amount), PdfDocuments.Amount(l.Balance) }).ToList();
        return PdfDocuments.Table(PdfDocuments.Text(language, kind), fields,
            [PdfDocuments.Text(language, "Date"), PdfDocuments.Text(language, "Description"), PdfDocuments.Text(language, "Amount"), PdfDocuments.Text(language, "Balance")],
            [110, 245, 80, 80], firstAmount: 2, rows, PdfDocuments.Text(language, "NoMovements"));
    }

    /// <summary>A payout batch's summary: who is paid how much, and the total (no bank account numbers).</summary>
    public static byte[] Batch(BatchView batch, string community, DateTimeOffset issuedAt, CultureInfo language, IReadOnlyList<PdfField>? extra = null)
    {
        var fields = new List<PdfField>
        {
            new(PdfDocuments.Text(language, "Community"), community),
            new(PdfDocuments.Text(language, "Batch"), batch.Id.ToString(CultureInfo.InvariantCulture)),
            new(PdfDocuments.Text(language, "TransferDate"), batch.TransferDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new(PdfDocuments.Text(language, "State"), PdfDocuments.Text(language, batch.State == "paid" ? "StatePaid" : "StatePending")),
            new(PdfDocuments.Text(language, "Total"), PdfDocuments.Amount(batch.Total)),
            new(PdfDocuments.Text(language, "People"), batch.Count.ToString(CultureInfo.InvariantCulture)),
            new(PdfDocuments.Text(language, "Created"), PdfDocuments.Jst(batch.CreatedAt)),
        };
        if (batch.PaidAt is { } paid)
        {
            fields.Add(new(PdfDocuments.Text(language, "PaidAt"), PdfDocuments.Jst(paid)));
        }

        fields.Add(new(PdfDocuments.Text(language, "Issued"), PdfDocuments.Jst(issuedAt)));
        fields.AddRange(extra ?? []);

        // With withholding (源泉徴収) the bank pays the net: each line shows gross, tax withheld and net.
        if (batch.Lines.Any(l => l.Withheld.Amount != "0"))
        {
            fields.Add(new(PdfDocuments.Text(language, "Withheld"), PdfDocuments.Amount(batch.Withheld)));
            fields.Add(new(PdfDocuments.Text(language, "Net"), PdfDocuments.Amount(batch.Net)));
            var taxed = batch.Lines.Select(l => new[] { Payee(l), string.Join(", ", l.Claims), PdfDocuments.Amount(l.Amount), PdfDocuments.Amount(l.Withheld), PdfDocuments.Amount(l.Net) }).ToList();
            return PdfDocuments.Table(PdfDocuments.Text(language, "BatchTitle"), fields,
                [PdfDocuments.Text(language, "Person"), PdfDocuments.Text(language, "Claims"), PdfDocuments.Text(language, "Gross"), PdfDocuments.Text(language, "Withheld"), PdfDocuments.Text(language, "Net")],
                [185, 90, 80, 80, 80], firstAmount: 2, taxed, PdfDocuments.Text(language, "NoMovements"));
        }

        var rows = batch.Lines.Select(l => new[] { Payee(l), string.Join(", ", l.Claims), PdfDocuments.Amount(l.Amount) }).ToList();
        return PdfDocuments.Table(PdfDocuments.Text(language, "BatchTitle"), fields,
            [PdfDocuments.Text(language, "Person"), PdfDocuments.Text(language, "Claims"), PdfDocuments.Text(language, "Amount")],
            [260, 155, 100], firstAmount: 2, rows, PdfDocuments.Text(language, "NoMovements"));
    }

    private static string Payee(PayoutLine line) =>
        (line.DisplayName.Length > 0 ? line.DisplayName : line.PersonId) + (line.InvoiceNumber is { } number ? $" ({number})" : string.Empty);

    private static string Describe(CultureInfo language, string kind, string memo) =>
        PdfDocuments.Named(language, "Kind_" + kind) is { } named ? $"{named}: {memo}" : $"{kind}: {memo}";

    private static bool IsWholeMonth(DateOnly from, DateOnly to) =>
        from.Day == 1 && to == from.AddMonths(1).AddDays(-1);

    private static bool IsWholeYear(DateOnly from, DateOnly to) =>
        from is { Month: 1, Day: 1 } && to == new DateOnly(from.Year, 12, 31);
}
