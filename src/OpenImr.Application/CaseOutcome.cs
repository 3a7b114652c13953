using OpenImr.Domain.Cases;

namespace OpenImr.Application;

/// <summary>How a use case ended.</summary>
public enum OutcomeKind
{
    /// <summary>Done; the outcome carries its value.</summary>
    Done,

    /// <summary>The case (or the thing asked for) does not exist or the caller may not see it.</summary>
    NotFound,

    /// <summary>The caller acted on a version of the case that is no longer current, or another change won a race.</summary>
    Stale,

    /// <summary>The workflow refused the step (<see cref="CaseOutcome{T}.Failure"/> says which rule).</summary>
    Refused,

    /// <summary>Fields of the input are missing or wrong (<see cref="CaseOutcome{T}.Errors"/>, keyed by field).</summary>
    Invalid,

    /// <summary>The input is of the wrong kind as a whole (not a PDF, unreadable, an unknown format).</summary>
    BadInput,

    /// <summary>The input is larger than the service takes.</summary>
    TooLarge,

    /// <summary>The case is not in a state to answer (nothing to preview yet, a letter not issued).</summary>
    Conflict,
}

/// <summary>
/// What a use case returns to every host: its value when done, or why not, in words a person can act
/// on. A host maps it (the API to a status code and problem details, a page to a message).
/// </summary>
public sealed record CaseOutcome<T>
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    internal CaseOutcome(OutcomeKind kind, T? value, string? title, string? detail, WorkflowFailure? failure, IReadOnlyDictionary<string, string[]>? errors)
    {
        Kind = kind;
        Value = value;
        Title = title;
        Detail = detail;
        Failure = failure;
        Errors = errors ?? NoErrors;
    }

    public OutcomeKind Kind { get; }

    public T? Value { get; }

    /// <summary>A short name of the problem ("Not a PDF"); null when done.</summary>
    public string? Title { get; }

    /// <summary>What is wrong and what to do; null when done.</summary>
    public string? Detail { get; }

    /// <summary>The workflow's refusal, for <see cref="OutcomeKind.Refused"/>.</summary>
    public WorkflowFailure? Failure { get; }

    /// <summary>What each field needs, for <see cref="OutcomeKind.Invalid"/>.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool Succeeded => Kind == OutcomeKind.Done;

    /// <summary>Why the step did not happen, with what each field needs, in one sentence or more; null when it succeeded.</summary>
    public string? Refusal => Succeeded ? null : string.Join(" ", new[] { Detail ?? Title }.Concat(Errors.Values.SelectMany(m => m)).OfType<string>());

    /// <summary>This outcome's problem as the outcome of another use case (for one that failed).</summary>
    public CaseOutcome<TOther> As<TOther>() =>
        Succeeded ? throw new InvalidOperationException("A successful outcome has a value, not a problem to pass on.") : new(Kind, default, Title, Detail, Failure, Errors);
}

/// <summary>Makes <see cref="CaseOutcome{T}"/>s.</summary>
public static class CaseOutcome
{
    public static CaseOutcome<T> Done<T>(T value) => new(OutcomeKind.Done, value, null, null, null, null);

    public static CaseOutcome<T> NotFound<T>(string detail) => new(OutcomeKind.NotFound, default, "Not found", detail, null, null);

    public static CaseOutcome<T> Stale<T>() =>
        new(OutcomeKind.Stale, default, "Conflict", "The case was changed by someone else meanwhile; load it again and retry.", null, null);

    public static CaseOutcome<T> Refused<T>(WorkflowFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(OutcomeKind.Refused, default, "Conflict", failure.Message, failure, null);
    }

    public static CaseOutcome<T> Invalid<T>(IReadOnlyDictionary<string, string[]> errors, string title = "Some fields need attention.") =>
        new(OutcomeKind.Invalid, default, title, null, null, errors);

    public static CaseOutcome<T> Invalid<T>(string field, string message, string title = "Some fields need attention.") =>
        Invalid<T>(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, title);

    public static CaseOutcome<T> BadInput<T>(string title, string detail) => new(OutcomeKind.BadInput, default, title, detail, null, null);

    public static CaseOutcome<T> TooLarge<T>(string detail) => new(OutcomeKind.TooLarge, default, "Too large", detail, null, null);

    public static CaseOutcome<T> Conflict<T>(string detail) => new(OutcomeKind.Conflict, default, "Conflict", detail, null, null);
}
