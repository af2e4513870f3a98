using System.Numerics;
using System.Text;
using Mikoshi.Domain.Governance;
using Nethereum.RPC.Eth.DTOs;

namespace Mikoshi.Chain;

/// <summary>Where a log sits: its block (number and hash), its index in the block, its transaction.</summary>
public sealed record LogPosition(long BlockNumber, string BlockHash, long LogIndex, string TransactionHash);

/// <summary>An event of Mikoshi's contracts that the indexer mirrors.</summary>
public abstract record ChainEvent(LogPosition At);

/// <summary>ERC-721 Transfer: a mint (from zero), a burn (to zero) or a move between holders.</summary>
public sealed record TokenTransferred(LogPosition At, EthAddress From, EthAddress To, BigInteger TokenId) : ChainEvent(At);

/// <summary>MikoshiClaims.RootPublished.</summary>
public sealed record RootPublished(LogPosition At, EthAddress Asset, BigInteger Epoch, string Root, BigInteger Total, BigInteger Funded) : ChainEvent(At);

/// <summary>MikoshiClaims.Claimed.</summary>
public sealed record ClaimPaid(LogPosition At, EthAddress Asset, EthAddress Account, BigInteger Epoch, BigInteger Amount, BigInteger Cumulative) : ChainEvent(At);

/// <summary>Reads our contracts' logs into <see cref="ChainEvent"/>s; any other log is skipped.</summary>
public static class ChainEvents
{
    public static readonly string TransferTopic = Topic("Transfer(address,address,uint256)");
    public static readonly string RootPublishedTopic = Topic("RootPublished(address,uint256,bytes32,uint256,uint256)");
    public static readonly string ClaimedTopic = Topic("Claimed(address,address,uint256,uint256,uint256)");

    public static ChainEvent? Decode(FilterLog log, EthAddress membership, EthAddress claims)
    {
        if (log.Removed || log.Topics is null || log.Topics.Length == 0)
        {
            return null;
        }

        var topics = log.Topics.Select(t => t.ToString()!).ToArray();
        var emitter = EthAddress.Parse(log.Address.ToLowerInvariant()).Value;
        var at = new LogPosition((long)log.BlockNumber.Value, log.BlockHash, (long)log.LogIndex.Value, log.TransactionHash);
        var data = Words(log.Data);
        if (emitter == membership && Same(topics[0], TransferTopic) && topics.Length == 4)
        {
            return new TokenTransferred(at, Address(topics[1]), Address(topics[2]), Word(topics[3]));
        }

        if (emitter == claims && Same(topics[0], RootPublishedTopic) && topics.Length == 3 && data.Count == 3)
        {
            return new RootPublished(at, Address(topics[1]), Word(topics[2]), "0x" + Convert.ToHexStringLower(data[0]), Word(data[1]), Word(data[2]));
        }

        if (emitter == claims && Same(topics[0], ClaimedTopic) && topics.Length == 4 && data.Count == 2)
        {
            return new ClaimPaid(at, Address(topics[1]), Address(topics[2]), Word(topics[3]), Word(data[0]), Word(data[1]));
        }

        return null;
    }

    public static string Topic(string signature) => "0x" + Convert.ToHexStringLower(Keccak.Hash256(Encoding.ASCII.GetBytes(signature)));

    /// <summary>A uint256 from a 0x-hex word.</summary>
    public static BigInteger Word(string word) => Word(Convert.FromHexString(word.AsSpan(2)));

    private static BigInteger Word(byte[] word) => new(word, isUnsigned: true, isBigEndian: true);

    private static EthAddress Address(string word) => EthAddress.Parse("0x" + word[^40..].ToLowerInvariant()).Value;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static List<byte[]> Words(string? data)
    {
        var bytes = string.IsNullOrEmpty(data) || data == "0x" ? [] : Convert.FromHexString(data.AsSpan(2));
        return Enumerable.Range(0, bytes.Length / 32).Select(i => bytes[(i * 32)..((i + 1) * 32)]).ToList();
    }

}
