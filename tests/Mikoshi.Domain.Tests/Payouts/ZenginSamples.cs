using Mikoshi.Domain.Payouts;

namespace Mikoshi.Domain.Tests.Payouts;

/// <summary>Headers and transfers for the tests, made through the real factories.</summary>
internal static class ZenginSamples
{
    public static ZenginHeader Header(
        string senderName = "カ）ミコシ",
        string bankName = "ミツビシユーエフジエイ",
        string branchName = "ホンテン",
        AccountType? accountType = null)
    {
        var header = TryHeader(senderName, bankName, branchName, accountType);
        Assert.True(header.IsSuccess, header.Error?.ToString());
        return header.Value;
    }

    public static Result<ZenginHeader> TryHeader(
        string senderName = "カ）ミコシ",
        string bankName = "ミツビシユーエフジエイ",
        string branchName = "ホンテン",
        AccountType? accountType = null) =>
        ZenginHeader.Of(
            SenderCode.Of("0123456789").Value,
            senderName,
            TransferDate.On(new DateOnly(2026, 4, 25)),
            BankCode.Of("0005").Value,
            bankName,
            BranchCode.Of("001").Value,
            branchName,
            accountType ?? AccountType.Ordinary,
            AccountNumber.Of("1234567").Value);

    public static Result<ZenginTransfer> TryTransfer(
        long yen = 15_000,
        string payeeName = "ヤマダ　タロウ",
        string bankName = "ミズホ",
        string branchName = "シブヤ",
        string bankCode = "0001",
        string branchCode = "210",
        string account = "98765",
        AccountType? accountType = null,
        long reference1 = 0,
        long reference2 = 0) =>
        ZenginTransfer.Of(
            BankCode.Of(bankCode).Value,
            bankName,
            BranchCode.Of(branchCode).Value,
            branchName,
            accountType ?? AccountType.Ordinary,
            AccountNumber.Of(account).Value,
            payeeName,
            Money.Of(Asset.Jpy, yen),
            CustomerCode.Of(reference1).Value,
            CustomerCode.Of(reference2).Value);

    public static ZenginTransfer Transfer(
        long yen = 15_000,
        string payeeName = "ヤマダ　タロウ",
        string bankName = "ミズホ",
        string branchName = "シブヤ",
        string bankCode = "0001",
        string branchCode = "210",
        string account = "98765",
        AccountType? accountType = null,
        long reference1 = 0,
        long reference2 = 0)
    {
        var transfer = TryTransfer(yen, payeeName, bankName, branchName, bankCode, branchCode, account, accountType, reference1, reference2);
        Assert.True(transfer.IsSuccess, transfer.Error?.ToString());
        return transfer.Value;
    }

    public static byte[] Write(ZenginHeader header, IReadOnlyList<ZenginTransfer> transfers, ZenginLineBreak lineBreak = ZenginLineBreak.CrLf)
    {
        var file = ZenginFile.Write(header, transfers, lineBreak);
        Assert.True(file.IsSuccess, file.Error?.ToString());
        return file.Value;
    }
}
