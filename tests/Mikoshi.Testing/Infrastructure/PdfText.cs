using System.Diagnostics;

namespace Mikoshi.Tests.Infrastructure;

/// <summary>
/// Reads a PDF back with poppler-utils, as a reader would: pdftoppm renders its first page (grey scale), pdftotext
/// extracts its text, pdffonts lists its fonts (embedded or not). Both run with a fontconfig that knows no fonts at
/// all, as on a machine with no Japanese font installed: what shows must come from the file. test.sh installs poppler-utils.
/// </summary>
public static class PdfText
{
    /// <summary>The text, the font list, and how many pixels of the first page's rendering are ink.</summary>
    public sealed record ReadBack(string Text, string Fonts, long InkPixels);

    public static async Task<ReadBack> ReadAsync(byte[] pdf)
    {
        Assert.True(pdf.Length > 4 && pdf[0] == '%' && pdf[1] == 'P' && pdf[2] == 'D' && pdf[3] == 'F', "not a PDF");
        var folder = Directory.CreateTempSubdirectory("mikoshi-pdf-");
        try
        {
            var file = Path.Combine(folder.FullName, "doc.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            var noFonts = Path.Combine(folder.FullName, "fonts.conf");
            await File.WriteAllTextAsync(noFonts, "<?xml version=\"1.0\"?><fontconfig><cachedir>" + folder.FullName + "</cachedir></fontconfig>");
            var (_, renderErrors) = await RunAsync(noFonts, "pdftoppm", "-gray", "-r", "50", "-f", "1", "-l", "1", file, Path.Combine(folder.FullName, "page"));
            Assert.DoesNotContain("font", renderErrors, StringComparison.OrdinalIgnoreCase);
            var ink = Ink(await File.ReadAllBytesAsync(folder.GetFiles("page*.pgm").Single().FullName));
            var (text, _) = await RunAsync(noFonts, "pdftotext", "-layout", file, "-");
            var (fonts, _) = await RunAsync(noFonts, "pdffonts", file);
            return new ReadBack(text, fonts, ink);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // A binary PGM (P5): three header tokens after the magic, then one byte per pixel; ink is darker than mid-grey.
    private static long Ink(byte[] pgm)
    {
        var fields = 0;
        var at = 2;
        while (fields < 3)
        {
            while (char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }

            while (!char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }

            fields++;
        }

        return pgm.AsSpan(at + 1).ToArray().LongCount(b => b < 128);
    }

    private static async Task<(string Output, string Errors)> RunAsync(string fontConfig, string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["FONTCONFIG_FILE"] = fontConfig;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await errors}");
        return (await output, await errors);
    }
}
