using System.Globalization;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Payments;

/// <summary>Where an imported bank line is.</summary>
public enum BankLineState
{
    /// <summary>No transfer code matched: it waits for a treasurer.</summary>
    Unmatched,

    /// <summary>Its transfer code matched on import: credited to the code's owner.</summary>
    Credited,

    /// <summary>A treasurer said whose it is: credited to them.</summary>
    Assigned,

    /// <summary>A treasurer set it aside: no member's payment.</summary>
    Ignored,
}

/// <summary>
/// One deposit of an imported bank statement, kept by its identity so that importing it twice changes nothing. It is
/// settled once: credited on import when its transfer code matched, else assigned to a person or ignored by a
/// treasurer; a settled line is never settled again (<c>bank_line_settled</c>).
/// </summary>
public sealed class BankLine
{
    /// <summary>Longest identity (the bank's inquiry number, or a hash for CSV).</summary>
    public const int MaxIdentityLength = 80;

    /// <summary>Longest payer name kept; a longer one is cut.</summary>
    public const int MaxPayerLength = 120;

    /// <summary>Longest state word.</summary>
    public const int MaxStateLength = 16;

    /// <summary>The booking day's stored form.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    private BankLine()
    {
        Identity = string.Empty;
        BookedOn = string.Empty;
        Payer = string.Empty;
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>The line's number in the community.</summary>
    public long Number { get; private set; }

    /// <summary>What makes the line the same line in any later import.</summary>
    public string Identity { get; private set; }

    /// <summary>The day the bank booked it, yyyy-MM-dd.</summary>
    public string BookedOn { get; private set; }

    /// <summary>Yen received.</summary>
    public long Amount { get; private set; }

    /// <summary>The payer's name as the bank wrote it (at most <see cref="MaxPayerLength"/> characters).</summary>
    public string Payer { get; private set; }

    /// <summary>Where the line is.</summary>
    public BankLineState State { get; private set; }

    /// <summary>Whom it was credited to, once settled so.</summary>
    public PersonId? PersonId { get; private set; }

    /// <summary>The payment that credited it.</summary>
    public long? PaymentNumber { get; private set; }

    /// <summary>When it was imported (Unix milliseconds).</summary>
    public long ImportedAtUnixMs { get; private set; }

    /// <summary>The state's stored word, as the API shows it (<c>unmatched</c>, <c>credited</c>, <c>assigned</c>, <c>ignored</c>).</summary>
    public string StateWord => Word(State);

    /// <summary>A state's stored word.</summary>
    public static string Word(BankLineState state) => state.Word();

    /// <summary>The state a word names exactly (<c>unmatched</c>, …), or null.</summary>
    public static BankLineState? StateOf(string word) =>
        Enum.GetValues<BankLineState>().Cast<BankLineState?>().FirstOrDefault(s => Word(s!.Value) == word);

    /// <summary>Keeps deposit <paramref name="deposit"/> of a statement as line <paramref name="number"/>, unmatched.</summary>
    public static BankLine Import(CommunityId community, long number, StatementDeposit deposit, DateTimeOffset at) => new()
    {
        CommunityId = community,
        Number = number,
        Identity = deposit.Identity,
        BookedOn = deposit.BookedOn.ToString(DateFormat, CultureInfo.InvariantCulture),
        Amount = deposit.Amount,
        Payer = deposit.Payer.Length > MaxPayerLength ? deposit.Payer[..MaxPayerLength] : deposit.Payer,
        State = BankLineState.Unmatched,
        ImportedAtUnixMs = at.ToUnixTimeMilliseconds(),
    };

    /// <summary>The line's transfer code matched on import: payment <paramref name="payment"/> credits <paramref name="person"/>.</summary>
    public Result<BankLine> Credit(PersonId person, long payment) => Settle(BankLineState.Credited, person, payment);

    /// <summary>A treasurer says the line is <paramref name="person"/>'s: payment <paramref name="payment"/> credits them.</summary>
    public Result<BankLine> Assign(PersonId person, long payment) => Settle(BankLineState.Assigned, person, payment);

    /// <summary>A treasurer sets the line aside as no member's payment.</summary>
    public Result<BankLine> Ignore() => Settle(BankLineState.Ignored, null, null);

    private Result<BankLine> Settle(BankLineState state, PersonId? person, long? payment)
    {
        if (State != BankLineState.Unmatched)
        {
            return PaymentErrors.BankLineSettled(Number, StateWord);
        }

        State = state;
        PersonId = person;
        PaymentNumber = payment;
        return this;
    }
}
