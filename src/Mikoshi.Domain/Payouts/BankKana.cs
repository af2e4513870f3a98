using System.Globalization;
using System.Text;

namespace Mikoshi.Domain.Payouts;

/// <summary>
/// Turns a name as people type it into the characters a Zengin transfer file can hold: half-width
/// katakana (<c>ｦ</c>, <c>ｱ</c>–<c>ﾝ</c>, the long vowel <c>ｰ</c> and the separate voiced marks
/// <c>ﾞ</c> <c>ﾟ</c>), upper-case letters, digits, space and <c>( ) - . /</c>. Every character of
/// the result is one byte in the file.
/// </summary>
/// <remarks>
/// <para>What it converts: full-width katakana and hiragana to half-width katakana, a voiced kana
/// to its base and a separate mark (<c>ガ</c> → <c>ｶﾞ</c>, <c>ヴ</c> → <c>ｳﾞ</c>, <c>ぱ</c> →
/// <c>ﾊﾟ</c>), <c>ー</c> to <c>ｰ</c>, full-width and lower-case Latin letters to upper-case ASCII,
/// full-width digits to ASCII, the full-width space to a space and the full-width forms of the
/// allowed symbols to ASCII. Spaces at either end are dropped.</para>
/// <para>Small kana (<c>ァィゥェォャュョッヮヵヶ</c>, full- or half-width) become their large
/// half-width forms (<c>ｷｬ</c> is written <c>ｷﾔ</c>): banks register account holders' names in
/// large kana and reject or re-key small ones, so the large form is what matches the account.</para>
/// <para>What it refuses, with <c>invalid_bank_name</c> naming the first such character: kanji,
/// emoji, the obsolete kana <c>ヰヱ</c> and their voiced forms, iteration marks, the half-width
/// punctuation <c>｡｢｣､･</c> and every symbol other than <c>( ) - . /</c>. The shared layout
/// (ZENGIN.md) names only those five symbols, so <c>,</c> <c>｢</c> <c>｣</c> <c>¥</c>, which some
/// banks also take, are refused rather than guessed. Nothing is ever dropped or replaced silently.</para>
/// </remarks>
public static class BankKana
{
    private const char FirstKatakana = '\u30A1'; // ァ
    private const char LastKatakana = '\u30FC';  // ー
    private const char FirstHiragana = '\u3041'; // ぁ
    private const char LastHiragana = '\u3096';  // ゖ
    private const int HiraganaToKatakana = 0x60;
    private const char VoicedMark = 'ﾞ';
    private const char SemiVoicedMark = 'ﾟ';

    // Half-width forms of each full-width katakana from ァ to ー: the base character ('\0' where the
    // kana is refused) and the voiced mark that follows it ('\0' for none).
    private static readonly (char Base, char Mark)[] HalfWidthOfKatakana = BuildKatakanaTable();

    /// <summary>
    /// Converts <paramref name="text"/> to Zengin half-width characters. Fails with
    /// <c>invalid_bank_name</c> when it is empty or holds a character that cannot be written.
    /// </summary>
    public static Result<string> Convert(string? text) => Convert(text, int.MaxValue, BankField.Name);

    /// <summary>
    /// Converts <paramref name="text"/> to Zengin half-width characters for a field of
    /// <paramref name="width"/> bytes. Fails with <c>invalid_bank_name</c> when it is empty or holds
    /// a character that cannot be written, and with <c>bank_name_too_long</c> when the result is
    /// longer than the field (a voiced kana takes two bytes): names are never cut short.
    /// </summary>
    public static Result<string> Convert(string? text, int width) => Convert(text, width, BankField.Name);

    /// <summary>True when <paramref name="c"/> may appear in a Zengin text field as it is.</summary>
    public static bool IsWritable(char c) =>
        c is ' ' or '(' or ')' or '-' or '.' or '/'
            or (>= '0' and <= '9')
            or (>= 'A' and <= 'Z')
            or 'ｦ'
            or (>= 'ｰ' and <= 'ﾟ');

    /// <summary>The same as <see cref="Convert(string?, int)"/>, naming the field in the error.</summary>
    internal static Result<string> Convert(string? text, int width, BankField field)
    {
        var (start, end) = Trimmed(text);
        if (text is null || start == end)
        {
            return PayoutErrors.InvalidBankName;
        }

        var converted = IsAllWritable(text, start, end) ? text[start..end] : Rewrite(text, start, end);
        if (converted is null)
        {
            return Unwritable(text, start, end, field);
        }

        if (converted.Length > width)
        {
            return PayoutErrors.BankNameTooLong(field, converted.Length, width);
        }

        return converted;
    }

    private static (int Start, int End) Trimmed(string? text)
    {
        if (text is null)
        {
            return (0, 0);
        }

        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);

