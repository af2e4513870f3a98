using System.Globalization;
using System.Resources;

namespace Mikoshi.Features.Mail;

/// <summary>
/// The mails Mikoshi writes, in Japanese and then English in one message (we do not know which language a person
/// reads before they sign in), from Resources/Mail.resx and Mail.ja.resx. Links use <c>Mikoshi:PublicOrigin</c>; without
/// it they are paths on this server, never built from a request's Host header (which a requester chooses).
/// </summary>
public sealed class MailText(IConfiguration configuration)
{
    private static readonly ResourceManager Texts = new("Mikoshi.Resources.Mail", typeof(MailText).Assembly);
    private static readonly CultureInfo[] Languages = [new("ja"), new("en")];

    public OutgoingMail Compose(string to, string key, params object[] values)
    {
        var subject = string.Join(" / ", Languages.Select(l => Texts.GetString(key + "Subject", l)));
        var body = string.Join("\n\n---\n\n", Languages.Select(l =>
            string.Format(l, Texts.GetString(key + "Body", l) ?? key, values)));
        return new OutgoingMail(to, subject, body);
    }

    /// <summary>A link to <paramref name="pathAndQuery"/> on this server.</summary>
    public string Link(string pathAndQuery) =>
        configuration["Mikoshi:PublicOrigin"] is { Length: > 0 } origin && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority) + pathAndQuery
            : pathAndQuery;
}
