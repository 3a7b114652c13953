using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenImr.Documents;
using OpenImr.Domain.Cases;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>A record as a person uploads it: the file (its name, claimed type, length and content), and the type and date they give it.</summary>
/// <param name="ContentType">The type the upload claims (<c>application/pdf</c>, <c>text/plain</c>), if any.</param>
/// <param name="Length">The file's length in bytes, as the upload states it; the content is read only when it is within the limit.</param>
/// <param name="Date">The record's date as given, <c>yyyy-MM-dd</c>; optional.</param>
public sealed record RecordUpload(string FileName, string? ContentType, long Length, Stream Content, string? Type, string? Date);

/// <summary>
/// Adds a record to the case file while the case is open for records (the Domain's rule): its text
/// is extracted at once and its clinical facts read, all kept with the original bytes.
/// </summary>
public sealed class RecordAddition(CaseRepository cases)
{
    public const string PdfContentType = "application/pdf";
    public const string TextContentType = "text/plain";

    /// <param name="maxBytes">The largest record the service takes.</param>
    public async Task<CaseOutcome<DocumentView>> AddAsync(Guid id, RecordUpload? upload, long maxBytes, ClaimsPrincipal caller, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var stored = await cases.Db.Cases.VisibleTo(caller).FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return CaseOutcome.NotFound<DocumentView>(CaseAccess.NotFoundDetail(id));
        }

        if (expectedVersion is { } expected && expected != stored.Version)
        {
            return CaseOutcome.Stale<DocumentView>();
        }

        // Records serve a review not yet decided: a decided, issued, closed or ineligible case takes none (the Domain's rule).
        await cases.Db.Entry(stored).Collection(c => c.Letters).LoadAsync(cancellationToken).ConfigureAwait(false);
        if (CaseWorkflow.AddRecordsRefusal(await cases.StateOfAsync(stored, cancellationToken).ConfigureAwait(false)) is { } refusal)
        {
            return await cases.RefuseAsync<DocumentView>(caller, id, refusal, cancellationToken).ConfigureAwait(false);
        }

        var (errors, documentDate) = Check(upload);
        if (errors.Count > 0)
        {
            return CaseOutcome.Invalid<DocumentView>(errors);
        }

        var file = upload!;
        if (file.Length > maxBytes)
        {
            return CaseOutcome.TooLarge<DocumentView>($"'{file.FileName}' has {file.Length} bytes; a document may have at most {maxBytes}.");
        }

        byte[] content;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            content = buffer.ToArray();
        }

        var isPdf = DocumentText.IsPdf(content);
        var claimsPdf = string.Equals(file.ContentType, PdfContentType, StringComparison.OrdinalIgnoreCase) ||
            file.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
        if (claimsPdf && !isPdf)
        {
            return CaseOutcome.BadInput<DocumentView>("Not a PDF", $"'{file.FileName}' claims to be a PDF but does not start like one; upload the real PDF or the text as text/plain.");
        }

        string text;
        try
        {
            text = DocumentText.FromBytes(content);
        }
        catch (DocumentReadException exception)
        {
            return CaseOutcome.BadInput<DocumentView>("Unreadable document", $"'{file.FileName}' cannot be read: {exception.Message}.");
        }

        var now = cases.Clock.GetUtcNow();
        var ordinal = await cases.Db.CaseDocuments.Where(d => d.CaseId == id).Select(d => (int?)d.Ordinal).MaxAsync(cancellationToken).ConfigureAwait(false);
        var document = new StoredCaseDocument
        {
            CaseId = id,
            Ordinal = (ordinal ?? -1) + 1,
            Type = string.IsNullOrWhiteSpace(file.Type) ? null : file.Type.Trim(),
            Date = documentDate,
            FileName = Path.GetFileName(file.FileName),
            ContentType = isPdf ? PdfContentType : TextContentType,
            Content = content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Text = text,
            AddedAt = now,
            AddedBy = caller.UserId(),
        };
        DocumentFacts.Attach(document, id, cases.Clock);
        cases.Db.CaseDocuments.Add(document);
        stored.Version++;
        stored.UpdatedAt = now;
        cases.Record(caller, CaseActions.DocumentAdded, id, $"{document.FileName} ({document.ContentType}, {content.Length} bytes, {text.Length} characters, {document.Facts.Count} facts)");
        return await cases.SaveAsync(cancellationToken).ConfigureAwait(false)
            ? CaseOutcome.Done<DocumentView>(DocumentView.Of(document, content.Length))
            : CaseOutcome.Conflict<DocumentView>("The case changed while the document was being added; send it again.");
    }

    private static (Dictionary<string, string[]> Errors, DateOnly? Date) Check(RecordUpload? upload)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (upload is null)
        {
            errors["file"] = ["Upload the record as the multipart form field 'file'."];
        }
        else if (upload.Length == 0)
        {
            errors["file"] = [$"'{upload.FileName}' is empty."];
        }

        DateOnly? documentDate = null;
        if (!string.IsNullOrWhiteSpace(upload?.Date))
        {
            if (!DateOnly.TryParseExact(upload.Date.Trim(), "yyyy-MM-dd", out var parsed))
            {
                errors["date"] = [$"'{upload.Date}' is not a date in the form yyyy-MM-dd."];
            }
            else if (CaseValidator.DateProblem(parsed) is { } dateProblem)
            {
                errors["date"] = [CaseErrors.Sentence(dateProblem)];
            }
            else
            {
                documentDate = parsed;
            }
        }

        if (CaseValidator.LengthProblem(upload?.Type, CaseValidator.MaxNameLength) is { } typeProblem)
        {
            errors["type"] = [CaseErrors.Sentence(typeProblem)];
        }
        else if (upload?.Type is { } type && type.Any(IsControl))
        {
            errors["type"] = ["The type holds a control character (such as NUL); remove it."];
        }

        return (errors, documentDate);
    }

    /// <summary>A control character a text field refuses (tabs and line breaks are text).</summary>
    public static bool IsControl(char c) => c < ' ' && c is not ('\t' or '\n' or '\v' or '\f' or '\r');
}
