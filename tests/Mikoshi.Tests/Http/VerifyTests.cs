using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>`mikoshi verify` catches edits made directly in the database, and names where.</summary>
public sealed class VerifyTests
{
    public static TheoryData<string, string> Tampering => new()
    {
        { "sqlite", "posting" }, { "sqlite", "balance" }, { "sqlite", "audit" }, { "sqlite", "journal" }, { "sqlite", "delete" }, { "sqlite", "previous" },
        { "postgres", "posting" }, { "postgres", "balance" }, { "postgres", "audit" }, { "postgres", "journal" }, { "postgres", "delete" }, { "postgres", "previous" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Verify_AfterAnEditInTheDatabase_NamesWhereItDisagrees(string provider, string target)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "1500");
        await admin.DepositAsync(slug, "2500");
        await admin.DepositAsync(slug, "3500");
        await DepositTests.AssertVerifiedAsync(app);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.SingleAsync(c => c.Slug == slug);
        var (sql, where) = target switch
        {
            // One byte: 2500 becomes 2501.
            "posting" => ("UPDATE postings SET \"Units\" = 2501 WHERE \"EntryNumber\" = 2 AND \"Index\" = 1", "entry 2"),
            "balance" => ("UPDATE balances SET \"Units\" = 7501 WHERE \"Account\" = 'treasury'", "account treasury"),
            "audit" => ("UPDATE audit_log SET \"Payload\" = replace(\"Payload\", '2500', '2501') WHERE \"Sequence\" = 4", "link 4"),
            "journal" => ("UPDATE journal_entries SET \"Memo\" = 'membership feE' WHERE \"Number\" = 3", "entry 3"),

            // A link that names another link before it (its own hash, here): the chain breaks there.
            "previous" => ("UPDATE audit_log SET \"PreviousHash\" = \"Hash\" WHERE \"Sequence\" = 4", "link 4"),
            _ => ("DELETE FROM audit_log WHERE \"Sequence\" = 3", "link 3"),
        };
        if (provider == "sqlite")
        {
            sql = sql.Replace("\"Units\" = 2501", "\"Units\" = '2501'", StringComparison.Ordinal)
                .Replace("\"Units\" = 7501", "\"Units\" = '7501'", StringComparison.Ordinal);
        }

        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(sql));
        var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();

        Assert.False(report.IsClean);
        Assert.Contains(where, report.Findings[0].Where, StringComparison.Ordinal);
        Assert.Contains(community.Id.ToString(), report.Findings[0].Where, StringComparison.Ordinal);
        if (target == "previous")
        {
            Assert.Contains("previous hash does not match", report.Findings[0].What, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string> HeadEdits => new()
    {
        { "sqlite", "entries" }, { "sqlite", "hash" }, { "sqlite", "people" },
        { "postgres", "entries" }, { "postgres", "hash" },
    };

    /// <summary>
    /// The chain's head row numbers the next entry and link, and the community page shows its counts: after deposits and a
    /// mint it agrees with the chain, the journal and the tokens; an edit of it is named by `mikoshi verify`.
    /// </summary>
    [Theory]
    [MemberData(nameof(HeadEdits))]
    public async Task Verify_AfterAnEditOfTheHeadRow_NamesTheHead(string provider, string field)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "1500000", personId: admin.Id);
        await admin.DepositAsync(slug, "2500");
        (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).EnsureSuccessStatusCode();
        await DepositTests.AssertVerifiedAsync(app);

        var figures = (await (await admin.Client.GetAsync($"/api/v1/communities/{slug}")).JsonAsync()).GetProperty("figures");
        var export = (await admin.Client.GetStringAsync($"/api/v1/communities/{slug}/audit")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var last = System.Text.Json.JsonDocument.Parse(export[^1]).RootElement;
        Assert.Equal(3, figures.GetProperty("journalEntries").GetInt64());
        Assert.Equal(1, figures.GetProperty("people").GetInt32());
        Assert.Equal(1, figures.GetProperty("roleHolders").GetInt32());
        Assert.Equal(last.GetProperty("sequence").GetInt64(), figures.GetProperty("auditHead").GetProperty("sequence").GetInt64());
        Assert.Equal(last.GetProperty("hash").GetString(), figures.GetProperty("auditHead").GetProperty("hash").GetString());

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.SingleAsync(c => c.Slug == slug);
        var (set, what) = field switch
        {
            "entries" => ("\"LastEntryNumber\" = 2", "counts 2 journal entries, but the journal's last entry is number 3"),
            "hash" => ($"\"AuditHash\" = {Bytes(provider, new string('a', 64))}", $"records link {last.GetProperty("sequence")} with hash {new string('a', 64)}, but the chain ends at link"),
            _ => ("\"People\" = 2", "counts 2 members, but 1 persons hold a token in circulation"),
        };
        var edit = $"UPDATE chain_heads SET {set} WHERE \"Chain\" = {{0}}";
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(edit, community.Id.Value));
        var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();

        var finding = Assert.Single(report.Findings);
        Assert.Equal($"chain {community.Id.Value:N} head", finding.Where);
        Assert.Contains(what, finding.What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportedAuditLog_VerifiesOffline_AndAOneByteEditIsCaught()
    {
        await using var app = TestApp.Create("sqlite");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "1500");
        await admin.DepositAsync(slug, "2500");

        var export = await admin.Client.GetStringAsync($"/api/v1/communities/{slug}/audit");
        var clean = Verifier.VerifyExport(new StringReader(export));
        var edited = Verifier.VerifyExport(new StringReader(AuditExport.EditPayload(export, 4, "\"2500\"", "\"2501\"")));

        Assert.True(clean.IsClean, string.Join("\n", clean.Findings));
        Assert.Equal(4, clean.AuditLinks);
        Assert.False(edited.IsClean);
        Assert.Equal("link 4", edited.Findings[0].Where);
    }

    /// <summary>A literal of the bytes <paramref name="hex"/> spells, as each store writes one (hashes are stored as bytes).</summary>
    private static string Bytes(string provider, string hex) => provider == "sqlite" ? $"X'{hex}'" : $"'\\x{hex}'::bytea";
}
