using System.Globalization;
using Mikoshi.Bench;
using Mikoshi.Bench.Allocate;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;

// Usage (bench/run.sh drives these):
//   allocate --out FILE --artifacts DIR
//   ledger --store sqlite --location DIR --out FILE [--reps 5] [--seconds 3] [--entries 20000]
//   ledger --store postgres --location "Host=…;Port=…;Username=postgres" --out FILE […]
//   report --results DIR --out docs/benchmarks.md
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string Option(string name, string? fallback = null) =>
    options.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required");

return args.FirstOrDefault() switch
{
    "allocate" => AllocateRun.Run(Option("out"), Option("artifacts", Path.Combine(Path.GetTempPath(), "mikoshi-bench-artifacts"))),
    "ledger" => await LedgerRun.RunAsync(
        Option("store") == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
        Option("location"),
        Option("out"),
        int.Parse(Option("reps", "5"), CultureInfo.InvariantCulture),
        double.Parse(Option("seconds", "3"), CultureInfo.InvariantCulture),
        int.Parse(Option("entries", "20000"), CultureInfo.InvariantCulture)),
    "report" => Report.Write(Option("results"), Option("out")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Mikoshi.Bench allocate|ledger|report [options]; see bench/run.sh");
    return 2;
}
