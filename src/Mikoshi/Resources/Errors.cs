using System.Globalization;
using System.Resources;
using Mikoshi.Domain;

namespace Mikoshi.Resources;

/// <summary>
/// A sentence for each error of the catalogues, in Errors.resx and Errors.ja.resx, filed under the error's
/// <see cref="Error.Text"/> (its code, or <c>code.case</c>) with a placeholder for each of its arguments.
/// </summary>
public sealed class Errors
{
    private static readonly ResourceManager Texts = new(typeof(Errors));
    private static readonly CultureInfo InEnglish = CultureInfo.GetCultureInfo("en");

    /// <summary>The English sentence: the problem+json <c>detail</c>, the CLI's message and what logs and audits keep.</summary>
    public static string English(Error error) =>
        Format(Texts.GetString(error.Text, CultureInfo.InvariantCulture) ?? error.ToString(), error, InEnglish);

    /// <summary>
    /// <paramref name="sentence"/> with the error's arguments in its placeholders; an amount of money as every page
    /// shows it (¥1,500, not "1500 JPY").
    /// </summary>
    public static string Format(string sentence, Error error, CultureInfo culture) =>
        error.Arguments.Count == 0 ? sentence : string.Format(culture, sentence, [.. error.Arguments.Select(a => Shown(a, culture))]);

    /// <summary>The resource key of a value's own text: <c>BankField.PayeeName</c>.</summary>
    public static string KeyOf(Enum value) => $"{value.GetType().Name}.{value}";

    /// <summary>An amount as the pages show money; a named value (a field of a transfer file) in the reader's words.</summary>
    private static object Shown(object argument, CultureInfo culture) => argument switch
    {
        Money money => Components.Amounts.Display(money.Asset.Code, money.Units.ToString(CultureInfo.InvariantCulture)),
        Enum value => Texts.GetString(KeyOf(value), culture) ?? value.ToString(),
        _ => argument,
    };
}