        static bool IsSpace(char c) => c is ' ' or '\u3000';
    }

    // Most names from a bank's own list are already half-width: no allocation beyond the slice.
    private static bool IsAllWritable(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!IsWritable(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // The converted text, or null when some character cannot be written. Each character becomes
    // at most two, so a buffer twice the length always holds the result.
    private static string? Rewrite(string text, int start, int end)
    {
        var most = (end - start) * 2;
        Span<char> result = most <= 256 ? stackalloc char[most] : new char[most];
        var length = 0;
        for (var i = start; i < end; i++)
        {
            if (!TryHalfWidth(text[i], out var first, out var second))
            {
                return null;
            }

            result[length++] = first;
            if (second != '\0')
            {
                result[length++] = second;
            }
        }

        return new string(result[..length]);
    }

    // One character's half-width form: one character, or two for a voiced kana ('\0' second otherwise).
    private static bool TryHalfWidth(char c, out char first, out char second)
    {
        second = '\0';
        if (IsWritable(c))
        {
            first = c;
            return true;
        }

        if (c is (>= FirstHiragana and <= LastHiragana) or (>= FirstKatakana and <= LastKatakana))
        {
            var katakana = c <= LastHiragana ? c + HiraganaToKatakana : c;
            (first, second) = HalfWidthOfKatakana[katakana - FirstKatakana];
            return first != '\0';
        }

        first = c switch
        {
            >= 'a' and <= 'z' => (char)(c - 'a' + 'A'),
            >= 'Ａ' and <= 'Ｚ' => (char)(c - 'Ａ' + 'A'),
            >= 'ａ' and <= 'ｚ' => (char)(c - 'ａ' + 'A'),
            >= '０' and <= '９' => (char)(c - '０' + '0'),
            '\u3000' => ' ',
            '（' => '(',
            '）' => ')',
            '－' => '-',
            '．' => '.',
            '／' => '/',
            '\u3099' or '゛' => VoicedMark,      // combining (decomposed input) or spacing mark
            '\u309A' or '゜' => SemiVoicedMark,
            >= 'ｧ' and <= 'ｯ' => "ｱｲｳｴｵﾔﾕﾖﾂ"[c - 'ｧ'],
            _ => '\0',
        };
        return first != '\0';
    }

    private static Error Unwritable(string text, int start, int end, BankField field)
    {
        var position = 1;
        for (var i = start; i < end; i++)
        {
            if (!TryHalfWidth(text[i], out _, out _))
            {
                var rune = Rune.DecodeFromUtf16(text.AsSpan(i), out var found, out _) == System.Buffers.OperationStatus.Done
                    ? found
                    : Rune.ReplacementChar;
                var code = rune.Value.ToString("X4", CultureInfo.InvariantCulture);
                return PayoutErrors.UnwritableBankCharacter(field, rune.ToString(), code, position);
            }

            if (!char.IsHighSurrogate(text[i]))
            {
                position++;
            }
        }

        throw new InvariantViolatedException("A name failed to convert but every character has a half-width form.");
    }

    private static (char Base, char Mark)[] BuildKatakanaTable()
    {
        var table = new (char Base, char Mark)[LastKatakana - FirstKatakana + 1];
        Add("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンー", "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｰ", '\0');
        Add("ァィゥェォッャュョヮヵヶ", "ｱｲｳｴｵﾂﾔﾕﾖﾜｶｹ", '\0');
        Add("ガギグゲゴザジズゼゾダヂヅデドバビブベボヴ", "ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎｳ", VoicedMark);
        Add("パピプペポ", "ﾊﾋﾌﾍﾎ", SemiVoicedMark);
        return table;

        void Add(string fullWidth, string halfWidth, char mark)
        {
            if (fullWidth.Length != halfWidth.Length)
            {
                throw new InvariantViolatedException("The kana table pairs must be the same length.");
            }

            for (var i = 0; i < fullWidth.Length; i++)
            {
                table[fullWidth[i] - FirstKatakana] = (halfWidth[i], mark);
            }
        }
    }
}

/// <summary>
/// Which name of a transfer file an error is about. A value, not a sentence: the reader's layer words it in the
/// reader's language (its text is filed under <c>BankField.&lt;value&gt;</c> beside the errors' texts).
/// </summary>
public enum BankField
{
    /// <summary>A name with no field of its own.</summary>
    Name,

    /// <summary>The sender's (the community's) name in the header record.</summary>
    SenderName,

    /// <summary>The paying bank's name in the header record.</summary>
    PayingBankName,

    /// <summary>The paying branch's name in the header record.</summary>
    PayingBranchName,

    /// <summary>A payee's name in a data record.</summary>
    PayeeName,

    /// <summary>A payee's bank name in a data record.</summary>
    PayeeBankName,

    /// <summary>A payee's branch name in a data record.</summary>
    PayeeBranchName,
}
