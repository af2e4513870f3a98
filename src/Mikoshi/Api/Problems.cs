using Microsoft.AspNetCore.Diagnostics;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Resources;

namespace Mikoshi.Api;

/// <summary>
/// Turns expected failures into RFC 9457 problem+json with a stable <c>code</c>, and the
/// framework's own rejections (malformed JSON, wrong types) into the same shape.
/// </summary>
public static class Problems
{
    /// <summary>
    /// The HTTP status of each kind of error. Every error has a kind (its catalogue says which), so there is no
    /// default: a new kind fails to compile here until it is given a status.
    /// </summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Malformed => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.UpstreamRefused => StatusCodes.Status502BadGateway,
        ErrorKind.UpstreamTimeout => StatusCodes.Status504GatewayTimeout,
        ErrorKind.Internal => StatusCodes.Status500InternalServerError,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An error kind without an HTTP status."),
    };

    /// <summary>An error as problem+json: the status of its kind, its code, and its English text as the detail.</summary>
    public static IResult For(Error error) => Results.Problem(
        statusCode: StatusOf(error.Kind),
        title: Title(error.Code),
        detail: Errors.English(error),
        type: $"https://mikoshi.dev/problems/{error.Code}",
        extensions: new Dictionary<string, object?> { ["code"] = error.Code });

    /// <summary>
    /// A committed write as the response: its result with the endpoint's <paramref name="status"/>, and the
    /// <c>Idempotent-Replayed</c> header when it is the replay of an earlier request's answer.
    /// </summary>
    public static IResult From<T>(Result<Committed<T>> committed, int status, HttpContext http)
    {
        if (!committed.IsSuccess)
        {
            return For(committed.Error);
        }

        if (committed.Value.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return Results.Json(committed.Value.Value, Writer.Json, statusCode: status);
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
                        ApiErrors.UnsupportedMediaType,
                    BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiErrors.PayloadTooLarge,
                    BadHttpRequestException bad => ApiErrors.MalformedRequest(Explain(bad)),
                    _ when IsUnknownCharset(exception) => ApiErrors.UnsupportedMediaType,
                    _ => ApiErrors.InternalError,
                };
                var status = exception is null ? StatusCodes.Status500InternalServerError : Status(exception);
                var result = Results.Problem(statusCode: status, title: Title(error.Code), detail: Errors.English(error),
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
                StatusCodes.Status401Unauthorized => ApiErrors.NotSignedIn,
                StatusCodes.Status403Forbidden => CommonErrors.Forbidden,
                StatusCodes.Status405MethodNotAllowed => ApiErrors.MethodNotAllowed(http.Request.Method),
                StatusCodes.Status415UnsupportedMediaType => ApiErrors.UnsupportedMediaType,
                StatusCodes.Status413PayloadTooLarge => ApiErrors.PayloadTooLarge,
                _ => CommonErrors.NotFound,
            };
            var result = Results.Problem(statusCode: http.Response.StatusCode, title: Title(error.Code), detail: Errors.English(error),
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
                    ? ApiErrors.UnsupportedMediaType
                    : CommonErrors.NotFound;
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
