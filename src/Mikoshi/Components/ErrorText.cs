using System.Globalization;
using Microsoft.Extensions.Localization;
using Mikoshi.Domain;
using Mikoshi.Resources;

namespace Mikoshi.Components;

/// <summary>
/// Turns a domain error into a sentence in the reader's language: its text from Errors.resx / Errors.ja.resx,
/// formatted with the error's own values. Limits and names come with the error from its catalogue, never restated here.
/// </summary>
public sealed class ErrorText(IStringLocalizer<Errors> text)
{
    /// <summary>The sentence in the reader's language.</summary>
    public string For(Error error) => Errors.Format(text[error.Text].Value, error, CultureInfo.CurrentCulture);

    /// <summary>
    /// A failure stored by its code alone (a proposal's failed execution): its sentence in the reader's language
    /// when that text needs no values, else the English detail stored with it.
    /// </summary>
    public string ForStored(string code, string? detail)
    {
        var sentence = text[code];
        return sentence.ResourceNotFound || sentence.Value.Contains('{', StringComparison.Ordinal) ? detail ?? code : sentence.Value;
    }
}
