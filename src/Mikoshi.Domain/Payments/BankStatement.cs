using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Mikoshi.Domain.Payments;

/// <summary>A deposit read from a bank statement.</summary>
/// <param name="LineNumber">1-based record (Zengin) or line (CSV) number in the file.</param>
/// <param name="Identity">What makes it the same line in every later import.</param>
/// <param name="BookedOn">The day the bank booked it (勘定日).</param>
/// <param name="Amount">Yen received.</param>
/// <param name="Payer">The payer's name as the bank wrote it (振込依頼人名).</param>
public sealed record StatementDeposit(int LineNumber, string Identity, DateOnly BookedOn, long Amount, string Payer);

/// <summary>A line the reader could not use, with its 1-based number and why.</summary>
public sealed record BankLineError(int LineNumber, string Reason);

/// <summary>What a statement file held: its deposits, and the lines it could not read.</summary>
public sealed record BankStatement(IReadOnlyList<StatementDeposit> Deposits, IReadOnlyList<BankLineError> Errors, int Withdrawals);

/// <summary>
/// Reads the 全銀協 入出金取引明細 file (種別コード 03): fixed 200-byte records in Shift_JIS, with or
/// without line breaks — a header (1), data records (2), a trailer (8) and an end record (9). The layout is
/// in docs/payments.md. Pure: the bytes in, the deposits out; a bad record is reported by number and skipped.
/// </summary>
public static class ZenginStatement
{
    /// <summary>Every record is 200 bytes.</summary>
    public const int RecordLength = 200;

    static ZenginStatement() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Shift_JIS as Japanese banks write it (code page 932).</summary>
    public static Encoding ShiftJis => Encoding.GetEncoding(932);

    /// <summary>The deposits of a statement file; withdrawals are counted, bad records reported by number.</summary>
    public static BankStatement Read(ReadOnlySpan<byte> file)
    {
        var deposits = new List<StatementDeposit>();
        var errors = new List<BankLineError>();
        var withdrawals = 0;
        string? account = null;
        var number = 0;
        foreach (var record in Records(file.ToArray()))
        {
            number++;
            if (record.Length == 0)
            {
                continue;
            }

            if (record.Length != RecordLength)
            {
                errors.Add(new BankLineError(number, $"a record is {RecordLength} bytes; this one is {record.Length}"));
                continue;
            }

            switch ((char)record[0])
            {
                case '1':
                    if (Text(record, 1, 2) != "03")
                    {
                        errors.Add(new BankLineError(number, "the header is not of an 入出金取引明細 file (種別コード 03)"));
                        account = null;
                        continue;
                    }

                    // Bank, branch and account number: a line's inquiry number is unique only within its account.
                    account = $"{Text(record, 22, 4)}-{Text(record, 41, 3)}-{Text(record, 63, 10)}";
                    break;
                case '2':
                    if (account is null)
                    {
                        errors.Add(new BankLineError(number, "a data record before any valid header"));
                        continue;
                    }

                    var line = Data(record, number, account);
                    if (line.Error is { } error)
                    {
                        errors.Add(error);
                    }
                    else if (line.Deposit is { } deposit)
                    {
                        deposits.Add(deposit);
                    }
                    else
                    {
                        withdrawals++;
                    }

                    break;
                case '8':
                case '9':
                    break;
                default:
                    errors.Add(new BankLineError(number, $"unknown record kind '{(char)record[0]}'"));
                    break;
            }
        }

        return new BankStatement(deposits, errors, withdrawals);
    }

    private static (StatementDeposit? Deposit, BankLineError? Error) Data(byte[] record, int number, string account)
    {
        var inquiry = Text(record, 1, 8);
        var booked = Text(record, 9, 6);
        var direction = Text(record, 21, 1);
        var amount = Text(record, 24, 12);
        if (!IsDigits(inquiry) || !IsDigits(amount))
        {
            return (null, new BankLineError(number, "照会番号 and 取引金額 must be digits"));
        }

        var date = WarekiDate(booked);
        if (date is null)
        {
            return (null, new BankLineError(number, $"勘定日 '{booked}' is not a date (和暦 YYMMDD)"));
        }

        if (direction is not ("1" or "2"))
        {
            return (null, new BankLineError(number, $"入払区分 '{direction}' is neither 1 (入金) nor 2 (出金)"));
        }

        if (direction == "2")
        {
            return (null, null);
        }

        var payer = Text(record, 81, 48).Trim();
        var yen = long.Parse(amount, CultureInfo.InvariantCulture);
        return (new StatementDeposit(number, $"zengin:{account}:{booked}:{inquiry}", date.Value, yen, payer), null);
    }

