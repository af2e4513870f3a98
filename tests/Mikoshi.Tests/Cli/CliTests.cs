using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Cli;

/// <summary>
/// The `mikoshi` executable: the first flow runs it as a separate process the way an operator does (on the
/// embedded store; on PostgreSQL the same verbs run in this process); the longer flows run its entry point in
/// this process (<see cref="RunAsync"/>), which is the same code without a process start per verb.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class CliTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task SignUp_Found_Deposit_Ledger_Audit_Verify_FromTheCommandLine(string provider)
    {
        var db = provider == "postgres"
            ? PostgresServer.NewDatabase()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}";
        string[] store = ["--provider", provider, "--db", db];
        Func<string[], Task<(int Code, string Output, string Error)>> run = provider == "sqlite" ? args => RunProcessAsync(args) : RunAsync;

        var added = await run(["person", "add", "--email", "kana@example.jp", "--password", "long enough password", "--name", "佳奈", .. store]);
        var founded = await run(["community", "create", "--owner", "kana@example.jp", "--slug", "cli-salon", "--name", "CLI 神輿", "--value", "joy", "--value", "craft", .. store]);
        var deposit = await run(["deposit", "--community", "cli-salon", "--by", "kana@example.jp", "--asset", "JPY", "--amount", "1500", "--reference", "bank-1", "--idempotency-key", "k1", .. store]);
        var again = await run(["deposit", "--community", "cli-salon", "--by", "kana@example.jp", "--asset", "JPY", "--amount", "1500", "--reference", "bank-1", "--idempotency-key", "k1", .. store]);
        var bad = await run(["deposit", "--community", "cli-salon", "--by", "kana@example.jp", "--asset", "JPY", "--amount", "-3", "--reference", "bank-2", .. store]);
        var csv = await run(["ledger", "--community", "cli-salon", "--format", "csv", .. store]);
        var audit = await run(["audit", "--community", "cli-salon", .. store]);
        var verified = await run(["verify", .. store]);

        Assert.True(added.Code == 0, added.Error);
        Assert.Contains("佳奈", added.Output, StringComparison.Ordinal);
        Assert.True(founded.Code == 0, founded.Error);
        Assert.True(deposit.Code == 0, deposit.Error);
        Assert.Equal(deposit.Output, again.Output);
        Assert.Equal(2, bad.Code);
        Assert.Contains("invalid_amount", bad.Error, StringComparison.Ordinal);
        var lines = csv.Output.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,", lines[2], StringComparison.Ordinal);
        Assert.Contains("treasury,JPY,1500", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, audit.Output.Trim().Split('\n').Length);
        Assert.True(verified.Code == 0, verified.Output + verified.Error);
        Assert.Contains("OK", verified.Output, StringComparison.Ordinal);

        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, AuditExport.EditPayload(audit.Output, 3, "\"1500\"", "\"1501\""));
        var offline = await run(["verify", "--file", file]);
        Assert.Equal(1, offline.Code);
        Assert.Contains("MISMATCH at link 3", offline.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// On SQLite only: the verbs parse and print alike on either store, the first flow above runs the command line on
    /// PostgreSQL, and the membership rules are proved on PostgreSQL through HTTP (MembershipTests) and the races.
    /// </summary>
    [Theory]
    [InlineData("sqlite")]
    public async Task Membership_FromTheCommandLine_MintSellBuyRedeemRejoinInherit(string provider)
    {
        var db = provider == "postgres"
            ? PostgresServer.NewDatabase()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}";
        string[] store = ["--provider", provider, "--db", db];
        string[] community = ["--community", "cli-guild", .. store];
        foreach (var who in new[] { "admin", "aki", "ben" })
        {
            Assert.Equal(0, (await RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", .. store])).Code);
        }

        Assert.Equal(0, (await RunAsync(["community", "create", "--owner", "admin@example.jp", "--slug", "cli-guild", "--name", "Guild", .. store])).Code);
        foreach (var who in new[] { "aki", "ben" })
        {
            Assert.Equal(0, (await RunAsync(["deposit", "--by", "admin@example.jp", "--asset", "JPY", "--amount", "50000", "--reference", $"r-{who}", "--for", $"{who}@example.jp", .. community])).Code);
        }

        var steps = new List<(int Code, string Output, string Error)>
        {
            await RunAsync(["profile", "--email", "aki@example.jp", "--name", "秋", "--skill", "映像編集", "--love", "祭り", .. store]),
            await RunAsync(["token", "mint", "--by", "aki@example.jp", .. community]),
            await RunAsync(["token", "sell", "1", "--by", "aki@example.jp", "--price", "20000", .. community]),
            await RunAsync(["token", "buy", "1", "--by", "ben@example.jp", .. community]),
            await RunAsync(["token", "redeem", "1", "--by", "ben@example.jp", .. community]),
            await RunAsync(["token", "mint", "--by", "ben@example.jp", .. community]),
            await RunAsync(["succession", "plan", "--by", "ben@example.jp", "--successor", "aki@example.jp", .. community]),
            await RunAsync(["succession", "execute", "--by", "ben@example.jp", .. community]),
        };
        var token = await RunAsync(["token", "show", "2", .. community]);
        var members = await RunAsync(["members", "--skill", "映像編集", .. community]);
        var refused = await RunAsync(["token", "redeem", "2", "--by", "ben@example.jp", .. community]);
        var verified = await RunAsync(["verify", .. store]);

        Assert.All(steps, step => Assert.True(step.Code == 0, step.Error));
        Assert.Contains("\"kind\": \"inherited\"", token.Output, StringComparison.Ordinal);
        Assert.Contains("\"ownerName\": \"秋\"", token.Output, StringComparison.Ordinal);
        Assert.Contains("映像編集", members.Output, StringComparison.Ordinal);
        Assert.Equal(2, refused.Code);
        Assert.Contains("not_token_owner", refused.Error, StringComparison.Ordinal);
        Assert.True(verified.Code == 0, verified.Output);
    }

    [Fact]
    public async Task EveryVerb_HasHelp_AndAnUnknownVerbIsAnError()
    {
        foreach (var verb in new[] { "serve", "migrate", "demo", "verify", "person", "community", "deposit", "ledger", "audit", "token", "members", "succession", "profile" })
        {
            var help = await RunAsync([verb, "--help"]);
            Assert.True(help.Code == 0, verb);
            Assert.Contains("Usage:", help.Output, StringComparison.Ordinal);
        }

        var unknown = await RunProcessAsync(["verfy"]);
        Assert.Equal(1, unknown.Code);
    }

    /// <inheritdoc cref="CliRunner.RunAsync"/>
    internal static Task<(int Code, string Output, string Error)> RunAsync(string[] args) => CliRunner.RunAsync(args);

    /// <inheritdoc cref="CliRunner.RunProcessAsync"/>
    internal static Task<(int Code, string Output, string Error)> RunProcessAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null) =>
        CliRunner.RunProcessAsync(args, environment);
}

/// <summary>
/// Command-line tests run their verbs one at a time: the verbs share the parser's option objects, which are
/// not meant to be attached to several command trees at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CliCollection
{
    public const string Name = "cli";
}
