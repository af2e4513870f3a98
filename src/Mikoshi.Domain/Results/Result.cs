namespace Mikoshi.Domain;

/// <summary>
/// An expected failure: something a caller asked for that the rules do not allow.
/// <see cref="Code"/> is stable and machine-readable (it becomes the problem+json <c>code</c>);
/// <see cref="Detail"/> is for people.
/// </summary>
/// <param name="Code">A stable snake_case code such as <c>insufficient_funds</c>.</param>
/// <param name="Detail">A sentence that says what was wrong.</param>
public sealed record Error(string Code, string Detail)
{
    /// <summary>
    /// The detail with <c>{0}</c>, <c>{1}</c>… where <see cref="Amounts"/> go, when the error names money; null otherwise.
    /// </summary>
    public string? Template { get; private init; }

    /// <summary>The amounts the detail names, in order: the reader's layer shows them as it shows money (¥1,500).</summary>
    public IReadOnlyList<Money> Amounts { get; private init; } = [];

    /// <summary>An error whose code is <paramref name="code"/>.</summary>
    public static Error Of(string code, string detail) => new(code, detail);

    /// <summary>
    /// An error whose detail names amounts of money: <paramref name="template"/> holds <c>{0}</c>, <c>{1}</c>… for
    /// <paramref name="amounts"/>. The amounts travel as values, so the reader's layer words them as the product shows money
    /// (<see cref="Render"/>); <see cref="Detail"/> keeps them exact, with their asset code, for logs and the audit chain.
    /// </summary>
    public static Error Of(string code, string template, params Money[] amounts) =>
        new(code, Fill(template, amounts.Select(a => a.ToString()))) { Template = template, Amounts = amounts };

    /// <summary>The detail with each amount as <paramref name="show"/> words it; the plain detail when it names none.</summary>
    public string Render(Func<Money, string> show) => Template is null ? Detail : Fill(Template, Amounts.Select(show));

    private static string Fill(string template, IEnumerable<string> amounts) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, amounts.ToArray<object>());
}

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

    /// <summary>True when the operation succeeded.</summary>
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
}

/// <summary>A broken invariant inside the domain: a bug, never a caller's mistake.</summary>
public sealed class InvariantViolatedException(string message) : Exception(message);
