using System.Globalization;
using Mikoshi.Domain.Payouts;

namespace Mikoshi.Domain.Tests.Payouts;

public class ZenginFilePropertyTests
{
    // Characters as people type names; voiced kana take two bytes once written.
    private const string Typed =
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンー" +
        "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョッ" +
        "あいうえおかがぱぴゃっん" +
        "ｱｲｳｴｵｶﾞﾊﾟｷｬｯｰﾝｦ" +
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyzＡＢＣａｂｃ0123456789０１９" +
        "()-./（）－．／";

    private static readonly Gen<char> TypedChar = Gen.OneOf(Typed.ToCharArray());

    // A name that always fits width bytes: at most width / 2 characters, each at most two bytes,
    // with spaces (half- or full-width) only between other characters.
    private static Gen<string> Name(int width) =>
        Gen.Select(
                TypedChar,
                Gen.Frequency((6, TypedChar), (1, Gen.OneOf(' ', '　'))).Array[0, (width / 2) - 2],
                TypedChar)
            .Select((first, middle, last) => first + new string(middle) + last);

    // Exactly the field's width of already half-width text, to exercise the full field.
    private static Gen<string> FullName(int width) =>
        Gen.OneOf("ｱｶﾞﾊﾟｰｦ0A(-./ ".ToCharArray()).Array[width].Select(chars => new string(chars))
            .Where(name => name[0] != ' ' && name[^1] != ' ');

    private static Gen<string> AnyName(int width) => Gen.Frequency((4, Name(width)), (1, FullName(width)));

    private static Gen<string> DigitString(int min, int max) =>
        Gen.Char['0', '9'].Array[min, max].Select(chars => new string(chars));

    // Mostly everyday amounts, sometimes up to the ten-digit maximum; the batch total may then
    // pass twelve digits, which the property checks is refused.
    private static readonly Gen<long> Yen = Gen.Frequency(
        (6, Gen.Long[1, 1_000_000]),
        (1, Gen.Long[1, ZenginTransfer.MaxYen]),
        (1, Gen.OneOf(1L, ZenginTransfer.MaxYen)));

    private static readonly Gen<AccountType> PayeeAccountType =
        Gen.OneOf(AccountType.Ordinary, AccountType.Checking, AccountType.Savings, AccountType.Other);

    private static readonly Gen<ZenginTransfer> TransferGen =
        Gen.Select(
                Gen.Select(DigitString(4, 4), AnyName(15), DigitString(3, 3), AnyName(15), PayeeAccountType),
                Gen.Select(DigitString(1, 7), AnyName(30), Yen, Gen.Long[0, CustomerCode.MaxValue], Gen.Long[0, CustomerCode.MaxValue]))
            .Select((bank, payee) =>
            {
                var transfer = ZenginTransfer.Of(
                    BankCode.Of(bank.Item1).Value,
                    bank.Item2,
                    BranchCode.Of(bank.Item3).Value,
                    bank.Item4,
                    bank.Item5,
                    AccountNumber.Of(payee.Item1).Value,
                    payee.Item2,
                    Money.Of(Asset.Jpy, payee.Item3),
                    CustomerCode.Of(payee.Item4).Value,
                    CustomerCode.Of(payee.Item5).Value);
                Assert.True(transfer.IsSuccess, transfer.Error?.ToString());
                return transfer.Value;
            });

    private static readonly Gen<ZenginHeader> HeaderGen =
        Gen.Select(
                Gen.Select(DigitString(10, 10), AnyName(40), Gen.DateOnly, DigitString(4, 4)),
                Gen.Select(AnyName(15), DigitString(3, 3), AnyName(15), Gen.OneOf(AccountType.Ordinary, AccountType.Checking, AccountType.Other), DigitString(1, 7)))
            .Select((a, b) =>
            {
                var header = ZenginHeader.Of(
                    SenderCode.Of(a.Item1).Value,
                    a.Item2,
                    TransferDate.On(a.Item3),
                    BankCode.Of(a.Item4).Value,
                    b.Item1,
                    BranchCode.Of(b.Item2).Value,
                    b.Item3,
                    b.Item4,
                    AccountNumber.Of(b.Item5).Value);
                Assert.True(header.IsSuccess, header.Error?.ToString());
                return header.Value;
            });

    private static readonly Gen<(ZenginHeader Header, ZenginTransfer[] Transfers, bool CrLf)> Batch =
        Gen.Select(HeaderGen, TransferGen.Array[1, 500], Gen.Bool);

    [Fact]
    public void Write_AnyBatch_GivesWholeRecordsOfAllowedBytes_ATrailerOfItsSums_AndReadsBackTheSame()
    {
        Batch.Sample(batch =>
        {
            var (header, transfers, crLf) = batch;
            var total = transfers.Sum(t => t.Yen);
            var written = ZenginFile.Write(header, transfers, crLf ? ZenginLineBreak.CrLf : ZenginLineBreak.None);

            if (total > ZenginFile.MaxTotalYen)
            {
                Assert.Equal("transfer_total_out_of_range", written.Error?.Code);
                return;
            }

            Assert.True(written.IsSuccess, written.Error?.ToString());
            var file = written.Value;

            // Every record 120 bytes (+ CR LF), every byte one the layout allows.
            var records = ZenginReader.Records(file, crLf);
            Assert.Equal(transfers.Length + 3, records.Count);
            Assert.All(records, record =>
            {
                Assert.Equal(120, record.Length);
                Assert.All(record, b => Assert.True(ZenginReader.IsAllowedByte(b), $"byte 0x{b:X2}"));
            });

            // The trailer is the count and sum of the data records as read back.
            var read = ZenginReader.Read(file, crLf);
            Assert.Equal(transfers.Length, read.Trailer.Count);
            Assert.Equal(read.Transfers.Sum(t => t.Yen), read.Trailer.TotalYen);
            Assert.Equal(total, read.Trailer.TotalYen);

            // Reading the file back gives the same header and the same transfers, in order.
            Assert.Equal(Expected(header), read.Header);
            Assert.Equal(transfers.Select(Expected), read.Transfers);
        }, iter: 100);
    }

    [Fact]
    public void Write_AnyBatch_WithoutLineBreaks_IsTheSameRecordsRunTogether()
    {
        Gen.Select(HeaderGen, TransferGen.Array[1, 50]).Sample((header, transfers) =>
        {
            if (transfers.Sum(t => t.Yen) > ZenginFile.MaxTotalYen)
            {
                return;
            }

            var withBreaks = ZenginFile.Write(header, transfers, ZenginLineBreak.CrLf).Value;
            var withoutBreaks = ZenginFile.Write(header, transfers, ZenginLineBreak.None).Value;

            Assert.Equal(ZenginReader.Records(withBreaks, crLf: true).SelectMany(r => r), withoutBreaks);
        }, iter: 100);
    }

    private static ZenginReader.Header Expected(ZenginHeader header) => new(
        header.Sender.Digits,
        header.SenderName,
        header.Date.Date.ToString("MMdd", CultureInfo.InvariantCulture),
        header.Bank.Digits,
        header.BankName,
        header.Branch.Digits,
        header.BranchName,
        header.AccountType.Code,
        header.Account.Digits);

    private static ZenginReader.Transfer Expected(ZenginTransfer transfer) => new(
        transfer.Bank.Digits,
        transfer.BankName,
        transfer.Branch.Digits,
        transfer.BranchName,
        transfer.AccountType.Code,
        transfer.Account.Digits,
        transfer.PayeeName,
        transfer.Yen,
        transfer.Reference1.Value,
        transfer.Reference2.Value);
}
