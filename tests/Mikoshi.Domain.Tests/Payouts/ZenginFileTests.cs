using Mikoshi.Domain.Payouts;
using static Mikoshi.Domain.Tests.Payouts.ZenginSamples;

namespace Mikoshi.Domain.Tests.Payouts;

public class ZenginFileTests
{
    private static string Spaces(int count) => new(' ', count);

    private static string Decode(byte[] record) => ZenginReader.Field(record, 0, record.Length);

    [Fact]
    public void Write_OneTransfer_GivesExactlyTheRecordsOfTheLayout()
    {
        var file = Write(Header(), [Transfer(yen: 15_000, reference1: 42)]);

        var records = ZenginReader.Records(file, crLf: true).Select(Decode).ToArray();

        // Each expected record is spelled out field by field in ZENGIN.md order.
        Assert.Equal(4, records.Length);
        Assert.Equal(
            "1" + "21" + "0" + "0123456789" + "ｶ)ﾐｺｼ" + Spaces(35) + "0425" + "0005" + "ﾐﾂﾋﾞｼﾕｰｴﾌｼﾞｴｲ" + Spaces(2)
                + "001" + "ﾎﾝﾃﾝ" + Spaces(11) + "1" + "1234567" + Spaces(17),
            records[0]);
        Assert.Equal(
            "2" + "0001" + "ﾐｽﾞﾎ" + Spaces(11) + "210" + "ｼﾌﾞﾔ" + Spaces(11) + "0000" + "1" + "0098765"
                + "ﾔﾏﾀﾞ ﾀﾛｳ" + Spaces(22) + "0000015000" + "0" + "0000000042" + "0000000000" + "7" + " " + Spaces(7),
            records[1]);
        Assert.Equal("8" + "000001" + "000000015000" + Spaces(101), records[2]);
        Assert.Equal("9" + Spaces(119), records[3]);
        Assert.All(records, record => Assert.Equal(120, record.Length));
    }

    [Fact]
    public void Write_PutsEveryFieldAtItsOffset()
    {
        var header = ZenginHeader.Of(
            SenderCode.Of("0000000001").Value,
            "ミコシ　コミュニティ",
            TransferDate.On(new DateOnly(2026, 12, 1)),
            BankCode.Of("0009").Value,
            "ミツイスミトモ",
            BranchCode.Of("100").Value,
            "ｼﾝｼﾞﾕｸ",
            AccountType.Checking,
            AccountNumber.Of("77").Value).Value;
        var transfers = new[]
        {
            Transfer(yen: 1, payeeName: "ｱ", bankCode: "0010", branchCode: "001", account: "1", accountType: AccountType.Savings),
            Transfer(yen: 9_999_999_999, payeeName: new string('ガ', 15), bankName: "ユウチヨ", branchName: "ゼロイチハチ", account: "1234567", accountType: AccountType.Other, reference1: 9_999_999_999, reference2: 1),
            Transfer(yen: 123_456, payeeName: "ＭＩＫＯＳＨＩ　dao", bankName: "ＰＡＹＰＡＹ", branchName: "ｽｽﾞﾒ", accountType: AccountType.Checking),
        };

        var read = ZenginReader.Read(Write(header, transfers));

        Assert.Equal(new ZenginReader.Header("0000000001", "ﾐｺｼ ｺﾐﾕﾆﾃｲ", "1201", "0009", "ﾐﾂｲｽﾐﾄﾓ", "100", "ｼﾝｼﾞﾕｸ", 2, "0000077"), read.Header);
        Assert.Equal(
            new ZenginReader.Transfer[]
            {
                new("0010", "ﾐｽﾞﾎ", "001", "ｼﾌﾞﾔ", 4, "0000001", "ｱ", 1, 0, 0),
                new("0001", "ﾕｳﾁﾖ", "210", "ｾﾞﾛｲﾁﾊﾁ", 9, "1234567", string.Concat(Enumerable.Repeat("ｶﾞ", 15)), 9_999_999_999, 9_999_999_999, 1),
                new("0001", "PAYPAY", "210", "ｽｽﾞﾒ", 2, "0098765", "MIKOSHI DAO", 123_456, 0, 0),
            },
            read.Transfers);
        Assert.Equal(new ZenginReader.Trailer(3, 1 + 9_999_999_999 + 123_456), read.Trailer);
    }

    [Fact]
    public void Write_WritesHalfWidthKatakanaAsTheirSingleJisBytes()
    {
        var file = Write(Header(), [Transfer(payeeName: "ガパヲー")]);

        var payee = ZenginReader.Records(file, crLf: true)[1].AsSpan(50, 30).ToArray();

        byte[] expected = [0xB6, 0xDE, 0xCA, 0xDF, 0xA6, 0xB0]; // ｶ ﾞ ﾊ ﾟ ｦ ｰ
        Assert.Equal(expected.Concat(Enumerable.Repeat((byte)0x20, 24)), payee);
    }

