using System.Text.Json;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Api;

public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// Runs a retryable write with the request's Idempotency-Key (if any): a malformed key is refused before anything
    /// runs; the write's result (first or replayed) becomes the response, with <paramref name="status"/>.
    /// </summary>
    public static async Task<IResult> WriteAsync<TBody, T>(
        HttpContext http, TBody body, int status, Func<Caller, IdempotencyKey?, Task<Result<Committed<T>>>> write)
    {
        var key = Read(http, body);
        return key.IsSuccess ? Problems.From(await write(http.Caller(), key.Value), status, http) : Problems.For(key.Error);
    }

    /// <summary>
    /// The request's Idempotency-Key with a canonical form of what it asked (route and body
    /// re-serialized, so whitespace and key order do not matter); null when no key was sent.
    /// </summary>
    public static Result<IdempotencyKey?> Read<TBody>(HttpContext http, TBody body)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return Result<IdempotencyKey?>.Ok(null);
        }

        if (key.Length > IdempotencyKey.MaxKeyLength || key.Any(char.IsControl))
        {
            return ApiErrors.InvalidIdempotencyKey(IdempotencyKey.MaxKeyLength);
        }

        var request = $"{http.Request.Method} {http.Request.Path}\n{JsonSerializer.Serialize(body, JsonSerializerOptions.Web)}";
        return new IdempotencyKey(key, request);
    }
}
