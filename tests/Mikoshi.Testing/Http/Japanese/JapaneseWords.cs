namespace Mikoshi.Tests.Http.Japanese;

/// <summary>
/// The Latin words a Japanese page may show: asset codes, product and protocol names, and the few literal values
/// people type (a slug, a CLI verb). Shared by the resource check (Api lane) and the demo walk (Ui lane).
/// </summary>
public static class JapaneseWords
{
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "JPY", "ETH", "USDC", "USD", "wei", "Mikoshi", "mikoshi", "DAO", "API", "JSON", "Lines", "CSV", "ID", "URL", "PIN",
        "HTTPS", "http", "https", "s", "x", "JST", "UTC", "EIP", "EIP-", "Sign-In", "with", "Ethereum", "BOOTH", "member-",
        "tokyo-makers", "chain", "status", "verify", "file", "true", "false", "PublicOrigin",
        "PDF", "Atom", "iCalendar", "Excel", "T", "H", "Discord", "Slack", "LINE", "Webhook", "Stripe",
    };
}