    [Fact]
    public void Write_EndsEveryRecordWithCrLf_OrRunsThemOnWhenAsked()
    {
        var header = Header();
        ZenginTransfer[] transfers = [Transfer(yen: 1), Transfer(yen: 2), Transfer(yen: 3)];

        var withBreaks = Write(header, transfers, ZenginLineBreak.CrLf);
        var withoutBreaks = Write(header, transfers, ZenginLineBreak.None);

        Assert.Equal(6 * 122, withBreaks.Length);
        Assert.Equal(6 * 120, withoutBreaks.Length);
        Assert.Equal(ZenginReader.Records(withBreaks, crLf: true).SelectMany(r => r), withoutBreaks);
        Assert.DoesNotContain((byte)'\r', withoutBreaks);
        Assert.DoesNotContain((byte)'\n', withoutBreaks);
        Assert.Equal(ZenginReader.Read(withBreaks), ZenginReader.Read(withoutBreaks, crLf: false), new ContentsComparer());
    }

    [Fact]
    public void Write_TrailerCountsTheTransfersAndSumsTheirAmounts()
    {
        ZenginTransfer[] transfers = [Transfer(yen: 1_000), Transfer(yen: 2_500), Transfer(yen: 9_999_999_999), Transfer(yen: 1)];

        var read = ZenginReader.Read(Write(Header(), transfers));

        Assert.Equal(4, read.Trailer.Count);
        Assert.Equal(10_000_003_500, read.Trailer.TotalYen);
    }

    [Fact]
    public void Write_AcceptsATotalOfTwelveNines_AndRefusesOneYenMore()
    {
        var full = Enumerable.Repeat(Transfer(yen: 9_999_999_999), 100).ToList(); // 999,999,999,900

        var atLimit = ZenginFile.Write(Header(), [.. full, Transfer(yen: 99)]);
        var overLimit = ZenginFile.Write(Header(), [.. full, Transfer(yen: 100)]);

        Assert.True(atLimit.IsSuccess, atLimit.Error?.ToString());
        Assert.Equal(999_999_999_999, ZenginReader.Read(atLimit.Value).Trailer.TotalYen);
        Assert.Equal("transfer_total_out_of_range", overLimit.Error?.Code);
    }

    [Fact]
    public void Write_RefusesAnEmptyBatch() =>
        Assert.Equal("no_transfers", ZenginFile.Write(Header(), []).Error?.Code);

    [Fact]
    public void Write_RefusesMoreTransfersThanTheTrailerCanCount()
    {
        // The same transfer a million times: only references, and refused before any bytes are made.
        var tooMany = Enumerable.Repeat(Transfer(yen: 1), ZenginFile.MaxTransfers + 1).ToArray();

        Assert.Equal("too_many_transfers", ZenginFile.Write(Header(), tooMany).Error?.Code);
    }

