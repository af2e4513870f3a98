using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using System.Threading.Channels;

namespace Mikoshi.Data;

/// <summary>What the ledger walk needs of a link; its payload is in the <see cref="LinkBatch"/> that carries it.</summary>
internal readonly record struct LinkFact(long Sequence, long AtUnixMs, bool IsLedger, int PayloadAt, int PayloadLength);

/// <summary>
/// Links handed from the audit walk to the ledger walk: each link's facts, and the UTF-8 payloads of ledger links in one
/// buffer. A batch goes back to its <see cref="LinkBatches"/> once the ledger walk has passed it, so a walk allocates a
/// handful of batches, not a string per link: those strings, kept alive across the queue, were most of what the verifier
/// allocated, and made nearly every collection a gen-1 one (docs/benchmarks.md section 31).
/// </summary>
internal sealed class LinkBatch
{
    public const int Size = 256;

    // Grown as needed: a short chain's batch stays off the large-object heap.
    private byte[] payloads = new byte[16 * 1024];
    private int used;

    public LinkFact[] Links { get; } = new LinkFact[Size];

    public int Count { get; private set; }

    public bool IsFull => Count == Size;

    public void Add(long sequence, long atUnixMs, bool isLedger, ReadOnlySpan<byte> payload)
    {
        if (!isLedger)
        {
            // The ledger walk compares only ledger links with entries; it needs no other link's payload.
            payload = [];
        }

        if (used + payload.Length > payloads.Length)
        {
            Array.Resize(ref payloads, Math.Max(payloads.Length * 2, used + payload.Length));
        }

        payload.CopyTo(payloads.AsSpan(used));
        Links[Count++] = new LinkFact(sequence, atUnixMs, isLedger, used, payload.Length);
        used += payload.Length;
    }

    public ReadOnlySpan<byte> Payload(in LinkFact link) => payloads.AsSpan(link.PayloadAt, link.PayloadLength);

    public void Clear() => (Count, used) = (0, 0);
}

/// <summary>The batches of a lane's walks: taken empty by the audit walk, given back by the ledger walk's cursor.</summary>
internal sealed class LinkBatches
{
    private readonly ConcurrentBag<LinkBatch> free = [];

    public LinkBatch Take() => free.TryTake(out var batch) ? batch : new LinkBatch();

    public void Give(LinkBatch batch)
    {
        batch.Clear();
        free.Add(batch);
    }
}

/// <summary>The ledger walk's place in the links the audit walk hands over, a batch at a time; a batch passed is given back.</summary>
internal sealed class LinkCursor(ChannelReader<LinkBatch> links, LinkBatches batches)
{
    private LinkBatch? batch;
    private int at;

    public LinkFact Current => batch!.Links[at];

    /// <summary>The current link's payload as stored (UTF-8); empty for a link that is not a ledger link.</summary>
    public ReadOnlySpan<byte> Payload => batch!.Payload(batch.Links[at]);

    public async ValueTask<bool> HasCurrentAsync(CancellationToken cancellationToken)
    {
        while (batch is null || at >= batch.Count)
        {
            if (!await links.WaitToReadAsync(cancellationToken))
            {
                if (batch is not null)
                {
                    // The walk is over: its last batch serves the lane's next chain.
                    batches.Give(batch);
                    batch = null;
                }

                return false;
            }

            if (links.TryRead(out var next))
            {
                if (batch is not null)
                {
                    batches.Give(batch);
                }

                (batch, at) = (next, 0);
            }
        }

        return true;
    }

    public void Advance() => at++;
}

/// <summary>
/// One stored audit link's fields as bytes, read into buffers reused for a whole walk: its text as stored (UTF-8), its
/// hashes as stored (32 bytes each, unless edited), through <see cref="ColumnBytes"/>.
/// </summary>
internal sealed class StoredLink
{
    private byte[] actor = new byte[128];
    private byte[] kind = new byte[64];
    private byte[] payload = new byte[2048];
    private byte[] previousHash = new byte[32];
    private byte[] hash = new byte[32];

    public long Sequence { get; private set; }

    public long AtUnixMs { get; private set; }

    public ReadOnlySpan<byte> Actor => actor.AsSpan(0, ActorLength);

    public ReadOnlySpan<byte> Kind => kind.AsSpan(0, KindLength);

