using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenImr.Documents.Letters;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Redaction;
using OpenImr.Domain.Serialization;

namespace OpenImr.Application;

/// <summary>A letter rendered for download: its bytes, content type and file name.</summary>
public sealed record LetterFile(byte[] Content, string ContentType, string FileName, bool IsText);

/// <summary>
/// The letters of a case as files: the issued letter for those who may see the case; its public,
/// redacted version for anyone signed in; and staff's preview of the public version before it is issued.
/// </summary>
public sealed class CaseLetters(CaseRepository cases)
{
    /// <summary>The formats a letter renders in; the first is the default.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["pdf", "html", "markdown", "text"];

    /// <summary>The issued letter; not found until it is issued.</summary>
    public async Task<CaseOutcome<LetterFile>> IssuedAsync(Guid id, string? format, string organisation, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        if (FormatOf(format) is not { } wanted)
        {
            return UnknownFormat(format);
        }

        var issued = await cases.Db.Cases.AsNoTracking().VisibleTo(caller)
            .Where(c => c.Id == id)
            .Select(c => new { c.CaseNumber, Letter = c.Letters.OrderBy(l => l.Id).Select(l => l.LetterJson).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (issued is null)
        {
            return CaseOutcome.NotFound<LetterFile>(CaseAccess.NotFoundDetail(id));
        }

        return issued.Letter is null
            ? NotIssued(id)
            : CaseOutcome.Done<LetterFile>(Render(JsonSerializer.Deserialize<Letter>(issued.Letter, ImrJson.Compact)!, wanted, issued.CaseNumber ?? id.ToString(), organisation));
    }

    /// <summary>
    /// The public version of the issued letter: the worker, the employer, the providers and the reviewer
    /// redacted, with the claim number, addresses, dates of birth and every identifier (<see cref="LetterRedaction"/>).
    /// </summary>
    public async Task<CaseOutcome<LetterFile>> PublicAsync(Guid id, string? format, string organisation, CancellationToken cancellationToken = default)
    {
        if (FormatOf(format) is not { } wanted)
        {
            return UnknownFormat(format);
        }

        var issued = await cases.Db.Cases.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.CaseNumber, c.CaseJson, Reviewer = c.AssignedReviewer == null ? null : c.AssignedReviewer.Name, Letter = c.Letters.OrderBy(l => l.Id).Select(l => l.LetterJson).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (issued?.Letter is null)
        {
            // Note that a case without an issued letter has nothing public: not found either way, so the route reveals no case.
            return NotIssued(id);
        }

        var submitted = JsonSerializer.Deserialize<Case>(issued.CaseJson, ImrJson.Compact)!;
        var letter = LetterRedaction.Redact(JsonSerializer.Deserialize<Letter>(issued.Letter, ImrJson.Compact)!, RedactionSubjects.Of(submitted, issued.Reviewer));
        return CaseOutcome.Done<LetterFile>(Render(letter, wanted, PublicName(issued.CaseNumber, id), organisation));
    }

    /// <summary>
    /// The public letter before it is published: the issued letter redacted as <see cref="PublicAsync"/>
    /// serves it or, before it is issued, the letter as the decisions now stand, redacted the same way.
    /// A conflict while a request has no decision yet.
    /// </summary>
    public async Task<CaseOutcome<LetterFile>> PublicPreviewAsync(Guid id, string? format, string organisation, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        if (FormatOf(format) is not { } wanted)
        {
            return UnknownFormat(format);
        }

        var stored = await cases.LoadAsync(id, caller, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return CaseOutcome.NotFound<LetterFile>(CaseAccess.NotFoundDetail(id));
        }

        var reviewer = stored.AssignedReviewerId is { } reviewerId
            ? await cases.Db.Reviewers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewerId, cancellationToken).ConfigureAwait(false)
            : null;
        Letter letter;
        if (stored.Letters.OrderBy(l => l.Id).FirstOrDefault() is { } issued)
        {
            letter = JsonSerializer.Deserialize<Letter>(issued.LetterJson, ImrJson.Compact)!;
        }
        else
        {
            var state = await cases.StateOfAsync(stored, cancellationToken).ConfigureAwait(false);
            if (CaseFiles.ComposeLetter(stored, state, reviewer, cases.Context(caller).Date) is not { } composed)
            {
                var undecided = stored.Requests.Where(r => !stored.Determinations.Any(d => d.RequestOrdinal == r.Ordinal)).Select(r => r.Description);
                return CaseOutcome.Conflict<LetterFile>($"There is no letter to preview yet: no decision or recommendation on {string.Join("; ", undecided)}. Run the review first.");
            }

            letter = composed;
        }

        var redacted = LetterRedaction.Redact(letter, RedactionSubjects.Of(CaseRepository.CaseOf(stored), reviewer?.Name));
        return CaseOutcome.Done<LetterFile>(Render(redacted, wanted, $"{PublicName(stored.CaseNumber, id)}-preview", organisation));
    }

    /// <summary><paramref name="letter"/> as a file: PDF, HTML, Markdown or text.</summary>
    public static LetterFile Render(Letter letter, string format, string name, string organisation)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return format switch
        {
            "pdf" => new LetterFile(LetterDocuments.Pdf(letter, organisation), "application/pdf", $"{name}.pdf", IsText: false),
            "html" => Text(LetterRenderer.Render(letter, LetterFormat.Html, organisation), "text/html; charset=utf-8", $"{name}.html"),
            "markdown" => Text(LetterRenderer.Render(letter, LetterFormat.Markdown, organisation), "text/markdown; charset=utf-8", $"{name}.md"),
            _ => Text(LetterRenderer.Render(letter, LetterFormat.Text, organisation), "text/plain; charset=utf-8", $"{name}.txt"),
        };
    }

    /// <summary><c>pdf</c> (the default), <c>html</c>, <c>markdown</c> or <c>text</c>; null for anything else.</summary>
    public static string? FormatOf(string? format) =>
        (string.IsNullOrWhiteSpace(format) ? Formats[0] : format.Trim().ToLowerInvariant()) is var wanted && Formats.Contains(wanted) ? wanted : null;

    private static LetterFile Text(string text, string contentType, string fileName) => new(Encoding.UTF8.GetBytes(text), contentType, fileName, IsText: true);

    private static string PublicName(string? caseNumber, Guid id) => $"{caseNumber ?? id.ToString()}-public";

    private static CaseOutcome<LetterFile> UnknownFormat(string? format) =>
        CaseOutcome.BadInput<LetterFile>("Unknown format", $"'{format}' is not a letter format; use pdf, html, text or markdown.");

    private static CaseOutcome<LetterFile> NotIssued(Guid id) =>
        CaseOutcome.NotFound<LetterFile>($"The Final Determination Letter of case {id} is not issued yet.");
}