    [Fact]
    public void Write_AHundredThousandTransfers_GivesEveryRecordAndTheRightTrailer()
    {
        const int count = 100_000;
        var transfers = new ZenginTransfer[count];
        long expectedTotal = 0;
        for (var i = 0; i < count; i++)
        {
            var yen = 1 + ((i * 7_919L) % 5_000_000);
            transfers[i] = Transfer(yen: yen, account: (i % 9_999_999 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), reference1: i);
            expectedTotal += yen;
        }

        var file = Write(Header(), transfers);

        Assert.Equal((count + 3) * 122, file.Length);
        var read = ZenginReader.Read(file);
        Assert.Equal(new ZenginReader.Trailer(count, expectedTotal), read.Trailer);
        Assert.Equal(transfers.Select(t => t.Yen), read.Transfers.Select(t => t.Yen));
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), read.Transfers.Select(t => t.Reference1));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(10_000_000_000L)]
    public void Transfer_RefusesAnAmountOutsideOneYenToTenNines(long yen) =>
        Assert.Equal("transfer_amount_out_of_range", TryTransfer(yen: yen).Error?.Code);

    [Theory]
    [InlineData(1L)]
    [InlineData(9_999_999_999L)]
    public void Transfer_AcceptsTheSmallestAndLargestAmounts(long yen)
    {
        var transfer = Transfer(yen: yen);

        Assert.Equal(yen, transfer.Yen);
        Assert.Equal(Money.Of(Asset.Jpy, yen), transfer.Amount);
    }

    [Fact]
    public void Transfer_RefusesMoneyThatIsNotYen()
    {
        var jpyWithCents = Asset.Of("JPY", 2).Value;

        foreach (var asset in new[] { Asset.Usd, Asset.Usdc, Asset.Eth, jpyWithCents })
        {
            var transfer = ZenginTransfer.Of(
                BankCode.Of("0001").Value, "ﾐｽﾞﾎ", BranchCode.Of("001").Value, "ﾎﾝﾃﾝ", AccountType.Ordinary,
                AccountNumber.Of("1").Value, "ﾔﾏﾀﾞ", Money.Of(asset, 100));

            Assert.Equal("unknown_asset", transfer.Error?.Code);
        }
    }

    [Fact]
    public void Transfer_RefusesAnUnwritableName_SayingWhichField()
    {
        var payee = TryTransfer(payeeName: "山田 タロウ");
        var bank = TryTransfer(bankName: "三井住友");
        var branch = TryTransfer(branchName: "渋谷");

        Assert.Equal(["invalid_bank_name"], new[] { payee, bank, branch }.Select(r => r.Error?.Code).Distinct());
        Assert.Equal(BankField.PayeeName, payee.Error?.Arguments[0]);
        Assert.Equal(BankField.PayeeBankName, bank.Error?.Arguments[0]);
        Assert.Equal(BankField.PayeeBranchName, branch.Error?.Arguments[0]);
    }

    [Fact]
    public void Transfer_RefusesNamesLongerThanTheirFields()
    {
        Assert.Equal("bank_name_too_long", TryTransfer(payeeName: new string('ア', 31)).Error?.Code);
        Assert.Equal("bank_name_too_long", TryTransfer(bankName: new string('ア', 16)).Error?.Code);
        Assert.Equal("bank_name_too_long", TryTransfer(branchName: new string('ガ', 8)).Error?.Code); // 16 bytes
        Assert.True(TryTransfer(payeeName: new string('ア', 30), bankName: new string('ア', 15), branchName: new string('ア', 15)).IsSuccess);
    }

    [Fact]
    public void Header_RefusesASavingsAccountAsTheSender()
    {
        var header = ZenginHeader.Of(
            SenderCode.Of("0123456789").Value, "ﾐｺｼ", TransferDate.On(new DateOnly(2026, 4, 25)),
            BankCode.Of("0005").Value, "ﾐﾂﾋﾞｼ", BranchCode.Of("001").Value, "ﾎﾝﾃﾝ",
            AccountType.Savings, AccountNumber.Of("1").Value);

        Assert.Equal("invalid_account_type", header.Error?.Code);
    }

    [Fact]
    public void Header_RefusesNamesLongerThanTheirFields()
    {
        Assert.Equal("bank_name_too_long", TryHeader(senderName: new string('ア', 41)).Error?.Code);
        Assert.Equal("bank_name_too_long", TryHeader(bankName: new string('ア', 16)).Error?.Code);
        Assert.Equal("bank_name_too_long", TryHeader(branchName: new string('ア', 16)).Error?.Code);
        Assert.Equal(40, Header(senderName: new string('ア', 40)).SenderName.Length);
    }

    [Fact]
    public void Header_RefusesAnUnwritableSenderName() =>
        Assert.Equal("invalid_bank_name", TryHeader(senderName: "株式会社ミコシ").Error?.Code);

    [Fact]
    public void Transfer_MadeFromADefaultValue_IsABugAndThrows()
    {
        Assert.Throws<ArgumentException>(() => ZenginTransfer.Of(
            default, "ﾐｽﾞﾎ", BranchCode.Of("001").Value, "ﾎﾝﾃﾝ", AccountType.Ordinary,
            AccountNumber.Of("1").Value, "ﾔﾏﾀﾞ", Money.Of(Asset.Jpy, 1)));
        Assert.Throws<ArgumentException>(() => ZenginTransfer.Of(
            BankCode.Of("0001").Value, "ﾐｽﾞﾎ", BranchCode.Of("001").Value, "ﾎﾝﾃﾝ", default,
            AccountNumber.Of("1").Value, "ﾔﾏﾀﾞ", Money.Of(Asset.Jpy, 1)));
    }

    private sealed class ContentsComparer : IEqualityComparer<ZenginReader.Contents>
    {
        public bool Equals(ZenginReader.Contents? x, ZenginReader.Contents? y) =>
            x is not null && y is not null && x.Header == y.Header && x.Trailer == y.Trailer && x.Transfers.SequenceEqual(y.Transfers);

        public int GetHashCode(ZenginReader.Contents obj) => obj.Header.GetHashCode();
    }
}
