using System.Diagnostics;
using System.Text.Json;
using Mikoshi.Bench.Ledger;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Bench.Membership;

/// <summary>What the in-memory holdings lookup measured; <see cref="Report"/> prints it.</summary>
public sealed record HoldingsResult(
    int People,
    int Tokens,
    int Transfers,
    long Checkpoints,
    int Seed,
    double HistoryDays,
    double GenerateSeconds,
    double BuildSeconds,
    long LogBytes,
    long HeapBytesAfterBuild,
    long PeakWorkingSetBytes,
    int Verified,
    int Repetitions,
    int LookupsPerRepetition,
    int ScansPerRepetition,
    double MeanEventsReadUntil,
    Samples BinaryNs,
    Samples ScanUntilNs,
    Samples ScanAllNs,
    Samples SpeedupOverScanUntil,
    Samples SpeedupOverScanAll);

/// <summary>
/// <see cref="HoldingsHistory.HeldAt"/> at scale: a history of 10^6 mints and 10^7 transfers among
/// 10^5 people, then random (person, instant) lookups by binary search against linear scans of the
/// event log, alternating repetition by repetition. Every answer is checked before anything is timed.
/// </summary>
public static class HoldingsRun
{
    public const int Seed = 20_261_127;

    public static int Run(string resultFile, int people, int tokens, int transfers, int repetitions, int lookups, int scans)
    {
        Console.WriteLine(Fmt.Invariant($"[holdings] generating {tokens:N0} mints and {transfers:N0} transfers among {people:N0} people (seed {Seed})"));
        var clock = Stopwatch.StartNew();
        var log = HoldingsLog.Generate(people, tokens, transfers, Seed);
        var generateSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var history = log.ToHistory();
        var buildSeconds = clock.Elapsed.TotalSeconds;
        var checkpoints = (long)tokens + (2L * transfers);
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(Fmt.Invariant($"  generated in {generateSeconds:F1} s, HoldingsHistory built in {buildSeconds:F1} s ({checkpoints:N0} checkpoints); managed heap {heap / 1048576.0:F0} MiB"));

        // Correctness first: every timed lookup against one sweep of the log, and the scans against both.
        var queries = log.Queries(lookups, Seed + 1);
        var truth = log.Sweep(queries);
        for (var q = 0; q < queries.Length; q++)
        {
            var (person, at) = queries[q];
            var found = history.HeldAt(log.People[person], at);
            if (found != truth[q])
            {
                throw new InvalidOperationException(Fmt.Invariant($"HeldAt({person}, {at}) = {found}, but the log says {truth[q]}."));
            }
        }

        var scanned = queries.Length >= repetitions * scans ? repetitions * scans : throw new ArgumentException("Fewer lookups than scans.");
        long eventsRead = 0;
        for (var q = 0; q < scanned; q++)
        {
            var (person, at) = queries[q];
            var byUntil = log.ScanUntil(person, at, out var read);
            var byAll = log.ScanAll(person, at);
            eventsRead += read;
            if (byUntil != truth[q] || byAll != truth[q])
            {
                throw new InvalidOperationException(Fmt.Invariant($"The scans say {byUntil} and {byAll} for ({person}, {at}); the sweep says {truth[q]}."));
            }
        }

        Console.WriteLine(Fmt.Invariant($"  checked: {queries.Length:N0} binary-search lookups against one sweep of the log, and {scanned:N0} of them against both scans: all agree"));

        var binary = new List<double>();
        var until = new List<double>();
        var all = new List<double>();
        var overUntil = new List<double>();
        var overAll = new List<double>();
        long sink = 0;
        sink += Lookups(history, log, queries);
        for (var rep = 0; rep < repetitions; rep++)
        {
            var slice = queries.AsSpan(rep * scans, scans).ToArray();
            double b, u, a;
            if (rep % 2 == 0)
            {
                b = TimeNs(() => sink += Lookups(history, log, queries)) / queries.Length;
                u = TimeNs(() => sink += ScansUntil(log, slice)) / scans;
                a = TimeNs(() => sink += ScansAll(log, slice)) / scans;
            }
            else
            {
                a = TimeNs(() => sink += ScansAll(log, slice)) / scans;
                u = TimeNs(() => sink += ScansUntil(log, slice)) / scans;
                b = TimeNs(() => sink += Lookups(history, log, queries)) / queries.Length;
            }

            binary.Add(b);
            until.Add(u);
            all.Add(a);
            overUntil.Add(u / b);
            overAll.Add(a / b);
            Console.WriteLine(Fmt.Invariant($"  rep {rep + 1}: HeldAt {b:F0} ns, scan until the instant {u / 1e6:F2} ms, scan of the whole log {a / 1e6:F2} ms"));
        }

        var result = new HoldingsResult(people, tokens, transfers, checkpoints, Seed, (log.At[^1] - log.At[0]) / 86_400_000.0, generateSeconds, buildSeconds,
            (long)log.Events * (sizeof(long) + sizeof(int) + sizeof(int)), heap, Process.GetCurrentProcess().PeakWorkingSet64,
            queries.Length, repetitions, queries.Length, scans, (double)eventsRead / scanned,
            Samples.Of(binary), Samples.Of(until), Samples.Of(all), Samples.Of(overUntil), Samples.Of(overAll));
        File.WriteAllText(resultFile, JsonSerializer.Serialize(result, LedgerRun.Json));
        GC.KeepAlive(sink);
        Console.WriteLine(Fmt.Invariant($"[holdings] HeldAt {result.BinaryNs.Median:F0} ns; {result.SpeedupOverScanUntil.Median:N0}× faster than the scan until the instant, {result.SpeedupOverScanAll.Median:N0}× than the whole-log scan; peak working set {result.PeakWorkingSetBytes / 1048576.0:F0} MiB"));
        return 0;
    }

    private static double TimeNs(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalNanoseconds;
    }

    private static long Lookups(HoldingsHistory history, HoldingsLog log, (int Person, long AtUnixMs)[] queries)
    {
        long sum = 0;
        foreach (var (person, at) in queries)
        {
            sum += history.HeldAt(log.People[person], at);
        }

        return sum;
    }

    private static long ScansUntil(HoldingsLog log, (int Person, long AtUnixMs)[] queries)
    {
        long sum = 0;
        foreach (var (person, at) in queries)
        {
            sum += log.ScanUntil(person, at, out _);
        }

        return sum;
    }

    private static long ScansAll(HoldingsLog log, (int Person, long AtUnixMs)[] queries)
    {
        long sum = 0;
        foreach (var (person, at) in queries)
        {
            sum += log.ScanAll(person, at);
        }

        return sum;
    }
}