    public ReadOnlySpan<byte> Payload => payload.AsSpan(0, PayloadLength);

    public ReadOnlySpan<byte> PreviousHash => previousHash.AsSpan(0, PreviousHashLength);

    public ReadOnlySpan<byte> Hash => hash.AsSpan(0, HashLength);

    private int ActorLength { get; set; }

    private int KindLength { get; set; }

    private int PayloadLength { get; set; }

    private int PreviousHashLength { get; set; }

    private int HashLength { get; set; }

    /// <summary>
    /// The columns of the current row of <c>SELECT "Sequence", "AtUnixMs", "Actor", "Kind", "Payload", "PreviousHash", "Hash"</c>.
    /// </summary>
    public void Read(DbDataReader reader, bool isPostgres)
    {
        Sequence = reader.GetInt64(0);
        AtUnixMs = reader.GetInt64(1);
        ActorLength = ColumnBytes.Text(reader, 2, isPostgres, ref actor);
        KindLength = ColumnBytes.Text(reader, 3, isPostgres, ref kind);
        PayloadLength = ColumnBytes.Text(reader, 4, isPostgres, ref payload);
        PreviousHashLength = ColumnBytes.Binary(reader, 5, isPostgres, ref previousHash);
        HashLength = ColumnBytes.Binary(reader, 6, isPostgres, ref hash);
    }
}

/// <summary>
/// A column's bytes as the store keeps them, read into a buffer that grows as needed: on PostgreSQL straight from the row
/// (<see cref="DbDataReader.GetStream"/> gives any column's bytes there); on SQLite through a string or an array.
/// </summary>
internal static class ColumnBytes
{
    /// <summary>A text column's UTF-8 bytes; returns their count.</summary>
    public static int Text(DbDataReader reader, int ordinal, bool isPostgres, ref byte[] buffer)
    {
        if (!isPostgres)
        {
            var text = reader.GetString(ordinal);
            Fit(ref buffer, Encoding.UTF8.GetMaxByteCount(text.Length));
            return Encoding.UTF8.GetBytes(text, buffer);
        }

        using var stream = reader.GetStream(ordinal);
        var length = checked((int)stream.Length);
        Fit(ref buffer, length);
        stream.ReadExactly(buffer, 0, length);
        return length;
    }

    /// <summary>A binary column's bytes; returns their count.</summary>
    public static int Binary(DbDataReader reader, int ordinal, bool isPostgres, ref byte[] buffer)
    {
        if (!isPostgres)
        {
            // Not GetBytes: Microsoft.Data.Sqlite answers it by opening the row's blob anew (13 KB and 50 µs a link, measured).
            var value = reader.GetFieldValue<byte[]>(ordinal);
            Fit(ref buffer, value.Length);
            value.CopyTo(buffer, 0);
            return value.Length;
        }

        var length = checked((int)reader.GetBytes(ordinal, 0, null, 0, 0));
        Fit(ref buffer, length);
        return checked((int)reader.GetBytes(ordinal, 0, buffer, 0, length));
    }

    private static void Fit(ref byte[] buffer, int length)
    {
        if (length > buffer.Length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }
    }
}

/// <summary>
/// Texts that recur row after row — accounts, assets, entry kinds — as one string each. On PostgreSQL each is read as
/// bytes and looked up, so a posting's account is not a new string every row; on SQLite it is read as a string, as
/// before. It keeps what it has seen: a community's accounts, which the walk's sums keep anyway.
/// </summary>
internal sealed class RepeatedTexts(bool isPostgres)
{
    private readonly Dictionary<string, string> seen = new(StringComparer.Ordinal);
    private byte[] bytes = new byte[256];
    private char[] chars = new char[256];

    public string Read(DbDataReader reader, int ordinal)
    {
        if (!isPostgres)
        {
            return reader.GetString(ordinal);
        }

        var length = ColumnBytes.Text(reader, ordinal, isPostgres, ref bytes);
        if (chars.Length < bytes.Length)
        {
            // UTF-8 never decodes to more UTF-16 code units than it has bytes.
            chars = new char[bytes.Length];
        }

        var text = chars.AsSpan(0, Encoding.UTF8.GetChars(bytes.AsSpan(0, length), chars));
        if (!seen.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known))
        {
            known = new string(text);
            seen.Add(known, known);
        }

        return known;
    }
}
