using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenImr.Documents;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Serialization;
using OpenImr.Storage;
using OpenImr.Storage.Service;
using OpenImr.Web.Features.Cases;
using OpenImr.Web.Features.Workflow;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.CaseDocuments;

/// <summary>
/// <c>POST /api/cases/{id}/documents</c>: a multipart upload of one record (PDF or text, form field
/// <c>file</c>, optional <c>type</c> and <c>date</c>). The text is extracted at once and kept with the original bytes.
/// </summary>
internal static class CaseDocumentEndpoints
{
    public const string PdfContentType = "application/pdf";
    public const string TextContentType = "text/plain";

    public static RouteGroupBuilder MapCaseDocumentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{id:guid}/documents", AddDocument)
            .WithName("AddCaseDocument")
            .WithTags("Cases")
            .RequireAuthorization(Policies.Filer)
            .AddEndpointFilter(CaseStepQueue.SerialiseAsync)
            // Note that the API authenticates by bearer token, never by cookie, so there is no request to forge.
            .DisableAntiforgery();
        api.MapGet("/cases/{id:guid}/documents/{documentId:int}", GetDocument).WithName("GetCaseDocument").WithTags("Cases");
        api.MapGet("/cases/{id:guid}/documents/{documentId:int}/content", GetDocumentContent).WithName("GetCaseDocumentContent").WithTags("Cases");
        api.MapGet("/cases/{id:guid}/facts", GetFacts).WithName("GetCaseFacts").WithTags("Cases");
        return api;
    }

    public static async Task<Results<Created<DocumentView>, ValidationProblem, ProblemHttpResult>> AddDocument(
        Guid id,
        IFormFile? file,
        [FromForm] string? type,
        [FromForm] string? date,
        ImrDbContext db,
        WebAppOptions options,
        TimeProvider clock,
        ClaimsPrincipal caller,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var stored = await db.Cases.VisibleTo(caller).FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Problems.NotFound(CaseAccess.NotFoundDetail(id));
        }

        if (WorkflowStore.IsStale(http, stored))
        {
            return WorkflowStore.StaleProblem();
        }

        // Records serve a review not yet decided: a decided, issued, closed or ineligible case takes none (the Domain's rule).
        if (Domain.Cases.CaseWorkflow.AddRecordsRefusal(await WorkflowStore.StateOfAsync(db, stored, cancellationToken).ConfigureAwait(false)) is { } refusal)
        {
            return await WorkflowStore.RefuseAsync(db, clock, caller, id, refusal, cancellationToken).ConfigureAwait(false);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (file is null)
        {
            errors["file"] = ["Upload the record as the multipart form field 'file'."];
        }
        else if (file.Length == 0)
        {
            errors["file"] = [$"'{file.FileName}' is empty."];
        }

        DateOnly? documentDate = null;
        if (!string.IsNullOrWhiteSpace(date))
        {
            if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", out var parsed))
            {
                errors["date"] = [$"'{date}' is not a date in the form yyyy-MM-dd."];
            }
            else if (Domain.Cases.CaseValidator.DateProblem(parsed) is { } dateProblem)
            {
                errors["date"] = [CaseValidator.Sentence(dateProblem)];
            }
            else
            {
                documentDate = parsed;
            }
        }

        if (Domain.Cases.CaseValidator.LengthProblem(type, Domain.Cases.CaseValidator.MaxNameLength) is { } typeProblem)
        {
            errors["type"] = [CaseValidator.Sentence(typeProblem)];
        }
        else if (type is not null && type.Any(StrictStrings.IsRefused))
        {
            errors["type"] = ["The type holds a control character (such as NUL); remove it."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (file!.Length > options.MaxDocumentBytes)
        {
            return Problems.TooLarge($"'{file.FileName}' has {file.Length} bytes; a document may have at most {options.MaxDocumentBytes}.");
        }

        byte[] content;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            content = buffer.ToArray();
        }

        var isPdf = DocumentText.IsPdf(content);
        var claimsPdf = string.Equals(file.ContentType, PdfContentType, StringComparison.OrdinalIgnoreCase) ||
            file.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
        if (claimsPdf && !isPdf)
        {
            return Problems.BadRequest("Not a PDF", $"'{file.FileName}' claims to be a PDF but does not start like one; upload the real PDF or the text as text/plain.");
        }

        string text;
        try
        {
            text = DocumentText.FromBytes(content);
        }
        catch (DocumentReadException exception)
        {
            return Problems.BadRequest("Unreadable document", $"'{file.FileName}' cannot be read: {exception.Message}.");
        }

        var now = clock.GetUtcNow();
        var ordinal = await db.CaseDocuments.Where(d => d.CaseId == id).Select(d => (int?)d.Ordinal).MaxAsync(cancellationToken).ConfigureAwait(false);
        var document = new StoredCaseDocument
        {
            CaseId = id,
            Ordinal = (ordinal ?? -1) + 1,
            Type = string.IsNullOrWhiteSpace(type) ? null : type.Trim(),
            Date = documentDate,
            FileName = Path.GetFileName(file.FileName),
            ContentType = isPdf ? PdfContentType : TextContentType,
            Content = content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Text = text,
            AddedAt = now,
            AddedBy = caller.UserId(),
        };
        DocumentFacts.Attach(document, id, clock);
        db.CaseDocuments.Add(document);
        stored.Version++;
        stored.UpdatedAt = now;
        db.Record(clock, caller, "case.document-added", id, $"{document.FileName} ({document.ContentType}, {content.Length} bytes, {text.Length} characters, {document.Facts.Count} facts)");
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || IsDuplicate(exception))
        {
            return Problems.Conflict("The case changed while the document was being added; send it again.");
        }

        return TypedResults.Created($"/api/cases/{id}", DocumentView.Of(document, content.Length));
    }

    /// <summary>A record of a visible case with its extracted text (the text review evidence offsets point into).</summary>
    public static async Task<Results<Ok<DocumentWithText>, ProblemHttpResult>> GetDocument(
        Guid id, int documentId, ImrDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var document = await VisibleDocument(id, documentId, db, caller)
            .Select(d => new DocumentWithText(
                new DocumentView(
                    d.Id, d.Ordinal, d.Type, d.Date, d.FileName, d.ContentType,
                    d.Content == null ? null : (long?)d.Content.Length,
                    d.Text == null ? null : (int?)d.Text.Length,
                    d.Sha256, d.AddedAt),
                d.Text))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return document is null
            ? Problems.NotFound($"Case {id} has no document {documentId} that you may see.")
            : TypedResults.Ok(document);
    }

    /// <summary>
    /// The clinical facts read from the case's documents when they were added, in document and text
    /// order, each with its evidence span into the document's text; optionally of one kind.
    /// </summary>
    public static async Task<Results<Ok<List<StoredFactView>>, ProblemHttpResult>> GetFacts(
        Guid id, string? kind, ImrDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AsNoTracking().VisibleTo(caller).AnyAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return Problems.NotFound(CaseAccess.NotFoundDetail(id));
        }

        var facts = db.CaseFacts.AsNoTracking().Where(f => f.CaseId == id);
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var wanted = kind.Trim();
            facts = facts.Where(f => f.Kind == wanted);
        }

        var rows = await facts
            .Join(db.CaseDocuments, f => f.DocumentId, d => d.Id, (f, d) => new { f, d.Ordinal })
            .OrderBy(x => x.Ordinal).ThenBy(x => x.f.Start).ThenBy(x => x.f.Id)
            .Select(x => new { x.f.DocumentId, x.f.Kind, x.f.Status, x.f.Start, x.f.End, x.f.FactJson })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(rows.Select(r => new StoredFactView(r.DocumentId, r.Kind, r.Status, r.Start, r.End,
            JsonSerializer.Deserialize<ClinicalFact>(r.FactJson, ImrJson.Compact)!)).ToList());
    }

    /// <summary>The original bytes of an uploaded record, as uploaded.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetDocumentContent(
        Guid id, int documentId, ImrDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var document = await VisibleDocument(id, documentId, db, caller)
            .Select(d => new { d.Content, d.ContentType, d.FileName })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return Problems.NotFound($"Case {id} has no document {documentId} that you may see.");
        }

        return document.Content is null
            ? Problems.NotFound($"Document {documentId} of case {id} was given as text or a path; there is no uploaded original.")
            : TypedResults.File(document.Content, document.ContentType ?? "application/octet-stream", document.FileName);
    }

    private static IQueryable<StoredCaseDocument> VisibleDocument(Guid id, int documentId, ImrDbContext db, ClaimsPrincipal caller) =>
        db.CaseDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.CaseId == id)
            .Where(d => db.Cases.VisibleTo(caller).Any(c => c.Id == d.CaseId));

    private static bool IsDuplicate(DbUpdateException exception) =>
        exception.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true ||
        exception.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}

/// <param name="Text">The extracted text; null while only a path is known.</param>
public sealed record DocumentWithText(DocumentView Document, string? Text);

/// <summary>A stored clinical fact: the document it was read from, its kind, status and evidence span, and the whole fact.</summary>
public sealed record StoredFactView(int DocumentId, string Kind, string Status, int Start, int End, ClinicalFact Fact);
