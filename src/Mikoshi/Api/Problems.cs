using Microsoft.AspNetCore.Diagnostics;
using Mikoshi.Data;
using Mikoshi.Domain;

namespace Mikoshi.Api;

/// <summary>
/// Turns expected failures into RFC 9457 problem+json with a stable <c>code</c>, and the
/// framework's own rejections (malformed JSON, wrong types) into the same shape.
/// </summary>
public static class Problems
{
    private static readonly Dictionary<string, int> StatusByCode = new(StringComparer.Ordinal)
    {
        ["not_signed_in"] = StatusCodes.Status401Unauthorized,
        ["invalid_credentials"] = StatusCodes.Status401Unauthorized,
        ["forbidden"] = StatusCodes.Status403Forbidden,
        ["cross_origin_refused"] = StatusCodes.Status403Forbidden,
        ["csrf_token_missing"] = StatusCodes.Status403Forbidden,
        ["not_a_member"] = StatusCodes.Status403Forbidden,
        ["llc_transfer_not_approved"] = StatusCodes.Status403Forbidden,
        ["llc_purchase_not_approved"] = StatusCodes.Status403Forbidden,
        ["llc_member_not_approved"] = StatusCodes.Status403Forbidden,
        ["llc_successor_not_approved"] = StatusCodes.Status403Forbidden,
        ["llc_not_executive"] = StatusCodes.Status403Forbidden,
        ["llc_succession_not_in_articles"] = StatusCodes.Status409Conflict,
        ["llc_gain_over_cap"] = StatusCodes.Status409Conflict,
        ["llc_mode_off"] = StatusCodes.Status409Conflict,
        ["llc_cap_required"] = StatusCodes.Status409Conflict,
        ["payload_too_large"] = StatusCodes.Status413PayloadTooLarge,
        ["community_not_found"] = StatusCodes.Status404NotFound,
        ["person_not_found"] = StatusCodes.Status404NotFound,
        ["not_found"] = StatusCodes.Status404NotFound,
        ["calendar_not_found"] = StatusCodes.Status404NotFound,
        ["token_not_found"] = StatusCodes.Status404NotFound,
        ["listing_not_found"] = StatusCodes.Status404NotFound,
        ["no_succession_plan"] = StatusCodes.Status404NotFound,
        ["project_not_found"] = StatusCodes.Status404NotFound,
        ["invitation_not_found"] = StatusCodes.Status404NotFound,
        ["contribution_not_found"] = StatusCodes.Status404NotFound,
        ["agreement_not_found"] = StatusCodes.Status404NotFound,
        ["batch_not_found"] = StatusCodes.Status404NotFound,
        ["batch_already_paid"] = StatusCodes.Status409Conflict,
        ["proposal_not_found"] = StatusCodes.Status404NotFound,
        ["not_proposer"] = StatusCodes.Status403Forbidden,
        ["proposal_not_cancellable"] = StatusCodes.Status409Conflict,
        ["outside_voting_window"] = StatusCodes.Status409Conflict,
        ["vote_replayed"] = StatusCodes.Status409Conflict,
        ["token_locked_by_vote"] = StatusCodes.Status409Conflict,
        ["invalid_signature"] = StatusCodes.Status400BadRequest,
        ["signature_mismatch"] = StatusCodes.Status422UnprocessableEntity,
        ["no_voting_power"] = StatusCodes.Status403Forbidden,
        ["agreement_not_pending"] = StatusCodes.Status409Conflict,
        ["idempotency_key_required"] = StatusCodes.Status400BadRequest,
        ["idempotency_key_reused"] = StatusCodes.Status409Conflict,
        ["slug_taken"] = StatusCodes.Status409Conflict,
        ["email_taken"] = StatusCodes.Status409Conflict,
        ["conflict"] = StatusCodes.Status409Conflict,
        ["malformed_request"] = StatusCodes.Status400BadRequest,
        ["invalid_idempotency_key"] = StatusCodes.Status400BadRequest,
        ["invalid_cursor"] = StatusCodes.Status400BadRequest,
        ["invalid_limit"] = StatusCodes.Status400BadRequest,
        ["unsupported_media_type"] = StatusCodes.Status415UnsupportedMediaType,
        ["rate_limited"] = StatusCodes.Status429TooManyRequests,
        ["invalid_siwe_message"] = StatusCodes.Status400BadRequest,
        ["siwe_nonce_used"] = StatusCodes.Status409Conflict,
        ["wallet_already_linked"] = StatusCodes.Status409Conflict,
        ["wallet_linked_elsewhere"] = StatusCodes.Status409Conflict,
        ["last_sign_in_method"] = StatusCodes.Status409Conflict,
        ["wallet_not_linked"] = StatusCodes.Status404NotFound,
        ["siwe_origin_unset"] = StatusCodes.Status409Conflict,
        ["work_not_found"] = StatusCodes.Status404NotFound,

        // Chain mode (issue #6).
        ["chain_unavailable"] = StatusCodes.Status503ServiceUnavailable,
        ["chain_receipt_timeout"] = StatusCodes.Status504GatewayTimeout,
        ["chain_refused"] = StatusCodes.Status502BadGateway,
        ["chain_not_configured"] = StatusCodes.Status409Conflict,
        ["not_in_chain_mode"] = StatusCodes.Status409Conflict,
        ["already_deployed"] = StatusCodes.Status409Conflict,
        ["on_chain_ownership"] = StatusCodes.Status409Conflict,
        ["redemption_pending"] = StatusCodes.Status409Conflict,
        ["no_claim"] = StatusCodes.Status404NotFound,
        ["secret_unreadable"] = StatusCodes.Status409Conflict,

        // Japan tax (issue #21).
        ["nothing_due"] = StatusCodes.Status409Conflict,
        ["half_yearly_not_approved"] = StatusCodes.Status409Conflict,
        ["tax_status_required"] = StatusCodes.Status409Conflict,
        ["unsubscribe_token_invalid"] = StatusCodes.Status404NotFound,
        ["unsubscribe_token_used"] = StatusCodes.Status409Conflict,
        ["channel_not_found"] = StatusCodes.Status404NotFound,
        ["llc_chain_mode"] = StatusCodes.Status409Conflict,
        // Payments (issue #16).
        ["invalid_stripe_signature"] = StatusCodes.Status401Unauthorized,
        ["stripe_not_configured"] = StatusCodes.Status409Conflict,
        ["stripe_unavailable"] = StatusCodes.Status503ServiceUnavailable,
        ["payment_not_found"] = StatusCodes.Status404NotFound,
        ["bank_line_not_found"] = StatusCodes.Status404NotFound,
        ["bank_line_settled"] = StatusCodes.Status409Conflict,
        ["already_subscribed"] = StatusCodes.Status409Conflict,
        ["payment_link_taken"] = StatusCodes.Status409Conflict,
        ["invalid_content"] = StatusCodes.Status400BadRequest,
    };

