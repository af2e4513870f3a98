using System.Globalization;
using System.Reflection;
using System.Resources;
using Mikoshi.Domain;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Mikoshi.Features.Kernel;

/// <summary>A labelled value a document shows under its heading: withheld tax, an invoice number (T + 13 digits)…</summary>
public sealed record PdfField(string Label, string Value);

/// <summary>
/// Documents as PDF (statements, payout batch summaries, the LLC-DAO member register) (PDFsharp 6.2.4, MIT). Text is set in IPAex Gothic, which ships
/// inside the app (Fonts/ipaexg.ttf, IPA Font License v1.0) and is embedded as a subset in every file, so a reader
/// with no Japanese font installed still shows the Japanese. Times are shown in Japan time (Asia/Tokyo), yen as ¥12,345.
/// Labels come from Resources/Documents(.ja).resx; Japanese unless English is asked for.
/// </summary>
public static class PdfDocuments
{
    public const string FontFamily = "IPAexGothic";
    public const string ContentType = "application/pdf";

    private static readonly ResourceManager Texts = new("Mikoshi.Resources.Documents", typeof(PdfDocuments).Assembly);
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly Lock FontLock = new();
    private static bool fontSet;

    // A4 in points, with 40-point margins.
    private const double PageWidth = 595, PageHeight = 842, Margin = 40;

    /// <summary>The culture a document is written in: English when asked for, otherwise Japanese.</summary>
    public static CultureInfo Language(string? lang) => CultureInfo.GetCultureInfo(lang == "en" ? "en" : "ja");

    public static string Text(CultureInfo language, string key, params object[] values)
    {
        var text = Texts.GetString(key, language) ?? throw new InvariantViolatedException($"No document text '{key}'.");
        return values.Length == 0 ? text : string.Format(language, text, values);
    }

    /// <summary>¥12,345 for yen (no decimals); other assets as "1.5 ETH".</summary>
    public static string Amount(AmountView amount)
    {
        var asset = Asset.FromKnownCode(amount.Asset).Value;
        var money = Money.Of(asset, Int128.Parse(amount.Amount, CultureInfo.InvariantCulture));
        var major = Money.Of(asset, Int128.Abs(money.Units)).ToMajorString();
        var sign = money.IsNegative ? "-" : string.Empty;
        return asset == Asset.Jpy ? $"{sign}¥{major}" : $"{sign}{major} {asset.Code}";
    }

    /// <summary>An instant in Japan time, to the minute.</summary>
    public static string Jst(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Tokyo).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " JST";

    /// <summary>The label stored under <paramref name="key"/> in the documents' resources, or null if there is none.</summary>
    public static string? Named(CultureInfo language, string key) => Texts.GetString(key, language);

    /// <summary>A titled document: the fields under its heading, then a table (<paramref name="firstAmount"/> and the columns after it right-aligned).</summary>
    public static byte[] Table(string title, List<PdfField> fields, string[] headers, double[] widths, int firstAmount, List<string[]> rows, string empty)
    {
        EnsureFont();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Mikoshi";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);
        var heading = new XFont(FontFamily, 16, XFontStyleEx.Regular, options);
        var body = new XFont(FontFamily, 9, XFontStyleEx.Regular, options);
        const double line = 14;
        XGraphics? page = null;
        double y = 0;

        void NewPage()
        {
            page?.Dispose();
            var added = document.AddPage();
            added.Width = XUnit.FromPoint(PageWidth);
            added.Height = XUnit.FromPoint(PageHeight);
            page = XGraphics.FromPdfPage(added);
            y = Margin;
        }

        void Row(string[] cells, bool header)
        {
            if (y + line > PageHeight - Margin)
            {
                NewPage();
                Row(headers, header: true);
            }

            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                var text = Fit(page!, cells[i], body, widths[i] - 6);
                var right = !header && i >= firstAmount;
                var box = new XRect(x, y, widths[i] - 6, line);
                page!.DrawString(text, body, XBrushes.Black, box, right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                x += widths[i];
            }

            y += line;
            if (header)
            {
                page!.DrawLine(XPens.Gray, Margin, y - 2, PageWidth - Margin, y - 2);
            }
        }

        NewPage();
        page!.DrawString(title, heading, XBrushes.Black, new XRect(Margin, y, PageWidth - 2 * Margin, 24), XStringFormats.TopLeft);
        y += 30;
        foreach (var field in fields)
        {
            page!.DrawString(Fit(page, field.Label, body, 110), body, XBrushes.Black, new XRect(Margin, y, 110, line), XStringFormats.TopLeft);
            page.DrawString(Fit(page, field.Value, body, PageWidth - 2 * Margin - 120), body, XBrushes.Black,
                new XRect(Margin + 120, y, PageWidth - 2 * Margin - 120, line), XStringFormats.TopLeft);
            y += line;
        }

        y += line;
        Row(headers, header: true);
        foreach (var row in rows)
        {
            Row(row, header: false);
        }

        if (rows.Count == 0)
        {
            page!.DrawString(empty, body, XBrushes.Black, new XRect(Margin, y, PageWidth - 2 * Margin, line), XStringFormats.TopLeft);
        }

        page?.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    // A cell's text, cut with an ellipsis where it would run into the next column.
    private static string Fit(XGraphics page, string text, XFont font, double width)
    {
        text = text.ReplaceLineEndings(" ");
        if (page.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 0 && page.MeasureString(text[..length] + "…", font).Width > width)
        {
            length--;
        }

        return text[..length] + "…";
    }

    // PDFsharp takes one resolver for the process; ours serves the bundled font for every family it is asked for.
    private static void EnsureFont()
    {
        lock (FontLock)
        {
            if (!fontSet)
            {
                GlobalFontSettings.FontResolver ??= new BundledFont();
                fontSet = true;
            }
        }
    }

    private sealed class BundledFont : IFontResolver
    {
        private static readonly Lazy<byte[]> Bytes = new(() =>
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Mikoshi.Fonts.ipaexg.ttf")
                ?? throw new InvariantViolatedException("The bundled font Fonts/ipaexg.ttf is missing from the build.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(FontFamily);

        public byte[] GetFont(string faceName) => Bytes.Value;
    }
}
