using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mikoshi.Data;

namespace Mikoshi.Features.Secrets;

/// <summary>
/// What start-up does so that a copy of the database alone yields no secret: the SQLite folder 0700 and its
/// files 0600 (existing ones tightened, said in the log); after the schema is migrated, any Data Protection key
/// and bank account number still stored in the clear (a database from before this existed) sealed in place,
/// once, and the file compacted so the old plaintext pages leave it.
/// </summary>
public sealed class SecretsAtRest(StoreOptions store, KeyEncryptionKey kek, SecretBox box, IOptions<KeyManagementOptions> keyManagement, ILogger<SecretsAtRest> log)
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";

    /// <summary>Before the schema is touched: private folder and files, and the key-encryption key in place.</summary>
    public void GuardFiles()
    {
        if (PrivateFiles.SqliteFile(store) is { } database)
        {
            var folder = Path.GetDirectoryName(database)!;
            if (!Directory.Exists(folder))
            {
                PrivateFiles.CreateFolder(folder);
            }
            else if (PrivateFiles.IsOpenToOthers(folder))
            {
                // Only Mikoshi's own data folder is tightened; a folder such as /tmp is not ours to change.
                if (Path.GetFileName(folder) == "data" && PrivateFiles.Tighten(folder, folder: true))
                {
                    log.LogWarning("Tightened {Folder} to 0700: other users of this machine could enter it.", folder);
                }
                else
                {
                    log.LogWarning("{Folder} is open to other users of this machine; the database files in it are kept 0600.", folder);
                }
            }

            PrivateFiles.CreateEmpty(database);
            var tightened = new[] { database, database + "-wal", database + "-shm", database + "-journal" }
                .Where(f => File.Exists(f) && PrivateFiles.Tighten(f, folder: false)).ToList();
            if (tightened.Count > 0)
            {
                log.LogWarning("Tightened {Files} to 0600: other users of this machine could read them.", string.Join(", ", tightened));
            }
        }

        if (kek.File is { } keyFile)
        {
            var keyFolder = Path.GetDirectoryName(keyFile)!;
            if (PrivateFiles.Tighten(keyFolder, folder: true) | PrivateFiles.Tighten(keyFile, folder: false))
            {
                log.LogWarning("Tightened the key-encryption key {File} and its folder to 0600/0700.", keyFile);
            }

            if (kek.Created)
            {
                log.LogWarning("Created the key-encryption key {File}. Back it up apart from the database: without it, sessions, custodial keys and bank account numbers cannot be read.", keyFile);
            }

            if (store.Provider == StoreProvider.Postgres)
            {
                log.LogWarning("The key-encryption key is the local file {File}: replicas must share one key (Mikoshi:KeyEncryptionKey or Mikoshi:KeyEncryptionKeyFile), see operations.", keyFile);
            }
        }
        else
        {
            log.LogInformation("Secrets at rest are encrypted with the key-encryption key from {Source}.", kek.Source);
        }
    }

    /// <summary>After migration: seals what an older version stored in the clear, idempotently.</summary>
    public async Task SealPlaintextAsync(MikoshiDb db, CancellationToken cancellationToken = default)
    {
        var encryptor = keyManagement.Value.XmlEncryptor ?? new KeyRingEncryptor(kek);
        var keys = await db.DataProtectionKeys.ToListAsync(cancellationToken);
        var sealedKeys = 0;
        var foreign = 0;
        foreach (var row in keys)
        {
            if (row.Xml is null)
            {
                continue;
            }

            var xml = XElement.Parse(row.Xml);
            var plain = xml.DescendantsAndSelf().Where(e => (string?)e.Attribute(RequiresEncryption) == "true").ToList();
            foreach (var element in plain)
            {
                var encrypted = encryptor.Encrypt(element);
                element.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                    encrypted.EncryptedElement));
            }

            if (plain.Count > 0)
            {
                row.Xml = xml.ToString(SaveOptions.DisableFormatting);
                sealedKeys++;
            }
            else if (!KeyRingDecryptor.SealedUnder(xml, kek))
            {
                foreign++;
            }
        }

        var accounts = await db.BankAccounts.Where(b => !b.AccountNumber.StartsWith(SecretBox.Prefix)).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            account.AccountNumber = box.Seal(account.AccountNumber, SecretBox.BankAccountNumber);
        }

        if (sealedKeys + accounts.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await CompactAsync(db, cancellationToken);
            log.LogWarning("Encrypted {Keys} Data Protection key(s) and {Accounts} bank account number(s) that were stored in the clear; older copies and backups of the database still hold them.", sealedKeys, accounts.Count);
        }

        if (foreign > 0)
        {
            log.LogError("{Count} Data Protection key(s) in the database were encrypted with another key-encryption key than {Source}: sessions, custodial keys and bank account numbers sealed under them cannot be read. Restore the key file that belongs to this database.", foreign, kek.Source);
        }
    }

    // The replaced rows' old bytes stay in free pages and in the WAL until the file is rewritten.
    private static async Task CompactAsync(MikoshiDb db, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM FULL \"DataProtectionKeys\", bank_accounts;", cancellationToken);
            return;
        }

        await db.Database.ExecuteSqlRawAsync("VACUUM;", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }
}
