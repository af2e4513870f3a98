using Mikoshi.Domain;

namespace Mikoshi.Api;

/// <summary>
/// The errors of the HTTP edge: requests, sign-in, idempotency, paging and limits: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class ApiErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>cross_origin_refused</c></summary>
        public const string CrossOriginRefused = "cross_origin_refused";

        /// <summary><c>csrf_token_missing</c></summary>
        public const string CsrfTokenMissing = "csrf_token_missing";

        /// <summary><c>idempotency_key_required</c></summary>
        public const string IdempotencyKeyRequired = "idempotency_key_required";

        /// <summary><c>internal_error</c></summary>
        public const string InternalError = "internal_error";

        /// <summary><c>invalid_cursor</c></summary>
        public const string InvalidCursor = "invalid_cursor";

        /// <summary><c>invalid_idempotency_key</c></summary>
        public const string InvalidIdempotencyKey = "invalid_idempotency_key";

        /// <summary><c>invalid_limit</c></summary>
        public const string InvalidLimit = "invalid_limit";

        /// <summary><c>malformed_request</c></summary>
        public const string MalformedRequest = "malformed_request";

        /// <summary><c>method_not_allowed</c></summary>
        public const string MethodNotAllowed = "method_not_allowed";

        /// <summary><c>not_signed_in</c></summary>
        public const string NotSignedIn = "not_signed_in";

        /// <summary><c>payload_too_large</c></summary>
        public const string PayloadTooLarge = "payload_too_large";

        /// <summary><c>rate_limited</c></summary>
        public const string RateLimited = "rate_limited";

        /// <summary><c>unsupported_media_type</c></summary>
        public const string UnsupportedMediaType = "unsupported_media_type";
    }

    /// <summary>This change must be made from this site's own pages. Reload the page and try again.</summary>
    public static Error CrossOriginRefused { get; } = new(Codes.CrossOriginRefused, ErrorKind.Forbidden);

    /// <summary>This form has expired. Reload the page and try again.</summary>
    public static Error CsrfTokenMissing { get; } = new(Codes.CsrfTokenMissing, ErrorKind.Forbidden);

    /// <summary>The form was missing its one-time key. Reload the page and send it again.</summary>
    public static Error IdempotencyKeyRequired { get; } = new(Codes.IdempotencyKeyRequired, ErrorKind.Malformed);

    /// <summary>Something went wrong on our side; nothing was changed.</summary>
    public static Error InternalError { get; } = new(Codes.InternalError, ErrorKind.Internal);

    /// <summary>That page link is not valid.</summary>
    public static Error InvalidCursor { get; } = new(Codes.InvalidCursor, ErrorKind.Malformed);

    /// <summary>An Idempotency-Key is 1 to {0} printable characters.</summary>
    public static Error InvalidIdempotencyKey(int maxLength) => new(Codes.InvalidIdempotencyKey, ErrorKind.Malformed, maxLength);

    /// <summary>limit is 1 to {0}.</summary>
    public static Error InvalidLimit(int maxLimit) => new(Codes.InvalidLimit, ErrorKind.Malformed, maxLimit);

    /// <summary>The body is not a request this endpoint understands: {0}</summary>
    public static Error MalformedRequest(string reason) => new(Codes.MalformedRequest, ErrorKind.Malformed, reason);

    /// <summary>{0} is not allowed here.</summary>
    public static Error MethodNotAllowed(string method) => new(Codes.MethodNotAllowed, ErrorKind.MethodNotAllowed, method);

    /// <summary>Please sign in first.</summary>
    public static Error NotSignedIn { get; } = new(Codes.NotSignedIn, ErrorKind.Unauthenticated);

    /// <summary>What you sent is too large.</summary>
    public static Error PayloadTooLarge { get; } = new(Codes.PayloadTooLarge, ErrorKind.TooLarge);

    /// <summary>Too many attempts. Please wait a few minutes and try again.</summary>
    public static Error RateLimited { get; } = new(Codes.RateLimited, ErrorKind.RateLimited);

    /// <summary>Send the body as application/json in a known charset (UTF-8).</summary>
    public static Error UnsupportedMediaType { get; } = new(Codes.UnsupportedMediaType, ErrorKind.UnsupportedMediaType);
}
