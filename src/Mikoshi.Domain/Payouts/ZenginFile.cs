namespace Mikoshi.Domain.Payouts;

/// <summary>What follows each 120-byte record of a Zengin file.</summary>
public enum ZenginLineBreak
{
    /// <summary>
    /// CR LF after every record (122 bytes each): what most internet-banking uploads accept, and
    /// what people can read in an editor.
    /// </summary>
    CrLf,

    /// <summary>Nothing: the records run on, 120 bytes each, for banks that want a fixed-length stream.</summary>
    None,
}

/// <summary>
/// Writes the Zengin (全銀協) general transfer file (総合振込) for a batch of yen payouts: one
/// header (data kind 1), one data record per transfer (2), a trailer with their count and sum (8)
/// and an end record (9). Every record is 120 bytes; number fields are right-aligned and
/// zero-filled, text fields left-aligned and space-filled, and every character is one byte of the
/// JIS X 0201 / Shift_JIS single-byte range (ASCII, and half-width katakana U+FF61–U+FF9F as
/// 0xA1–0xDF), mapped here without any code-page provider.
/// </summary>
public static class ZenginFile
{
    /// <summary>The length of every record, without a line break.</summary>
    public const int RecordLength = 120;

    /// <summary>The most transfers one file can count: the trailer's 合計件数 has six digits.</summary>
    public const int MaxTransfers = 999_999;

    /// <summary>The largest total one file can carry: the trailer's 合計金額 has twelve digits.</summary>
    public const long MaxTotalYen = 999_999_999_999;

    private const char HeaderKind = '1';
    private const char TransferKind = '2';
    private const char TrailerKind = '8';
    private const char EndKind = '9';
    private const string GeneralTransfer = "21"; // 種別コード: 総合振込
    private const char JisCodes = '0';           // コード区分: JIS
    private const string NoClearingHouse = "0000";
    private const char NotNewPayee = '0';
    private const char Telegraphic = '7';         // 振込指定区分: 電信

    /// <summary>
    /// The file for <paramref name="transfers"/> under <paramref name="header"/>, in that order, as
    /// bytes ready to upload. Each record is followed by CR LF unless <paramref name="lineBreak"/>
    /// says <see cref="ZenginLineBreak.None"/>; most internet-banking uploads accept CR LF.
    /// Fails with <c>no_transfers</c> for an empty batch, <c>too_many_transfers</c> above
    /// <see cref="MaxTransfers"/>, and <c>transfer_total_out_of_range</c> when the amounts add up to
    /// more than the trailer's twelve digits hold.
    /// </summary>
    public static Result<byte[]> Write(
        ZenginHeader header,
        IReadOnlyList<ZenginTransfer> transfers,
        ZenginLineBreak lineBreak = ZenginLineBreak.CrLf)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(transfers);

        var count = transfers.Count;
        if (count == 0)
        {
            return PayoutErrors.NoTransfers;
        }

        if (count > MaxTransfers)
        {
            return PayoutErrors.TooManyTransfers;
        }

