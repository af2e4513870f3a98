using System.Text;
using System.Text.Json;
using Mikoshi.Bench.Ledger;

namespace Mikoshi.Bench.Load;

/// <summary>The report's load section: each store's reads and writes next to the bare endpoint of the same run.</summary>
public static class LoadSections
{
    public static void Write(StringBuilder text, string results)
    {
        var stores = new[] { "load-sqlite", "load-postgres" }
            .Select(name => Path.Combine(results, name + ".json"))
            .Where(File.Exists)
            .Select(file => JsonSerializer.Deserialize<LoadResult>(File.ReadAllText(file), LedgerRun.Json)!)
            .ToList();
        if (stores.Count == 0)
        {
            return;
        }

        var first = stores[0];
        text.AppendLine("## 7. Load over HTTP on 127.0.0.1: the main reads and writes against a bare minimal-API endpoint")
            .AppendLine()
            .AppendLine(Fmt.Invariant($"Mikoshi runs as it serves (`MikoshiApp.Build`, Kestrel on a loopback port, the store migrated, logging off) next to a bare `WebApplication.CreateSlimBuilder` app whose one endpoint returns a constant JSON object, both in the benchmark's process. ")
                + Fmt.Invariant($"{first.Concurrency} concurrent clients (one `HttpClient`, {first.Concurrency} connections), each sending its next request as soon as the last is answered, load the bare endpoint for {first.Seconds:0.#} s and then the Mikoshi request for {first.Seconds:0.#} s, after half a second of the bare endpoint and two of the request unmeasured (and, before the first, every request for three seconds: the first request measured after less warming ran at a third of its later rate, and so did the bare endpoint beside it). ")
                + "The community holds 201 journal entries and 5 tokens when the reads start; every deposit under load carries a new `Idempotency-Key`. Clients and servers share the same 2 cores, so these are figures for the whole machine, not for a server alone. "
                + "**÷ bare** is Mikoshi's requests per second divided by the bare endpoint's in the same run.")
            .AppendLine()
            .AppendLine("| store | request | **÷ bare** (req/s ratio) | req/s | p50 | p99 | bare req/s | bare p50 | bare p99 | requests (Mikoshi / bare) |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var store in stores)
        {
            foreach (var f in store.Figures)
            {
                text.AppendLine(Fmt.Invariant($"| {store.Store} | {f.Name}: `{f.Request}` | **{f.Ratio:F3}** | {f.PerSecond:N0} | {f.P50Ms:F2} ms | {f.P99Ms:F2} ms | {f.BarePerSecond:N0} | {f.BareP50Ms:F2} ms | {f.BareP99Ms:F2} ms | {f.Requests:N0} / {f.BareRequests:N0} |"));
            }
        }

        text.AppendLine()
            .AppendLine("Reproduce: `bench/run.sh load` (both stores; `load-sqlite` or `load-postgres` for one). Settings: `BENCH_LOAD_CLIENTS` (16), `BENCH_LOAD_SECONDS` (4, per side per request kind). "
                + "The whole part takes about a minute and a half; it never leaves 127.0.0.1.")
            .AppendLine();
    }
}
