namespace Mikoshi.Features.Kernel;

/// <summary>Text fields of the CSV files Mikoshi writes for spreadsheets, banks and accountants.</summary>
public static class CsvText
{
    /// <summary>A CSV field quoted when needed; a leading formula character is neutralised so a spreadsheet never runs it.</summary>
    public static string Field(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
