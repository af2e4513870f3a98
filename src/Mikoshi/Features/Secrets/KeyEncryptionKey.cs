using System.Security.Cryptography;
using System.Text;
using Mikoshi.Data;

namespace Mikoshi.Features.Secrets;

/// <summary>
/// The key that encrypts every secret the database holds (the Data Protection key ring, through it custodial
/// keys, and bank account numbers), kept OUTSIDE the database so that a copy of the database file or a dump
/// of its tables yields no secret. Read from <c>Mikoshi:KeyEncryptionKey</c> (base64 of 32 bytes, from the
/// environment or a secret store), else from the file <c>Mikoshi:KeyEncryptionKeyFile</c>, else from
/// <c>keys/kek</c> beside the SQLite database (<c>data/keys/kek</c> by default; for PostgreSQL under ./data),
/// created on first start: 32 random bytes, 0600 in a 0700 folder. Replicas must share it.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string ConfigKey = "Mikoshi:KeyEncryptionKey";
    public const string ConfigFile = "Mikoshi:KeyEncryptionKeyFile";

    private readonly byte[] key;

    private KeyEncryptionKey(byte[] key, string source, string? file, bool created)
    {
        this.key = key;
        Source = source;
        File = file;
        Created = created;

        // A short public name of the key, so that a secret sealed under another key is recognised as such.
        Id = Convert.ToHexStringLower(SHA256.HashData(Derive("Mikoshi.KeyEncryptionKey.Id.v1")).AsSpan(0, 8));
    }

    /// <summary>Where the key came from, for the start-up log (never the key itself).</summary>
    public string Source { get; }

    /// <summary>The key file, when the key came from one.</summary>
    public string? File { get; }

    /// <summary>Whether this start created the key file (the first start on a new store).</summary>
    public bool Created { get; }

    /// <summary>16 hex digits naming the key; stored next to what it sealed.</summary>
    public string Id { get; }

    /// <summary>A 256-bit subkey for one purpose (HKDF-SHA256), so no two uses share a key.</summary>
    public byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: null, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>Reads the configured key, or the key file (created on first use).</summary>
    public static KeyEncryptionKey Load(IConfiguration configuration, StoreOptions store)
    {
        if (configuration[ConfigKey] is { Length: > 0 } text)
        {
            return new KeyEncryptionKey(Decode(text, ConfigKey), ConfigKey, null, created: false);
        }

        var file = configuration[ConfigFile] is { Length: > 0 } configured ? Path.GetFullPath(configured) : DefaultFile(store);
        var (bytes, created) = ReadOrCreate(file);
        return new KeyEncryptionKey(bytes, file, file, created);
    }

    /// <summary><c>keys/kek</c> beside a SQLite database file; ./data/keys/kek for PostgreSQL.</summary>
    public static string DefaultFile(StoreOptions store)
    {
        var folder = PrivateFiles.SqliteFile(store) is { } database
            ? Path.GetDirectoryName(database)!
            : Path.GetFullPath("data");
        return Path.Combine(folder, "keys", "kek");
    }

    private static (byte[] Key, bool Created) ReadOrCreate(string file)
    {
        PrivateFiles.CreateFolder(Path.GetDirectoryName(file)!);
        if (!System.IO.File.Exists(file))
        {
            // Written under another name and linked into place without replacing: two processes starting at once
            // on a new store end up with the one key that won, never a half-written file.
            var fresh = RandomNumberGenerator.GetBytes(32);
            var pending = file + "." + Guid.NewGuid().ToString("N") + ".new";
            PrivateFiles.WriteNew(pending, Convert.ToBase64String(fresh) + "\n");
            try
            {
                System.IO.File.Move(pending, file, overwrite: false);
                return (fresh, true);
            }
            catch (IOException) when (System.IO.File.Exists(file))
            {
                System.IO.File.Delete(pending);
            }
        }

        return (Decode(System.IO.File.ReadAllText(file), file), false);
    }

    private static byte[] Decode(string text, string where)
    {
        var bytes = new byte[32];
        if (!Convert.TryFromBase64String(text.Trim(), bytes, out var written) || written != 32)
        {
            throw new InvalidOperationException($"{where} must hold a 256-bit key as base64 (44 characters, e.g. from `openssl rand -base64 32`).");
        }

        return bytes;
    }
}

/// <summary>AES-256-GCM with a random 96-bit nonce: nonce ‖ tag ‖ ciphertext, bound to a context string.</summary>
public static class Aead
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, string context)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(key, TagSize);
        gcm.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(context));
        return sealedBytes;
    }

    /// <summary>The plaintext; throws <see cref="CryptographicException"/> for another key, context or any changed byte.</summary>
    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedBytes, string context)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed value is too short.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var gcm = new AesGcm(key, TagSize);
        gcm.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(context));
        return plaintext;
    }
}

/// <summary>Files only the server's own user may read: folders 0700, files 0600 (on Unix; Windows uses ACLs).</summary>
public static class PrivateFiles
{
    public const UnixFileMode PrivateFolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The SQLite database's file, or null for PostgreSQL and in-memory databases.</summary>
    public static string? SqliteFile(StoreOptions store)
    {
        if (store.Provider != StoreProvider.Sqlite)
        {
            return null;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString);
        return builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory
            ? Path.GetFullPath(source)
            : null;
    }

    /// <summary>Creates a folder (and its parents) 0700; an existing folder is left as it is.</summary>
    public static void CreateFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, PrivateFolderMode);
    }

    /// <summary>Creates a new file 0600 with the text; fails if it exists.</summary>
    public static void WriteNew(string file, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFileMode;
        }

        using var stream = new FileStream(file, options);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(text);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Creates an empty file 0600 unless it exists.</summary>
    public static void CreateEmpty(string file)
    {
        if (System.IO.File.Exists(file))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFileMode;
        }

        using var stream = new FileStream(file, options);
    }

    /// <summary>True when group or others may read, write or enter it.</summary>
    public static bool IsOpenToOthers(string path) =>
        !OperatingSystem.IsWindows() && (System.IO.File.GetUnixFileMode(path) & GroupOrOther) != 0;

    /// <summary>Takes group and other access away; true if it had any.</summary>
    public static bool Tighten(string path, bool folder)
    {
        if (OperatingSystem.IsWindows() || !IsOpenToOthers(path))
        {
            return false;
        }

        var mode = System.IO.File.GetUnixFileMode(path);
        System.IO.File.SetUnixFileMode(path, (mode & ~GroupOrOther) | (folder ? PrivateFolderMode : PrivateFileMode));
        return true;
    }
}