    /// <summary>和暦 YYMMDD: 令和 for years below 31 (2019–2048), else 平成 (1989–2019).</summary>
    public static DateOnly? WarekiDate(string text)
    {
        if (text.Length != 6 || !IsDigits(text))
        {
            return null;
        }

        var year = int.Parse(text[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(text[2..4], CultureInfo.InvariantCulture);
        var day = int.Parse(text[4..], CultureInfo.InvariantCulture);
        var western = year < 31 ? 2018 + year : 1988 + year;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(western, month)
            ? new DateOnly(western, month, day)
            : null;
    }

    private static IEnumerable<byte[]> Records(byte[] file)
    {
        if (Array.IndexOf(file, (byte)'\n') < 0 && Array.IndexOf(file, (byte)'\r') < 0)
        {
            // 改行なし: one record every 200 bytes (an end-of-file mark, 0x1A, may follow).
            var length = file.Length;
            while (length > 0 && file[length - 1] == 0x1A)
            {
                length--;
            }

            for (var start = 0; start < length; start += RecordLength)
            {
                yield return file[start..Math.Min(length, start + RecordLength)];
            }

            yield break;
        }

        var begin = 0;
        for (var i = 0; i <= file.Length; i++)
        {
            if (i == file.Length || file[i] == (byte)'\n')
            {
                var end = i;
                if (end > begin && file[end - 1] == (byte)'\r')
                {
                    end--;
                }

                if (i < file.Length || end > begin)
                {
                    yield return file[begin..end];
                }

                begin = i + 1;
            }
        }
    }

    private static string Text(byte[] record, int start, int length) => ShiftJis.GetString(record, start, length);

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}

/// <summary>
/// Where the columns of a net-banking CSV export are: 1-based column numbers of the date, the deposit
/// amount and the payer's name, and optionally of the bank's own transaction id.
/// </summary>
public sealed record CsvMapping(int DateColumn, int AmountColumn, int PayerColumn, int? IdColumn, bool HasHeader, bool ShiftJis)
{
    /// <summary>The highest column number a mapping may name.</summary>
    public const int MaxColumn = 100;

    /// <summary>A checked mapping, or <c>invalid_csv_mapping</c>.</summary>
    public static Result<CsvMapping> Of(int? date, int? amount, int? payer, int? id, bool hasHeader, string? encoding)
    {
        int?[] columns = [date, amount, payer];
        if (columns.Any(c => c is null or < 1 or > MaxColumn) || id is < 1 or > MaxColumn)
        {
            return PaymentErrors.InvalidCsvMapping(MaxColumn);
        }

        if (encoding is not (null or "utf-8" or "shift_jis"))
        {
            return PaymentErrors.InvalidCsvMapping(MaxColumn);
        }

        return new CsvMapping(date!.Value, amount!.Value, payer!.Value, id, hasHeader, encoding == "shift_jis");
    }
}

/// <summary>Reads a net-banking CSV export with a saved <see cref="CsvMapping"/>. Lines without a positive amount are not deposits.</summary>
public static class CsvStatement
{
    private static readonly string[] DateFormats = ["yyyy/MM/dd", "yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd", "yyyy年M月d日"];

    /// <summary>The deposits of a CSV export, read through <paramref name="mapping"/>.</summary>
    public static BankStatement Read(ReadOnlySpan<byte> file, CsvMapping mapping)
    {
        var text = (mapping.ShiftJis ? ZenginStatement.ShiftJis : new UTF8Encoding(false)).GetString(file);
        var deposits = new List<StatementDeposit>();
        var errors = new List<BankLineError>();
        var withdrawals = 0;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var line = lines[index].TrimEnd('\r');
            if (line.Length == 0 || (index == 0 && mapping.HasHeader))
            {
                continue;
            }

            var fields = Fields(line);
            if (fields is null)
            {
                errors.Add(new BankLineError(number, "an unclosed quote"));
                continue;
            }

            var needed = new[] { mapping.DateColumn, mapping.AmountColumn, mapping.PayerColumn, mapping.IdColumn ?? 1 }.Max();
            if (fields.Count < needed)
            {
                errors.Add(new BankLineError(number, $"{fields.Count} columns; the mapping needs {needed}"));
                continue;
            }

            var amountText = fields[mapping.AmountColumn - 1].Replace(",", string.Empty, StringComparison.Ordinal).Replace("¥", string.Empty, StringComparison.Ordinal).Replace("円", string.Empty, StringComparison.Ordinal).Trim();
            if (amountText.Length == 0)
            {
                withdrawals++;
                continue;
            }

            if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                errors.Add(new BankLineError(number, $"amount '{amountText}' is not a whole number of yen"));
                continue;
            }

            if (!DateOnly.TryParseExact(fields[mapping.DateColumn - 1].Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new BankLineError(number, $"date '{fields[mapping.DateColumn - 1]}' is not a date"));
                continue;
            }

            if (amount == 0)
            {
                withdrawals++;
                continue;
            }

            var id = mapping.IdColumn is { } column && fields[column - 1].Trim().Length > 0
                ? fields[column - 1].Trim()
                : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line)))[..40];
            deposits.Add(new StatementDeposit(number, $"csv:{id}", date, amount, fields[mapping.PayerColumn - 1].Trim()));
        }

        return new BankStatement(deposits, errors, withdrawals);
    }

    /// <summary>RFC 4180 fields of one line; null when a quote is left open.</summary>
    private static List<string>? Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
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
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(field.ToString());
        return fields;
    }
}

/// <summary>
/// A member's personal transfer code, <c>MK</c> and four to six digits, which they put before their name
/// on a bank transfer (振込依頼人名). Banks write names in half-width kana and capitals, so the code is
/// found after width-folding (NFKC) and upper-casing.
/// </summary>
public static partial class TransferCode
{
    /// <summary>What every code starts with.</summary>
    public const string Prefix = "MK";

    /// <summary>The code numbered <paramref name="ordinal"/> (1, 2, …) in its community: MK1001, MK1002, ….</summary>
    public static string Of(long ordinal) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{1000 + ordinal}");

    /// <summary>The code a payer's name carries, if any.</summary>
    public static string? FindIn(string payer)
    {
        var folded = payer.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        var match = Code().Match(folded);
        return match.Success ? Prefix + match.Groups[1].Value : null;
    }

    [GeneratedRegex("(?<![A-Z0-9])MK ?([0-9]{4,6})(?![0-9])")]
    private static partial Regex Code();
}
