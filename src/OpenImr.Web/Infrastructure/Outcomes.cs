using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenImr.Domain.Cases;

namespace OpenImr.Web.Infrastructure;

/// <summary>
/// A use case's <see cref="CaseOutcome{T}"/> as an HTTP answer: done → the given success result; not
/// found → 404; a refused step, a stale If-Match or a case not ready → 409; a bad or unreadable input → 400;
/// too large → 413; field errors → a validation problem keyed by field.
/// </summary>
internal static class Outcomes
{
    /// <summary>The version the client's <c>If-Match</c> names: null when it sent none, -1 when it is no version (which never matches).</summary>
    public static int? IfMatch(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var match = http.Request.Headers.IfMatch.ToString().Trim().Trim('"');
        return match.Length == 0 ? null : int.TryParse(match, out var version) ? version : -1;
    }

    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(CaseOutcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : Problem(outcome);
    }

    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> OkOrInvalid<T>(CaseOutcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value)
            : outcome.Kind == OutcomeKind.Invalid ? Validation(outcome)
            : Problem(outcome);
    }

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> Created<T>(CaseOutcome<T> outcome, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(location);
        return outcome.Succeeded ? TypedResults.Created(location(outcome.Value!), outcome.Value)
            : outcome.Kind == OutcomeKind.Invalid ? Validation(outcome)
            : Problem(outcome);
    }

    /// <summary>A letter file: PDF as a download, the text formats as content.</summary>
    public static Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult> File(CaseOutcome<LetterFile> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.Succeeded)
        {
            return Problem(outcome);
        }

        var file = outcome.Value!;
        return file.IsText
            ? TypedResults.Content(Encoding.UTF8.GetString(file.Content), file.ContentType)
            : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    public static ValidationProblem Validation<T>(CaseOutcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return TypedResults.ValidationProblem(outcome.Errors, title: outcome.Title);
    }

    /// <summary>Any outcome but done or field errors as problem details.</summary>
    public static ProblemHttpResult Problem<T>(CaseOutcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var detail = outcome.Detail ?? outcome.Title ?? "The request was refused.";
        return outcome.Kind switch
        {
            OutcomeKind.NotFound => Problems.NotFound(detail),
            OutcomeKind.Stale => StaleProblem(detail),
            OutcomeKind.Refused => Refused(outcome.Failure!),
            OutcomeKind.BadInput => Problems.BadRequest(outcome.Title ?? "Bad request", detail),
            OutcomeKind.TooLarge => Problems.TooLarge(detail),
            OutcomeKind.Invalid => TypedResults.Problem(outcome.Refusal, statusCode: StatusCodes.Status400BadRequest, title: outcome.Title),
            _ => Problems.Conflict(detail),
        };
    }

    private static ProblemHttpResult StaleProblem(string detail) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict",
            extensions: new Dictionary<string, object?> { ["code"] = "concurrent-edit" });

    /// <summary>A refused step as a 409 problem carrying the WFL code, the step, the status and any reviewer reasons.</summary>
    private static ProblemHttpResult Refused(WorkflowFailure failure) =>
        TypedResults.Problem(
            failure.Message,
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = failure.Code,
                ["step"] = JsonSerializer.Serialize(failure.Step).Trim('"'),
                ["caseStatus"] = CaseStatusNames.Name(failure.Status),
                ["reasons"] = failure.ReviewerReasons.Select(r => new { r.Code, r.Source, r.Message, r.Party }).ToList(),
            });
}