    private static readonly Error TooLarge = Error.Of("payload_too_large", "The body is larger than this server accepts.");

    /// <summary>The HTTP status an error code answers with; anything not listed is 422.</summary>
    public static int StatusOf(string code) => StatusByCode.GetValueOrDefault(code, StatusCodes.Status422UnprocessableEntity);

    public static IResult For(Error error) => Results.Problem(
        statusCode: StatusOf(error.Code),
        title: Title(error.Code),
        detail: error.Detail,
        type: $"https://mikoshi.dev/problems/{error.Code}",
        extensions: new Dictionary<string, object?> { ["code"] = error.Code });

    /// <summary>A written result as the response: the same bytes for the first answer and every replay.</summary>
    public static IResult From(Result<Written> written, HttpContext http)
    {
        if (!written.IsSuccess)
        {
            return For(written.Error);
        }

        if (written.Value.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return Results.Content(written.Value.Json, "application/json", statusCode: written.Value.Status);
    }

    public static IResult From<T>(Result<T> result) => result.IsSuccess ? Results.Ok(result.Value) : For(result.Error);

    private static string Title(string code) => char.ToUpperInvariant(code[0]) + code[1..].Replace('_', ' ');

    /// <summary>Malformed bodies and unexpected failures as problem+json; never an HTML error page.</summary>
    public static void UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = Status,
            ExceptionHandler = async http =>
            {
                var exception = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                var error = exception switch
                {
                    BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                        Error.Of("unsupported_media_type", "Send the body as application/json."),
                    BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge,
                    BadHttpRequestException bad => Error.Of("malformed_request", Explain(bad)),
                    _ when IsUnknownCharset(exception) => Error.Of("unsupported_media_type", "Send the body as application/json in a known charset (UTF-8)."),
                    _ => Error.Of("internal_error", "Something went wrong on our side; nothing was changed."),
                };
                var status = exception is null ? StatusCodes.Status500InternalServerError : Status(exception);
                var result = Results.Problem(statusCode: status, title: Title(error.Code), detail: error.Detail,
                    type: $"https://mikoshi.dev/problems/{error.Code}", extensions: new Dictionary<string, object?> { ["code"] = error.Code });
                await result.ExecuteAsync(http);
            },
        });
    }

    /// <summary>
    /// Bodiless 4xx answers from routing and authentication (no such endpoint, wrong method,
    /// wrong media type, no credentials) become problem+json too, on API paths.
    /// </summary>
    public static void UseProblemStatusCodes(this WebApplication app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var error = http.Response.StatusCode switch
            {
                StatusCodes.Status401Unauthorized => Error.Of("not_signed_in", "Sign in first: send a bearer token or the session cookie."),
                StatusCodes.Status403Forbidden => Error.Of("forbidden", "You may not do this."),
                StatusCodes.Status405MethodNotAllowed => Error.Of("method_not_allowed", $"{http.Request.Method} is not allowed here."),
                StatusCodes.Status415UnsupportedMediaType => Error.Of("unsupported_media_type", "Send the body as application/json."),
                StatusCodes.Status413PayloadTooLarge => TooLarge,
                _ => Error.Of("not_found", "There is no such API endpoint."),
            };
            var result = Results.Problem(statusCode: http.Response.StatusCode, title: Title(error.Code), detail: error.Detail,
                type: $"https://mikoshi.dev/problems/{error.Code}", extensions: new Dictionary<string, object?> { ["code"] = error.Code });
            await result.ExecuteAsync(http);
        });

    /// <summary>
    /// Keeps the UI's catch-all "not found" page off API paths: a path under /api that matched no API
    /// endpoint answers problem+json — 415 when a body came in another media type than JSON (the JSON
    /// endpoint exists but refused it), else 404.
    /// </summary>
    public static void UseApiNotFound(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && http.GetEndpoint()?.Metadata.GetMetadata<AccessMetadata>() is null)
            {
                var contentType = http.Request.ContentType;
                var error = contentType is not null && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
                    ? Error.Of("unsupported_media_type", "Send the body as application/json.")
                    : Error.Of("not_found", "There is no such API endpoint.");
                await For(error).ExecuteAsync(http);
                return;
            }

            await next(http);
        });

    private static int Status(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode
        : IsUnknownCharset(exception) ? StatusCodes.Status415UnsupportedMediaType
        : StatusCodes.Status500InternalServerError;

    /// <summary>
    /// The framework's JSON body reader throws InvalidOperationException, not BadHttpRequestException, when
    /// the Content-Type names a charset it does not know (<c>application/json; charset=bogus</c>): the caller's mistake.
    /// </summary>
    private static bool IsUnknownCharset(Exception? exception) =>
        exception is InvalidOperationException { InnerException: ArgumentException }
        && exception.TargetSite?.DeclaringType == typeof(HttpRequestJsonExtensions);

    private static string Explain(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"The body is not valid JSON of the expected shape: {json.Message}"
            : bad.Message;
}
