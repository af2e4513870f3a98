using System.Globalization;
using Mikoshi.Bench;
using Mikoshi.Bench.Allocate;
using Mikoshi.Bench.Ledger;
using Mikoshi.Bench.Load;
using Mikoshi.Bench.Membership;
using Mikoshi.Data;

// Usage (bench/run.sh drives these):
//   allocate --out FILE --artifacts DIR
//   ledger --store sqlite --location DIR --out FILE [--reps 5] [--seconds 3] [--entries 20000]
//   ledger --store postgres --location "Host=…;Port=…;Username=postgres" --out FILE […]
//   profile --store sqlite|postgres --location DIR|"Host=…" [--writes 200] [--kinds deposit,mint,transfer]   (where a deposit, a mint, a transfer spend their time; prints)
//   floor --store sqlite|postgres --location DIR|"Host=…" --out FILE [--reps 5] [--seconds 3] [--without-rowid no|yes]   (the rows a deposit, a mint, a transfer store, written raw, against the app's writes)
//   verify --store sqlite|postgres --location … --out FILE [--reps 5] [--sizes 20000,100000] [--new 1000]
//   membership --store sqlite|postgres --location … --out FILE [--reps 5] [--seconds 3] [--members 100]
//              [--people 10000] [--tokens 100000] [--transfers 450000] [--lookups 300] [--scans 3]
//   holdings --out FILE [--people 100000] [--tokens 1000000] [--transfers 10000000] [--reps 5] [--lookups 1000000] [--scans 20]
//   load --store sqlite|postgres --location DIR|"Host=…" --out FILE [--clients 16] [--seconds 4] [--only "ledger;deposit"]   (--only: those scenarios, by name, in that order)
//   scale --store sqlite|postgres --location … --out FILE [--reps 5] [--requests 20] [--entries 100000] [--members 10000] [--lineage 1000]
//   revenue --store sqlite|postgres --location … --out FILE [--reps 5] [--events 10] [--holders 10,1000,1000000] [--zengin yes|no]
//   redemption --store sqlite|postgres --location … --out FILE [--reps 5] [--previews 40] [--redemptions 20] [--tokens 10,1000000]
//   votes --out FILE [--votes 2000] [--reps 5] [--ballots 1000000]
//   gas --out FILE --contracts DIR [--recipients 10,100,400] [--claims 20]
//   matching --out FILE [--people 100000] [--queries 200] [--reps 5] [--evaluation-people 10000] [--evaluation-projects 1000]
//   notifications --store sqlite|postgres --location … [--members 100000] [--reps 5] [--mails 2000] [--deliveries 1000]   (issue #17; prints, not in the report)
//   payments --store sqlite|postgres --location … --out FILE [--events 10000] [--lines 100000]
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
    "profile" => await WriteProfile.RunAsync(
        Option("store") == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
        Option("location"),
        Int("writes", 200),
        Option("kinds", "deposit,mint,transfer").Split(',')),
    "verify" => await Mikoshi.Bench.Verify.VerifyRun.RunAsync(
        Option("store") == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
        Option("location"),
        Option("out"),
        int.Parse(Option("reps", "5"), CultureInfo.InvariantCulture),
        Option("sizes", "20000,100000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray(),
        int.Parse(Option("new", "1000"), CultureInfo.InvariantCulture)),
    "membership" => await MembershipRun.RunAsync(
        Option("store") == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
        Option("location"),
        Option("out"),
        Int("reps", 5),
        double.Parse(Option("seconds", "3"), CultureInfo.InvariantCulture),
        Int("members", 100),
        Int("people", 10_000),
        Int("tokens", 100_000),
        Int("transfers", 450_000),
        Int("lookups", 300),
        Int("scans", 3)),
    "holdings" => HoldingsRun.Run(
        Option("out"),
        Int("people", 100_000),
        Int("tokens", 1_000_000),
        Int("transfers", 10_000_000),
        Int("reps", 5),
        Int("lookups", 1_000_000),
        Int("scans", 20)),
    "floor" => await WriteFloor.RunAsync(
        Option("store") == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
        Option("location"),
        Option("out"),
        Int("reps", 5),
        double.Parse(Option("seconds", "3"), CultureInfo.InvariantCulture),
        Option("without-rowid", "no") == "yes"),
    "load" => await LoadRun.RunAsync(
        Option("store") == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
        Option("location"),
        Option("out"),
        Int("clients", 16),
        double.Parse(Option("seconds", "4"), CultureInfo.InvariantCulture),
        options.TryGetValue("only", out var only) ? only.Split(';') : null),
    "scale" => await Mikoshi.Bench.Scale.ScaleRun.RunAsync(
        Option("store") == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
        Option("location"),
        Option("out"),
        Int("reps", 5),
        Int("requests", 20),
        new Mikoshi.Bench.Scale.ScaleShape(Int("entries", 100_000), Int("members", 10_000), Int("lineage", 1_000))),
    "revenue" => await Mikoshi.Bench.Revenue.RevenueRun.RunAsync(
        Option("store") == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
        Option("location"),
        Option("out"),
        Int("reps", 5),
        Int("events", 10),
        Option("holders", "10,1000,1000000").Split(',').Select(h => int.Parse(h, CultureInfo.InvariantCulture)).ToArray(),
        Option("zengin", "yes") == "yes"),
    "payments" => await Mikoshi.Bench.Payments.PaymentsRun.RunAsync(
        Option("store") == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
        Option("location"),
        Option("out"),
        Int("events", 10_000),
        Int("lines", 100_000)),
    "redemption" => await Mikoshi.Bench.Redemption.RedemptionRun.RunAsync(
        Option("store") == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
        Option("location"),
        Option("out"),
        Int("reps", 5),
        Int("previews", 40),
        Int("redemptions", 20),
        int.Parse(Option("tokens", "10,1000000").Split(',')[0], CultureInfo.InvariantCulture),
        int.Parse(Option("tokens", "10,1000000").Split(',')[^1], CultureInfo.InvariantCulture)),
    "votes" => Mikoshi.Bench.Votes.VotesRun.Run(Option("out"), Int("votes", 2_000), Int("reps", 5), Int("ballots", 1_000_000)),
    "gas" => await Mikoshi.Bench.Gas.GasRun.RunAsync(
        Option("out"),
        Option("contracts"),
        Option("recipients", "10,100,400").Split(',').Select(h => int.Parse(h, CultureInfo.InvariantCulture)).ToArray(),
        Int("claims", 20)),
    "matching" => Mikoshi.Bench.Matching.MatchingRun.Run(Option("out"), Int("people", 100_000), Int("queries", 200), Int("reps", 5), Int("evaluation-people", 10_000), Int("evaluation-projects", 1_000)),
    "notifications" => await Mikoshi.Bench.Notifications.NotificationsRun.RunAsync(
        Option("store") == "postgres" ? StoreProvider.Postgres : StoreProvider.Sqlite,
        Option("location"),
        Int("members", 100_000),
        Int("reps", 5),
        Int("mails", 2_000),
        Int("deliveries", 1_000)),
    "report" => Report.Write(Option("results"), Option("out")),
    _ => Usage(),
};

int Int(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: Mikoshi.Bench allocate|ledger|membership|holdings|load|revenue|redemption|votes|matching|report [options]; see bench/run.sh");
    return 2;
}
