using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Mikoshi.Domain;

namespace Mikoshi.Api;

/// <summary>
/// Answers read from the <see cref="Data.ReadCache"/>, written as JSON serialized once per cached value: a cache hit
/// hands back the same instance, so its bytes are kept beside it (a weak table: they go when the value leaves the
/// cache) and the next hit writes them without serializing again. Serializing was 15 % of a cached community page in
/// the profile, and keeping the bytes took a visitor's cached ledger page from 4,700–5,200 to 6,000–6,200 req/s
/// (docs/benchmarks.md section 19). The bytes are what <c>Results.Ok</c> would have written: the app's JSON options,
/// the declared type.
/// </summary>
public static class CachedAnswers
{
    private static readonly ConditionalWeakTable<object, byte[]> Bodies = [];

    public static IResult Ok<T>(T value) where T : class => new Body<T>(value);

    public static IResult From<T>(Result<T> result) where T : class => result.IsSuccess ? Ok(result.Value) : Problems.For(result.Error);

    private sealed class Body<T>(T value) : IResult where T : class
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var bytes = Bodies.GetValue(value, v =>
                JsonSerializer.SerializeToUtf8Bytes(v, typeof(T), httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions));
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = bytes.Length;
            return response.Body.WriteAsync(bytes, httpContext.RequestAborted).AsTask();
        }
    }
}
