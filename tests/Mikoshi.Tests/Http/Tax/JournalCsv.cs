using System.Globalization;
using System.Text;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Tax;

/// <summary>
/// A reader of the 仕訳帳 import layout documented in docs/japan.md (マネーフォワード クラウド会計, 27 columns A–AA),
/// written from the documentation, not from the exporter: it checks the header, splits quoted CSV fields, and
/// returns each row's 取引No, 取引日 and both sides.
/// </summary>
public static class JournalCsv
{
    public static readonly string[] Header =
    [
        "取引No", "取引日", "借方勘定科目", "借方補助科目", "借方部門", "借方取引先", "借方税区分", "借方インボイス", "借方金額(円)", "借方税額",
        "貸方勘定科目", "貸方補助科目", "貸方部門", "貸方取引先", "貸方税区分", "貸方インボイス", "貸方金額(円)", "貸方税額",
        "摘要", "仕訳メモ", "タグ", "MF仕訳タイプ", "決算整理仕訳", "作成日時", "作成者", "最終更新日時", "最終更新者",
    ];

    public sealed record Row(int Number, string Day, string DebitAccount, long DebitAmount, string CreditAccount, long CreditAmount, string Memo, string Note);

    public static List<Row> Parse(byte[] bytes)
    {
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "the file starts with a UTF-8 BOM");
        var (records, complete) = Csv.Records(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), "\r\n");
        Assert.True(complete, "the file ends with CRLF");
        Assert.Equal(Header, records[0]);
        var rows = new List<Row>();
        foreach (var fields in records.Skip(1))
        {
            Assert.Equal(27, fields.Count);
            Assert.Matches(@"^\d{4}/\d{2}/\d{2}$", fields[1]);
            rows.Add(new Row(int.Parse(fields[0], CultureInfo.InvariantCulture), fields[1], fields[2], Amount(fields[8]), fields[10], Amount(fields[16]), fields[18], fields[19]));
            // A side is named exactly when it has an amount.
            Assert.Equal(fields[2].Length > 0, fields[8].Length > 0);
            Assert.Equal(fields[10].Length > 0, fields[16].Length > 0);
        }

        return rows;
    }

    private static long Amount(string field) => field.Length == 0 ? 0 : long.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture);
}
