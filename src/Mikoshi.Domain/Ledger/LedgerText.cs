using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mikoshi.Domain.Ledger;

/// <summary>
/// The canonical JSON of a journal entry, as the audit log records it. The verifier rebuilds it
/// from the stored journal and compares, so an edited posting cannot hide behind a valid chain.
/// </summary>
public static class LedgerText
{
    /// <summary>The canonical form: fixed key order, amounts as strings of minor units.</summary>
    public static string Canonical(long entryNumber, JournalEntry entry, string? reference)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, entryNumber, entry, reference);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes the canonical form's UTF-8 bytes to <paramref name="json"/> and flushes it: for a reader that rebuilds
    /// many entries with one writer (<see cref="Utf8JsonWriter.Reset(IBufferWriter{byte})"/>) rather than a string each.
    /// The writer must have default options, as <see cref="Canonical"/>'s has.
    /// </summary>
    public static void Write(Utf8JsonWriter json, long entryNumber, JournalEntry entry, string? reference)
    {
        json.WriteStartObject();
        json.WriteNumber("entry", entryNumber);
        json.WriteString("kind", entry.Kind);
        json.WriteString("memo", entry.Memo);
        json.WriteString("reference", reference ?? string.Empty);
        json.WriteStartArray("postings");

        // The account and the units are written from a span, not a string each: the verifier rebuilds every entry.
        Span<char> text = stackalloc char[128];
        foreach (var posting in entry.Postings)
        {
            json.WriteStartObject();
            json.WriteString("account", posting.Account.TryFormat(text, out var length) ? text[..length] : posting.Account.ToString());
            json.WriteString("asset", posting.Amount.Asset.Code);
            json.WriteString("units", posting.Amount.Units.TryFormat(text, out length, default, CultureInfo.InvariantCulture) ? text[..length] : posting.Amount.UnitsText);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }
}
