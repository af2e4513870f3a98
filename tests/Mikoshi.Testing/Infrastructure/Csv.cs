using System.Text;

namespace Mikoshi.Tests.Infrastructure;

/// <summary>
/// Reads CSV as RFC 4180 writes it, for tests that check what Mikoshi exports: fields split on commas, quoted fields
/// holding commas, doubled quotes and line breaks. Written apart from the product's readers, so a test does not
/// read an export with the code that wrote it.
/// </summary>
public static class Csv
{
    /// <summary>
    /// The records of <paramref name="text"/>, split on <paramref name="lineEnd"/> outside quotes; <c>Complete</c> says
    /// whether the text ended with a line end (nothing was left after the last one).
    /// </summary>
    public static (List<List<string>> Records, bool Complete) Records(string text, string lineEnd)
    {
        var records = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (string.CompareOrdinal(text, i, lineEnd, 0, lineEnd.Length) == 0)
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add(fields);
                fields = [];
                i += lineEnd.Length - 1;
            }
            else
            {
                field.Append(c);
            }
        }

        var complete = field.Length == 0 && fields.Count == 0;
        if (!complete)
        {
            fields.Add(field.ToString());
            records.Add(fields);
        }

        return (records, complete);
    }
}
