using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Validators;

namespace Mikoshi.Bench.Allocate;

/// <summary>Runs <see cref="AllocateBenchmarks"/> and writes its section of the report.</summary>
public static class AllocateRun
{
    public static int Run(string reportFile, string artifacts)
    {
        // In-process: a separate benchmark process would rebuild the solution (about a minute on
        // two cores) for no gain in a run whose noise comes from neighbours sharing the machine.
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(12)
            .WithId("Short");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .AddValidator(JitOptimizationsValidator.FailOnError)
            .WithArtifactsPath(artifacts);
        var summary = BenchmarkRunner.Run<AllocateBenchmarks>(config);
        if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success || r.ResultStatistics is null))
        {
            Console.Error.WriteLine("The Allocate benchmark did not complete.");
            return 1;
        }

        File.WriteAllText(reportFile, Section(summary));
        Console.WriteLine(File.ReadAllText(reportFile));
        return 0;
    }

    private static string Section(Summary summary)
    {
        BenchmarkReport Of(string method) => summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        var mikoshi = Of(nameof(AllocateBenchmarks.Mikoshi));
        var naive = Of(nameof(AllocateBenchmarks.Naive));
        var floor = Of(nameof(AllocateBenchmarks.SumOnly));
        double Median(BenchmarkReport r) => r.ResultStatistics!.Median;

        var text = new StringBuilder();
        text.AppendLine("## 1. `Allocation.Allocate` over 10^6 weights")
            .AppendLine()
            .AppendLine(Fmt.Invariant($"Splitting 10^24 minor units over {AllocateBenchmarks.Holders:N0} weights drawn uniformly from 1..10^6 (fixed seed). "))
            .AppendLine("Baselines in the same run: the obvious split in `BigInteger` (floor of total × w / Σw, then one unit each to the largest remainders, same tie-break; "
                + "checked to give identical parts before timing), and a pass that only sums the weights (the memory-bound floor).")
            .AppendLine()
            .Append(Fmt.Invariant($"**Figure: {Fmt.Time(Median(mikoshi))} per split ({Fmt.Num(Median(mikoshi) / AllocateBenchmarks.Holders, 1)} ns per weight); "))
            .Append(Fmt.Invariant($"{Fmt.Num(Median(mikoshi) / Median(naive), 3)}× the time of the naive BigInteger split ({Fmt.Num(Median(naive) / Median(mikoshi), 1)}× faster), "))
            .AppendLine(Fmt.Invariant($"{Fmt.Num(Median(mikoshi) / Median(floor), 0)}× the time of merely summing the weights.**"))
            .AppendLine()
            .AppendLine("| method | median | min – max | iterations | allocated per call | time ÷ naive | time ÷ sum-only |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var report in new[] { mikoshi, naive, floor })
        {
            var stats = report.ResultStatistics!;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            text.AppendLine(Fmt.Invariant($"| {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | {Fmt.Time(stats.Median)} | {Fmt.Time(stats.Min)} – {Fmt.Time(stats.Max)} | {stats.N} | {Fmt.Bytes(allocated)} | {Fmt.Num(stats.Median / Median(naive), 3)} | {Fmt.Num(stats.Median / Median(floor), 1)} |"));
        }

        text.AppendLine()
            .AppendLine(Fmt.Invariant($"BenchmarkDotNet {typeof(Summary).Assembly.GetName().Version}, in-process toolchain, 1 launch, 3 warm-up and 12 measured iterations per method."));
        return text.ToString();
    }
}