        // count × ¥9,999,999,999 < 10^16 stays far inside a long, so the sum cannot overflow here.
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            var transfer = transfers[i] ?? throw new ArgumentException($"Transfer {i} is null.", nameof(transfers));
            total += transfer.Yen;
        }

        if (total > MaxTotalYen)
        {
            return PayoutErrors.TransferTotalOutOfRange;
        }

        var stride = RecordLength + (lineBreak == ZenginLineBreak.CrLf ? 2 : 0);
        var file = new byte[(count + 3) * stride];

        WriteHeader(new RecordWriter(file.AsSpan(0, stride)), header);
        for (var i = 0; i < count; i++)
        {
            WriteTransfer(new RecordWriter(file.AsSpan((i + 1) * stride, stride)), transfers[i]);
        }

        WriteTrailer(new RecordWriter(file.AsSpan((count + 1) * stride, stride)), count, total);
        WriteEnd(new RecordWriter(file.AsSpan((count + 2) * stride, stride)));
        return file;
    }

    private static void WriteHeader(RecordWriter record, ZenginHeader header)
    {
        record.Char(HeaderKind);
        record.Digits(GeneralTransfer);
        record.Char(JisCodes);
        record.Digits(header.Sender.Digits);
        record.Text(header.SenderName, ZenginHeader.SenderNameWidth);
        record.Digits(header.Date.MonthDay);
        record.Digits(header.Bank.Digits);
        record.Text(header.BankName, ZenginHeader.BankNameWidth);
        record.Digits(header.Branch.Digits);
        record.Text(header.BranchName, ZenginHeader.BranchNameWidth);
        record.Number(header.AccountType.Code, 1);
        record.Digits(header.Account.Digits);
        record.Spaces(17);
        record.End();
    }

    private static void WriteTransfer(RecordWriter record, ZenginTransfer transfer)
    {
        record.Char(TransferKind);
        record.Digits(transfer.Bank.Digits);
        record.Text(transfer.BankName, ZenginHeader.BankNameWidth);
        record.Digits(transfer.Branch.Digits);
        record.Text(transfer.BranchName, ZenginHeader.BranchNameWidth);
        record.Digits(NoClearingHouse);
        record.Number(transfer.AccountType.Code, 1);
        record.Digits(transfer.Account.Digits);
        record.Text(transfer.PayeeName, ZenginTransfer.PayeeNameWidth);
        record.Number(transfer.Yen, 10);
        record.Char(NotNewPayee);
        record.Number(transfer.Reference1.Value, 10);
        record.Number(transfer.Reference2.Value, 10);
        record.Char(Telegraphic);
        record.Spaces(1); // 識別表示: blank, as the customer codes hold numbers, not EDI text
        record.Spaces(7);
        record.End();
    }

    private static void WriteTrailer(RecordWriter record, int count, long total)
    {
        record.Char(TrailerKind);
        record.Number(count, 6);
        record.Number(total, 12);
        record.Spaces(101);
        record.End();
    }

    private static void WriteEnd(RecordWriter record)
    {
        record.Char(EndKind);
        record.Spaces(119);
        record.End();
    }

    /// <summary>
    /// Fills one record's bytes field by field, then its line break. <see cref="End"/> checks the
    /// fields came to exactly 120 bytes, so a layout slip fails loudly instead of shifting columns.
    /// </summary>
    private ref struct RecordWriter(Span<byte> bytes)
    {
        private readonly Span<byte> bytes = bytes;
        private int position;

        public void Char(char c) => bytes[position++] = ToByte(c);

        public void Digits(string digits)
        {
            foreach (var c in digits)
            {
                bytes[position++] = (byte)c;
            }
        }

        // A non-negative number right-aligned and zero-filled in width digits; callers have checked it fits.
        public void Number(long value, int width)
        {
            for (var i = position + width - 1; i >= position; i--)
            {
                bytes[i] = (byte)('0' + (value % 10));
                value /= 10;
            }

            if (value != 0)
            {
                throw new InvariantViolatedException($"A number does not fit its {width}-digit field.");
            }

            position += width;
        }

        // Text left-aligned and space-filled; the record types have checked it fits and is writable.
        public void Text(string text, int width)
        {
            if (text.Length > width)
            {
                throw new InvariantViolatedException($"Text of {text.Length} characters does not fit its {width}-byte field.");
            }

            foreach (var c in text)
            {
                bytes[position++] = ToByte(c);
            }

            Spaces(width - text.Length);
        }

        public void Spaces(int count)
        {
            bytes.Slice(position, count).Fill((byte)' ');
            position += count;
        }

        public readonly void End()
        {
            if (position != RecordLength)
            {
                throw new InvariantViolatedException($"A record came to {position} bytes instead of {RecordLength}.");
            }

            if (bytes.Length == RecordLength + 2)
            {
                bytes[RecordLength] = (byte)'\r';
                bytes[RecordLength + 1] = (byte)'\n';
            }
        }

        // ASCII is itself; half-width katakana U+FF61–U+FF9F are 0xA1–0xDF in JIS X 0201.
        private static byte ToByte(char c) => c switch
        {
            <= '\u007E' when c >= ' ' => (byte)c,
            >= '\uFF61' and <= '\uFF9F' => (byte)(c - 0xFF61 + 0xA1),
            _ => throw new InvariantViolatedException($"U+{(int)c:X4} has no single-byte form."),
        };
    }
}
