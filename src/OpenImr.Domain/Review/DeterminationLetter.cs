using OpenImr.Domain.Cases;
using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Review;

/// <summary>
/// Turns a case and its review into the <see cref="Letter"/> that is rendered as the Final
/// Determination Letter: the case's header, the reviewer's credentials, the clinical summary
/// and one item per determination with the guideline relied on and the rationale.
/// </summary>
public static class DeterminationLetter
{
    /// <param name="decided">The decision date printed on the letter.</param>
    /// <param name="reviewer">The signing reviewer's credentials, when known.</param>
    public static Letter Compose(Case @case, Review review, DateOnly decided, ReviewerCredentials? reviewer = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(review);
        var summary = @case.Documents
            .Where(d => string.Equals(d.Type, "clinical-summary", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(d.Text))
            .Select(d => d.Text!.Trim())
            .FirstOrDefault() ?? RecordsList(@case);
        var items = review.Determinations.Select(d => new LetterItem(
            d.Request,
            d.Decision,
            null,
            d.Guideline is { } g ? GuidelineCitationFormatter.Format([g]) : null,
            d.Guideline is { } cited ? [cited] : [],
            d.Rationale)).ToList();
        return new Letter(
            null,
            LetterFormats.Current,
            @case.CaseNumber,
            new LetterDates(@case.Dates?.Assigned, @case.Dates?.Injury, decided, @case.Dates?.UrDenial, @case.Dates?.ApplicationReceived),
            @case.Priority?.ToLowerInvariant() ?? "standard",
            reviewer ?? ReviewerCredentials.None,
            new PatientDescription(@case.Patient?.Age, @case.Patient?.Sex),
            summary,
            items);
    }

    private static string RecordsList(Case @case)
    {
        var documents = @case.Documents.Select(d =>
            $"{(d.Type ?? "document").Replace('-', ' ')}{(d.Date is { } date ? $" dated {date:yyyy-MM-dd}" : "")}");
        return $"The records reviewed were: {string.Join("; ", documents)}.";
    }
}
