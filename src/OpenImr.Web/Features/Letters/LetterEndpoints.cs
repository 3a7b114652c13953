using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenImr.Documents.Letters;
using OpenImr.Domain.Letters;
using OpenImr.Storage;
using OpenImr.Storage.Letters;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Letters;

/// <summary>
/// The library of published letters: upload (<c>POST /api/letters</c>, staff), search
/// (<c>GET /api/letters</c>) and one letter by case number (<c>GET /api/letters/{caseNumber}</c>).
/// </summary>
internal static class LetterEndpoints
{
    public static RouteGroupBuilder MapLetterEndpoints(this RouteGroupBuilder api)
    {
        var letters = api.MapGroup("/letters").WithTags("Letters");
        letters.MapPost("/", UploadLetters).WithName("UploadLetters").RequireAuthorization(Policies.Staff).DisableAntiforgery();
        letters.MapGet("/", SearchLetters).WithName("SearchLetters");
        letters.MapGet("/{caseNumber}", GetLetter).WithName("GetLetter");
        return api;
    }

    public static async Task<Results<Ok<LetterUploadResult>, ValidationProblem>> UploadLetters(
        IFormFileCollection files, LetterStore store, ImrDbContext db, WebAppOptions options, TimeProvider clock, ClaimsPrincipal caller,
        CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["files"] = ["Upload one or more letters (PDF, text, Markdown or HTML) as multipart form files."],
            });
        }

        var outcomes = new List<LetterFileOutcome>(files.Count);
        var letters = new List<Letter>();
        foreach (var file in files)
        {
            if (file.Length > options.MaxDocumentBytes)
            {
                outcomes.Add(LetterFileOutcome.Failed(file.FileName, "TOO_LARGE", $"the file has {file.Length} bytes; at most {options.MaxDocumentBytes} are accepted"));
                continue;
            }

            byte[] content;
            using (var buffer = new MemoryStream((int)file.Length))
            {
                await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                content = buffer.ToArray();
            }

            var result = LetterFileReader.Read(content, Path.GetFileName(file.FileName));
            var warnings = result.Issues.Where(i => i.Severity != IssueSeverity.Error).Select(i => new LetterIssueView(i.Code, i.Message)).ToList();
            if (result.Letter is not { } letter)
            {
                var error = result.Issues.First(i => i.Severity == IssueSeverity.Error);
                outcomes.Add(LetterFileOutcome.Failed(file.FileName, error.Code, error.Message));
            }
            else if (string.IsNullOrWhiteSpace(letter.CaseNumber))
            {
                outcomes.Add(LetterFileOutcome.Failed(file.FileName, "NO_CASE_NUMBER", "the letter states no case number, so it cannot be stored"));
            }
            else
            {
                letters.Add(letter);
                outcomes.Add(new LetterFileOutcome(file.FileName, letter.CaseNumber, Stored: true, null, warnings));
            }
        }

        var upserted = await store.UpsertAsync(letters, cancellationToken).ConfigureAwait(false);
        db.Record(clock, caller, "letters.uploaded",
            detail: $"{files.Count} file(s): {upserted.Inserted} new, {upserted.Updated} updated, {upserted.Unchanged} unchanged, {outcomes.Count(o => !o.Stored)} failed");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new LetterUploadResult(upserted.Inserted, upserted.Updated, upserted.Unchanged, outcomes.Count(o => !o.Stored), outcomes));
    }

    /// <summary>
    /// Searches the library. The query is bounded (<see cref="LetterQuery.TextProblem"/>: a 400 names
    /// what is over), and so is its time: past <see cref="WebAppOptions.SearchTimeout"/> the search
    /// stops and answers 503 with <c>Retry-After</c>.
    /// </summary>
    public static async Task<Results<Ok<LetterSearchResponse>, ValidationProblem, ProblemHttpResult>> SearchLetters(
        string? q, string? decision, string? service, int? page, int? pageSize, string? source, string? title, int? year, string? specialty,
        LetterStore store, WebAppOptions options, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Decision? wanted = null;
        if (!string.IsNullOrWhiteSpace(decision))
        {
            if (Enum.TryParse<Decision>(decision.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["decision"] = [$"'{decision}' is not a decision; use {string.Join(", ", Enum.GetNames<Decision>())}."];
            }
        }

        if (LetterQuery.TextProblem(q) is { } textProblem)
        {
            errors["q"] = [textProblem];
        }

        foreach (var (name, value) in new[] { ("decision", decision), ("service", service), ("source", source), ("title", title), ("specialty", specialty) })
        {
            if (LetterQuery.FilterProblem(value) is { } filterProblem)
            {
                errors[name] = [filterProblem];
            }
        }

        if (page is < 1)
        {
            errors["page"] = ["Pages are numbered from 1."];
        }

        if (year is < 1900 or > 9998)
        {
            errors["year"] = [$"'{year}' is not a year of decision; give four digits, such as 2016."];
        }

        if (pageSize is < 1 or > LetterQuery.MaxPageSize)
        {
            errors["pageSize"] = [$"The page size is between 1 and {LetterQuery.MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = new LetterQuery(
            string.IsNullOrWhiteSpace(q) ? null : q,
            wanted,
            string.IsNullOrWhiteSpace(service) ? null : service.Trim(),
            string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
            string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            year,
            page ?? 1,
            pageSize ?? LetterQuery.DefaultPageSize,
            string.IsNullOrWhiteSpace(specialty) ? null : specialty.Trim());
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.SearchTimeout);
        LetterSearchResult result;
        try
        {
            result = await store.SearchAsync(query, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            // Note that the providers report a cancelled command in their own words (SQLite: "interrupted"); the deadline is what tells.
            http.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem(
                $"The search took longer than {options.SearchTimeout.TotalSeconds:0.#} s and was stopped; use fewer or more specific words, or a filter.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search too slow",
                extensions: new Dictionary<string, object?> { ["code"] = "search-timeout" });
        }

        return TypedResults.Ok(new LetterSearchResponse(result.Total, result.TotalIsExact, query.Page, query.PageSize, result.Hits));
    }

    public static async Task<Results<Ok<Letter>, ProblemHttpResult>> GetLetter(string caseNumber, LetterStore store, CancellationToken cancellationToken)
    {
        var letter = string.IsNullOrWhiteSpace(caseNumber) ? null : await store.GetAsync(caseNumber, cancellationToken).ConfigureAwait(false);
        return letter is null ? Problems.NotFound($"No stored letter has the case number '{caseNumber}'.") : TypedResults.Ok(letter);
    }
}

public sealed record LetterIssueView(string Code, string Message);

/// <summary>What became of one uploaded file: stored under its case number, or the error that stopped it.</summary>
public sealed record LetterFileOutcome(string File, string? CaseNumber, bool Stored, LetterIssueView? Error, IReadOnlyList<LetterIssueView> Warnings)
{
    internal static LetterFileOutcome Failed(string file, string code, string message) => new(file, null, false, new LetterIssueView(code, message), []);
}

/// <param name="Inserted">Letters new to the library.</param>
/// <param name="Updated">Letters whose stored version changed.</param>
/// <param name="Unchanged">Letters already stored as they are.</param>
/// <param name="Failed">Files not stored; their <see cref="LetterFileOutcome.Error"/> says why.</param>
public sealed record LetterUploadResult(int Inserted, int Updated, int Unchanged, int Failed, IReadOnlyList<LetterFileOutcome> Files);

/// <summary>One page of search hits (the shape of <c>imr search --json</c>, with the page).</summary>
/// <param name="TotalIsExact">False when <paramref name="Total"/> is a lower bound: counting stopped at the store's limit.</param>
public sealed record LetterSearchResponse(int Total, bool TotalIsExact, int Page, int PageSize, IReadOnlyList<LetterHit> Hits);
