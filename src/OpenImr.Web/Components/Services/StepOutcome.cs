using Microsoft.AspNetCore.Http.HttpResults;

namespace OpenImr.Web.Components.Services;

/// <summary>What a page shows after a step: done, or why not (the API's problem detail, and field errors keyed as the API keys them).</summary>
public sealed record StepOutcome<T>(T? Value, string? Problem, IReadOnlyDictionary<string, string[]> FieldErrors)
{
    public bool Succeeded => Problem is null && FieldErrors.Count == 0;

    /// <summary>Why the step was refused, with what each field needs, in one sentence or more; null when it succeeded.</summary>
    public string? Refusal => Succeeded ? null : string.Join(" ", new[] { Problem }.Concat(FieldErrors.Values.SelectMany(m => m)).OfType<string>());

    /// <summary>Reads the typed result an endpoint returned.</summary>
    internal static StepOutcome<T> From(IResult result, Func<IResult, T?> value) => result switch
    {
        ProblemHttpResult problem => new(default, problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "The step was refused.", Empty),
        ValidationProblem validation => new(default, validation.ProblemDetails.Title ?? "Some fields need attention.", new Dictionary<string, string[]>(validation.ProblemDetails.Errors)),
        _ => new(value(result), null, Empty),
    };

    internal static StepOutcome<T> Failed(string problem) => new(default, problem, Empty);

    private static readonly Dictionary<string, string[]> Empty = [];
}
