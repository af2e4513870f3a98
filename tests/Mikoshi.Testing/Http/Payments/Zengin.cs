using System.Text;
using Mikoshi.Domain.Payments;

namespace Mikoshi.Tests.Http.Payments;

/// <summary>Writes 全銀協 入出金取引明細 records (200 bytes, Shift_JIS) as a bank would, for tests and the benchmark.</summary>
public static class Zengin
{
    public static byte[] File(params byte[][] data)
    {
        var records = new List<byte[]> { Header() };
        records.AddRange(data);
        records.Add(Record("8", N(data.Length, 6), N(0, 13), N(0, 6), N(0, 13), "0", N(0, 14)));
        records.Add(Record("9"));
        return records.SelectMany(r => r.Concat("\r\n"u8.ToArray())).ToArray();
    }

    public static byte[] Header() =>
        Record("1", "03", "0", "081201", "081120", "081130", "0001", C("ﾐｽﾞﾎ", 15), "001", C("ｼﾌﾞﾔ", 15), "000", "1", N(1234567, 10), C("ﾐｺｼ", 40), "0", "1", N(0, 14));

    public static byte[] Deposit(long inquiry, long yen, string payer) => Data(inquiry, "1", yen, payer);

    public static byte[] Withdrawal(long inquiry, long yen) => Data(inquiry, "2", yen, string.Empty);

    /// <summary>A data record whose amount is not digits.</summary>
    public static byte[] Malformed(long inquiry)
    {
        var record = Data(inquiry, "1", 100, "ﾜﾙｲ");
        Encoding.ASCII.GetBytes("12AB").CopyTo(record, 24);
        return record;
    }

    private static byte[] Data(long inquiry, string direction, long yen, string payer) =>
        Record("2", N(inquiry, 8), "081125", "081125", direction, "11", N(yen, 12), N(0, 12), "000000", "000000", "0", "0000000", "000", N(0, 10), C(payer, 48), C(string.Empty, 15), C(string.Empty, 15), C(string.Empty, 20), C(string.Empty, 20));

    private static string N(long value, int width) => value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');

    /// <summary>Half-width kana are one byte each in Shift_JIS; full-width characters two.</summary>
    private static string C(string text, int width)
    {
        var bytes = ZenginStatement.ShiftJis.GetByteCount(text);
        return text + new string(' ', width - bytes);
    }

    private static byte[] Record(params string[] fields)
    {
        var bytes = ZenginStatement.ShiftJis.GetBytes(string.Concat(fields));
        var record = Enumerable.Repeat((byte)' ', ZenginStatement.RecordLength).ToArray();
        bytes.CopyTo(record, 0);
        return record;
    }
}
