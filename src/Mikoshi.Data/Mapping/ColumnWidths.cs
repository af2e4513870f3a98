namespace Mikoshi.Data.Mapping;

/// <summary>
/// Widths of columns whose length is a storage detail rather than a rule the app checks on input: the text form of
/// a hash or a big number, a code word the app writes itself, a sealed (encrypted) value, an id another system gives.
/// A width that restates a rule (a name, a title, a bank code) is not here: the mapping takes it from the domain type
/// that checks it, so the column, the validation and the form's <c>maxlength</c> cannot drift apart.
/// </summary>
public static class ColumnWidths
{
    /// <summary>A SHA-256 or HMAC-SHA256 value in hex (audit links, token hashes, checkpoint signatures).</summary>
    public const int Sha256Hex = 64;

    /// <summary>A 32-byte word with <c>0x</c> in hex: a block or transaction hash, a Merkle root, a vote digest.</summary>
    public const int EvmWordHex = 66;

    /// <summary>A 65-byte secp256k1 signature with <c>0x</c> in hex.</summary>
    public const int SignatureHex = 2 + (2 * Domain.Governance.Signatures.Length);

    /// <summary>A uint256 as decimal text (at most 78 digits).</summary>
    public const int Uint256Decimal = 80;

    /// <summary>A scaled accumulator (holders' share per token, carry) as decimal text.</summary>
    public const int ScaledDecimal = 120;

    /// <summary>The id of the key that signed a verification checkpoint.</summary>
    public const int SigningKeyId = 32;

    /// <summary>A state or kind word the app writes itself: <c>pending</c>, <c>member</c>, <c>mint</c>, <c>for</c>…</summary>
    public const int Word = 12;

    /// <summary>A short word the app writes itself: a channel kind, a delivery or mail state (<c>discord</c>, <c>sent</c>).</summary>
    public const int ShortWord = 10;

    /// <summary>A longer word the app writes itself: a role, a payment's purpose, method or state, a lineage step (<c>subscription</c>).</summary>
    public const int LongWord = 16;

    /// <summary>A withholding kind, an LLC role, a chain event or digest period the app writes itself.</summary>
    public const int KindWord = 20;

    /// <summary>An event or notification kind (<c>revenue.recorded</c>), an audit kind, a cursor or short error code.</summary>
    public const int EventKind = 60;

    /// <summary>The name of a per-chain sequence (projects, invitations, payments…).</summary>
    public const int CounterKind = 64;

    /// <summary>A code word of up to 40 characters: an actor (<c>person:…</c>), a journal kind, a Stripe status, a ledger account key.</summary>
    public const int Code = 40;

    /// <summary>A ledger account (<c>holder:&lt;id&gt;</c>, <c>project:12:pool</c>).</summary>
    public const int LedgerAccount = 80;

    /// <summary>A language tag (<c>ja</c>, <c>en</c>).</summary>
    public const int Language = 5;

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public const int IsoDate = 10;

    /// <summary>An id another system gives or a key a caller chooses (Stripe ids, payment references, once-keys).</summary>
    public const int ExternalId = 200;

    /// <summary>A scope of idempotency keys (who and where).</summary>
    public const int IdempotencyScope = 120;

    /// <summary>A bank line's identity (its id column or a hash of its fields).</summary>
    public const int BankLineIdentity = 80;

    /// <summary>A bank line's payer as the bank wrote it (kept up to this many characters).</summary>
    public const int BankLinePayer = 120;

    /// <summary>A bank or branch name as typed (the Zengin file takes its kana form, which is checked).</summary>
    public const int BankName = 40;

    /// <summary>An account holder's or sender's name as typed (the Zengin file takes its kana form, which is checked).</summary>
    public const int AccountName = 60;

    /// <summary>An error or failure text kept for the log an admin reads.</summary>
    public const int FailureText = 500;

    /// <summary>A sealed (encrypted) bank account number.</summary>
    public const int SealedAccountNumber = 200;

    /// <summary>A sealed (encrypted) postal address.</summary>
    public const int SealedAddress = 1000;

    /// <summary>A sealed (encrypted) channel secret.</summary>
    public const int SealedSecret = 2000;

    /// <summary>A sealed (encrypted) webhook address.</summary>
    public const int SealedUrl = 4000;

    /// <summary>A small JSON document or list the app writes itself (a CSV mapping, a channel's event kinds).</summary>
    public const int SmallJson = 2000;

    /// <summary>A sealed (encrypted) custodial key.</summary>
    public const int SealedKey = 1000;

    /// <summary>A random nonce as text.</summary>
    public const int NonceText = 64;

    /// <summary>A Stripe event type (<c>checkout.session.completed</c>).</summary>
    public const int StripeEventType = 80;

    /// <summary>A payer's transfer code, the reference a bank transfer carries.</summary>
    public const int TransferCode = 12;

    /// <summary>The signed message that linked a wallet (SIWE), kept as given.</summary>
    public const int LinkMessage = 4000;

    /// <summary>The purpose of a sign-in nonce (<c>signin</c>, <c>link</c>).</summary>
    public const int NoncePurpose = 8;
}
