using System.Text.Json.Nodes;

namespace Mikoshi.Tests.Infrastructure;

public static class AuditExport
{
    /// <summary>
    /// An exported audit log with one link's payload edited: <paramref name="from"/> becomes
    /// <paramref name="to"/> inside the payload of link <paramref name="sequence"/> only (an amount
    /// searched for in the whole line could also stand inside a hash or a timestamp).
    /// </summary>
    public static string EditPayload(string export, long sequence, string from, string to)
    {
        var lines = export.Trim().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var link = JsonNode.Parse(lines[i])!;
            if (link["sequence"]!.GetValue<long>() == sequence)
            {
                var payload = link["payload"]!.GetValue<string>();
                Assert.Contains(from, payload, StringComparison.Ordinal);
                link["payload"] = payload.Replace(from, to, StringComparison.Ordinal);
                lines[i] = link.ToJsonString();
            }
        }

        return string.Join('\n', lines) + "\n";
    }
}
