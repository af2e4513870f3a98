using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Mikoshi.Features.Secrets;

/// <summary>
/// Encrypts each Data Protection master key before it is written to the database, with a subkey of the
/// <see cref="KeyEncryptionKey"/> (AES-256-GCM): the key ring in the database is useless without the key file.
/// </summary>
public sealed class KeyRingEncryptor(KeyEncryptionKey kek) : IXmlEncryptor
{
    /// <summary>The subkey's purpose and the ciphertext's bound context.</summary>
    internal const string Purpose = "Mikoshi.DataProtection.KeyRing.v1";

    internal static readonly XName Element = "mikoshiEncryptedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = Aead.Seal(kek.Derive(Purpose), plaintext, Purpose);
        var element = new XElement(Element,
            new XAttribute("kek", kek.Id),
            new XComment(" AES-256-GCM under Mikoshi's key-encryption key, which is kept outside the database. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>
/// Opens what <see cref="KeyRingEncryptor"/> sealed. Data Protection creates it by type name with the app's
/// services; a key sealed under another key-encryption key (a copied database on another server) fails here.
/// </summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var kek = services.GetRequiredService<KeyEncryptionKey>();
        if ((string?)encryptedElement.Attribute("kek") != kek.Id)
        {
            throw new CryptographicException("This Data Protection key was encrypted with another key-encryption key than this server's.");
        }

        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
        return XElement.Parse(Encoding.UTF8.GetString(Aead.Open(kek.Derive(KeyRingEncryptor.Purpose), sealedBytes, KeyRingEncryptor.Purpose)));
    }

    /// <summary>Whether a stored key's XML was sealed under <paramref name="kek"/> (false for plaintext or another key).</summary>
    internal static bool SealedUnder(XElement key, KeyEncryptionKey kek) =>
        key.Descendants(KeyRingEncryptor.Element).Any() && key.Descendants(KeyRingEncryptor.Element).All(e => (string?)e.Attribute("kek") == kek.Id);
}
