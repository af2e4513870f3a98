using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mikoshi.Domain.Audit;

/// <summary>
/// One link of a hash-chained audit log. Every state change appends one; each carries the hash of
/// the one before, so changing, removing or reordering any link breaks every hash after it.
/// </summary>
/// <param name="Chain">Whose log: a community's id, or <see cref="Guid.Empty"/> for the instance's own.</param>
/// <param name="Sequence">1, 2, 3… with no gaps.</param>
/// <param name="AtUnixMs">When, in milliseconds since the Unix epoch (exact in every store).</param>
/// <param name="Actor">Who did it: a person id, or <c>system</c>.</param>
/// <param name="Kind">What happened, such as <c>community.created</c> or <c>ledger.deposit</c>.</param>
/// <param name="Payload">The change itself, as canonical JSON.</param>
/// <param name="PreviousHash">The hash of link <c>Sequence - 1</c>; 64 zeros for the first.</param>
/// <param name="Hash">SHA-256 over all of the above, lower-case hex.</param>
public sealed record AuditRecord(
    Guid Chain,
    long Sequence,
    long AtUnixMs,
    string Actor,
    string Kind,
    string Payload,
    string PreviousHash,
    string Hash);

/// <summary>Where a chain first disagrees with itself.</summary>
/// <param name="Sequence">The first link that does not check out.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record AuditBreak(long Sequence, string Reason);

/// <summary>Builds and checks hash chains.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of a chain's first link.</summary>
    public static string Genesis { get; } = new('0', 64);

    /// <summary>The link that follows <paramref name="previous"/> (or starts the chain when it is null).</summary>
    public static AuditRecord Next(AuditRecord? previous, Guid chain, DateTimeOffset at, string actor, string kind, string payload) =>
        Next(previous?.Sequence ?? 0, previous?.Hash ?? Genesis, chain, at, actor, kind, payload);

    /// <summary>The link after the one at <paramref name="previousSequence"/> with <paramref name="previousHash"/> (0 and <see cref="Genesis"/>: the first link).</summary>
    public static AuditRecord Next(long previousSequence, string previousHash, Guid chain, DateTimeOffset at, string actor, string kind, string payload)
    {
        var sequence = previousSequence + 1;
        var atMs = at.ToUnixTimeMilliseconds();
        return new AuditRecord(chain, sequence, atMs, actor, kind, payload, previousHash,
            HashOf(chain, sequence, atMs, actor, kind, payload, previousHash));
    }

    /// <summary>The SHA-256 of a link's fields, in a fixed unambiguous layout.</summary>
    public static string HashOf(Guid chain, long sequence, long atUnixMs, string actor, string kind, string payload, string previousHash)
    {
        // Length-prefixed fields: no choice of payload can make two different links hash alike.
        var text = new StringBuilder()
            .Append(chain.ToString("N")).Append('|')
            .Append(sequence.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(atUnixMs.ToString(CultureInfo.InvariantCulture)).Append('|');
        foreach (var field in new[] { actor, kind, payload, previousHash })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Checks links in order: sequence numbers 1, 2, 3…, each previous hash equal to the hash
    /// before it, each hash recomputed from its fields. Returns the first break, or null.
    /// </summary>
    public static AuditBreak? Verify(IEnumerable<AuditRecord> records, Guid chain)
    {
        var expectedSequence = 1L;
        var previousHash = Genesis;
        foreach (var record in records)
        {
            if (record.Chain != chain)
            {
                // Report where it sits: its own sequence number belongs to the other chain.
                return new AuditBreak(expectedSequence, $"belongs to chain {record.Chain:N}, not {chain:N}");
            }

            if (record.Sequence != expectedSequence)
            {
                return new AuditBreak(expectedSequence, $"link {expectedSequence} is missing (found {record.Sequence})");
            }

            if (record.PreviousHash != previousHash)
            {
                return new AuditBreak(record.Sequence, "its previous hash does not match the link before it");
            }

            var recomputed = HashOf(record.Chain, record.Sequence, record.AtUnixMs, record.Actor, record.Kind, record.Payload, record.PreviousHash);
            if (recomputed != record.Hash)
            {
                return new AuditBreak(record.Sequence, "its content does not match its hash (edited after it was written)");
            }

            previousHash = record.Hash;
            expectedSequence++;
        }

        return null;
    }
}
