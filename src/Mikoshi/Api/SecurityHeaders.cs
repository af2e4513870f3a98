using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Mikoshi.Api;

/// <summary>
/// Headers every answer carries: a Content-Security-Policy that lets only this site's own script files run (no inline
/// script; Scalar's one generated inline module is allowed by its hash, and on that page only, eval), no framing, no MIME sniffing, a referrer kept
/// to this origin; and over HTTPS (directly, or behind a trusted TLS proxy — see <see cref="TrustedProxies"/>) HSTS.
/// Cookies are marked Secure whenever the request came over HTTPS (<c>UseCookiePolicy</c> in the app).
/// </summary>
public static partial class SecurityHeaders
{
    public const string ContentSecurityPolicy = "Content-Security-Policy";

    /// <summary>
    /// Inline styles stay allowed: Blazor and Scalar set style attributes, and a style cannot run code. Images may be
    /// data: URLs (Scalar's icons); everything else comes from this origin.
    /// </summary>
    private const string Policy =
        "default-src 'self'; script-src 'self'" + ScriptSources + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ScriptSources = "{scripts}";

    public static string PolicyWith(IEnumerable<string> scriptHashes, bool allowEval = false) =>
        Policy.Replace(ScriptSources, (allowEval ? " 'unsafe-eval'" : "") + string.Concat(scriptHashes.Select(h => $" '{h}'")), StringComparison.Ordinal);

    public static void UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                if (!headers.ContainsKey(ContentSecurityPolicy))
                {
                    headers[ContentSecurityPolicy] = PolicyWith([]);
                }

                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                if (http.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000";
                }

                return Task.CompletedTask;
            });
            await next(http);
        });

        // Scalar's page starts itself with an inline module whose text Scalar writes; hash what it wrote, so no inline
        // script is allowed in general and a new Scalar version needs no hand-kept hash.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api-reference", StringComparison.OrdinalIgnoreCase), scalar => scalar.Use(async (http, next) =>
        {
            var original = http.Response.Body;
            await using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                await next(http);
            }
            finally
            {
                http.Response.Body = original;
            }

            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                var hashes = InlineScript().Matches(html)
                    .Select(m => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value))));
                // Scalar's bundle (Zod) probes with Function("") whether it may compile validators; refused, it works
                // without, but the browser reports a violation on every load. This page shows only our own OpenAPI
                // document and runs no inline script but its own start-up: eval is allowed here and nowhere else.
                http.Response.Headers[ContentSecurityPolicy] = PolicyWith(hashes, allowEval: true);
            }

            http.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, http.RequestAborted);
        }));
    }

    /// <summary>A script element without a src attribute, and its text.</summary>
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
