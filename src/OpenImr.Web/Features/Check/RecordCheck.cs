using OpenImr.Documents;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Review;

namespace OpenImr.Web.Features.Check;

/// <summary>A record given to the check: a file's name and bytes (PDF or text).</summary>
public sealed record RecordFile(string FileName, byte[] Content);

/// <summary>What the check found, or what is wrong with the input (each message names the field or file and what to do).</summary>
public sealed record RecordCheckResult(IReadOnlyList<RequestCheck> Checks, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// "Check before you file": runs the engine over pasted or uploaded records and the requests, as
/// <c>imr check</c> does, and tells per request which criteria are met and what documentation is missing.
/// Nothing is stored.
/// </summary>
public sealed class RecordCheck(WebAppOptions options, CriteriaLibrary criteria)
{
    /// <summary>The most requests one check takes, as many as one application holds.</summary>
    public const int MaxRequests = 20;

    /// <summary>The largest file taken, the server's document limit.</summary>
    public long MaxFileBytes => options.MaxDocumentBytes;

    /// <summary>Checks the requests (one a line) against the pasted text and the files.</summary>
    /// <param name="urDecision">The date of the UR decision, which picks the guideline version in force; null: the date the records state, else today.</param>
    public RecordCheckResult Run(string? requests, string? pastedRecords, IReadOnlyList<RecordFile> files, DateOnly? urDecision = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<string>();
        var requestLines = (requests ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (requestLines.Length == 0)
        {
            errors.Add("Requests: enter at least one requested treatment, one a line (for example \"Physical therapy 2x4 lumbar spine\").");
        }
        else if (requestLines.Length > MaxRequests)
        {
            errors.Add($"Requests: {requestLines.Length} lines given; check at most {MaxRequests} at a time.");
        }

        var texts = new List<string>();
        if (!string.IsNullOrWhiteSpace(pastedRecords))
        {
            texts.Add(pastedRecords);
        }

        foreach (var file in files)
        {
            var error = Read(file, out var text);
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                texts.Add(text!);
            }
        }

        if (texts.Count == 0 && files.Count == 0)
        {
            errors.Add("Records: paste the medical records or upload them (PDF or text); the check reads what they document.");
        }

        if (errors.Count > 0)
        {
            return new RecordCheckResult([], errors);
        }

        var @case = new Case
        {
            Dates = urDecision is null ? null : new CaseDates { UrDenial = urDecision },
            Requests = [.. requestLines.Select(r => new CaseRequest { Description = r })],
            Documents = [.. texts.Select(t => new CaseDocument { Text = t })],
        };
        var today = CaseClock.Today(options.TimeProvider);
        var review = criteria.Engine.Review(@case, texts, today);
        return new RecordCheckResult(RequestChecks.From(review, criteria.Library), []);
    }

    private string? Read(RecordFile file, out string? text)
    {
        text = null;
        if (file.Content.Length == 0)
        {
            return $"'{file.FileName}' is empty; upload the file again or paste its text.";
        }

        if (file.Content.Length > options.MaxDocumentBytes)
        {
            return $"'{file.FileName}' has {file.Content.Length:N0} bytes; a record may have at most {options.MaxDocumentBytes:N0}. Split it or paste the relevant pages.";
        }

        var claimsPdf = file.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
        if (claimsPdf && !DocumentText.IsPdf(file.Content))
        {
            return $"'{file.FileName}' is named .pdf but is not a PDF; upload the real PDF, or the text as a .txt file.";
        }

        try
        {
            text = DocumentText.FromBytes(file.Content);
        }
        catch (DocumentReadException exception)
        {
            return $"'{file.FileName}' cannot be read: {exception.Message}. Upload a PDF with text or a text file.";
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return $"'{file.FileName}' has no text (a scanned PDF without a text layer?); paste the text of the record instead.";
        }

        return null;
    }
}
