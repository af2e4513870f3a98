using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using PasswordHasher = Microsoft.AspNetCore.Identity.PasswordHasher<Mikoshi.Data.MikoshiUser>;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mikoshi.Data;
using Mikoshi.Features.Secrets;
using Mikoshi.Tests.Infrastructure;
using Npgsql;

namespace Mikoshi.Tests.Http.Secrets;

/// <summary>
/// Issue 15, finding 3: a copy of the database file yielded every custodial key. The attack again, as it was
/// done: run the server, copy its database (not its key file), replace one person's password hash in the copy,
/// start the server on the copy, sign in as that person and export their custodial key.
/// </summary>
public sealed class SecretsAtRestTests : IDisposable
{
    private const string KnownPassword = "the thief's own password";
    private const string AccountNumber = "2718281";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"mikoshi-secrets-{Guid.NewGuid():N}");

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task CopiedDatabase_StartedWithoutItsKeyFile_ExportsNoCustodialKey_AndItsBytesHoldNoSecret(string provider)
    {
        var live = Store(provider, "live");
        string email, secret;
        await using (var app = App(live, provider, "live"))
        {
            var victim = await app.SignUpAsync();
            email = victim.Email;
            secret = (await (await victim.Client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync()).GetProperty("secret").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await victim.Client.PutAsJsonAsync("/api/v1/me/bank-account", BankAccount)).StatusCode);
        }

        var copy = await CopyAsync(live, provider);
        await ReplacePasswordHashAsync(copy, email);

        // Everything the thief holds: no private key, no account number, in any form they could search for.
        var bytes = await BytesOfAsync(copy);
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(email)));
        foreach (var needle in new[] { secret[2..], secret[2..].ToUpperInvariant(), AccountNumber })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)));
        }

        Assert.Equal(-1, bytes.AsSpan().IndexOf(Convert.FromHexString(secret[2..])));

        // The shipped server started on the copy with a fresh key folder: the thief signs in, and gets nothing.
        await using (var thief = App(copy, provider, "copy"))
        {
            var client = await SignInAsync(thief, email);
            var export = await client.PostJsonAsync("/api/v1/me/custodial-key/export", new { });
            Assert.Equal(HttpStatusCode.Conflict, export.StatusCode);
            Assert.Equal("secret_unreadable", await export.ProblemCodeAsync());
            Assert.DoesNotContain(secret[2..], await export.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

            var bank = await client.GetAsync("/api/v1/me/bank-account");
            Assert.Equal(HttpStatusCode.Conflict, bank.StatusCode);
            Assert.Equal("secret_unreadable", await bank.ProblemCodeAsync());
        }

        // The control: the same copy with the live server's key file does open both, so what stopped the thief is
        // the missing key, not a broken copy.
        await using (var owner = App(copy, provider, "live"))
        {
            var client = await SignInAsync(owner, email);
            var export = await (await client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync();
            Assert.Equal(secret, export.GetProperty("secret").GetString());
            Assert.Equal(AccountNumber, (await (await client.GetAsync("/api/v1/me/bank-account")).JsonAsync()).GetProperty("accountNumber").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Start_OnADatabaseWithPlaintextSecrets_SealsThemInPlaceOnce_AndEverythingStillOpens(string provider)
    {
        var store = Store(provider, "old");
        string secret, token;
        await using (var app = App(store, provider, "old"))
        {
            var person = await app.SignUpAsync();
            token = person.Client.DefaultRequestHeaders.Authorization!.Parameter!;
            secret = (await (await person.Client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync()).GetProperty("secret").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await person.Client.PutAsJsonAsync("/api/v1/me/bank-account", BankAccount)).StatusCode);

            // Turn the store into what an older version left: key ring and account number in the clear.
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var decryptor = new KeyRingDecryptor(scope.ServiceProvider);
            foreach (var key in await db.DataProtectionKeys.ToListAsync())
            {
                var xml = XElement.Parse(key.Xml!);
                foreach (var encrypted in xml.Descendants(XName.Get("encryptedSecret", "http://schemas.asp.net/2015/03/dataProtection")).ToList())
                {
                    encrypted.ReplaceWith(decryptor.Decrypt(encrypted.Elements().Single()));
                }

                key.Xml = xml.ToString(SaveOptions.DisableFormatting);
            }

            (await db.BankAccounts.SingleAsync()).AccountNumber = AccountNumber;
            await db.SaveChangesAsync();
            Assert.Contains(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(), x => x!.Contains("requiresEncryption=\"true\"", StringComparison.Ordinal));
        }

        string[] sealedOnce;
        await using (var app = App(store, provider, "old"))
        {
            // The person's session from before still works, and so do their key and account.
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(secret, (await (await client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync()).GetProperty("secret").GetString());
            Assert.Equal(AccountNumber, (await (await client.GetAsync("/api/v1/me/bank-account")).JsonAsync()).GetProperty("accountNumber").GetString());
            sealedOnce = await StoredSecretsAsync(app);
            Assert.All(sealedOnce, s => Assert.DoesNotContain("requiresEncryption", s, StringComparison.Ordinal));
            Assert.Contains(sealedOnce, s => s.StartsWith(SecretBox.Prefix, StringComparison.Ordinal));
        }

        if (provider == "sqlite")
        {
            SqliteGroupCommit.CloseConnections();
            Assert.Equal(-1, (await BytesOfAsync(store)).AsSpan().IndexOf(Encoding.ASCII.GetBytes(AccountNumber)));
        }

        // Idempotent: a third start changes nothing.
        await using (var app = App(store, provider, "old"))
        {
            await app.CreateClient().GetAsync("/health");
            Assert.Equal(sealedOnce, await StoredSecretsAsync(app));
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Sqlite_DataFolderDatabaseAndKeyFile_AreCreatedPrivate_AndLooseOnesAreTightenedAtStart()
    {
        var store = Store("sqlite", "modes");
        var database = PrivateFiles.SqliteFile(store)!;
        var data = Path.GetDirectoryName(database)!;
        await using (var app = App(store, "sqlite", "modes"))
        {
            var person = await app.SignUpAsync();
            Assert.Equal(HttpStatusCode.OK, (await person.Client.PutAsJsonAsync("/api/v1/me/bank-account", BankAccount)).StatusCode);
            Assert.True(File.Exists(database + "-wal"), "WAL mode: the write-ahead log exists while the app runs");
            Assert.Equal(PrivateFiles.PrivateFolderMode, File.GetUnixFileMode(data));
            Assert.Equal(PrivateFiles.PrivateFolderMode, File.GetUnixFileMode(Path.Combine(data, "keys")));
            foreach (var file in new[] { database, database + "-wal", database + "-shm", Path.Combine(data, "keys", "kek") })
            {
                Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(file));
            }
        }

        // A store from before: readable by everyone. The next start tightens it.
        SqliteGroupCommit.CloseConnections();
        const UnixFileMode WorldReadable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(database, WorldReadable);
        File.SetUnixFileMode(data, PrivateFiles.PrivateFolderMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(Path.Combine(data, "keys", "kek"), WorldReadable);
        var log = new LogLines();
        await using (var app = App(store, "sqlite", "modes"))
        {
            app.Logging = logging => logging.AddProvider(log);
            await app.SignUpAsync();
            Assert.Contains(log.Lines, l => l.Contains($"Tightened {data} to 0700", StringComparison.Ordinal));
            Assert.Contains(log.Lines, l => l.Contains($"Tightened {database} to 0600", StringComparison.Ordinal));
            Assert.Contains(log.Lines, l => l.Contains("Tightened the key-encryption key", StringComparison.Ordinal));
            Assert.Equal(PrivateFiles.PrivateFolderMode, File.GetUnixFileMode(data));
            Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(database));
            Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(database + "-wal"));
            Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(Path.Combine(data, "keys", "kek")));
        }
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("c2hvcnQ=")]
    public async Task AKeyEncryptionKeyThatIsNot256Bits_StopsTheServerAtStart_BeforeAnyFileIsMade(string configured)
    {
        var store = Store("sqlite", "bad");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await Mikoshi.Cli.Commands.RunAsync(["serve", "--db", store.ConnectionString, $"--{KeyEncryptionKey.ConfigKey}={configured}", "--urls", "http://127.0.0.1:0"], output, error);

        Assert.NotEqual(0, code);
        Assert.Contains("256-bit key", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(PrivateFiles.SqliteFile(store)), "nothing is created under a key that cannot be used");
    }

    public void Dispose()
    {
        SqliteGroupCommit.CloseConnections();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static object BankAccount => new
    {
        bankCode = "0001",
        bankName = "ミズホ",
        branchCode = "001",
        branchName = "トウキョウ",
        accountType = 1,
        accountNumber = AccountNumber,
        holderName = "ヤマダ タロウ",
    };

    /// <summary>A store of its own: a SQLite file in <c>{name}/data/</c> (not yet existing), or a fresh PostgreSQL database.</summary>
    private StoreOptions Store(string provider, string name) =>
        provider == "postgres"
            ? new StoreOptions(StoreProvider.Postgres, MigratedStores.NewPostgresDatabase())
            : new StoreOptions(StoreProvider.Sqlite, $"Data Source={Path.Combine(folder, name, "data", "mikoshi.db")}");

    /// <summary>
    /// The server on <paramref name="store"/> with the key file of <paramref name="keys"/>: for SQLite the default
    /// one beside the database, unless it names another place; for PostgreSQL a key file under the test's folder.
    /// </summary>
    private TestApp App(StoreOptions store, string provider, string keys)
    {
        var app = TestApp.On(store);
        var own = PrivateFiles.SqliteFile(store) is { } file && Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file))) == keys;
        if (provider == "postgres" || !own)
        {
            app.Settings[KeyEncryptionKey.ConfigFile] = provider == "sqlite"
                ? Path.Combine(folder, keys, "data", "keys", "kek")
                : Path.Combine(folder, keys, "keys", "kek");
        }

        return app;
    }

    /// <summary>What a thief copies: the SQLite file with its WAL, or the PostgreSQL database as a whole.</summary>
    private async Task<StoreOptions> CopyAsync(StoreOptions live, string provider)
    {
        if (provider == "sqlite")
        {
            SqliteGroupCommit.CloseConnections();
            var source = PrivateFiles.SqliteFile(live)!;
            var target = Path.Combine(folder, "copy", "data", "mikoshi.db");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            foreach (var suffix in new[] { string.Empty, "-wal" })
            {
                if (File.Exists(source + suffix))
                {
                    File.Copy(source + suffix, target + suffix);
                }
            }

            return new StoreOptions(StoreProvider.Sqlite, $"Data Source={target}");
        }

        var name = new NpgsqlConnectionStringBuilder(live.ConnectionString).Database!;
        // The app's pool is keyed by the connection string it opens with (automatic preparation added).
        await using (var connection = new NpgsqlConnection(StoreRegistration.Pooled(live.ConnectionString)))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var copy = $"t_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresServer.ConnectionString + ";Database=postgres;Pooling=false"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {copy} TEMPLATE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new StoreOptions(StoreProvider.Postgres, $"{PostgresServer.ConnectionString};Database={copy}");
    }

    /// <summary>The thief's edit: one person's password hash replaced by the hash of a password they know.</summary>
    private static async Task ReplacePasswordHashAsync(StoreOptions store, string email)
    {
        var hash = new PasswordHasher().HashPassword(new MikoshiUser(), KnownPassword);
        await using var connection = Open(store);
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE \"AspNetUsers\" SET \"PasswordHash\" = @hash WHERE \"NormalizedEmail\" = @email";
        AddParameter(update, "@hash", hash);
        AddParameter(update, "@email", email.ToUpperInvariant());
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    /// <summary>Every byte of the SQLite files, or every row of every PostgreSQL table as text (a dump).</summary>
    private static async Task<byte[]> BytesOfAsync(StoreOptions store)
    {
        if (PrivateFiles.SqliteFile(store) is { } file)
        {
            var bytes = new List<byte>();
            foreach (var suffix in new[] { string.Empty, "-wal", "-journal" })
            {
                if (File.Exists(file + suffix))
                {
                    bytes.AddRange(await File.ReadAllBytesAsync(file + suffix));
                }
            }

            return [.. bytes];
        }

        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM \"{table}\" t", connection);
            dump.Append(table).Append('\n').Append((string)(await rows.ExecuteScalarAsync())!).Append('\n');
        }

        return Encoding.UTF8.GetBytes(dump.ToString());
    }

    private static async Task<HttpClient> SignInAsync(TestApp app, string email)
    {
        var client = app.CreateClient();
        var login = await client.PostJsonAsync("/api/v1/auth/login", new { email, password = KnownPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.JsonAsync()).GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<string[]> StoredSecretsAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var keys = await db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml!).ToListAsync();
        var accounts = await db.BankAccounts.Select(b => b.AccountNumber).ToListAsync();
        return [.. keys, .. accounts];
    }

    private static System.Data.Common.DbConnection Open(StoreOptions store) =>
        store.Provider == StoreProvider.Postgres ? new NpgsqlConnection(store.ConnectionString) : new SqliteConnection(store.ConnectionString);

    private static void AddParameter(System.Data.Common.DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>What the server logged, to read the warnings it gives at start.</summary>
    private sealed class LogLines : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();

        public IReadOnlyCollection<string> Lines => lines;

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
