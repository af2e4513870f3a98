using System.Diagnostics.CodeAnalysis;

namespace Mikoshi.Domain;

/// <summary>The outcome of an operation that may fail in an expected way.</summary>
/// <typeparam name="T">The value on success.</typeparam>
public readonly struct Result<T>
{
    private readonly T? value;

    private Result(T? value, Error? error)
    {
        this.value = value;
        Error = error;
    }

    /// <summary>The error, or <c>null</c> on success.</summary>
    public Error? Error { get; }

    /// <summary>True when the operation succeeded; when false, <see cref="Error"/> is set (the compiler knows it).</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when the result is a failure.</summary>
    public T Value => Error is null ? value! : throw new InvalidOperationException($"No value: {Error.Code}");

    /// <summary>A success.</summary>
    public static Result<T> Ok(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static Result<T> Fail(Error error) => new(default, error);

    /// <summary>A success from a value.</summary>
    public static implicit operator Result<T>(T value) => Ok(value);

    /// <summary>A failure from an error.</summary>
    public static implicit operator Result<T>(Error error) => Fail(error);

    /// <summary>Maps the value of a success; a failure passes through.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) => Error is null ? map(value!) : Error;

    /// <summary>Chains another fallible step; a failure passes through.</summary>
    public Result<TOut> Then<TOut>(Func<T, Result<TOut>> next) => Error is null ? next(value!) : Error;

    /// <summary>Chains a fallible step that awaits something (a read, a write); a failure passes through without it.</summary>
    public async Task<Result<TOut>> ThenAsync<TOut>(Func<T, Task<Result<TOut>>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Error is null ? await next(value!) : Error;
    }
}

/// <summary>A broken invariant inside the domain: a bug, never a caller's mistake.</summary>
public sealed class InvariantViolatedException(string message) : Exception(message);
