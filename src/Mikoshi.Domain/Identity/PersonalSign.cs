using System.Globalization;
using System.Text;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Domain.Identity;

/// <summary>
/// EIP-191 version 0x45, what wallets sign for <c>personal_sign</c> (and ethers' <c>signMessage</c>):
/// keccak256("\x19Ethereum Signed Message:\n" ‖ the message's length in bytes, in decimal ‖ the message).
/// The prefix keeps a signed text from ever being a valid transaction.
/// </summary>
public static class PersonalSign
{
    private const string Prefix = "\u0019Ethereum Signed Message:\n";

    /// <summary>The 32-byte digest a wallet signs for <paramref name="message"/>.</summary>
    /// <param name="message">The bytes shown to the person.</param>
    public static byte[] Digest(ReadOnlySpan<byte> message)
    {
        var prefix = Encoding.ASCII.GetBytes(Prefix + message.Length.ToString(CultureInfo.InvariantCulture));
        var whole = new byte[prefix.Length + message.Length];
        prefix.CopyTo(whole, 0);
        message.CopyTo(whole.AsSpan(prefix.Length));
        return Keccak.Hash256(whole);
    }

    /// <summary>The digest of a text, as its UTF-8 bytes.</summary>
    /// <param name="message">The text shown to the person.</param>
    public static byte[] Digest(string message) => Digest(Encoding.UTF8.GetBytes(message ?? throw new ArgumentNullException(nameof(message))));

    /// <summary>Who signed <paramref name="message"/> with <c>personal_sign</c>; see <see cref="Signatures.Recover"/>.</summary>
    /// <param name="message">The text that was signed.</param>
    /// <param name="signatureHex">65 bytes r‖s‖v in hex.</param>
    public static Result<EthAddress> Recover(string message, string? signatureHex) => Signatures.Recover(Digest(message), signatureHex);
}
