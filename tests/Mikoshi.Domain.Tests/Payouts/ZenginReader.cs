using System.Globalization;

namespace Mikoshi.Domain.Tests.Payouts;

/// <summary>
/// A reader of 総合振込 files written for the tests from the layout in ZENGIN.md, independent of
/// the writer: it cuts each record at the documented byte offsets, decodes JIS X 0201 bytes itself
/// and insists on every fixed value, so a shifted column or a stray byte fails the test.
/// </summary>
internal static class ZenginReader
{
    public sealed record Header(
        string SenderCode,
        string SenderName,
        string MonthDay,
        string BankCode,
        string BankName,
        string BranchCode,
        string BranchName,
        int AccountType,
        string AccountNumber);

    public sealed record Transfer(
        string BankCode,
        string BankName,
        string BranchCode,
        string BranchName,
        int AccountType,
        string AccountNumber,
        string PayeeName,
        long Yen,
        long Reference1,
        long Reference2);

    public sealed record Trailer(int Count, long TotalYen);

    public sealed record Contents(Header Header, IReadOnlyList<Transfer> Transfers, Trailer Trailer);

    /// <summary>The bytes a record may hold: space, ( ) - . /, digits, A–Z, ｦ, ｰ to ﾟ.</summary>
    public static bool IsAllowedByte(byte b) =>
        b is 0x20 or 0x28 or 0x29 or 0x2D or 0x2E or 0x2F
            or (>= 0x30 and <= 0x39)
            or (>= 0x41 and <= 0x5A)
            or 0xA6
            or (>= 0xB0 and <= 0xDF);

    /// <summary>Splits a file into its records, checking each line break.</summary>
    public static List<byte[]> Records(byte[] file, bool crLf)
    {
        var stride = crLf ? 122 : 120;
        Assert.Equal(0, file.Length % stride);
        var records = new List<byte[]>();
        for (var start = 0; start < file.Length; start += stride)
        {
            if (crLf)
            {
                Assert.Equal((byte)'\r', file[start + 120]);
                Assert.Equal((byte)'\n', file[start + 121]);
            }

            records.Add(file[start..(start + 120)]);
        }

        return records;
    }

    public static Contents Read(byte[] file, bool crLf = true)
    {
        var records = Records(file, crLf);
        Assert.True(records.Count >= 3, "a file has a header, a trailer and an end record at least");
        var header = ReadHeader(records[0]);
        var transfers = new List<Transfer>(records.Count - 3);
        for (var i = 1; i < records.Count - 2; i++)
        {
            transfers.Add(ReadTransfer(records[i]));
        }

        var trailer = ReadTrailer(records[^2]);
        ReadEnd(records[^1]);
        return new Contents(header, transfers, trailer);
    }

    public static Header ReadHeader(byte[] r)
    {
        Assert.Equal("1", Field(r, 0, 1));
        Assert.Equal("21", Field(r, 1, 2));
        Assert.Equal("0", Field(r, 3, 1));
        Assert.Equal(new string(' ', 17), Field(r, 103, 17));
        return new Header(
            SenderCode: Digits(r, 4, 10),
            SenderName: Text(r, 14, 40),
            MonthDay: Digits(r, 54, 4),
            BankCode: Digits(r, 58, 4),
            BankName: Text(r, 62, 15),
            BranchCode: Digits(r, 77, 3),
            BranchName: Text(r, 80, 15),
            AccountType: (int)Number(r, 95, 1),
            AccountNumber: Digits(r, 96, 7));
    }

    public static Transfer ReadTransfer(byte[] r)
    {
        Assert.Equal("2", Field(r, 0, 1));
        Assert.Equal("0000", Field(r, 38, 4));   // 手形交換所番号
        Assert.Equal("0", Field(r, 90, 1));      // 新規コード
        Assert.Equal("7", Field(r, 111, 1));     // 振込指定区分: 電信
        Assert.Equal(" ", Field(r, 112, 1));     // 識別表示
        Assert.Equal(new string(' ', 7), Field(r, 113, 7));
        return new Transfer(
            BankCode: Digits(r, 1, 4),
            BankName: Text(r, 5, 15),
            BranchCode: Digits(r, 20, 3),
            BranchName: Text(r, 23, 15),
            AccountType: (int)Number(r, 42, 1),
            AccountNumber: Digits(r, 43, 7),
            PayeeName: Text(r, 50, 30),
            Yen: Number(r, 80, 10),
            Reference1: Number(r, 91, 10),
            Reference2: Number(r, 101, 10));
    }

    public static Trailer ReadTrailer(byte[] r)
    {
        Assert.Equal("8", Field(r, 0, 1));
        Assert.Equal(new string(' ', 101), Field(r, 19, 101));
        return new Trailer((int)Number(r, 1, 6), Number(r, 7, 12));
    }

    public static void ReadEnd(byte[] r)
    {
        Assert.Equal("9", Field(r, 0, 1));
        Assert.Equal(new string(' ', 119), Field(r, 1, 119));
    }

    /// <summary>The characters of a field, decoded byte by byte.</summary>
    public static string Field(byte[] record, int offset, int length)
    {
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = Decode(record[offset + i]);
        }

        return new string(text);
    }

    public static char Decode(byte b) => b switch
    {
        >= 0x20 and <= 0x7E => (char)b,
        >= 0xA1 and <= 0xDF => (char)(0xFF61 + (b - 0xA1)),
        _ => throw new Xunit.Sdk.XunitException($"byte 0x{b:X2} is outside the JIS X 0201 printable range"),
    };

    // A C field: left-aligned, space-filled; never starts with the filling.
    private static string Text(byte[] r, int offset, int length)
    {
        var field = Field(r, offset, length);
        var text = field.TrimEnd(' ');
        if (text.StartsWith(' '))
        {
            Assert.Fail($"text field at {offset} is not left-aligned: '{field}'");
        }

        return text;
    }

    // An N field: every byte a digit.
    private static string Digits(byte[] r, int offset, int length)
    {
        var field = Field(r, offset, length);
        if (!field.All(char.IsAsciiDigit))
        {
            Assert.Fail($"number field at {offset} is not all digits: '{field}'");
        }

        return field;
    }

    private static long Number(byte[] r, int offset, int length) =>
        long.Parse(Digits(r, offset, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
