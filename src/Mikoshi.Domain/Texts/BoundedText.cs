namespace Mikoshi.Domain;

/// <summary>
/// A text someone typed, held to a length: trimmed, then 1 (or, where the field may be left blank, 0) to a maximum
/// number of characters, with no control characters. A <em>line</em> (a name, a title, a tag, a role) refuses every
/// control character; a <em>block</em> (a charter, a description, a body, a message) keeps line breaks and tabs, which a
/// text area sends, and refuses the rest (NUL, bell, escape…). The factory answers with the caller's own error, so a
/// refusal keeps its area's code and message; the maximum is the domain constant the store's column and the form's
/// <c>maxlength</c> also use, so the three cannot drift apart.
/// </summary>
public readonly record struct BoundedText
{
    private readonly string? value;

    private BoundedText(string value) => this.value = value;

    /// <summary>The text, trimmed; empty only for an optional field left blank.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>A one-line text: trimmed, 1 to <paramref name="maxLength"/> characters, no control characters.</summary>
    /// <param name="text">The text as given; null is empty.</param>
    /// <param name="maxLength">The most characters it may have once trimmed.</param>
    /// <param name="refusal">The error to answer with, from the caller's catalogue.</param>
    public static Result<BoundedText> Line(string? text, int maxLength, Error refusal) =>
        Check(text, 1, maxLength, lineBreaks: false, refusal);

    /// <summary>A one-line text that may be left blank: trimmed, 0 to <paramref name="maxLength"/> characters, no control characters.</summary>
    /// <param name="text">The text as given; null is empty.</param>
    /// <param name="maxLength">The most characters it may have once trimmed.</param>
    /// <param name="refusal">The error to answer with, from the caller's catalogue.</param>
    public static Result<BoundedText> OptionalLine(string? text, int maxLength, Error refusal) =>
        Check(text, 0, maxLength, lineBreaks: false, refusal);

    /// <summary>A text of one or more lines: trimmed, 1 to <paramref name="maxLength"/> characters, no control characters but line breaks and tabs.</summary>
    /// <param name="text">The text as given; null is empty.</param>
    /// <param name="maxLength">The most characters it may have once trimmed.</param>
    /// <param name="refusal">The error to answer with, from the caller's catalogue.</param>
    public static Result<BoundedText> Block(string? text, int maxLength, Error refusal) =>
        Check(text, 1, maxLength, lineBreaks: true, refusal);

    /// <summary>A text of lines that may be left blank: trimmed, 0 to <paramref name="maxLength"/> characters, no control characters but line breaks and tabs.</summary>
    /// <param name="text">The text as given; null is empty.</param>
    /// <param name="maxLength">The most characters it may have once trimmed.</param>
    /// <param name="refusal">The error to answer with, from the caller's catalogue.</param>
    public static Result<BoundedText> OptionalBlock(string? text, int maxLength, Error refusal) =>
        Check(text, 0, maxLength, lineBreaks: true, refusal);

    /// <summary>The text.</summary>
    public override string ToString() => Value;

    private static Result<BoundedText> Check(string? text, int minLength, int maxLength, bool lineBreaks, Error refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        if (maxLength < 1 || minLength > maxLength)
        {
            throw new InvariantViolatedException($"A text bound of {minLength} to {maxLength} characters is no bound.");
        }

        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length < minLength || trimmed.Length > maxLength)
        {
            return refusal;
        }

        foreach (var c in trimmed)
        {
            if (char.IsControl(c) && !(lineBreaks && c is '\n' or '\r' or '\t'))
            {
                return refusal;
            }
        }

        return new BoundedText(trimmed);
    }
}
